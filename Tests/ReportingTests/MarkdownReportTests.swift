import Policy
import Testing
@testable import Reporting

@Suite("Markdown report")
struct MarkdownReportTests {
    /// The text with every code span (a run of backticks to the next run of the same length) cut out.
    static func removingCodeSpans(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "`") {
            out += rest[..<open]
            let fence = rest[open...].prefix { $0 == "`" }
            let after = rest[fence.endIndex...]
            guard let close = after.range(of: String(fence)) else { return out + rest[open...] }
            rest = after[close.upperBound...]
        }
        return out + rest
    }

    @Test("a summary table, then flagged articles with sources, verdicts and one quoted passage each")
    func structure() throws {
        let md = MarkdownReport.render(Fixtures.ordinary)
        let lines = md.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("| articles |") })
        #expect(lines[header] == "| articles | violation | reuse | clean | unreadable |")
        #expect(lines[header + 2] == "| 3 | 1 | 1 | 1 | 0 |")
        #expect(md.contains("### Flagged articles (2)"))
        #expect(md.contains("#### 🔴 violation `crawled/a.txt`"))
        #expect(md.contains("| `archive/hanbit/bus.txt` | 한빛일보 |"))
        // One quote per source: two flagged sources, two quotes.
        #expect(lines.filter { $0.hasPrefix("> ") && !$0.hasPrefix("> —") }.count == 2)
        #expect(!md.contains("crawled/c.txt"))  // clean articles are only counted
    }

    @Test("article text cannot inject HTML or Markdown")
    func escaping() {
        let md = MarkdownReport.render(Fixtures.hostileReport)
        // Paths stay verbatim inside code spans, where Markdown shows HTML as text; everywhere
        // else no raw tag survives.
        let outsideCode = Self.removingCodeSpans(md).lowercased()
        #expect(!outsideCode.contains("<script"))
        #expect(!outsideCode.contains("<img"))
        #expect(!outsideCode.contains("<svg"))
        #expect(!outsideCode.contains("<a "))
        #expect(!md.contains("](javascript"))
        #expect(md.contains("`crawled/<img src=x onerror=alert(1)>.html`"))
        #expect(md.contains("&lt;script&gt;alert\\(1\\)&lt;/script&gt;"))
        #expect(MarkdownReport.escape("*a* [b](c) | _d_ #e") == "\\*a\\* \\[b\\]\\(c\\) \\| \\_d\\_ \\#e")
        #expect(MarkdownReport.escape("줄\n바꿈") == "줄 바꿈")
    }

    @Test("table rows keep their cell count when text holds pipes; code spans survive backticks")
    func tables() {
        let source = Fixtures.source(path: "archive/a|b.txt", id: "s", outlet: "가|나", notice: nil)
        let report = Fixtures.report([Fixtures.article("x.txt", id: "x", title: "t", verdict: .reuse,
                                                        matches: [Fixtures.match(source, .reuse, passages: [])])])
        let md = MarkdownReport.render(report)
        let row = md.split(separator: "\n").first { $0.hasPrefix("| `archive/a") }.map(String.init) ?? ""
        // Unescaped pipes delimit the 6 cells: 7 of them.
        var unescaped = 0
        var previous: Character = " "
        for ch in row {
            if ch == "|", previous != "\\" { unescaped += 1 }
            previous = ch
        }
        #expect(unescaped == 7)
        #expect(MarkdownReport.code("a`b") == "`` a`b ``")
    }

    @Test("flagged articles are listed most severe first")
    func ordering() throws {
        var report = Fixtures.ordinary
        report.articles.reverse()
        let md = MarkdownReport.render(report)
        let violation = try #require(md.range(of: "#### 🔴 violation `crawled/a.txt`"))
        let reuse = try #require(md.range(of: "#### 🟠 reuse `crawled/b.txt`"))
        #expect(violation.lowerBound < reuse.lowerBound)
    }

    @Test("nothing flagged: a sentence instead of sections")
    func nothingFlagged() {
        let md = MarkdownReport.render(Fixtures.report([]))
        #expect(md.contains("No article reuses"))
        #expect(!md.contains("####"))
    }
}
