import Foundation

/// JSON as pages actually write it in `<script>`s: with `//` comments, trailing commas and raw
/// newlines inside strings, none of which a strict parser accepts.
enum LenientJSON {
    /// Largest JSON text worth parsing; bigger blobs are application state, not metadata.
    static let maximumLength = 8 * 1024 * 1024

    static func parse(_ text: Substring) -> Any? {
        guard text.utf8.count <= maximumLength else { return nil }
        let cleaned = sanitize(Array(text.utf8))
        return try? JSONSerialization.jsonObject(with: Data(cleaned), options: [.fragmentsAllowed])
    }

    /// Removes comments and trailing commas outside strings and turns raw control characters
    /// inside strings into spaces.
    static func sanitize(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        var inString = false
        while i < b.count {
            let c = b[i]
            if inString {
                if c == UInt8(ascii: "\\"), i + 1 < b.count {
                    out.append(c)
                    out.append(b[i + 1])
                    i += 2
                    continue
                }
                if c == UInt8(ascii: "\"") { inString = false }
                out.append(c < 0x20 ? 0x20 : c)
                i += 1
                continue
            }
            switch c {
            case UInt8(ascii: "\""):
                inString = true
                out.append(c)
                i += 1
            case UInt8(ascii: "/") where i + 1 < b.count && b[i + 1] == UInt8(ascii: "/"):
                while i < b.count, b[i] != 0x0A { i += 1 }
            case UInt8(ascii: "/") where i + 1 < b.count && b[i + 1] == UInt8(ascii: "*"):
                i += 2
                while i + 1 < b.count, !(b[i] == UInt8(ascii: "*") && b[i + 1] == UInt8(ascii: "/")) { i += 1 }
                i += 2
            case UInt8(ascii: ","):
                var j = i + 1
                while j < b.count, b[j] == 0x20 || b[j] == 0x09 || b[j] == 0x0A || b[j] == 0x0D { j += 1 }
                if j < b.count, b[j] == UInt8(ascii: "}") || b[j] == UInt8(ascii: "]") {
                    i += 1
                } else {
                    out.append(c)
                    i += 1
                }
            default:
                out.append(c)
                i += 1
            }
        }
        return out
    }

    /// The JSON object or array that starts at the first `{` or `[` after `marker` in
    /// `source`, found by matching brackets outside strings.
    static func balancedValue(after marker: String, in source: String) -> Substring? {
        guard let offset = TextSearch.firstOffset(of: marker, in: source) else { return nil }
        let utf8 = source.utf8
        var i = utf8.index(utf8.startIndex, offsetBy: offset + marker.utf8.count)
        while i < utf8.endIndex, utf8[i] != UInt8(ascii: "{"), utf8[i] != UInt8(ascii: "[") {
            let c = utf8[i]
            guard c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == UInt8(ascii: "=") else { return nil }
            i = utf8.index(after: i)
        }
        guard i < utf8.endIndex else { return nil }
        let start = i
        var depth = 0
        var inString = false
        while i < utf8.endIndex {
            let c = utf8[i]
            if inString {
                if c == UInt8(ascii: "\\") {
                    i = utf8.index(after: i)
                    if i == utf8.endIndex { return nil }
                } else if c == UInt8(ascii: "\"") {
                    inString = false
                }
            } else if c == UInt8(ascii: "\"") {
                inString = true
            } else if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") {
                depth += 1
            } else if c == UInt8(ascii: "}") || c == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { return source[start...i] }
            }
            i = utf8.index(after: i)
        }
        return nil
    }

    /// Every dictionary inside `value`, breadth-first, without recursion and with a cap, since
    /// a page can nest JSON arbitrarily deep.
    static func dictionaries(in value: Any, limit: Int = 10_000) -> [[String: Any]] {
        var out: [[String: Any]] = []
        var queue: [Any] = [value]
        var index = 0
        while index < queue.count, out.count < limit, queue.count < limit * 4 {
            let v = queue[index]
            index += 1
            if let d = v as? [String: Any] {
                out.append(d)
                queue.append(contentsOf: d.values.filter { $0 is [String: Any] || $0 is [Any] })
            } else if let a = v as? [Any] {
                queue.append(contentsOf: a.filter { $0 is [String: Any] || $0 is [Any] })
            }
        }
        return out
    }
}
