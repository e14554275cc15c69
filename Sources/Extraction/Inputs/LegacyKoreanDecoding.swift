#if canImport(Glibc)
import Glibc
#endif

/// EUC-KR and its superset CP949 (Windows code page 949, "UHC"), through glibc's iconv.
/// PLACEHOLDER until the Charset module lands; kept small and strict.
enum LegacyKoreanDecoding {
    /// Decodes `bytes` as CP949; nil when they are not valid CP949 or hold too little Korean to
    /// believe the guess.
    static func decodeCP949(_ bytes: [UInt8]) -> String? {
        #if canImport(Glibc)
        let cd = iconv_open("UTF-8", "CP949")
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        let capacity = output.count
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr = UnsafeMutableRawPointer(inBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuf.count
                var outPtr = UnsafeMutableRawPointer(outBuf.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuf.count
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                return r == -1 || inLeft != 0 ? nil : capacity - outLeft
            }
        }
        guard let produced, let text = String(validating: output[..<produced], as: UTF8.self) else { return nil }
        let hangul = text.unicodeScalars.filter { (0xAC00...0xD7A3).contains($0.value) }.count
        return hangul * 4 >= text.unicodeScalars.filter { $0.value >= 0x80 }.count ? text : nil
        #else
        return nil
        #endif
    }
}
