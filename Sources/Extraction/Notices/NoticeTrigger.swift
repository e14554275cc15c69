/// A cheap test before tokenising a line: does it hold any word a notice cannot do without?
///
/// Every production of `NoticeGrammar` needs a lead or reservation (©, (c), 저작…, 판권,
/// copyright, reserved), a terminator (금지, 금합니다, 금함, 불가, 불허, 엄금, prohibited, forbidden,
/// not permitted/allowed, may not be), 무단, or — for licensing lines — 문의. A line without any of
/// them is never tokenised.
enum NoticeTrigger {
    /// The Hangul syllables that begin a trigger word: 저 무 금 불 엄 판 문.
    private static let hangulStarts: [UInt32] = [0xC800, 0xBB34, 0xAE08, 0xBD88, 0xC5C4, 0xD310, 0xBB38]
    /// One bit per low six bits of `hangulStarts`: most syllables are rejected by one test.
    static let hangulMask: UInt64 = hangulStarts.reduce(0) { $0 | 1 << UInt64($1 & 63) }

    /// A scalar a trigger word can begin with (a superset: `mayContainNotice` checks the rest).
    @inline(__always) static func mayStart(_ c: UInt32, _ hangulMask: UInt64) -> Bool {
        if c >= 0xAC00 {
            guard c <= 0xD7A3, hangulMask & (1 << UInt64(c & 63)) != 0 else { return false }
            return c == 0xC800 || c == 0xBB34 || c == 0xAE08 || c == 0xBD88 || c == 0xC5C4 || c == 0xD310 || c == 0xBB38
        }
        switch c | 0x20 {
        case 0x63, 0x72, 0x70, 0x66, 0x6E: return c < 0x80   // c r p f n, either case
        default: return c == Scalar.mark || c == Scalar.open
        }
    }

    /// One bit per scalar below U+10000 that `mayStart` accepts (8 KB, stays in cache).
    private static let startTable: [UInt64] = {
        var table = [UInt64](repeating: 0, count: 1 << 10)
        for c in 0..<UInt32(1 << 16) where mayStart(c, hangulMask) { table[Int(c >> 6)] |= 1 << UInt64(c & 63) }
        return table
    }()

    static func mayContainNotice(_ s: [UInt32], _ a: Int, _ b: Int, inquiry: Bool) -> Bool {
        let mask = hangulMask
        return s.withUnsafeBufferPointer { all in
            startTable.withUnsafeBufferPointer { table in
                let end = min(b, all.count)
                var k = max(0, a)
                while k < end {
                    // Eight scalars at a time, without a branch per scalar: most blocks of prose
                    // hold no scalar a trigger word can begin with (the branch per scalar cost a
                    // tenth of the index build).
                    if k + 8 <= end {
                        var any: UInt64 = 0
                        for j in k..<(k + 8) {
                            let c = all[j]
                            any |= c < 0x10000 ? table[Int(c >> 6)] >> UInt64(c & 63) : 0
                        }
                        if any & 1 == 0 {
                            k += 8
                            continue
                        }
                    }
                    let blockEnd = min(end, k + 8)
                    while k < blockEnd {
                        if mayStart(all[k], mask) && startsTrigger(s, k, end, inquiry: inquiry) { return true }
                        k += 1
                    }
                }
                return false
            }
        }
    }

    static func startsTrigger(_ s: [UInt32], _ k: Int, _ b: Int, inquiry: Bool) -> Bool {
        let c = s[k]
        let next: UInt32 = k + 1 < b ? s[k + 1] : 0
        switch c {
        case Scalar.mark:
            return true
        case 0xC800 where next == 0xC791:  // 저작
            return true
        case 0xBB34 where next == 0xB2E8:  // 무단
            return true
        case 0xAE08 where next == 0xC9C0 || next == 0xD569 || next == 0xD568:  // 금지 금합 금함
            return true
        case 0xBD88 where next == 0xAC00 || next == 0xD5C8:  // 불가 불허
            return true
        case 0xC5C4 where next == 0xAE08:  // 엄금
            return true
        case 0xD310 where next == 0xAD8C:  // 판권
            return true
        case 0xBB38 where inquiry && next == 0xC758:  // 문의
            return true
        case Scalar.open where Scalar.lower(next) == 0x63:  // (c)
            return true
        case 0x63, 0x43:
            return matches(s, k, b, "copyright")
        case 0x72, 0x52:
            return matches(s, k, b, "reserved")
        case 0x70, 0x50:
            return matches(s, k, b, "prohibited")
        case 0x66, 0x46:
            return matches(s, k, b, "forbidden")
        case 0x6E, 0x4E:
            return matches(s, k, b, "not ")
        default:
            return false
        }
    }

    private static func matches(_ s: [UInt32], _ k: Int, _ b: Int, _ word: StaticString) -> Bool {
        guard k + word.utf8CodeUnitCount <= b else { return false }
        var i = k
        var ok = true
        word.withUTF8Buffer { bytes in
            for byte in bytes where ok {
                if Scalar.lower(s[i]) != UInt32(byte) { ok = false }
                i += 1
            }
        }
        return ok
    }
}
