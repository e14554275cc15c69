import Articles
import Foundation

/// Measures extraction on the real-world corpus against the targets the project set for
/// Korean pages: median recall ≥ 0.95, median precision ≥ 0.90, no page under 0.7 recall, and
/// every notice the corpus README describes found where it says (none on MBC pages).
public struct ExtractionEvaluation: Sendable {
    public static let medianRecallTarget = 0.95
    public static let medianPrecisionTarget = 0.90
    public static let minimumRecallTarget = 0.70

    public struct Row: Sendable {
        public var testCase: RealWorldCorpus.Case
        public var overlap: TextOverlap?
        public var notices: [NoticeLocation]
        /// Nil when the corpus says nothing about this page's notices.
        public var noticesAsExpected: Bool?
        public var method: String
        public var error: String?
    }

    public var rows: [Row]

    /// How an article is obtained for a case: in process, or from another program's output.
    public typealias Extract = @Sendable (RealWorldCorpus.Case) -> Result<(article: Article, method: String), InputError>

    /// The in-process extractor.
    public static let inProcess: Extract = { c in
        guard let data = FileManager.default.contents(atPath: c.path) else {
            return .failure(InputError(path: c.path, "cannot read the file"))
        }
        do throws(InputError) {
            let report = try HTMLArticleExtractor.extractReport(bytes: [UInt8](data), source: c.path)
            return .success((report.article, report.bodyMethod))
        } catch {
            return .failure(error)
        }
    }

    public init(cases: [RealWorldCorpus.Case], extract: Extract = ExtractionEvaluation.inProcess) {
        rows = cases.map { c in
            switch extract(c) {
            case .success(let (article, method)):
                let overlap = c.expectedText.map { TextOverlap(expected: $0, extracted: article.body) }
                let locations = article.notices.map(\.location)
                let ok: Bool?
                switch c.notices {
                case .unspecified: ok = nil
                case .none: ok = locations.isEmpty
                case .at(let allowed): ok = locations.contains(where: allowed.contains)
                }
                return Row(testCase: c, overlap: overlap, notices: locations, noticesAsExpected: ok, method: method, error: nil)
            case .failure(let error):
                let ok: Bool? = c.notices == .unspecified ? nil : false
                return Row(testCase: c, overlap: c.expectedText.map { TextOverlap(expected: $0, extracted: "") },
                           notices: [], noticesAsExpected: ok, method: "-", error: error.description)
            }
        }
    }

    /// Korean pages with an expected text: the pages the targets apply to.
    public var koreanScored: [Row] { rows.filter { $0.testCase.group == "ko" && $0.overlap != nil } }

    public struct Summary: Sendable {
        public var pages: Int
        public var medianRecall: Double
        public var medianPrecision: Double
        public var minimumRecall: Double
        public var meanRecall: Double
        public var meanPrecision: Double
    }

    public static func summary(_ rows: [Row]) -> Summary? {
        let overlaps = rows.compactMap(\.overlap)
        guard !overlaps.isEmpty else { return nil }
        let recalls = overlaps.map(\.recall), precisions = overlaps.map(\.precision)
        return Summary(pages: overlaps.count, medianRecall: median(recalls), medianPrecision: median(precisions),
                       minimumRecall: recalls.min() ?? 0, meanRecall: recalls.reduce(0, +) / Double(recalls.count),
                       meanPrecision: precisions.reduce(0, +) / Double(precisions.count))
    }

