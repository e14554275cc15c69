import Foundation
import Policy
@testable import Reporting

/// Reports built in code. Articles are invented (fictional outlets), never copied from real news.
enum Fixtures {
    static let script = "<script>alert(1)</script>"
    static let img = "<img src=x onerror=alert(1)>"
    static let link = "<a href=\"javascript:alert(1)\">"
    static let svg = "\"><svg onload=alert(1)>"
    static let style = "</style><script>alert(1)</script>"
    static let hostile = [script, img, link, svg, style]
    static let allHostile = hostile.joined(separator: " ")

    static let prohibiting = "[저작권자ⓒ 한빛일보. 무단전재-재배포 금지]"

    static func passage(_ s: Int, _ t: Int, _ suspect: String, _ source: String) -> PassageReport {
        PassageReport(suspect: .init(start: s, end: s + suspect.unicodeScalars.count),
                      source: .init(start: t, end: t + source.unicodeScalars.count),
                      suspectText: suspect, sourceText: source)
    }

    static func source(path: String, id: String, outlet: String?, notice: String?, prohibits: [String] = [],
                       title: String? = "원문 기사", holder: String? = nil) -> SourceReport {
        SourceReport(path: path, id: id, title: title, outlet: outlet, published: "2024-04-15T09:30:00+09:00", notice: notice,
                     holder: holder, prohibits: prohibits)
    }

    static func match(_ source: SourceReport, _ verdict: VerdictKind, passages: [PassageReport], copied: Int? = nil,
                      reasons: [Reason]? = nil) -> MatchReport {
        let copied = copied ?? passages.reduce(0) { $0 + $1.suspectText.unicodeScalars.count }
        let defaultReasons: [Reason]
        switch verdict.rawValue {
        case "violation":
            defaultReasons = [Reason("substantial-reuse", "\(copied) characters copied"),
                              Reason("notice-prohibits", "the source's notice forbids reproduction: “\(source.notice ?? "")”")]
        case "reuse":
            defaultReasons = [Reason("substantial-reuse", "\(copied) characters copied"), Reason("no-notice", "the source carries no copyright notice")]
        default:
            defaultReasons = [Reason("below-threshold", "\(copied) characters shared")]
        }
        return MatchReport(source: source, verdict: verdict, reasons: reasons ?? defaultReasons, containment: 0.7312,
                           coverage: 0.6104, jaccard: 0.5521, copiedCharacters: copied, passages: passages)
    }

    static func article(_ path: String, id: String, title: String?, verdict: VerdictKind, matches: [MatchReport],
                        reasons: [Reason]? = nil, outlet: String? = "오늘의소식") -> ArticleReport {
        let r = reasons ?? (matches.isEmpty ? [Reason("no-match", "no indexed article shares a passage with it")]
                                            : [Reason("copied-from", "copied from \(matches[0].source.path)")] + matches[0].reasons)
        return ArticleReport(path: path, id: id, title: title, outlet: outlet, published: "2024-04-15T14:02:00+09:00",
                             verdict: verdict, reasons: r, matches: matches)
    }

    static func report(_ articles: [ArticleReport], errors: [InputProblem] = []) -> ScanReport {
        ScanReport(index: .init(path: ".copyscan/index.sqlite", documents: 48, parameters: "p"),
                   policy: .init(minCopiedCharacters: 150, minCoverage: 0.5), articles: articles, errors: errors)
    }

    static let busSource = "한빛시는 다음 달 1일부터 시내버스 노선 42개를 전면 개편한다고 15일 밝혔다."
    static let busSuspect = "한빛시가 다음 달 1일부터 시내버스 노선 42개를 전면 개편한다고 15일 밝혔다."

    /// A violation, a reuse, and a clean article with no match; realistic text.
    static var ordinary: ScanReport {
        let hanbit = source(path: "archive/hanbit/bus.txt", id: "hb-bus", outlet: "한빛일보", notice: prohibiting,
                            prohibits: ["reproduction", "redistribution"], holder: "한빛일보")
        let pureun = source(path: "archive/pureun/library.txt", id: "pr-lib", outlet: "푸른뉴스", notice: nil)
        let m1 = match(hanbit, .violation, passages: [passage(10, 0, busSuspect, busSource)])
        let m2 = match(pureun, .reuse, passages: [passage(0, 5, "푸른시 도서관은 이달 20일부터 야간 열람실을 밤 11시까지 연장 운영한다.",
                                                              "푸른시 도서관은 이달 20일부터 야간 열람실을 밤 11시까지 연장 운영한다.")])
        return report([
            article("crawled/a.txt", id: "a", title: "한빛시 버스 노선 개편", verdict: .violation, matches: [m1]),
            article("crawled/b.txt", id: "b", title: "도서관 열람실 연장", verdict: .reuse, matches: [m2]),
            article("crawled/c.txt", id: "c", title: "주말 날씨", verdict: .clean, matches: []),
        ])
    }

    /// Every text field of the report carries script payloads.
    static var hostileReport: ScanReport {
        let src = source(path: "archive/\(img).txt", id: "src-\(script)", outlet: svg, notice: "\(prohibiting) \(allHostile)",
                         prohibits: ["reproduction", "<b>x</b>"], title: "\(link)원문\(style)", holder: "한빛\(svg)")
        let p = passage(3, 4, "본문 \(allHostile) 끝", "원문 \(allHostile) 끝")
        let m = match(src, .violation, passages: [p], reasons: [
            Reason("substantial-reuse", allHostile), Reason("notice-prohibits", allHostile), Reason("unknown-\(script)", allHostile),
        ])
        let clean = article("crawled/\(svg).txt", id: "clean-\(img)", title: "\(script)맑음", verdict: .clean, matches: [],
                            outlet: link)
        return report([
            article("crawled/\(img).html", id: "id-\(script)", title: "제목 \(allHostile)", verdict: .violation, matches: [m],
                    reasons: [Reason("copied-from", allHostile), Reason("other-\(svg)", allHostile)], outlet: style),
            clean,
        ], errors: [InputProblem(path: "bad/\(img).txt", problem: "is not valid UTF-8 \(allHostile)")])
    }
}

/// Where the repository and the shared folder are, found from this file's path.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
    static let sarifSchema = shared.appendingPathComponent("schemas/sarif-schema-2.1.0.json")

    static func temporaryFile(_ name: String, contents: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("copyscan-reporting-tests-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(contents.utf8).write(to: url)
        return url
    }
}
