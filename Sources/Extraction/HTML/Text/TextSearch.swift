/// Substring search on UTF-8 bytes.
///
/// With Foundation imported, `String.contains(_:)` and `range(of:)` resolve to NSString's
/// locale-aware search, which ran at a few MB/s and dominated extraction time; page text only
/// needs byte-exact search (ASCII letters optionally folded).
enum TextSearch {
    static func contains<S: StringProtocol, T: StringProtocol>(_ haystack: S, _ needle: T, ignoringASCIICase: Bool = false) -> Bool {
        firstOffset(of: needle, in: haystack, ignoringASCIICase: ignoringASCIICase) != nil
    }

    /// Byte offset of the first occurrence of `needle` in `haystack`.
    static func firstOffset<S: StringProtocol, T: StringProtocol>(of needle: T, in haystack: S, ignoringASCIICase: Bool = false) -> Int? {
        let n = Array(needle.utf8)
        guard !n.isEmpty else { return 0 }
        var h = haystack.utf8.withContiguousStorageIfAvailable { Array($0) } ?? Array(haystack.utf8)
        var pattern = n
        if ignoringASCIICase {
            fold(&h)
            fold(&pattern)
        }
        guard h.count >= pattern.count else { return nil }
        let first = pattern[0]
        let last = h.count - pattern.count
        var i = 0
        while i <= last {
            if h[i] == first {
                var k = 1
                while k < pattern.count, h[i + k] == pattern[k] { k += 1 }
                if k == pattern.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// True when any of `needles` (already lower-case where ASCII) occurs in `bytes`, with ASCII
    /// letters of `bytes` folded to lower case. One pass per needle, no copies.
    static func containsAny(_ bytes: ArraySlice<UInt8>, lowercasedNeedles needles: [[UInt8]]) -> Bool {
        @inline(__always) func lower(_ c: UInt8) -> UInt8 { (c >= 0x41 && c <= 0x5A) ? c | 0x20 : c }
        for n in needles where !n.isEmpty && n.count <= bytes.count {
            let first = n[0]
            var i = bytes.startIndex
            let last = bytes.endIndex - n.count
            while i <= last {
                if lower(bytes[i]) == first {
                    var k = 1
                    while k < n.count, lower(bytes[i + k]) == n[k] { k += 1 }
                    if k == n.count { return true }
                }
                i += 1
            }
        }
        return false
    }

    private static func fold(_ bytes: inout [UInt8]) {
        for i in bytes.indices where bytes[i] >= 0x41 && bytes[i] <= 0x5A { bytes[i] |= 0x20 }
    }
}
