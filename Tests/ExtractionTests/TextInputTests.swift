import Articles
import Foundation
import Testing
@testable import Extraction

@Suite("Text and JSON Lines inputs")
struct TextInputTests {
    func read(_ text: String, path: String = "a.txt") -> [Result<Article, InputError>] {
        ArticleReader.read(bytes: Array(text.utf8), path: path)
    }

    @Test("front matter gives metadata; the body is what follows, and offsets count from it")
    func frontMatter() throws {
        let text = "---\ntitle: 제목입니다\noutlet: 한빛일보\npublished: 2026-03-14T09:30:00+09:00\nurl: https://x.example/1\n---\n첫 문단.\n\n둘째 문단.\n"
        let a = try #require(read(text).first).get()
        #expect(a.title == "제목입니다")
        #expect(a.outlet == "한빛일보")
        #expect(a.published == "2026-03-14T09:30:00+09:00")
        #expect(a.url == "https://x.example/1")
        #expect(a.body == "첫 문단.\n\n둘째 문단.\n")
        #expect(a.paragraphs == [TextRange(start: 0, end: 5), TextRange(start: 7, end: 13)])
        #expect(a.id == ContentHash.hex(a.body))
    }

    @Test("without front matter the first short line is the title and the whole file is the body")
    func noFrontMatter() throws {
        let a = try #require(read("짧은 제목\n\n본문이 이어진다.").first).get()
        #expect(a.title == "짧은 제목")
        #expect(a.body == "짧은 제목\n\n본문이 이어진다.")
        let md = try #require(read("머리말\n\n# 마크다운 제목\n\n본문", path: "b.md").first).get()
        #expect(md.title == "마크다운 제목")
    }

    @Test("a notice on the last line is found, located in the body, and excluded")
    func tailNotice() throws {
        let body = "본문 문장이 여기에 있다.\n\n[저작권자ⓒ 한빛일보. 무단전재-재배포 금지]"
        let a = try #require(read(body).first).get()
        let notice = try #require(a.notices.first)
        #expect(notice.prohibits.contains(.reproduction))
        #expect(notice.prohibits.contains(.redistribution))
        #expect(notice.location == .bodyTail)
        let range = try #require(notice.range)
        #expect(String(String.UnicodeScalarView(Array(a.body.unicodeScalars)[range.range])) == "[저작권자ⓒ 한빛일보. 무단전재-재배포 금지]")
        #expect(a.excluded.contains { $0.start <= range.start && $0.end >= range.end })
    }

    @Test("bad files give errors that name the file and the problem")
    func badFiles() {
        func problem(_ bytes: [UInt8], _ path: String = "bad.txt") -> String? {
            guard case .failure(let e) = ArticleReader.read(bytes: bytes, path: path).first else { return nil }
            #expect(e.path == path)
            return e.problem
        }
        #expect(problem([])?.contains("empty") == true)
        #expect(problem(Array("  \n\n ".utf8))?.contains("no article text") == true)
        #expect(problem([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x00, 0x00, 0x01])?.contains("binary") == true)
        #expect(problem([0x41, 0x42, 0xFF, 0xFE, 0xFD, 0x80, 0x41])?.contains("not valid UTF-8") == true)
        #expect(problem(Array("---\ntitle: x\n본문".utf8))?.contains("front matter line 3") == true)
        #expect(problem(Array("---\ntitle: x\n".utf8))?.contains("no closing") == true)
        guard case .failure(let missing) = ArticleReader.read(path: "/nonexistent/copyscan/x.txt").first else {
            Issue.record("a missing file must fail")
            return
        }
        #expect(missing.problem.contains("no such file"))
    }

    @Test("EUC-KR text files are decoded")
    func eucKR() throws {
        // "한국 뉴스 기사" in EUC-KR.
        let bytes: [UInt8] = [0xC7, 0xD1, 0xB1, 0xB9, 0x20, 0xB4, 0xBA, 0xBD, 0xBA, 0x20, 0xB1, 0xE2, 0xBB, 0xE7]
        let a = try #require(ArticleReader.read(bytes: bytes, path: "old.txt").first).get()
        #expect(a.body == "한국 뉴스 기사")
    }

    @Test("JSON Lines: one article per line; bad lines are reported as path:line and the rest is read")
    func jsonLines() {
        let lines = [
            #"{"id":"a1","url":"https://x.example/a1","outlet":"한빛일보","title":"제목","published":"2026-01-01","text":"본문 하나."}"#,
            "",
            "{not json",
            #"{"id":"a3","title":"텍스트 없음"}"#,
            #"{"id":"a4","text":"본문 넷.\n[저작권자ⓒ 동해신문. 무단전재-재배포 금지]"}"#,
        ].joined(separator: "\n")
        let results = read(lines, path: "feed.jsonl")
        #expect(results.count == 4)
        let ok = results.compactMap { try? $0.get() }
        #expect(ok.map(\.id) == ["a1", "a4"])
        #expect(ok.first?.outlet == "한빛일보")
        #expect(ok.first?.source == "feed.jsonl#a1")
        #expect(ok.last?.notices.isEmpty == false)
        let errors = results.compactMap { r -> InputError? in if case .failure(let e) = r { return e }; return nil }
        #expect(errors.map(\.path) == ["feed.jsonl:3", "feed.jsonl:4"])
        #expect(errors.last?.problem.contains("neither `text` nor `html`") == true)
    }
}
