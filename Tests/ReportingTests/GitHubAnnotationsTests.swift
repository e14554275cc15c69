import Policy
import Testing
@testable import Reporting

@Suite("GitHub annotations")
struct GitHubAnnotationsTests {
    @Test("an error per violation, a warning per reuse, placed like SARIF, then one notice")
    func lines() throws {
        let out = GitHubAnnotations.render(SARIFReportTests.located, locator: SARIFReportTests.locator)
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        let length = Fixtures.busSuspect.unicodeScalars.count
        // Same place as the SARIF region (line 5, columns 5…), with GitHub's inclusive end column.
        #expect(lines[0].hasPrefix("::error file=crawled/a.txt,line=5,endLine=5,col=5,endColumn=\(4 + length),title=copyscan violation%3A copied from 한빛일보::"))
        #expect(lines[0].contains(Fixtures.prohibiting))
        #expect(lines[1].hasPrefix("::warning file=crawled/b.txt,line=1,title="))
        #expect(lines[2] == "::notice title=copyscan::copyscan: 3 articles scanned: 1 violation, 1 reuse, 1 clean.")
    }

    @Test("%, CR and LF are escaped in data; : and , too in properties")
    func escaping() {
        #expect(GitHubAnnotations.escapeData("100% a\r\nb: c, d") == "100%25 a%0D%0Ab: c, d")
        #expect(GitHubAnnotations.escapeProperty("a:b,c%\n") == "a%3Ab%2Cc%25%0A")
        let source = Fixtures.source(path: "archive/x.txt", id: "s", outlet: "가,나:다", notice: "50%\n금지")
        let report = Fixtures.report([Fixtures.article("dir,1/a:b.txt", id: "a", title: "t", verdict: .violation,
                                                        matches: [Fixtures.match(source, .violation, passages: [])])])
        let line = GitHubAnnotations.render(report, locator: .pathsOnly).split(separator: "\n").first.map(String.init) ?? ""
        #expect(line.hasPrefix("::error file=dir%2C1/a%3Ab.txt,line=1,title=copyscan violation%3A copied from 가%2C나%3A다::"))
        #expect(line.contains("50%25%0A금지"))
        #expect(!line.contains("\r"))
    }

    @Test("at most 10 of each type, then a notice says how many more were not shown")
    func limit() {
        let source = Fixtures.source(path: "archive/x.txt", id: "s", outlet: "한빛일보", notice: Fixtures.prohibiting)
        let articles = (0..<13).map { i in
            Fixtures.article("a\(i).txt", id: "a\(i)", title: "t", verdict: .violation,
                             matches: [Fixtures.match(source, .violation, passages: [])])
        } + (0..<11).map { i in
            Fixtures.article("b\(i).txt", id: "b\(i)", title: "t", verdict: .reuse, matches: [Fixtures.match(source, .reuse, passages: [])])
        }
        let lines = GitHubAnnotations.render(Fixtures.report(articles), locator: .pathsOnly).split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("::error ") }.count == 10)
        #expect(lines.filter { $0.hasPrefix("::warning ") }.count == 10)
        #expect(lines.filter { $0.hasPrefix("::notice") }.count == 1)
        #expect(lines.last?.contains("3 more errors and 1 more warning not shown") == true)
        #expect(lines.first?.contains("file=a0.txt") == true)
    }
}
