/// A 64-bit content hash printed as 16 hex digits: stable across runs and machines, used for
/// article ids and for skipping unchanged files, not for security. Reads eight bytes at a time
/// (multiply–xor–rotate with MurmurHash3's finaliser), so hashing never shows in a profile.
public enum ContentHash {
    public static func hex(bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { hex(UnsafeRawBufferPointer($0)) }
    }

    public static func hex(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { hex(UnsafeRawBufferPointer($0)) }
    }

    public static func hex(_ bytes: UnsafeRawBufferPointer) -> String {
        let p1: UInt64 = 0x9e37_79b9_7f4a_7c15
        let p2: UInt64 = 0xc2b2_ae3d_27d4_eb4f
        var h: UInt64 = 0x2545_f491_4f6c_dd1d ^ UInt64(bytes.count) &* p1
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            let w = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            h = ((h ^ (w &* p2)) &* p1)
            h = (h << 31) | (h >> 33)
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ (tail &* p2)) &* p1
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h = h &* 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
