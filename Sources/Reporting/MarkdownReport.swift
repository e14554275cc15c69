/// GitHub-flavoured Markdown for `$GITHUB_STEP_SUMMARY` or a pull-request comment: a summary
/// table, then each flagged article with its sources, verdicts and one quoted passage per
/// source. All text from the inputs is escaped, so it can neither format nor inject HTML.
public enum MarkdownReport {
    /// - Parameter maxArticles: flagged articles shown in full (GitHub caps a step summary at
    ///   1 MiB); the rest are counted.
    public static func render(_ report: ScanReport, maxArticles: Int = 50) -> String {
        var out = "## copyscan report\n\n"
        let counts = ReportDigest.verdictCounts(report)
        out += "| articles | " + counts.map { "\(VerdictPresentation.of($0.0).english.lowercased())" }.joined(separator: " | ") + " | unreadable |\n"
        out += "|---:|" + counts.map { _ in "---:|" }.joined() + "---:|\n"
        out += "| \(report.summary.articles) | " + counts.map { String($0.1) }.joined(separator: " | ") + " | \(report.summary.errors) |\n\n"

        let flagged = report.articles.enumerated()
            .filter { VerdictPresentation.of($0.element.verdict).isFinding }
            .sorted { ($0.element.verdict.rank, $1.offset) > ($1.element.verdict.rank, $0.offset) }
            .map(\.element)
        if flagged.isEmpty {
            out += "No article reuses a substantial part of an indexed article. 상당한 분량을 옮긴 기사가 없습니다.\n"
        } else {
            out += "### Flagged articles (\(flagged.count))\n\n"
            for article in flagged.prefix(max(0, maxArticles)) { out += section(article, policy: report.policy) }
            if flagged.count > maxArticles { out += "_\(flagged.count - maxArticles) more flagged articles are not shown; see the full report._\n\n" }
        }
        if !report.errors.isEmpty {
            out += "### Unreadable inputs (\(report.errors.count))\n\n"
            for e in report.errors { out += "- \(code(e.path)): \(escape(e.problem))\n" }
            out += "\n"
        }
        return out
    }

    static func section(_ article: ArticleReport, policy: ScanReport.PolicySummary) -> String {
        let v = VerdictPresentation.of(article.verdict)
        var out = "#### \(badge(v)) \(code(article.path))"
        if let title = article.title { out += " — \(escape(title))" }
        out += "\n\n"
        for reason in article.reasons {
            let w = Localization.wording(reason, in: .article(article), policy: policy)
            out += "- \(escape(w.english))" + (w.korean.map { " / \(escape($0))" } ?? "") + "\n"
        }
        let findings = article.matches.filter { VerdictPresentation.of($0.verdict).isFinding }
        out += "\n| source | outlet | published | verdict | copied | share of source |\n|---|---|---|---|---:|---:|\n"
        for m in findings {
            out += "| \(code(m.source.path)) | \(escape(m.source.outlet ?? "")) | \(escape(m.source.published ?? "")) | "
                + "\(badge(VerdictPresentation.of(m.verdict))) | \(m.copiedCharacters) chars | \(Localization.percent(m.coverage)) |\n"
        }
        out += "\n"
        for m in findings {
            out += "**\(escape(Localization.sourceName(m.source)))**"
            if let notice = m.source.notice { out += " — notice: “\(escape(notice))”" }
            out += "\n\n"
            if let p = ReportDigest.longestPassage(m) {
                out += "> \(escape(ReportDigest.excerpt(p.suspectText)))\n>\n"
                out += "> — code points \(p.suspect.start)–\(p.suspect.end) of the article; \(p.source.start)–\(p.source.end) of the source"
                out += m.passages.count > 1 ? " (1 of \(m.passages.count) passages)\n\n" : "\n\n"
            }
        }
        return out
    }

    static func badge(_ v: VerdictPresentation) -> String {
        let mark: String
        switch v.tone {
        case .danger: mark = "🔴"
        case .caution: mark = "🟠"
        case .ok: mark = "🟢"
        case .info: mark = "🔵"
        case .neutral: mark = "⚪"
        }
        return "\(mark) \(escape(v.english.lowercased()))"
    }

    /// A path in code style: the fence is one backtick longer than any run inside, and `|` is
    /// escaped because GFM splits table cells on it even inside code.
    static func code(_ text: String) -> String {
        let flat = text.replacingEach(["\n": " ", "\r": " ", "|": "\\|"])
        var longest = 0
        var run = 0
        for ch in flat.unicodeScalars {
            run = ch == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = longest > 0 ? " " : ""
        return fence + pad + flat + pad + fence
    }

    /// Inline text: HTML-significant characters as entities, Markdown punctuation backslashed,
    /// line breaks as spaces (a table row or quote is one line).
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\r", "\t": out += " "
            case "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "#", "+", "-", ".", "!", "|", "~", "^", "=", ":", "'":
                out += "\\"
                out.unicodeScalars.append(scalar)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
