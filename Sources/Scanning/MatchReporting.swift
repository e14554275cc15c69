import Alignment
import Articles
import Policy
import Reporting

/// Builds report values from articles, alignments and verdicts.
public enum MatchReporting {
    public static func match(suspect: Article, source: Article, alignment: AlignmentResult, verdict: Verdict) -> MatchReport {
        match(suspect: suspect, suspectScalars: Array(suspect.body.unicodeScalars), source: source, alignment: alignment, verdict: verdict)
    }

    /// `suspectScalars` is the suspect body's scalars, computed once for all of its matches.
    static func match(suspect: Article, suspectScalars: [Unicode.Scalar], source: Article, alignment: AlignmentResult,
                      verdict: Verdict) -> MatchReport {
        let sourceScalars = Array(source.body.unicodeScalars)
        let passages = alignment.passages.map { p in
            PassageReport(suspect: .init(start: p.suspect.lowerBound, end: p.suspect.upperBound),
                          source: .init(start: p.source.lowerBound, end: p.source.upperBound),
                          suspectText: slice(suspectScalars, p.suspect), sourceText: slice(sourceScalars, p.source))
        }
        let notice = source.decisiveNotice
        let sourceReport = SourceReport(path: InputCollector.display(source.source), id: source.id, title: source.title,
                                        outlet: source.outlet, published: source.published, notice: notice?.text,
                                        holder: notice?.holder, prohibits: notice?.prohibits.map(\.rawValue) ?? [])
        return MatchReport(source: sourceReport, verdict: verdict.kind, severity: verdict.severity, reasons: verdict.reasons,
                           containment: round4(alignment.containment), coverage: round4(alignment.coverage),
                           jaccard: round4(alignment.jaccard), copiedCharacters: alignment.copiedCharacters, passages: passages)
    }

    public static func article(_ suspect: Article, judged: [JudgedMatch]) -> ArticleReport {
        let scalars = Array(suspect.body.unicodeScalars)
        return article(suspect, matches: judged.map {
            match(suspect: suspect, suspectScalars: scalars, source: $0.source, alignment: $0.alignment, verdict: $0.verdict)
        })
    }

    public static func article(_ suspect: Article, matches: [MatchReport]) -> ArticleReport {
        let sorted = matches.sorted { ($0.verdict, $0.severity, $0.copiedCharacters) > ($1.verdict, $1.severity, $1.copiedCharacters) }
        let verdict = sorted.first?.verdict ?? .clean
        let severity = sorted.first?.severity ?? .none
        var reasons: [Reason]
        if let top = sorted.first, verdict.isUnexplainedReuse {
            let others = sorted.dropFirst().filter { $0.verdict != .clean }.count
            reasons = [Reason("copied-from", "copied from \(top.source.path)" + (others > 0 ? " and \(others) other source\(others == 1 ? "" : "s")" : ""))] + top.reasons
        } else if let top = sorted.first, verdict != .clean {
            reasons = top.reasons
        } else if sorted.isEmpty {
            reasons = [Reason("no-match", "no indexed article shares a passage with it")]
        } else {
            reasons = [Reason("below-threshold", "shares only short passages with indexed articles")]
        }
        return ArticleReport(path: InputCollector.display(suspect.source), id: suspect.id, title: suspect.title,
                             outlet: suspect.outlet, published: suspect.published, verdict: verdict, severity: severity, reasons: reasons,
                             matches: sorted)
    }

    static func slice(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
        let lo = max(0, min(range.lowerBound, scalars.count))
        let hi = max(lo, min(range.upperBound, scalars.count))
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[lo..<hi])
        return String(view)
    }

    static func round4(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }
}

/// A suspect–source pair with its alignment and verdict, before it becomes a report.
public struct JudgedMatch: Sendable {
    public var source: Article
    public var alignment: AlignmentResult
    public var verdict: Verdict
}

extension PolicyEngine {
    func resolve(_ matches: [JudgedMatch]) -> [JudgedMatch] {
        resolve(matches, source: \.source, alignment: \.alignment, verdict: \.verdict, update: { $0.verdict = $1 })
    }
}
