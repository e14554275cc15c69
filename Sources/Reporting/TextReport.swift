import Foundation
import Policy

/// The terminal format: one block per flagged article with the copied passages quoted, then a
/// summary line.
public enum TextReport {
    public static func render(_ report: ScanReport, showClean: Bool = false, color: Bool = false) -> String {
        var out = ""
        for article in report.articles where article.verdict != .clean || showClean {
            out += header(article, color: color) + "\n"
            if let title = article.title { out += "  title: \(title)\n" }
            for match in article.matches where match.verdict != .clean || showClean {
                let source = match.source
                out += "  ← \(source.path)"
                out += [source.outlet, source.published].compactMap { $0 }.map { " · \($0)" }.joined()
                out += "\n"
                out += "    \(match.verdict.rawValue): \(match.copiedCharacters) characters copied; "
                    + "containment \(fmt(match.containment)), coverage \(fmt(match.coverage)), Jaccard \(fmt(match.jaccard))\n"
                for reason in match.reasons { out += "    - \(reason.message)\n" }
                if let notice = source.notice { out += "    notice: \(notice)\n" }
                for (n, p) in match.passages.enumerated() {
                    out += "    passage \(n + 1): suspect \(p.suspect.start)..<\(p.suspect.end), source \(p.source.start)..<\(p.source.end)\n"
                    out += "      “\(excerpt(p.suspectText))”\n"
                }
            }
            out += "\n"
        }
        for problem in report.errors { out += "error: \(problem.path): \(problem.problem)\n" }
        out += summaryTable(report)
        return out
    }

    /// Articles per verdict (every kind that occurred, most severe first), then a total line.
    static func summaryTable(_ report: ScanReport) -> String {
        let s = report.summary
        var rows: [(String, Int)] = VerdictKind.allCases.sorted(by: >).compactMap { kind in
            let n = s.verdicts[kind.rawValue] ?? 0
            return n > 0 || kind == .violation || kind == .clean ? (VerdictPresentation.of(kind).english, n) : nil
        }
        if s.errors > 0 { rows.append(("Unreadable inputs", s.errors)) }
        let width = rows.map(\.0.count).max() ?? 0
        var out = "Summary\n"
        for (label, n) in rows { out += "  " + label.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + String(n) + "\n" }
        out += "\(s.articles) article\(s.articles == 1 ? "" : "s") scanned: \(s.violation) violation, \(s.reuse) reuse, \(s.explained) explained, \(s.clean) clean"
        out += s.errors > 0 ? ", \(s.errors) unreadable\n" : "\n"
        return out
    }

    private static func header(_ article: ArticleReport, color: Bool) -> String {
        let label = article.verdict.rawValue.uppercased()
        guard color else { return "\(label)  \(article.path)" }
        let code: String
        switch article.verdict {
        case .violation: code = "31;1"
        case .reuse: code = "33;1"
        case .reuseOfReservedWork: code = "33;1"
        case .clean: code = "32"
        default: code = "36"
        }
        return "\u{1B}[\(code)m\(label)\u{1B}[0m  \(article.path)"
    }

    static func excerpt(_ text: String, limit: Int = 240) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard flat.count > limit else { return flat }
        return String(flat.prefix(limit / 2)) + " … " + String(flat.suffix(limit / 2 - 10))
    }

    private static func fmt(_ x: Double) -> String {
        let v = (x * 100).rounded() / 100
        return String(v)
    }
}
