import Articles
import Extraction
import Foundation
import Testing

/// Prints how long a scan of a typical article takes. Never fails on time: debug builds and a busy
/// machine say nothing about release speed (see the report for the release measurement).
@Suite struct BoilerplatePerformanceTests {
    /// About 2,000 code points: dateline, nine paragraphs, a caption credit, a byline, a notice, a
    /// list of other headlines and share buttons. Invented text.
    static let typicalArticle: String = {
        let sentence = "정부가 내년부터 청년 주거 지원을 크게 늘리기로 하면서 지원 대상과 금액이 함께 확대된다. "
        let paragraph = String(repeating: sentence, count: 4)
        var lines = ["(서울=한빛뉴스) 홍길동 기자 = " + paragraph]
        for _ in 0..<8 { lines.append(paragraph) }
        lines.insert("청년들이 임대주택 설명회에 참석하고 있다. [사진=한빛일보]", at: 3)
        lines += ["홍길동 기자 hong@example.com", "<저작권자 ⓒ 한빛뉴스, 무단 전재 및 재배포 금지>", "많이 본 뉴스",
                  "청년 주거 지원 두 배로", "전세 사기 피해 대책 발표", "공유하기 카카오톡 페이스북 URL 복사"]
        return lines.joined(separator: "\n\n")
    }()

    @Test func printsScanTime() {
        let body = Self.typicalArticle
        #expect(body.unicodeScalars.count > 1900 && body.unicodeScalars.count < 2600)
        var findings = BoilerplateScanner.scan(body: body)
        let rounds = 200
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<rounds { findings = BoilerplateScanner.scan(body: body) }
        }
        #expect(findings.notices.count == 1 && findings.credits.count >= 3)
        let micro = Double(elapsed.components.attoseconds) / 1e12 / Double(rounds) + Double(elapsed.components.seconds) * 1e6 / Double(rounds)
        print("BoilerplateScanner.scan: \(body.unicodeScalars.count) code points, \(String(format: "%.1f", micro)) µs per scan (this build)")
    }
}
