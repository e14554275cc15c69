import Testing
@testable import Reporting

@Suite("Line map and article locator")
struct LineMapTests {
    @Test("positions are 1-based lines and code point columns across LF, CR LF and lone CR")
    func positions() {
        let map = LineMap(fileText: "ab\ncd\r\nef\rg𝄞h")
        #expect(map.position(ofFileOffset: 0) == (1, 1))
        #expect(map.position(ofFileOffset: 1) == (1, 2))
        #expect(map.position(ofFileOffset: 3) == (2, 1))  // c
        #expect(map.position(ofFileOffset: 7) == (3, 1))  // e, after CR LF
        #expect(map.position(ofFileOffset: 10) == (4, 1)) // g, after a lone CR
        // 𝄞 is one code point (two UTF-16 units): h is column 3, not 4.
        #expect(map.position(ofFileOffset: 12) == (4, 3))
    }

    @Test("body offsets after front matter map to the file's lines, checked against the quoted text")
    func frontMatter() throws {
        let file = "---\ntitle: 버스\noutlet: 한빛일보\n---\n첫 문단입니다.\n둘째 줄의 복사된 문장.\n"
        let location = ArticleLocator.location(reportPath: "a.txt", fileText: file)
        let map = try #require(location.lineMap)
        #expect(map.bodyStart == "---\ntitle: 버스\noutlet: 한빛일보\n---\n".unicodeScalars.count)
        #expect(location.line == 5)
        let body = "첫 문단입니다.\n둘째 줄의 복사된 문장.\n"
        let quoted = "복사된 문장"
        let start = try #require(body.range(of: quoted)).lowerBound.utf16Offset(in: body)  // all BMP: UTF-16 = code points
        let region = try #require(map.region(bodyStart: start, end: start + quoted.unicodeScalars.count, expected: quoted))
        // Line 6 is "둘째 줄의 복사된 문장.": the passage starts at column 7 and ends before column 13.
        #expect(region == SourceRegion(startLine: 6, startColumn: 7, endLine: 6, endColumn: 13))
    }

    @Test("a file changed since the scan: the quoted text is found elsewhere, or the passage is not placed")
    func verification() throws {
        let map = LineMap(fileText: "새 줄이 앞에 생겼다\n원래 문장이 여기 있다\n")
        // The report said offset 0, but the text now sits on line 2.
        let moved = try #require(map.region(bodyStart: 0, end: 5, expected: "원래 문장"))
        #expect(moved.startLine == 2 && moved.startColumn == 1)
        #expect(map.region(bodyStart: 0, end: 5, expected: "없는 문장") == nil)
        #expect(map.region(bodyStart: 0, end: 0, expected: "") == nil)
        #expect(map.region(bodyStart: 1_000, end: 1_005, expected: "원래 문장")?.startLine == 2)
    }

    @Test("a byte order mark is not a column; CR LF front matter still finds the body")
    func bomAndCRLF() throws {
        let location = ArticleLocator.location(reportPath: "a.md", fileText: "\u{FEFF}---\r\ntitle: x\r\n---\r\n본문\r\n")
        let map = try #require(location.lineMap)
        #expect(map.region(bodyStart: 0, end: 2, expected: "본문") == SourceRegion(startLine: 4, startColumn: 1, endLine: 4, endColumn: 3))
    }

    @Test("no front matter: the body is the whole file; unclosed front matter is not guessed")
    func noFrontMatter() {
        #expect(ArticleLocator.bodyStart(of: "제목\n본문") == 0)
        #expect(ArticleLocator.bodyStart(of: "---\ntitle: x\n본문만 있고 닫는 줄이 없다") == 0)
        #expect(ArticleLocator.bodyStart(of: "---\n---\n본문") == 8)
    }

    @Test("JSON Lines paths point at their record's line; HTML files at the article")
    func otherKinds() {
        let jsonl = "{\"id\":\"x1\",\"text\":\"가\"}\n\n{\"id\":\"x2\",\"text\":\"x1 나\"}\n"
        #expect(ArticleLocator.location(reportPath: "feed.jsonl#x2", fileText: jsonl).line == 3)
        #expect(ArticleLocator.location(reportPath: "feed.jsonl#x2", fileText: jsonl).file == "feed.jsonl")
        #expect(ArticleLocator.location(reportPath: "feed.jsonl:7", fileText: nil).line == 7)
        #expect(ArticleLocator.location(reportPath: "feed.jsonl#nope", fileText: jsonl).articleLine == 1)
        let html = ArticleLocator.location(reportPath: "page.html", fileText: "<p>본문</p>")
        #expect(html.lineMap == nil && html.articleLine == 1)
        #expect(ArticleLocator.split("notes#1.txt").file == "notes#1.txt")
    }

    @Test("the in-memory and path-only locators")
    func locators() {
        let memory = ArticleLocator.texts(["a.txt": "본문"])
        #expect(memory("a.txt").lineMap != nil)
        #expect(memory("b.txt").lineMap == nil)
        #expect(ArticleLocator.pathsOnly("a.txt").lineMap == nil)
    }
}
