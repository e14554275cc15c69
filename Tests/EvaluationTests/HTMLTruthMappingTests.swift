import Testing
@testable import Evaluation

@Suite("HTML ground truth onto the extracted body")
struct HTMLTruthMappingTests {
    // Virtual body: "문단 하나." (0..<6), blank line, "문단 둘이다." (8..<15).
    let paragraphs = [HTMLParagraph(start: 0, text: "문단 하나."), HTMLParagraph(start: 8, text: "문단 둘이다.")]

    func passage(_ s: Int, _ e: Int) -> TruthPassage {
        TruthPassage(source: "sources/a.txt", suspect: Span(s, e), sourceRange: Span(100 + s, 100 + e))
    }

    @Test("paragraphs are found after a title and keep their offsets within themselves")
    func shifted() throws {
        let body = "제목\n\n문단 하나.\n\n문단 둘이다.\n\n저작권 안내"
        let whole = try HTMLTruthMapping.map([passage(0, 15)], paragraphs: paragraphs, body: body).get()
        #expect(whole.map(\.suspect) == [Span(4, 19)])
        let scalars = Array(body.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[4..<19])) == "문단 하나.\n\n문단 둘이다.")
        // A passage inside the second paragraph only.
        let inner = try HTMLTruthMapping.map([passage(9, 12)], paragraphs: paragraphs, body: body).get()
        #expect(inner.map(\.suspect) == [Span(13, 16)])
        #expect(String(String.UnicodeScalarView(scalars[13..<16])) == "단 둘")
        // The source side is left as it was.
        #expect(inner.map(\.sourceRange) == [Span(109, 112)])
    }

    @Test("different separators in the extracted text do not matter")
    func separators() throws {
        let body = "문단 하나.\n문단 둘이다."
        let mapped = try HTMLTruthMapping.map([passage(0, 15)], paragraphs: paragraphs, body: body).get()
        #expect(mapped.map(\.suspect) == [Span(0, 14)])
    }

    @Test("a paragraph the extractor changed makes the mapping fail, naming it")
    func missing() {
        let body = "문단 하나.\n\n문단  둘이다."
        let result = HTMLTruthMapping.map([passage(0, 15)], paragraphs: paragraphs, body: body)
        #expect(throws: HTMLTruthMapping.Failure(paragraph: 1)) { try result.get() }
    }

    @Test("paragraphs are located in order, so a repeated paragraph maps to its own place")
    func order() throws {
        let twice = [HTMLParagraph(start: 0, text: "같은 문단."), HTMLParagraph(start: 8, text: "같은 문단.")]
        let body = "같은 문단.\n\n같은 문단."
        let mapped = try HTMLTruthMapping.map([passage(8, 14)], paragraphs: twice, body: body).get()
        #expect(mapped.map(\.suspect) == [Span(8, 14)])
    }
}
