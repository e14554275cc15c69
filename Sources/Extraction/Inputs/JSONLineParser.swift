/// Reads one JSON Lines record: a JSON object whose fields of interest are strings (or null).
///
/// Foundation's `JSONDecoder` took ≈ 70 µs for a 4 KB news line (it validates the UTF-8 of the
/// text twice and builds a generic value tree); this reads the object in one pass and makes
/// one `String` per wanted field. It accepts exactly RFC 8259 JSON: other fields may hold any
/// JSON value (skipped, but checked), strings may use every escape including `\uXXXX` surrogate
/// pairs, and anything else — a lone surrogate, a raw control character, invalid UTF-8 inside
/// a string, trailing text after the object, nesting deeper than `maxDepth` — is a `Failure`
/// that says what and where.
struct JSONLineParser {
    enum Failure: Error, Equatable {
        /// Not JSON, or not an object: the message says what was found where.
        case syntax(String)
        /// A wanted field holds something other than a string or null.
        case notAString(field: String)
        /// A string is not valid UTF-8.
        case invalidUTF8
    }

    /// Nesting allowed in skipped values: deeper input is refused rather than recursed into.
    static let maxDepth = 256

    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var scratch: [UInt8] = []

    /// The wanted fields' values (nil when absent or null), in the order of `fields`.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, fields: [StaticString]) throws(Failure) -> [String?] {
        var parser = JSONLineParser(bytes: bytes)
        return try parser.object(fields)
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private mutating func object(_ fields: [StaticString]) throws(Failure) -> [String?] {
        var values = [String?](repeating: nil, count: fields.count)
        skipWhitespace()
        try expect(0x7B, "expected `{` (a JSON object)")
        skipWhitespace()
        if peek() == 0x7D {
            i += 1
        } else {
            while true {
                skipWhitespace()
                guard peek() == 0x22 else { throw fail("expected a field name in quotes") }
                let field = try fieldIndex(fields)
                skipWhitespace()
                try expect(0x3A, "expected `:` after a field name")
                skipWhitespace()
                if let field {
                    switch peek() {
                    case 0x22: values[field] = try string()
                    case 0x6E:
                        try literal("null")
                        values[field] = nil
                    case nil: throw fail("unexpected end of line")
                    default:
                        try skipValue(depth: 0)
                        throw .notAString(field: String(describing: fields[field]))
                    }
                } else {
                    try skipValue(depth: 0)
                }
                skipWhitespace()
                if peek() == 0x2C { i += 1; continue }
                try expect(0x7D, "expected `,` or `}` after a value")
                break
            }
        }
        skipWhitespace()
        guard i == bytes.count else { throw fail("unexpected text after the object") }
        return values
    }

    // MARK: Pieces

    private func peek() -> UInt8? { i < bytes.count ? bytes[i] : nil }

    private func fail(_ message: String) -> Failure {
        .syntax(i < bytes.count ? "\(message) at byte \(i + 1)" : "\(message) at the end of the line")
    }

    private mutating func expect(_ byte: UInt8, _ message: String) throws(Failure) {
        guard peek() == byte else { throw fail(message) }
        i += 1
    }

