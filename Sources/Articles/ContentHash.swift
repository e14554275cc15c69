/// FNV-1a 64-bit over UTF-8, printed as 16 hex digits. Stable across runs and machines; used
/// for article ids and for skipping unchanged files, not for security.
public enum ContentHash {
    public static func hex<S: Sequence>(bytes: S) -> String where S.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    public static func hex(_ text: String) -> String { hex(bytes: text.utf8) }
}
