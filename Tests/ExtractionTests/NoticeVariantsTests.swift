import Articles
@testable import Extraction
import Foundation
import Testing

/// The real notice variants in `../shared/notices/variants.tsv` (relative to the repository root),
/// each placed as the last line of a generated article.
///
/// Holder comparison rule (the tsv's outlet column is written for people, not for equality):
/// - the column is cut at its first parenthesis (`로이터연합뉴스 (Reuters via Yonhap)`) and split
///   on `/` into alternatives (`매일경제 / 매경이코노미`);
/// - names are compared after lower-casing and removing everything but letters and digits, and
///   match when either contains the other (`뉴스1` ~ `뉴스1코리아`, `FPN 소방방재신문` ~ `FPN`);
/// - when no alternative occurs in the notice itself (the notice names a publisher company,
///   `메가뉴스` for 지디넷코리아, or nobody), the holder must be nil or a name that does occur in
///   the notice;
/// - `<outlet>` in a template variant is replaced by an invented name, which is then expected.
@Suite struct NoticeVariantsTests {
    struct Variant {
        var line: Int
        var text: String
        var outlet: String
        var expected: [ProhibitedAct]
        var expectedHolder: String?
    }

    static var tsvURL: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("../shared/notices/variants.tsv").standardizedFileURL
    }

    static var isAvailable: Bool { FileManager.default.fileExists(atPath: tsvURL.path) }

    static let inventedOutlet = "한빛스포츠"
    static let urls = ["www.example.co.kr", "https://www.example.com/news", "http://example.kr"]

    /// Maps the tsv's prohibition words to `ProhibitedAct`; nil for a word the test does not know.
    static func acts(_ column: String) -> [ProhibitedAct]? {
        var acts: [ProhibitedAct] = []
        for raw in column.split(separator: ";") {
            let w = raw.trimmingCharacters(in: .whitespaces).lowercased()
            switch w {
            case "reproduction", "publication": acts.append(.reproduction)
            case "redistribution", "distribution", "broadcast": acts.append(.redistribution)
            case "copying": acts.append(.copying)
            case "collection", "crawling": acts.append(.collection)
            case "modification", "rewriting": acts.append(.modification)
            case _ where w.hasPrefix("ai "): acts.append(.aiTraining)
            case _ where w.contains("reserved") || w.contains("mark only") || w.contains("legal liability")
                || w.contains("licensing inquiry"):
                break  // a reservation: no act copyscan distinguishes
            default:
                return nil
            }
        }
        return Array(Set(acts)).sorted()
    }

    static func load() throws -> [Variant] {
        let text = try String(contentsOf: tsvURL, encoding: .utf8)
        var out: [Variant] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated().dropFirst() {
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cols.count >= 3 else { continue }
            var variant = cols[0]
            var k = 0
            while let r = variant.range(of: "<url>") {
                variant.replaceSubrange(r, with: urls[k % urls.count])
                k += 1
            }
            var expectedHolder: String?
            if variant.contains("<outlet>") {
                variant = variant.replacingOccurrences(of: "<outlet>", with: inventedOutlet)
                expectedHolder = inventedOutlet
            }
            var outlet = cols[1]
            if outlet.hasPrefix("\""), outlet.hasSuffix("\""), outlet.count >= 2 {
                outlet = String(outlet.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
            }
            guard let acts = acts(cols[2]) else {
                Issue.record("variants.tsv line \(n + 1): unknown prohibition words \(cols[2])")
                continue
            }
            out.append(Variant(line: n + 1, text: variant, outlet: outlet, expected: acts, expectedHolder: expectedHolder))
        }
        return out
    }

    static func normalised(_ s: String) -> String {
        String(String.UnicodeScalarView(s.lowercased().unicodeScalars.filter {
            $0.properties.isAlphabetic || $0.properties.numericType != nil
        }))
    }

    /// Nil when the holder is acceptable, else why not.
    static func holderProblem(_ holder: String?, _ v: Variant) -> String? {
        if let expected = v.expectedHolder {
            return holder == expected ? nil : "expected holder \(expected)"
        }
        let head = v.outlet.split(separator: "(", maxSplits: 1).first.map(String.init) ?? ""
        let alternatives = head.split(separator: "/").map { normalised(String($0)) }.filter { !$0.isEmpty }
        let text = normalised(v.text)
        let named = alternatives.filter { text.contains($0) }
        guard let holder else {
            return named.isEmpty ? nil : "no holder, but the notice names \(named)"
        }
        let h = normalised(holder)
        guard !h.isEmpty, text.contains(h) else { return "holder \(holder) is not a name in the notice" }
        if named.isEmpty { return nil }
        return named.contains(where: { h.contains($0) || $0.contains(h) }) ? nil : "holder does not match \(named)"
    }

    static let article = """
        서울 시내 한 공원에서 주말 동안 시민 축제가 열렸다.

        주최 측은 올해 방문객이 지난해보다 크게 늘었다고 밝혔다. 행사장에는 먹거리 장터와 공연 무대가 마련됐다.

        한 시민은 "아이들과 함께 오기 좋았다"고 말했다.
        """

    @Test(.enabled(if: isAvailable)) func everyVariantIsReadAsTheLastLineOfAnArticle() throws {
        let variants = try Self.load()
        #expect(variants.count >= 80, "variants.tsv should hold the 84 sample variants")
        var failures: [String] = []
        for v in variants {
            let body = Self.article + "\n\n" + v.text
            let findings = BoilerplateScanner.scan(body: body)
            let start = body.unicodeScalars.count - v.text.unicodeScalars.count
            guard let notice = findings.notices.first(where: { ($0.range?.end ?? 0) == body.unicodeScalars.count }) else {
                failures.append("line \(v.line): not found: \(v.text)")
                continue
            }
            if notice.location != .bodyTail { failures.append("line \(v.line): location \(notice.location)") }
            if let r = notice.range, r.start < start { failures.append("line \(v.line): range \(r) starts before the line") }
            if notice.prohibits != v.expected {
                failures.append("line \(v.line): prohibits \(notice.prohibits) expected \(v.expected): \(v.text)")
            }
            if notice.reservesRightsOnly != v.expected.isEmpty {
                failures.append("line \(v.line): reservesRightsOnly \(notice.reservesRightsOnly)")
            }
            if let problem = Self.holderProblem(notice.holder, v) {
                failures.append("line \(v.line): \(problem); got \(notice.holder ?? "nil"): \(v.text)")
            }
            let direct = NoticeGrammar.parse(v.text)
            if direct?.prohibits != v.expected { failures.append("line \(v.line): parse(_:) gives \(String(describing: direct))") }
        }
        for f in failures { Issue.record(Comment(rawValue: f)) }
        #expect(failures.isEmpty)
    }

    @Test func skipsWithAMessageWhenTheSampleIsAbsent() {
        if !Self.isAvailable {
            print("NoticeVariantsTests: \(Self.tsvURL.path) is absent; the variants test was skipped")
        }
        // The holder rule itself must reject a wrong holder and accept a loose match.
        let v = Variant(line: 0, text: "ⓒ 뉴스1코리아(news1.kr), 무단 전재 및 재배포 금지", outlet: "뉴스1",
                        expected: [.reproduction, .redistribution], expectedHolder: nil)
        #expect(Self.holderProblem("뉴스1코리아", v) == nil)
        #expect(Self.holderProblem("재배포", v) != nil)
        #expect(Self.holderProblem(nil, v) != nil)
    }
}
