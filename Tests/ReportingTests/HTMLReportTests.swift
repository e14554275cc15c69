import Foundation
import Policy
import Testing
@testable import Reporting

@Suite("HTML report")
struct HTMLReportTests {
    /// Every tag of the page as written: text from the inputs is escaped, so each raw `<` opens
    /// a tag the renderer wrote itself.
    static func tags(_ html: String) -> [String] {
        var out: [String] = []
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else {
                out.append(String(rest[open...]))
                break
            }
            out.append(String(rest[open...close]))
            rest = rest[rest.index(after: close)...]
        }
        return out
    }

    static func tagName(_ tag: String) -> String {
        let body = tag.dropFirst().drop { $0 == "/" || $0 == "!" }
        return String(body.prefix { $0.isLetter || $0.isNumber }).lowercased()
    }

    static let allowedTags: Set<String> = [
        "doctype", "html", "head", "meta", "title", "style", "body", "header", "main", "footer", "div", "h1", "h2", "h3", "h4",
        "p", "span", "dl", "dt", "dd", "ol", "ul", "li", "a", "table", "thead", "tbody", "tr", "th", "td", "article",
        "section", "blockquote", "mark", "b",
    ]

    @Test("hostile titles, paths, notices and passages are inert: no live tag, handler or javascript: link")
    func hostileTextIsInert() {
        let html = HTMLReport.render(Fixtures.hostileReport)
        let tags = Self.tags(html)
        #expect(!tags.isEmpty)
        for tag in tags {
            let lower = tag.lowercased()
            #expect(Self.allowedTags.contains(Self.tagName(tag)), "unexpected tag \(tag)")
            #expect(!lower.contains("onerror="), "handler in \(tag)")
            #expect(!lower.contains("onload="), "handler in \(tag)")
            #expect(!lower.contains("javascript:"), "javascript: in \(tag)")
            #expect(!lower.contains("<script"), "script in \(tag)")
            #expect(!lower.contains("<svg") && !lower.contains("<img"), "element in \(tag)")
        }
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.lowercased().contains("<img"))
        #expect(!html.lowercased().contains("<svg"))
        // Exactly one <style> element, the renderer's own: a `</style>` in the data did not close it.
        #expect(tags.filter { Self.tagName($0) == "style" }.count == 2)
        // Links only to the page's own anchors.
        for tag in tags where Self.tagName(tag) == "a" && !tag.hasPrefix("</") {
            #expect(tag.hasPrefix("<a href=\"#article-"), "link \(tag)")
        }
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"))
        // The payloads are still there for the reader, as text.
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("&lt;a href=&quot;javascript:alert(1)&quot;&gt;"))
        #expect(html.contains("&quot;&gt;&lt;svg onload=alert(1)&gt;"))
        #expect(html.contains("&lt;/style&gt;"))
    }

    @Test("the escaper turns every markup character into an entity")
    func escaping() {
        #expect(HTMLReport.h("<a href=\"x\" title='y'>&</a>") == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
        #expect(HTMLReport.h("한빛일보") == "한빛일보")
    }

    @Test("the summary comes first: counts, then the sources most copied, then the flagged articles")
    func summaryFirst() throws {
        let html = HTMLReport.render(Fixtures.ordinary)
        let summary = try #require(html.range(of: "Summary"))
        let sources = try #require(html.range(of: "Sources most copied"))
        let firstArticle = try #require(html.range(of: "id=\"article-1\""))
        #expect(summary.lowerBound < sources.lowerBound && sources.lowerBound < firstArticle.lowerBound)
        #expect(html.contains("<div class=\"n\">3</div><div class=\"k\">검사한 기사 · articles scanned</div>"))
        #expect(html.contains("<div class=\"card danger\"><div class=\"n\">1</div>"))
        #expect(html.contains("archive/hanbit/bus.txt"))
        // The clean article is listed at the end, not as a flagged section.
        #expect(!html.contains("id=\"article-3\""))
        #expect(html.contains("Clean articles (1)"))
    }

    @Test("each source shows its outlet, publication time, notice exactly as found and the reasons in Korean and English")
    func sourceDetails() {
        let html = HTMLReport.render(Fixtures.ordinary)
        #expect(html.contains("<blockquote class=\"notice\">\(Fixtures.prohibiting)</blockquote>"))
        #expect(html.contains("한빛일보"))
        #expect(html.contains("2024-04-15T09:30:00+09:00"))
        #expect(html.contains("출처 기사의 저작권 고지(한빛일보)가 전재·재배포를 금지합니다."))
        #expect(html.contains("The source&#39;s copyright notice (한빛일보) forbids reproduction, redistribution."))
        #expect(html.contains("73%"))  // copied share of the article
        #expect(html.contains("고지 없음 · No notice found"))
    }

    @Test("passages are side by side with the identical text highlighted on both sides and the edit left unmarked")
    func highlightedPassages() {
        let html = HTMLReport.render(Fixtures.ordinary)
        // busSuspect and busSource differ only in the particle 가/는.
        #expect(html.contains("<span class=\"changed\">가</span>"))
        #expect(html.contains("<span class=\"changed\">는</span>"))
        #expect(html.contains("<mark> 다음 달 1일부터 시내버스 노선 42개를 전면 개편한다고 15일 밝혔다.</mark>"))
        #expect(html.components(separatedBy: "<div class=\"passage\">").count - 1 == 2)
    }

    @Test("an unknown reason code is shown with Policy's English message; a known one gets Korean")
    func reasonFallback() {
        let html = HTMLReport.render(Fixtures.hostileReport)
        #expect(html.contains("<li><span class=\"en\">\(HTMLReport.h(Localization.sentence(Fixtures.allHostile)))</span></li>"))
        #expect(html.contains("<span class=\"ko\">출처 기사의 저작권 고지"))
    }

    @Test("flagged articles are listed most severe first, and reasons shown under a source are not repeated above it")
    func ordering() throws {
        var report = Fixtures.ordinary
        report.articles.reverse()  // clean, reuse, violation
        let html = HTMLReport.render(report)
        let violation = try #require(html.range(of: "crawled/a.txt"))
        let reuse = try #require(html.range(of: "crawled/b.txt"))
        #expect(violation.lowerBound < reuse.lowerBound)
        let first = try #require(html.range(of: "id=\"article-1\""))
        let second = try #require(html.range(of: "id=\"article-2\""))
        let firstSection = String(html[first.lowerBound..<second.lowerBound])
        #expect(firstSection.contains("crawled/a.txt"))
        // "substantial-reuse" is both an article reason and a source reason: worded once.
        #expect(firstSection.components(separatedBy: "를 옮겼으며").count - 1 == 1)
    }

    @Test("a report with nothing flagged says so")
    func nothingFlagged() {
        let report = Fixtures.report([Fixtures.article("a.txt", id: "a", title: "t", verdict: .clean, matches: [])])
        let html = HTMLReport.render(report)
        #expect(html.contains("No article reuses a substantial part"))
        #expect(!html.contains("class=\"finding"))
    }
}
