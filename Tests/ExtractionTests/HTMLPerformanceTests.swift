import Articles
import Foundation
import Testing
@testable import Extraction

/// Throughput, printed for the record. Runs only with COPYSCAN_PERF=1, and means something only
/// in a release build:
///   swift build -c release --build-tests -Xswiftc -enable-testing
///   COPYSCAN_PERF=1 .build/release/copyscanPackageTests.xctest --testing-library swift-testing --filter HTMLPerformanceTests
@Suite("HTML extraction throughput")
struct HTMLPerformanceTests {
    static let enabled = ProcessInfo.processInfo.environment["COPYSCAN_PERF"] == "1"

    @Test(.enabled(if: enabled && RealWorldPages.isAvailable, "set COPYSCAN_PERF=1 (and have ../shared/realworld)"))
    func realPages() throws {
        let root = try #require(RealWorldPages.root)
        let pages = RealWorldCorpus.cases(root: root).filter { $0.group == "ko" }
            .compactMap { FileManager.default.contents(atPath: $0.path).map { [UInt8]($0) } }
        let bytes = pages.reduce(0) { $0 + $1.count }
        let rounds = 20
        let clock = ContinuousClock()
        var extracted = 0
        let elapsed = clock.measure {
            for _ in 0..<rounds {
                for page in pages { extracted += (try? HTMLArticleExtractor.extract(bytes: page, source: "p"))?.body.count ?? 0 }
            }
        }
        #expect(extracted > 0)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(String(format: "PERF real pages: %d pages × %d rounds, %.1f MB in %.2f s = %.1f MB/s, %.2f ms/page",
                     pages.count, rounds, Double(bytes * rounds) / 1e6, seconds, Double(bytes * rounds) / 1e6 / seconds,
                     seconds * 1000 / Double(pages.count * rounds)))
    }

    @Test(.enabled(if: enabled, "set COPYSCAN_PERF=1"))
    func fiftyMegabytes() throws {
        var html = "<html><head><meta charset=\"utf-8\"></head><body><div id=\"articleBody\">"
        let paragraph = "<p>\(SyntheticPage.p1) <a href=\"/x\">링크</a> \(SyntheticPage.p2)</p>\n"
        while html.utf8.count < 50_000_000 { html += String(repeating: paragraph, count: 1000) }
        html += "</div><footer><p>ⓒ 시험뉴스 all rights reserved.</p></footer></body></html>"
        let bytes = Array(html.utf8)
        let clock = ContinuousClock()
        var article: Article?
        let elapsed = clock.measure { article = try? HTMLArticleExtractor.extract(bytes: bytes, source: "big.html") }
        #expect(article != nil)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(String(format: "PERF 50 MB page: %.1f MB in %.2f s = %.1f MB/s", Double(bytes.count) / 1e6, seconds,
                     Double(bytes.count) / 1e6 / seconds))
    }
}
