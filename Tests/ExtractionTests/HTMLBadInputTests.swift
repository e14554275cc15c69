import Articles
import Dispatch
import Foundation
import Testing
@testable import Extraction

/// Hostile and broken input: no crash, bounded time, and a clear error naming the file when
/// there is no text at all.
@Suite("HTML extraction on bad input")
struct HTMLBadInputTests {
    func failure(_ bytes: [UInt8], source: String = "bad/page.html") -> InputError? {
        do {
            _ = try HTMLArticleExtractor.extract(bytes: bytes, source: source)
            return nil
        } catch {
            return error
        }
    }

    @Test func emptyDocumentIsAnErrorNamingTheFile() throws {
        let error = try #require(failure([]))
        #expect(error.path == "bad/page.html")
        #expect(error.problem.contains("empty"))
    }

    @Test(arguments: ["   \n\t  ", "<html></html>", "<html><head><title></title></head><body>  </body></html>", "<!-- only a comment -->"])
    func pagesWithoutTextAreErrors(html: String) throws {
        let error = try #require(failure(Array(html.utf8)))
        #expect(error.path == "bad/page.html")
        #expect(error.description.hasPrefix("bad/page.html: "))
    }

    @Test func pageThatIsAllScriptIsAnError() throws {
        let script = String(repeating: "var x = '본문처럼 보이는 문자열이지만 스크립트다'; document.write(x);\n", count: 2000)
        let error = try #require(failure(Array("<html><head><script>\(script)</script></head><body><script>\(script)</script><style>p{}</style></body></html>".utf8)))
        #expect(error.problem.contains("no article text"))
    }

    @Test func binaryDataNamedHTMLIsAnError() throws {
        var generator = SystemRandomNumberGenerator()
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<100_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let error = try #require(failure(png, source: "image.html"))
        #expect(error.path == "image.html")
        #expect(error.problem.contains("binary"))
    }

    @Test func unclosedTagsEverywhere() throws {
        let html = "<html><body><div id=articleBody><p>\(SyntheticPage.p1)<p><b><i>\(SyntheticPage.p2)<div><span><p>\(SyntheticPage.p3)<table><tr><td>표 안의 글<li>목록"
        let article = try HTMLArticleExtractor.extract(bytes: Array(html.utf8), source: "unclosed.html")
        #expect(article.body.hasPrefix([SyntheticPage.p1, SyntheticPage.p2, SyntheticPage.p3].joined(separator: "\n\n")))
    }

    @Test func tagSoupAndStrayMarkup() throws {
        let html = "</p></div><p>>>> <<< &&& &bogus; \(SyntheticPage.p1)</span></td></x:y><?php echo 1 ?></body></html></HTML ><p>\(SyntheticPage.p2)"
        let article = try HTMLArticleExtractor.extract(bytes: Array(html.utf8), source: "soup.html")
        #expect(article.body.contains(SyntheticPage.p1))
        #expect(article.body.contains(SyntheticPage.p2))
    }

    @Test func tenThousandDeepNesting() throws {
        let depth = 10_000
        let html = "<html><body>" + String(repeating: "<div>", count: depth) + "<p>\(SyntheticPage.p1)</p>"
            + String(repeating: "</div>", count: depth) + "<p>\(SyntheticPage.p2)</p></body></html>"
        let clock = ContinuousClock()
        var article: Article?
        let elapsed = try clock.measure {
            article = try HTMLArticleExtractor.extract(bytes: Array(html.utf8), source: "deep.html")
        }
        // libxml2 may cap the depth; what matters is no crash, bounded time and some text.
        #expect(article?.body.isEmpty == false)
        #expect(elapsed < .seconds(60))
    }

    @Test func deeplyNestedInlineElementsAndLinks() throws {
        let depth = 20_000
        let html = "<html><body><div id=\"articleBody\"><p>" + String(repeating: "<span><a href=\"#\">", count: depth) + SyntheticPage.p1
            + String(repeating: "</a></span>", count: depth) + "</p><p>\(SyntheticPage.p2)</p></div></body></html>"
        _ = try? HTMLArticleExtractor.extract(bytes: Array(html.utf8), source: "deep-inline.html")
    }

    @Test func fiftyMegabytePage() throws {
        var html = "<html><head><meta charset=\"utf-8\"><title>큰 페이지</title></head><body><div id=\"articleBody\">"
        let paragraph = "<p>\(SyntheticPage.p1) \(SyntheticPage.p2)</p>\n"
        let target = 50 * 1024 * 1024
        html.reserveCapacity(target + 1024)
        let copies = target / paragraph.utf8.count + 1
        for _ in 0..<copies { html += paragraph }
        html += "</div></body></html>"
        let bytes = Array(html.utf8)
        #expect(bytes.count >= target)
        let clock = ContinuousClock()
        var article: Article?
        let elapsed = try clock.measure {
            article = try HTMLArticleExtractor.extract(bytes: bytes, source: "big.html")
        }
        let extracted = try #require(article)
        #expect(extracted.paragraphs.count == copies)
        #expect(extracted.body.hasPrefix(SyntheticPage.p1))
        print("50 MB page: \(extracted.paragraphs.count) paragraphs in \(elapsed) (debug build)")
        #expect(elapsed < .seconds(300))
    }

    @Test func pagesOverTheSizeLimitAreRefused() throws {
        // Checked before any work: a page one byte over the limit is refused outright.
        let bytes = [UInt8](repeating: 0x20, count: HTMLArticleExtractor.maximumInputBytes + 1)
        let error = try #require(failure(bytes, source: "huge.html"))
        #expect(error.problem.contains("bytes"))
    }

    @Test func concurrentExtractionGivesTheSameResults() async throws {
        let pages: [String] = (0..<16).map { i in
            SyntheticPage.newsPage(articleBody: "<div id=\"articleBody\"><p>\(i)번 문단. \(SyntheticPage.p1)</p><p>\(SyntheticPage.p2)</p></div>",
                                   footer: "<p class=\"copy\">ⓒ 시험뉴스 all rights reserved.</p>")
        }
        let sequential = try pages.enumerated().map { try HTMLArticleExtractor.extract(bytes: Array($1.utf8), source: "p\($0).html") }
        let results = try await withThrowingTaskGroup(of: (Int, Article).self) { group in
            for round in 0..<8 {
                for (i, page) in pages.enumerated() {
                    group.addTask {
                        (i, try HTMLArticleExtractor.extract(bytes: Array(page.utf8), source: "p\(i).html"))
                    }
                }
                _ = round
            }
            var out: [(Int, Article)] = []
            for try await r in group { out.append(r) }
            return out
        }
        #expect(results.count == pages.count * 8)
        for (i, article) in results { #expect(article == sequential[i]) }

        // And on plain threads, which is how libxml2's per-thread state is really exercised.
        let mismatches = HTMLConcurrencyCounter()
        DispatchQueue.concurrentPerform(iterations: 64) { n in
            let i = n % pages.count
            let article = try? HTMLArticleExtractor.extract(bytes: Array(pages[i].utf8), source: "p\(i).html")
            if article != sequential[i] { mismatches.increment() }
        }
        #expect(mismatches.value == 0)
    }
}

final class HTMLConcurrencyCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func increment() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
