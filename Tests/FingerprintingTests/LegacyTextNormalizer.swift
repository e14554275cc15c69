// The normaliser as it was before the fast path of 2026-05 (commit 593a009), frozen as the
// reference the current one must match bit for bit: scalars, offset map and length. Only the
// names differ (Legacy…), so both can live in one test binary. Do not "improve" this file.
import Foundation
@testable import Fingerprinting



/// Normalises text for shingling: NFKC (Hangul kept precomposed), lower case, letters and digits
/// only, boilerplate ranges dropped, with an offset map back to the original code points.
///
/// Foundation's normaliser runs at ≈ 35 MB/s and is quadratic on long decomposed Hangul, so the
/// common scripts take a fast path that is already normal (ASCII, Hangul syllables, CJK
/// ideographs, kana, Latin-1 letters), conjoining jamo are composed arithmetically, fullwidth
/// ASCII is folded by subtraction, and only the remaining short runs go through Foundation.
enum LegacyTextNormalizer {
    /// Stamped into every index: change it whenever the output for some input changes.
    static let version = "nfkc-alnum-lower-v1"

    /// Normalises `text`; code points inside `excluded` ranges (original offsets) are dropped.
    static func normalize(_ text: String, excluding excluded: [TextSpan] = []) -> NormalizedText {
        var builder = Builder(skip: LegacyExclusionCursor(excluded), capacity: text.utf8.count)
        var index = 0
        var slowRun: [Unicode.Scalar] = []
        var slowStart = 0
        var jamo = LegacyJamoComposer()

        // Decoding the UTF-8 by hand and taking ASCII and Hangul syllables straight through is
        // what makes this run at hundreds of MB/s; everything else takes the general path below.
        var utf8 = text
        utf8.withUTF8 { bytes in
            let n = bytes.count
            var i = 0
            while i < n {
                let b0 = bytes[i]
                var v: UInt32
                if b0 < 0x80 {
                    v = UInt32(b0)
                    i += 1
                } else if b0 < 0xE0 {
                    guard i + 1 < n else { break }
                    v = (UInt32(b0 & 0x1F) << 6) | UInt32(bytes[i + 1] & 0x3F)
                    i += 2
                } else if b0 < 0xF0 {
                    guard i + 2 < n else { break }
                    v = (UInt32(b0 & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F)
                    i += 3
                } else {
                    guard i + 3 < n else { break }
                    v = (UInt32(b0 & 0x07) << 18) | (UInt32(bytes[i + 1] & 0x3F) << 12)
                        | (UInt32(bytes[i + 2] & 0x3F) << 6) | UInt32(bytes[i + 3] & 0x3F)
                    i += 4
                }
                if slowRun.isEmpty && jamo.isEmpty {
                    if v < 0x80 {
                        if v >= 0x61 && v <= 0x7A || v >= 0x30 && v <= 0x39 {
                            builder.emit(v, origin: index)
                        } else if v >= 0x41 && v <= 0x5A {
                            builder.emit(v + 0x20, origin: index)
                        }
                        index += 1
                        continue
                    }
                    if v >= 0xAC00 && v <= 0xD7A3 {
                        builder.emit(v, origin: index)
                        index += 1
                        continue
                    }
                }
                guard let scalar = Unicode.Scalar(v) else {
                    index += 1
                    continue
                }
                if LegacyJamoComposer.isConjoining(v) {
                    builder.flushSlow(&slowRun, start: slowStart)
                    jamo.push(v, at: index) { builder.emit($0, origin: $1) }
                } else {
                    jamo.flush { builder.emit($0, origin: $1) }
                    if let fast = fastPath(v) {
                        builder.flushSlow(&slowRun, start: slowStart)
                        if fast != 0 { builder.emit(fast, origin: index) }
                    } else {
                        if slowRun.isEmpty {
                            slowStart = index
                            // A combining mark joins the preceding base character.
                            if scalar.properties.canonicalCombiningClass != .notReordered, index > 0,
                               let previous = builder.retractLast(ifOrigin: index - 1) {
                                slowRun.append(previous)
                                slowStart = index - 1
                            }
                        }
                        slowRun.append(scalar)
                        if slowRun.count >= 64 && scalar.properties.canonicalCombiningClass == .notReordered {
                            // Bound each Foundation call: long runs of other scripts stay linear.
                            let last = slowRun.removeLast()
                            builder.flushSlow(&slowRun, start: slowStart)
                            slowRun = [last]
                            slowStart = index
                        }
                    }
                }
                index += 1
            }
        }
        jamo.flush { builder.emit($0, origin: $1) }
        builder.flushSlow(&slowRun, start: slowStart)
        return NormalizedText(scalars: builder.scalars, origins: builder.origins, originalLength: index)
    }

    /// The kept value for scalars that NFKC leaves alone (0 = drop), or nil for the slow path.
    @inline(__always)
    static func fastPath(_ v: UInt32) -> UInt32? {
        if v < 0x80 {
            if v >= 0x61 && v <= 0x7A { return v }
            if v >= 0x41 && v <= 0x5A { return v + 0x20 }
            if v >= 0x30 && v <= 0x39 { return v }
            return 0
        }
        if v >= 0xAC00 && v <= 0xD7A3 { return v }          // Hangul syllables
        if v >= 0x4E00 && v <= 0x9FFF { return v }          // CJK unified ideographs
        if v >= 0x3041 && v <= 0x3096 { return v }          // hiragana
        if v >= 0x30A1 && v <= 0x30FA { return v }          // katakana
        if v >= 0x3131 && v <= 0x318E { return v }          // compatibility jamo: kept standalone (NFKC would decompose ㅋ into a conjoining jamo)
        if v >= 0xFF01 && v <= 0xFF5E { return fastPath(v - 0xFEE0) }  // fullwidth ASCII
        if v >= 0xC0 && v <= 0xFF && v != 0xD7 && v != 0xF7 {
            return v <= 0xDE ? v + 0x20 : v                  // Latin-1 letters (ß and ÿ stay)
        }
        if v == 0xA0 || v == 0xFEFF || v == 0xD7 || v == 0xF7 { return 0 }
        if (0x2000...0x205E).contains(v) { return 0 }               // spaces and general punctuation
        if (0x3000...0x3004).contains(v) || (0x3008...0x3020).contains(v) { return 0 }  // CJK spaces and brackets
        if (0xA1...0xBF).contains(v) && !latin1Kept.contains(v) { return 0 }  // Latin-1 signs
        return nil
    }

    /// Latin-1 signs NFKC maps to letters or digits (ª º ² ³ ¹ ¼ ½ ¾ µ): the slow path.
    private static let latin1Kept: Set<UInt32> = [0xAA, 0xBA, 0xB2, 0xB3, 0xB9, 0xBC, 0xBD, 0xBE, 0xB5]

    private struct Builder {
        var scalars: [UInt32] = []
        var origins: [Int32] = []
        var skip: LegacyExclusionCursor

        init(skip: LegacyExclusionCursor, capacity: Int) {
            self.skip = skip
            // UTF-8 bytes bound the number of scalars from above.
            scalars.reserveCapacity(capacity)
            origins.reserveCapacity(capacity)
        }

        @inline(__always)
        mutating func emit(_ v: UInt32, origin: Int) {
            if skip.hasRanges && skip.isExcluded(origin) { return }
            scalars.append(v)
            origins.append(Int32(truncatingIfNeeded: origin))
        }

        /// Takes back the last emitted scalar if it came from `origin` (to recompose it with a
        /// following combining mark).
        mutating func retractLast(ifOrigin origin: Int) -> Unicode.Scalar? {
            guard let last = origins.last, Int(last) == origin, let v = scalars.last,
                  let s = Unicode.Scalar(v) else { return nil }
            scalars.removeLast()
            origins.removeLast()
            return s
        }

        mutating func flushSlow(_ run: inout [Unicode.Scalar], start: Int) {
            guard !run.isEmpty else { return }
            defer { run.removeAll(keepingCapacity: true) }
            var whole = String.UnicodeScalarView()
            whole.append(contentsOf: run)
            let normalized = Array(String(whole).precomposedStringWithCompatibilityMapping.unicodeScalars)
            if normalized.count == run.count {
                for (i, s) in normalized.enumerated() { keep(s, origin: start + i) }
                return
            }
            // Lengths differ: map each character (base + marks) separately so offsets stay exact.
            var i = 0
            while i < run.count {
                var j = i + 1
                while j < run.count && run[j].properties.canonicalCombiningClass != .notReordered { j += 1 }
                var piece = String.UnicodeScalarView()
                piece.append(contentsOf: run[i..<j])
                for s in String(piece).precomposedStringWithCompatibilityMapping.unicodeScalars {
                    keep(s, origin: start + i)
                }
                i = j
            }
        }

        private mutating func keep(_ s: Unicode.Scalar, origin: Int) {
            if let fast = LegacyTextNormalizer.fastPath(s.value) {
                if fast != 0 { emit(fast, origin: origin) }
                return
            }
            let p = s.properties
            guard p.isAlphabetic || p.numericType != nil else { return }
            if p.changesWhenLowercased {
                for l in p.lowercaseMapping.unicodeScalars { emit(l.value, origin: origin) }
            } else {
                emit(s.value, origin: origin)
            }
        }
    }
}

/// Walks sorted exclusion ranges alongside increasing offsets.
struct LegacyExclusionCursor {
    private let ranges: [TextSpan]
    private var next = 0

    init(_ ranges: [TextSpan]) {
        self.ranges = ranges.sorted { $0.start < $1.start }
        hasRanges = !ranges.isEmpty
    }

    private var last = 0
    let hasRanges: Bool

    @inline(__always)
    mutating func isExcluded(_ offset: Int) -> Bool {
        guard !ranges.isEmpty else { return false }
        if offset < last {
            // Only after a retraction do offsets go back: check every range then.
            return ranges.contains { $0.start <= offset && offset < $0.end }
        }
        last = offset
        while next < ranges.count && ranges[next].end <= offset { next += 1 }
        return next < ranges.count && ranges[next].start <= offset
    }
}

/// Composes conjoining Hangul jamo (L V [T]) into precomposed syllables, as NFC does, without
/// Foundation: the composition is arithmetic (Unicode §3.12), and doing it here keeps long
/// decomposed texts linear.
struct LegacyJamoComposer {
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