    private mutating func skipWhitespace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let n = word.utf8CodeUnitCount
        var matches = i + n <= bytes.count
        if matches {
            word.withUTF8Buffer { w in
                for k in 0..<n where bytes[i + k] != w[k] { matches = false }
            }
        }
        guard matches else { throw fail("invalid literal") }
        i += n
    }

    /// The index of the field whose name starts at `i` among `fields`, nil for any other name.
    private mutating func fieldIndex(_ fields: [StaticString]) throws(Failure) -> Int? {
        let (start, end, escaped) = try stringContents()
        if escaped {
            guard let name = String(validating: scratch, as: UTF8.self) else { throw .invalidUTF8 }
            return fields.firstIndex { String(describing: $0) == name }
        }
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if let known = fields.firstIndex(where: { f in f.utf8CodeUnitCount == raw.count && f.withUTF8Buffer { $0.elementsEqual(raw) } }) {
            return known
        }
        if raw.contains(where: { $0 >= 0x80 }), String(validating: raw, as: UTF8.self) == nil { throw .invalidUTF8 }
        return nil
    }

    /// Moves `i` over string text eight bytes at a time while no byte of the word is a quote,
    /// a backslash or a control character.
    @inline(__always) private mutating func skipPlainWords() {
        while i + 8 <= bytes.count {
            let word = ByteScan.load(bytes, i)
            guard !ByteScan.contains(word, 0x22) && !ByteScan.contains(word, 0x5C) && !ByteScan.containsBelow(word, 0x20) else { return }
            i += 8
        }
    }

    /// A string value (the quote at `i` included), validated.
    private mutating func string() throws(Failure) -> String {
        let (start, end, escaped) = try stringContents()
        let text = escaped ? String(validating: scratch, as: UTF8.self)
                           : String(validating: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        guard let text else { throw .invalidUTF8 }
        return text
    }

    /// Moves `i` past the string that opens at `i`, in one pass. Without escapes its contents
    /// are `bytes[start..<end]`; with escapes they are decoded into `scratch`, the text between
    /// escapes copied a run at a time (article bodies always carry `\n` escapes). Raw control
    /// characters are refused, as JSON requires. UTF-8 is left to the caller to validate.
    private mutating func stringContents() throws(Failure) -> (start: Int, end: Int, escaped: Bool) {
        i += 1
        let start = i
        var copied = start
        var escaped = false
        while i < bytes.count {
            skipPlainWords()
            guard i < bytes.count else { break }
            let b = bytes[i]
            if b == 0x22 {
                let end = i
                i += 1
                if escaped { scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<end])) }
                return (start, end, escaped)
            }
            if b == 0x5C {
                if !escaped {
                    escaped = true
                    scratch.removeAll(keepingCapacity: true)
                }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<i]))
                i += try unescape(at: i, end: bytes.count)
                copied = i
                continue
            }
            if b < 0x20 { throw fail("raw control character in a string") }
            i += 1
        }
        throw fail("unterminated string")
    }

    /// Decodes the escape at `k` (a backslash) into `scratch`; returns the bytes it took.
    /// `end` bounds what the escape may read.
    private mutating func unescape(at k: Int, end: Int) throws(Failure) -> Int {
        guard k + 1 < end else { throw .syntax("unfinished escape at byte \(k + 1)") }
        switch bytes[k + 1] {
        case 0x22: scratch.append(0x22)
        case 0x5C: scratch.append(0x5C)
        case 0x2F: scratch.append(0x2F)
        case 0x62: scratch.append(0x08)
        case 0x66: scratch.append(0x0C)
        case 0x6E: scratch.append(0x0A)
        case 0x72: scratch.append(0x0D)
        case 0x74: scratch.append(0x09)
        case 0x75:
            guard let high = hex4(at: k + 2, end: end) else { throw .syntax("invalid \\u escape at byte \(k + 1)") }
            guard (0xD800...0xDBFF).contains(high) else {
                if (0xDC00...0xDFFF).contains(high) { throw .syntax("unpaired surrogate in a \\u escape at byte \(k + 1)") }
                appendUTF8(UInt32(high))
                return 6
            }
            guard k + 12 <= end, bytes[k + 6] == 0x5C, bytes[k + 7] == 0x75,
                  let low = hex4(at: k + 8, end: end), (0xDC00...0xDFFF).contains(low) else {
                throw .syntax("unpaired surrogate in a \\u escape at byte \(k + 1)")
            }
            appendUTF8(0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(low) - 0xDC00))
            return 12
        default:
            throw .syntax("invalid escape at byte \(k + 1)")
        }
        return 2
    }

    private func hex4(at k: Int, end: Int) -> UInt16? {
        guard k + 4 <= end else { return nil }
        var v: UInt16 = 0
        for j in k..<(k + 4) {
            let b = bytes[j]
            let d: UInt8
            switch b {
            case 0x30...0x39: d = b - 0x30
            case 0x41...0x46: d = b - 0x41 + 10
            case 0x61...0x66: d = b - 0x61 + 10
            default: return nil
            }
            v = v << 4 | UInt16(d)
        }
        return v
    }

    private mutating func appendUTF8(_ v: UInt32) {
        switch v {
        case 0..<0x80:
            scratch.append(UInt8(v))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | v >> 6))
            scratch.append(UInt8(0x80 | v & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | v >> 12))
            scratch.append(UInt8(0x80 | (v >> 6) & 0x3F))
            scratch.append(UInt8(0x80 | v & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | v >> 18))
            scratch.append(UInt8(0x80 | (v >> 12) & 0x3F))
            scratch.append(UInt8(0x80 | (v >> 6) & 0x3F))
            scratch.append(UInt8(0x80 | v & 0x3F))
        }
    }

    /// Moves past any JSON value, checking its syntax (strings are unescaped and validated too,
    /// so a line this accepts is valid UTF-8 throughout).
    private mutating func skipValue(depth: Int) throws(Failure) {
        guard depth < Self.maxDepth else { throw fail("nested too deeply") }
        switch peek() {
        case 0x22:
            _ = try string()
        case 0x7B:
            i += 1
            skipWhitespace()
            if peek() == 0x7D { i += 1; return }
            while true {
                skipWhitespace()
                guard peek() == 0x22 else { throw fail("expected a field name in quotes") }
                _ = try string()
                skipWhitespace()
                try expect(0x3A, "expected `:` after a field name")
                skipWhitespace()
                try skipValue(depth: depth + 1)
                skipWhitespace()
                if peek() == 0x2C { i += 1; continue }
                try expect(0x7D, "expected `,` or `}` in an object")
                return
            }
        case 0x5B:
            i += 1
            skipWhitespace()
            if peek() == 0x5D { i += 1; return }
            while true {
                skipWhitespace()
                try skipValue(depth: depth + 1)
                skipWhitespace()
                if peek() == 0x2C { i += 1; continue }
                try expect(0x5D, "expected `,` or `]` in an array")
                return
            }
        case 0x74: try literal("true")
        case 0x66: try literal("false")
        case 0x6E: try literal("null")
        case 0x2D, .some(0x30...0x39): try number()
        case nil: throw fail("unexpected end of line")
        default: throw fail("expected a value")
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    private mutating func number() throws(Failure) {
        if peek() == 0x2D { i += 1 }
        guard let first = peek(), (0x30...0x39).contains(first) else { throw fail("invalid number") }
        i += 1
        if first != 0x30 { skipDigits() }
        if peek() == 0x2E {
            i += 1
            guard digitsFollow() else { throw fail("invalid number") }
            skipDigits()
        }
        if peek() == 0x65 || peek() == 0x45 {
            i += 1
            if peek() == 0x2B || peek() == 0x2D { i += 1 }
            guard digitsFollow() else { throw fail("invalid number") }
            skipDigits()
        }
    }

    private func digitsFollow() -> Bool { peek().map { (0x30...0x39).contains($0) } ?? false }
    private mutating func skipDigits() { while digitsFollow() { i += 1 } }
}