    static func median(_ values: [Double]) -> Double {
        let s = values.sorted()
        guard !s.isEmpty else { return 0 }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// Every missed target, in words; empty when all are met.
    public var missedTargets: [String] {
        var missed: [String] = []
        let korean = koreanScored
        guard let s = ExtractionEvaluation.summary(korean) else { return ["no Korean pages with expected text were found"] }
        if s.medianRecall < Self.medianRecallTarget {
            missed.append(String(format: "median recall %.3f < %.2f", s.medianRecall, Self.medianRecallTarget))
        }
        if s.medianPrecision < Self.medianPrecisionTarget {
            missed.append(String(format: "median precision %.3f < %.2f", s.medianPrecision, Self.medianPrecisionTarget))
        }
        for row in korean where (row.overlap?.recall ?? 0) < Self.minimumRecallTarget {
            missed.append(String(format: "%@: recall %.3f < %.2f", row.testCase.name, row.overlap?.recall ?? 0, Self.minimumRecallTarget))
        }
        for row in rows where row.testCase.group == "ko" && row.noticesAsExpected == false {
            let found = row.notices.isEmpty ? "none" : row.notices.map(\.rawValue).joined(separator: ",")
            missed.append("\(row.testCase.name): notices \(found), expected \(Self.describe(row.testCase.notices))")
        }
        return missed
    }

    static func describe(_ e: RealWorldCorpus.NoticeExpectation) -> String {
        switch e {
        case .unspecified: "-"
        case .none: "none"
        case .at(let set): set.map(\.rawValue).sorted().joined(separator: "|")
        }
    }

    /// The per-page and per-site tables, as plain text.
    public var table: String {
        var out = "Extraction on the real-world corpus (recall/precision on whitespace-free NFKC text, difflib matching blocks)\n\n"
        out += pad("page", 62) + pad("method", 26) + pad("recall", 8) + pad("prec.", 8) + pad("chars", 7) + "notices\n"
        for row in rows {
            let r = row.overlap.map { String(format: "%.3f", $0.recall) } ?? "-"
            let p = row.overlap.map { String(format: "%.3f", $0.precision) } ?? "-"
            let n = row.overlap.map { String($0.extractedLength) } ?? "-"
            var notices = row.notices.isEmpty ? "none" : Dictionary(grouping: row.notices, by: \.rawValue)
                .map { "\($0.key)×\($0.value.count)" }.sorted().joined(separator: ",")
            if let ok = row.noticesAsExpected { notices += ok ? "  ok" : "  MISSED (expected \(Self.describe(row.testCase.notices)))" }
            if let e = row.error { notices += "  ERROR \(e)" }
            out += pad(row.testCase.name.replacingOccurrences(of: "html/", with: ""), 62) + pad(row.method, 26)
                + pad(r, 8) + pad(p, 8) + pad(n, 7) + notices + "\n"
        }
        out += "\nPer site (pages with expected text)\n"
        out += pad("site", 40) + pad("pages", 7) + pad("med.rec", 9) + pad("med.prec", 10) + pad("min.rec", 9) + "notices ok\n"
        let bySite = Dictionary(grouping: rows) { "\($0.testCase.group)/\($0.testCase.site)" }
        for site in bySite.keys.sorted() {
            let siteRows = bySite[site] ?? []
            let noticeRows = siteRows.compactMap(\.noticesAsExpected)
            let noticeText = noticeRows.isEmpty ? "-" : "\(noticeRows.filter { $0 }.count)/\(noticeRows.count)"
            if let s = ExtractionEvaluation.summary(siteRows) {
                out += pad(site, 40) + pad(String(s.pages), 7) + pad(String(format: "%.3f", s.medianRecall), 9)
                    + pad(String(format: "%.3f", s.medianPrecision), 10) + pad(String(format: "%.3f", s.minimumRecall), 9) + noticeText + "\n"
            } else {
                out += pad(site, 40) + pad("0", 7) + pad("-", 9) + pad("-", 10) + pad("-", 9) + noticeText + "\n"
            }
        }
        for (label, group) in [("Korean", "ko"), ("other languages", "other")] {
            if let s = ExtractionEvaluation.summary(rows.filter { $0.testCase.group == group }) {
                out += String(format: "\n%@: %d pages, median recall %.3f, median precision %.3f, min recall %.3f, mean recall %.3f, mean precision %.3f",
                              label, s.pages, s.medianRecall, s.medianPrecision, s.minimumRecall, s.meanRecall, s.meanPrecision)
            }
        }
        let missed = missedTargets
        out += "\n\nTargets (Korean pages): median recall ≥ \(Self.medianRecallTarget), median precision ≥ \(Self.medianPrecisionTarget), every page recall ≥ \(Self.minimumRecallTarget), notices as the README says\n"
        out += missed.isEmpty ? "ALL TARGETS MET\n" : "MISSED:\n" + missed.map { "  - \($0)\n" }.joined()
        return out
    }

    private func pad(_ s: String, _ width: Int) -> String {
        let w = s.count
        return w >= width ? s + " " : s + String(repeating: " ", count: width - w)
    }
}
