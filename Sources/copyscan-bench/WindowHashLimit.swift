/// The least work any shingle fingerprint of a text can do: decode its UTF-8 once, drop what
/// is not a letter or digit, and hash every window of `length` kept characters. A reference
/// row for the fingerprint benchmark, not part of copyscan.
///
/// "Letter or digit" is approximated for speed the way a hand-written scanner would: ASCII
/// letters (lower-cased) and digits, and every non-ASCII scalar outside the general and CJK
/// punctuation blocks and the Latin-1 signs. No NFKC: on this corpus only a few symbols
/// (ⓒ, fullwidth forms) would change.
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
                if v &- 0x41 < 26 { v |= 0x20 } else if !(v &- 0x61 < 26 || v &- 0x30 < 10) { continue }
            } else if v &- 0x2000 < 0x70 || v &- 0x3000 < 0x40 || v < 0xC0 {
                continue
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

    /// MurmurHash3's 64-bit finaliser, as copyscan's shingler uses.
    @inline(__always)
    static func finalize(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 33)) &* 0xff51_afd7_ed55_8ccd
        z = (z ^ (z >> 33)) &* 0xc4ce_b9fe_1a85_ec53
        return z ^ (z >> 33)
    }
}
