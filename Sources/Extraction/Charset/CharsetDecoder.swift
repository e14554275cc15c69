import Glibc

/// Turns page bytes into valid UTF-8, whatever they were encoded in.
///
/// Bytes that cannot be decoded become U+FFFD one at a time, so a single bad byte never costs
/// the rest of the page (libxml2, given broken UTF-8, garbles everything after it).
public enum CharsetDecoder {
    /// The page as valid UTF-8 with control bytes (other than tab, newline, form feed and
    /// carriage return) replaced by spaces, and the sniffing result that chose the decoding.
    public static func decode(_ bytes: [UInt8], declared: Charset? = nil) -> (utf8: [UInt8], sniffed: CharsetSniffer.Result) {
        let sniffed = CharsetSniffer.sniff(bytes, declared: declared)
        let body = bytes[sniffed.bomLength...]
        var utf8: [UInt8]
        switch sniffed.charset {
        case .utf8:
            utf8 = repairUTF8(body, clean: sniffed.statistics.utf8Errors == 0)
        default:
            utf8 = iconvToUTF8(body, from: sniffed.charset.iconvName) ?? repairUTF8(body, clean: false)
        }
        replaceControlBytes(&utf8)
        return (utf8, sniffed)
    }

    /// Convenience: the decoded page as a String.
    public static func decodeString(_ bytes: [UInt8], declared: Charset? = nil) -> String {
        String(decoding: decode(bytes, declared: declared).utf8, as: UTF8.self)
    }

    static func repairUTF8(_ bytes: ArraySlice<UInt8>, clean: Bool) -> [UInt8] {
        if clean { return Array(bytes) }
        return Array(String(decoding: bytes, as: UTF8.self).utf8)
    }

    /// ASCII control bytes never occur inside UTF-8 multibyte sequences, so replacing them
    /// byte by byte keeps the text valid. NUL in particular would end libxml2's input early.
    static func replaceControlBytes(_ b: inout [UInt8]) {
        for i in b.indices where b[i] < 0x20 {
            let c = b[i]
            if c != 0x09, c != 0x0A, c != 0x0C, c != 0x0D { b[i] = 0x20 }
        }
    }

    /// Converts with glibc iconv; nil when iconv does not know the encoding. Undecodable bytes
    /// become U+FFFD and decoding resumes at the next byte.
    static func iconvToUTF8(_ input: ArraySlice<UInt8>, from encoding: String) -> [UInt8]? {
        let handle = iconv_open("UTF-8", encoding)
        guard let cd = handle, cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        var out: [UInt8] = []
        out.reserveCapacity(input.count + input.count / 2 + 16)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var source = Array(input)
        let total = source.count
        var consumed = 0
        source.withUnsafeMutableBytes { (inRaw: UnsafeMutableRawBufferPointer) in
            guard let inBase = inRaw.baseAddress else { return }
            while consumed < total {
                var inPtr: UnsafeMutablePointer<CChar>? = (inBase + consumed).assumingMemoryBound(to: CChar.self)
                var inLeft = total - consumed
                var failure: Int32 = 0
                chunk.withUnsafeMutableBytes { (outRaw: UnsafeMutableRawBufferPointer) in
                    guard let outBase = outRaw.baseAddress else { return }
                    var outPtr: UnsafeMutablePointer<CChar>? = outBase.assumingMemoryBound(to: CChar.self)
                    var outLeft = outRaw.count
                    let result = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    if result == -1 { failure = errno }
                    out.append(contentsOf: outRaw[0..<(outRaw.count - outLeft)])
                }
                consumed = total - inLeft
                switch failure {
                case 0, E2BIG:
                    continue
                default:
                    // EILSEQ (invalid byte) or EINVAL (truncated sequence at the end).
                    out.append(contentsOf: replacement)
                    consumed += 1
                    _ = iconv(cd, nil, nil, nil, nil)
                }
            }
        }
        return out
    }
}
