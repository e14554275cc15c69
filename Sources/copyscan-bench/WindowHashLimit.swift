/// The least work any shingle fingerprint of a text can do: decode its UTF-8 once, drop what
/// is not a letter or digit, and hash every window of `length` kept characters. A reference
/// row for the fingerprint benchmark, not part of copyscan.
///
/// "Letter or digit" is approximated for speed the way a hand-written scanner would: ASCII
/// letters (lower-cased) and digits, Hangul syllables, fullwidth ASCII and circled letters
/// folded as NFKC folds them, and every other non-ASCII scalar outside the Latin-1 signs and
/// the punctuation, arrow, mathematical and shape blocks. No other NFKC: on this corpus only
/// squared units (㎡ → m2) come out differently from copyscan's normaliser.
enum WindowHashLimit {
    static func hash(_ text: String, length: Int) -> UInt64 {
        var text = text
        return text.withUTF8 { bytes in hash(bytes, length: max(1, min(length, 8))) }
    }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, length: Int) -> UInt64 {
        let base: UInt64 = 0x100_0000_01b3 &* 0x9e37_79b9
        var power: UInt64 = 1
        for _ in 1..<length { power = power &* base }
        // The last 8 kept scalars, to roll the oldest out of the polynomial hash.
        var ring: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        var kept = 0
        var h: UInt64 = 0
        var acc: UInt64 = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = UInt32(bytes[i])
            var v: UInt32
            if b0 < 0x80 {
                v = b0
                i += 1
            } else if b0 < 0xE0, i + 1 < n {
                v = (b0 & 0x1F) << 6 | (UInt32(bytes[i + 1]) & 0x3F)
                i += 2
            } else if b0 < 0xF0, i + 2 < n {
                v = (b0 & 0x0F) << 12 | (UInt32(bytes[i + 1]) & 0x3F) << 6 | (UInt32(bytes[i + 2]) & 0x3F)
                i += 3
            } else if i + 3 < n {
                v = (b0 & 0x07) << 18 | (UInt32(bytes[i + 1]) & 0x3F) << 12 | (UInt32(bytes[i + 2]) & 0x3F) << 6 | (UInt32(bytes[i + 3]) & 0x3F)
                i += 4
            } else {
                break
            }
            if v < 0x80 {
                guard let kept = ascii(v) else { continue }
                v = kept
            } else if v &- 0xAC00 >= 11_172 {                       // not a Hangul syllable
                if v &- 0xFF01 < 0x5E {                              // fullwidth ASCII
                    guard let kept = ascii(v &- 0xFEE0) else { continue }
                    v = kept
                } else if v &- 0x24D0 < 26 {                         // ⓐ…ⓩ, as NFKC folds them
                    v = v &- 0x24D0 &+ 0x61
                } else if v &- 0x24B6 < 26 {                         // Ⓐ…Ⓩ
                    v = v &- 0x24B6 &+ 0x61
                } else if v < 0xC0 || v &- 0x2000 < 0x70 || v &- 0x2190 < 0x270 || v &- 0x2500 < 0x2C0 || v &- 0x3000 < 0x40 {
                    continue                                         // signs, punctuation, arrows, maths, shapes
                }
            }
            let value = UInt64(v) &+ 1
            let slot = kept & 7
            var oldest: UInt64 = 0
            if kept >= length {
                oldest = withUnsafeBytes(of: &ring) { $0.load(fromByteOffset: ((kept - length) & 7) * 8, as: UInt64.self) }
            }
            withUnsafeMutableBytes(of: &ring) { $0.storeBytes(of: value, toByteOffset: slot * 8, as: UInt64.self) }
            h = (h &- oldest &* power) &* base &+ value
            kept += 1
            if kept >= length { acc ^= finalize(h) }
        }
        return acc
    }

    /// Lower-cased ASCII letters and digits; nil for everything else.
    @inline(__always)
    static func ascii(_ v: UInt32) -> UInt32? {
        if v &- 0x61 < 26 || v &- 0x30 < 10 { return v }
        if v &- 0x41 < 26 { return v | 0x20 }
        return nil
    }

    /// MurmurHash3's 64-bit finaliser, as copyscan's shingler uses.
    @inline(__always)
    static func finalize(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 33)) &* 0xff51_afd7_ed55_8ccd
        z = (z ^ (z >> 33)) &* 0xc4ce_b9fe_1a85_ec53
        return z ^ (z >> 33)
    }
}
