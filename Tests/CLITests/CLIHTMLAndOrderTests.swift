import Foundation
import Testing

@Suite("CLI: HTML sources and deterministic output")
struct CLIHTMLAndOrderTests {
    static let paragraphs = [
        "국토교통부는 올해 하반기부터 수도권 광역버스 노선을 대폭 확충하고 출퇴근 시간대 배차 간격을 십분 이내로 줄이겠다고 발표했다.",
        "이를 위해 예산 삼천억 원을 투입하고 지자체와 협의해 정류장도 새로 설치한다. 국토부 관계자는 시민 불편을 줄이는 것이 목표라고 말했다.",
        "내년 상반기까지 모든 노선의 운행 계획을 확정하고 하반기부터 단계적으로 시행할 예정이라고 국토부는 덧붙였다.",
    ]

    @Test("a page in the archive is a source like any text: a text copy of its article is a violation")
    func htmlSource() throws {
        let dir = try CLI.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("archive"), withIntermediateDirectories: true)
        let page = """
            <!doctype html><html><head><meta charset="utf-8"><title>광역버스 확충 - 한빛일보</title>
            <meta property="og:site_name" content="한빛일보"><meta property="article:published_time" content="2026-03-10T09:00:00+09:00"></head>
            <body><nav><a href="/">홈</a> <a href="/p">정치</a></nav>
            <div class="sidebar"><h3>많이 본 뉴스</h3><ul><li><a href="/1">다른 기사 제목 하나</a></li><li><a href="/2">다른 기사 제목 둘</a></li></ul></div>
            <div id="article_body">\(Self.paragraphs.map { "<p>\($0)</p>" }.joined())</div>
            <footer><p class="copyright">Copyright ⓒ 한빛일보. 무단전재 및 재배포 금지</p></footer></body></html>
            """
        try page.write(to: dir.appendingPathComponent("archive/page.html"), atomically: true, encoding: .utf8)
        try ("---\noutlet: 물결신문\n---\n" + Self.paragraphs.joined(separator: "\n\n") + "\n")
            .write(to: dir.appendingPathComponent("copy.txt"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["scan", "--against", "archive", "--format", "json", "copy.txt"], in: dir)
        #expect(r.status == 1, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let article = (json?["articles"] as? [[String: Any]])?.first
        #expect(article?["verdict"] as? String == "violation")
        let source = ((article?["matches"] as? [[String: Any]])?.first?["source"] as? [String: Any])
        #expect((source?["path"] as? String)?.hasSuffix("page.html") == true)
        #expect((source?["notice"] as? String)?.contains("무단전재") == true)
    }

    @Test("the report is the same whatever the number of jobs")
    func deterministicOrder() throws {
        let one = try CLI.run(["scan", "--against", "Corpus/archive", "--format", "json", "--jobs", "1", "Corpus/incoming"])
        let two = try CLI.run(["scan", "--against", "Corpus/archive", "--format", "json", "--jobs", "2", "Corpus/incoming"])
        #expect(one.status == two.status)
        #expect(!one.stdout.isEmpty)
        #expect(one.stdout == two.stdout)
    }
}
