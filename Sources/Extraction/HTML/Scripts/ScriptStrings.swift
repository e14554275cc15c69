/// String literals inside script source, JavaScript or JSON.
///
/// Sites hide notices in them: a footer config (`"copyright":"Copyright 조선일보 … 무단 전재 및
/// 재배포 금지."`) or markup a script writes into the page (`'<img alt="저작권자ⓒ KBS … 무단전재 및
/// 재배포금지" />'`). The scan is lexical and forgiving: a literal may not span a line.
enum ScriptStrings {
    /// Decoded string literals for which `wanted` holds, tested on the literal's bytes (and, for
    /// literals with `\u`/`\x` escapes, on the decoded text as well).
    static func literals(in source: String, wanted: (ArraySlice<UInt8>) -> Bool) -> [String] {
        var found: [String] = []
        let utf8 = Array(source.utf8)
        var i = 0
        while i < utf8.count {
            let c = utf8[i]
            if c == UInt8(ascii: "/"), i + 1 < utf8.count, utf8[i + 1] == UInt8(ascii: "*") {
                i += 2
                while i + 1 < utf8.count, !(utf8[i] == UInt8(ascii: "*") && utf8[i + 1] == UInt8(ascii: "/")) { i += 1 }
                i += 2
                continue
            }
            if c == UInt8(ascii: "/"), i + 1 < utf8.count, utf8[i + 1] == UInt8(ascii: "/") {
                while i < utf8.count, utf8[i] != 0x0A { i += 1 }
                continue
            }
            guard c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") || c == UInt8(ascii: "`") else { i += 1; continue }
            var j = i + 1
            var closed = false
            while j < utf8.count {
                let d = utf8[j]
                if d == UInt8(ascii: "\\") { j += 2; continue }
                if d == c { closed = true; break }
                if d == 0x0A, c != UInt8(ascii: "`") { break }
                j += 1
            }
            guard closed, j <= utf8.count else { i = j; continue }
            let bytes = utf8[(i + 1)..<j]
            if wanted(bytes) {
                found.append(unescape(Substring(String(decoding: bytes, as: UTF8.self))))
            } else if hasCodeEscape(bytes) {
                let decoded = unescape(Substring(String(decoding: bytes, as: UTF8.self)))
                if wanted(Array(decoded.utf8)[...]) { found.append(decoded) }
            }
            i = j + 1
        }
        return found
    }

    private static func hasCodeEscape(_ b: ArraySlice<UInt8>) -> Bool {
        var i = b.startIndex
        while i + 1 < b.endIndex {
            if b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") || b[i + 1] == UInt8(ascii: "x") { return true }
            i += 1
        }
        return false
    }

    /// Resolves JavaScript/JSON escapes: `\n`, `\"`, `\/`, `\uXXXX` (with surrogate pairs),
    /// `\u{…}`, `\xHH`.
    static func unescape(_ raw: Substring) -> String {
        guard raw.contains("\\") else { return String(raw) }
        var out = String.UnicodeScalarView()
        var scalars = Array(raw.unicodeScalars)[...]
        var pendingHighSurrogate: UInt32?
        func hex(_ count: Int) -> UInt32? {
            guard scalars.count >= count else { return nil }
            let digits = String(String.UnicodeScalarView(scalars.prefix(count)))
            guard let v = UInt32(digits, radix: 16) else { return nil }
            scalars = scalars.dropFirst(count)
            return v
        }
        while let s = scalars.popFirst() {
            guard s == "\\", let e = scalars.popFirst() else {
                out.append(s)
                continue
            }
            var value: UInt32?
            switch e {
            case "n": value = 0x0A
            case "t": value = 0x09
            case "r": value = 0x0D
            case "b", "f", "v": value = 0x20
            case "0": value = 0x20
            case "u":
                if scalars.first == "{" {
                    scalars = scalars.dropFirst()
                    let digits = scalars.prefix(while: { $0 != "}" })
                    value = UInt32(String(String.UnicodeScalarView(digits)), radix: 16)
                    scalars = scalars.dropFirst(digits.count + 1)
                } else {
                    value = hex(4)
                }
            case "x": value = hex(2)
            default: value = e.value
            }
            guard var v = value else { continue }
            if (0xD800...0xDBFF).contains(v) {
                pendingHighSurrogate = v
                continue
            }
            if (0xDC00...0xDFFF).contains(v) {
                guard let high = pendingHighSurrogate else { continue }
                v = 0x10000 + ((high - 0xD800) << 10) + (v - 0xDC00)
            }
            pendingHighSurrogate = nil
            if let scalar = Unicode.Scalar(v) { out.append(scalar) }
        }
        return String(out)
    }
}
