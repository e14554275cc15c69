import Articles
import Fingerprinting
import Foundation
import Testing
@testable import Extraction

@Suite("JSON Lines parser")
struct JSONLineParserTests {
    static let fields: [StaticString] = ["id", "title", "text"]

    func parse(_ line: String) -> Result<[String?], JSONLineParser.Failure> {
        parse(Array(line.utf8))
    }

    func parse(_ bytes: [UInt8]) -> Result<[String?], JSONLineParser.Failure> {
        bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONLineParser.Failure) in try JSONLineParser.parse(buffer, fields: Self.fields) }
        }
    }

    /// What Foundation's JSON parser makes of the same line, for the fields the parser reads.
    func foundation(_ bytes: [UInt8]) -> [String?]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return nil }
        var out: [String?] = []
        for field in Self.fields {
            let value = object[String(describing: field)]
            if value == nil || value is NSNull { out.append(nil); continue }
            guard let s = value as? String else { return nil }
            out.append(s)
        }
        return out
    }

    @Test("escapes, \\u escapes and surrogate pairs decode to the same text as Foundation's parser")
    func escapes() throws {
        let line = #"{"id":"a\"b\\c\/d","title":"\u D55C\uAE00 \ud83d\ude00 \b\f\n\r\t","text":"평문 그대로","extra":[1,-2.5e+3,{"x":[true,false,null]}]}"#
            .replacingOccurrences(of: "\\u D55C", with: "\\uD55C")
        let values = try parse(line).get()
        #expect(values == foundation(Array(line.utf8)))
        #expect(values[0] == "a\"b\\c/d")
        #expect(values[1] == "한글 😀 \u{8}\u{C}\n\r\t")
        #expect(values[2] == "평문 그대로")
    }

    @Test("absent and null fields are nil; unknown fields of every type are skipped")
    func nullsAndUnknown() throws {
        let values = try parse(#"  { "title" : null , "n": 0, "o": {}, "a": [], "s": "\u0041" }  "#).get()
        #expect(values == [nil, nil, nil])
        #expect(try parse("{}").get() == [nil, nil, nil])
    }

    @Test("bad input is a typed failure that says what is wrong", arguments: [
        (#"{"id":"a"} x"#, "after the object"),
        (#"{"id":"a""#, "end of the line"),
        (#"["id"]"#, "JSON object"),
        (#"{"id":"\ud83d"}"#, "unpaired surrogate"),
        (#"{"id":"\ude00x"}"#, "unpaired surrogate"),
        (#"{"id":"\u12G4"}"#, #"invalid \u escape"#),
        (#"{"id":"\q"}"#, "invalid escape"),
        ("{\"id\":\"a\tb\"}", "control character"),
        (#"{"x":01}"#, "expected `,` or `}`"),
        (#"{"x":-}"#, "invalid number"),
        (#"{"x":1.}"#, "invalid number"),
        (#"{"x":tru}"#, "invalid literal"),
        (#"{"x":[1,]}"#, "expected a value"),
        (#"{"id" "a"}"#, "expected `:`"),
        (#"{id:"a"}"#, "field name in quotes"),
    ])
    func failures(line: String, message: String) {
        guard case .failure(.syntax(let text)) = parse(line) else {
            Issue.record("\(line) must fail with a syntax error, got \(parse(line))")
            return
        }
        #expect(text.contains(message), "\(text)")
    }

    @Test("U+FEFF inside a string is text like any other (Foundation's parser drops it after an escape)")
    func byteOrderMarkInside() throws {
        let values = try parse("{\"id\":\"a\\n\u{FEFF}b\",\"text\":\"\\u0041\u{FEFF}\"}").get()
        #expect(values[0] == "a\n\u{FEFF}b")
        #expect(values[2] == "A\u{FEFF}")
    }

    @Test("a wanted field that is not a string is named")
    func notAString() {
        #expect(parse(#"{"title": 3}"#) == .failure(.notAString(field: "title")))
        #expect(parse(#"{"text": ["a"]}"#) == .failure(.notAString(field: "text")))
    }

    @Test("invalid UTF-8 inside any string, wanted or skipped, is refused")
    func invalidUTF8() {
        var wanted = Array(#"{"text":"가"#.utf8)
        wanted += [0xFF] + Array(#""}"#.utf8)
        #expect(parse(wanted) == .failure(.invalidUTF8))
        var skipped = Array(#"{"other":"가"#.utf8)
        skipped += [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(parse(skipped) == .failure(.invalidUTF8))
        let key = Array(#"{"ti"#.utf8) + [0xFF] + Array(#"le":"x"}"#.utf8)
        #expect(parse(key) == .failure(.invalidUTF8))
    }

    @Test("nesting deeper than the limit is refused, not recursed into")
    func deepNesting() throws {
        let deep = #"{"x":"# + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        guard case .failure(.syntax(let message)) = parse(deep) else {
            Issue.record("deep nesting must fail")
            return
        }
        #expect(message.contains("nested too deeply"))
        let fine = #"{"x":"# + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + #","id":"ok"}"#
        #expect(try parse(fine).get()[0] == "ok")
    }

    @Test("on random objects and random damage, it accepts what Foundation accepts and reads the same strings")
    func differential() {
        var rng = SplitMix64(seed: 2026)
        // No U+FEFF: Foundation drops it after an escape sequence (see `byteOrderMarkInside`).
        let pieces = ["가", "나다", "😀", "é", "\"", "\\", "/", "\n", "\t", "\u{1}", "\u{7F}", "a", " ", "\u{2028}"]
        var checked = 0
        for _ in 0..<400 {
            var object: [String: Any] = [:]
            for field in ["id", "title", "text", "other"] where rng.next() % 4 != 0 {
                switch rng.next() % 5 {
                case 0: object[field] = NSNull()
                case 1: object[field] = Int(rng.next() % 1000) - 500
                default:
                    var s = ""
                    for _ in 0..<(rng.next() % 12) { s += pieces[Int(rng.next() % UInt64(pieces.count))] }
                    object[field] = s
                }
            }
            guard let data = try? JSONSerialization.data(withJSONObject: object) else { continue }
            var bytes = [UInt8](data)
            let expected = foundation(bytes)
            let got = try? parse(bytes).get()
            if expected != nil || got != nil {
                #expect(got == expected, "\(String(decoding: bytes, as: UTF8.self))")
            }
            // One damaged byte: both parsers must still agree on whether the line is acceptable.
            let at = Int(rng.next() % UInt64(bytes.count))
            bytes[at] = [0x22, 0x5C, 0x7B, 0x7D, 0x2C, 0x3A, 0x20, 0xFF, 0x41, 0x30][Int(rng.next() % 10)]
            let damagedExpected = foundation(bytes)
            let damagedGot = try? parse(bytes).get()
            #expect((damagedExpected == nil) == (damagedGot == nil), "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
            if let damagedExpected, let damagedGot { #expect(damagedGot == damagedExpected) }
            checked += 1
        }
        #expect(checked > 300)
    }

    @Test("paragraphs: runs of non-blank lines, the same as a scalar-by-scalar reading")
    func paragraphs() {
        var rng = SplitMix64(seed: 7)
        let pieces = ["가", " ", "\n", "\u{3000}", "\u{A0}", "a", "\r", "😀", "\t", "\u{2028}", "나다라"]
        for _ in 0..<300 {
            var body = ""
            for _ in 0..<(rng.next() % 30) { body += pieces[Int(rng.next() % UInt64(pieces.count))] }
            #expect(ArticleBuilder.paragraphs(of: body) == referenceParagraphs(body), "\(Array(body.unicodeScalars))")
        }
        #expect(ArticleBuilder.paragraphs(of: "첫 문단.\n\n둘째 문단.\n") == [TextRange(start: 0, end: 5), TextRange(start: 7, end: 13)])
    }

    /// The definition, scalar by scalar with the standard library's whitespace property.
    func referenceParagraphs(_ body: String) -> [TextRange] {
        var out: [TextRange] = []
        var start: Int?
        var lastNonBlankEnd = 0
        var offset = 0
        for line in body.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            let blank = line.allSatisfy(\.properties.isWhitespace)
            if blank {
                if let s = start { out.append(TextRange(start: s, end: lastNonBlankEnd)); start = nil }
            } else {
                if start == nil { start = offset }
                lastNonBlankEnd = offset + line.count
            }
            offset += line.count + 1
        }
        if let s = start { out.append(TextRange(start: s, end: lastNonBlankEnd)) }
        return out
    }
}
