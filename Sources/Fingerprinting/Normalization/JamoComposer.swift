/// Composes conjoining Hangul jamo (L V [T]) into precomposed syllables, as NFC does, without
/// Foundation: the composition is arithmetic (Unicode §3.12), and doing it here keeps long
/// decomposed texts linear.
struct JamoComposer {
    private var lead: UInt32?
    private var vowel: UInt32?
    private var origin = 0

    var isEmpty: Bool { lead == nil }

    static func isConjoining(_ v: UInt32) -> Bool {
        (0x1100...0x11FF).contains(v) || (0xA960...0xA97F).contains(v) || (0xD7B0...0xD7FF).contains(v)
    }

    /// Feeds one jamo at `offset`, handing finished scalars and their origins to `emit`.
    mutating func push(_ v: UInt32, at offset: Int, emit: (UInt32, Int) -> Void) {
        let isL = (0x1100...0x1112).contains(v)
        let isV = (0x1161...0x1175).contains(v)
        let isT = (0x11A8...0x11C2).contains(v)
        if let l = lead, let vv = vowel, isT {
            lead = nil
            vowel = nil
            emit(0xAC00 + ((l - 0x1100) * 21 + (vv - 0x1161)) * 28 + (v - 0x11A7), origin)
            return
        }
        if lead != nil, vowel == nil, isV {
            vowel = v
            return
        }
        flush(emit: emit)
        if isL {
            lead = v
            origin = offset
        } else {
            // A lone vowel, trailing consonant or old jamo stays as it is.
            emit(v, offset)
        }
    }

    /// Emits whatever is buffered.
    mutating func flush(emit: (UInt32, Int) -> Void) {
        guard let l = lead else { return }
        lead = nil
        if let vv = vowel {
            vowel = nil
            emit(0xAC00 + ((l - 0x1100) * 21 + (vv - 0x1161)) * 28, origin)
        } else {
            emit(l, origin)
        }
    }
}
