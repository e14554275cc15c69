import Articles

/// Decodes a text file's bytes, with errors that say what is wrong with the file.
enum TextDecoding {
    static func decode(_ bytes: [UInt8], path: String) throws(InputError) -> String {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw InputError(path: path, "is UTF-16 text; save it as UTF-8")
        }
        let sample = bytes.prefix(8_192)
        if sample.contains(0) {
            throw InputError(path: path, "is a binary file (contains NUL bytes), not text")
        }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        // Older Korean text files are EUC-KR/CP949: believe the byte statistics only when the
        // whole file decodes cleanly, so damaged UTF-8 is reported rather than turned into noise.
        let all = Array(bytes)
        if CharsetSniffer.sniff(all).charset == .cp949, let utf8 = CharsetDecoder.iconvToUTF8(bytes, from: "CP949"),
           let text = String(validating: utf8, as: UTF8.self), !text.unicodeScalars.contains("\u{FFFD}") {
            return text
        }
        let offset = firstInvalidUTF8Offset(bytes) ?? 0
        throw InputError(path: path, "is not valid UTF-8 (first bad byte at offset \(offset)) and not EUC-KR/CP949 either")
    }

    static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var consumed = 0
        var lastGood = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                consumed += String(s).utf8.count
                lastGood = consumed
            case .emptyInput: return nil
            case .error: return lastGood
            }
        }
    }
}
