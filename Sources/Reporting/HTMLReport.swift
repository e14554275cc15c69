import Policy

/// One self-contained HTML page to hand over as evidence: the summary first, then each flagged
/// article with its verdict and reasons in Korean and English, and for every source its notice
/// as found and the copied passages side by side, identical text highlighted on both sides.
///
/// Nothing on the page runs or loads: no script, no external resource, a Content-Security-Policy
/// that forbids both, and every string from the inputs escaped. It reads the same without
/// JavaScript and prints on A4 with one flagged article per page.
public enum HTMLReport {
    public static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

    /// Clean articles listed by name at the end (the rest are counted).
    public static let cleanListLimit = 300

    public static func render(_ report: ScanReport) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="ko">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)">
            <meta name="referrer" content="no-referrer">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="\(h(report.tool.name)) \(h(report.tool.version))">
            <title>\(h(documentTitle(report)))</title>
            <style>
            \(HTMLStyle.css)
            </style>
            </head>
            <body>

            """
        out += masthead(report)
        out += "<main class=\"page\">\n"
        out += summary(report)
        // Most severe first, so a desk reads the violations before the rest; ties keep report order.
        let flagged = report.articles.enumerated()
            .filter { VerdictPresentation.of($0.element.verdict).isFinding }
            .sorted { ($0.element.verdict.rank, $1.offset) > ($1.element.verdict.rank, $0.offset) }
            .map(\.element)
            .enumerated()
            .map { $0 }
        out += "<h2>검토 대상 기사<span class=\"en\">Flagged articles (\(flagged.count))</span></h2>\n"
        if flagged.isEmpty {
            out += "<p class=\"empty\">상당한 분량을 옮긴 기사가 없습니다. No article reuses a substantial part of an indexed article.</p>\n"
        } else {
            out += "<ol class=\"toc\">\n"
            for (i, article) in flagged {
                let v = VerdictPresentation.of(article.verdict)
                out += "<li><a href=\"#article-\(i + 1)\">\(badge(v)) \(h(article.title ?? article.path))</a> <span class=\"path\">\(h(article.path))</span></li>\n"
            }
            out += "</ol>\n"
            for (i, article) in flagged { out += section(article, number: i + 1, policy: report.policy) }
        }
        out += cleanList(report)
        out += errorList(report)
        out += footer(report)
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    // MARK: - Parts

    static func documentTitle(_ report: ScanReport) -> String {
        let s = report.summary
        return "copyscan 증거 보고서 — 기사 \(s.articles)건, 위반 \(s.violation)건, 재사용 \(s.reuse)건"
    }

    static func masthead(_ report: ScanReport) -> String {
        var facts: [(String, String)] = [
            ("도구 · Tool", "\(report.tool.name) \(report.tool.version)"),
            ("기준 · Threshold", "\(report.policy.minCopiedCharacters)자 / 출처의 \(Localization.percent(report.policy.minCoverage)) · \(report.policy.minCopiedCharacters) characters or \(Localization.percent(report.policy.minCoverage)) of the source"),
        ]
        if let index = report.index { facts.append(("색인 · Index", "\(index.documents) articles · \(index.path)")) }
        var out = "<header class=\"masthead\"><div class=\"page\">\n"
        out += "<h1>저작권 침해 증거 보고서</h1>\n<p class=\"sub\">Copyright evidence report — text reuse found by copyscan</p>\n<dl>\n"
        for (k, v) in facts { out += "<div><dt>\(h(k))</dt><dd>\(h(v))</dd></div>\n" }
        out += "</dl>\n</div></header>\n"
        return out
    }

    static func summary(_ report: ScanReport) -> String {
        var out = "<h2>요약<span class=\"en\">Summary</span></h2>\n<div class=\"cards\">\n"
        out += card(report.summary.articles, korean: "검사한 기사", english: "articles scanned", tone: "neutral")
        for (kind, n) in ReportDigest.verdictCounts(report) {
            let v = VerdictPresentation.of(kind)
            out += card(n, korean: v.korean, english: v.english.lowercased(), tone: v.tone.rawValue)
        }
        if report.summary.errors > 0 {
            out += card(report.summary.errors, korean: "읽지 못한 입력", english: "unreadable inputs", tone: "neutral")
        }
        out += "</div>\n"

        let top = ReportDigest.topSources(report)
        out += "<h2>가장 많이 옮겨진 출처<span class=\"en\">Sources most copied</span></h2>\n"
        guard !top.isEmpty else { return out + "<p class=\"empty\">없음 · None</p>\n" }
        out += "<table>\n<thead><tr><th>출처<span class=\"en\">Source</span></th><th>매체<span class=\"en\">Outlet</span></th>"
            + "<th>판정<span class=\"en\">Worst verdict</span></th><th class=\"num\">기사 수<span class=\"en\">Articles</span></th>"
            + "<th class=\"num\">옮긴 글자<span class=\"en\">Characters</span></th></tr></thead>\n<tbody>\n"
        for t in top {
            out += "<tr><td>\(h(t.source.title ?? "")) <div class=\"path\">\(h(t.source.path))</div></td><td>\(h(t.source.outlet ?? "–"))</td>"
                + "<td>\(badge(VerdictPresentation.of(t.worst)))</td><td class=\"num\">\(t.articles)</td><td class=\"num\">\(grouped(t.copiedCharacters))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        return out
    }

    static func card(_ n: Int, korean: String, english: String, tone: String) -> String {
        "<div class=\"card \(h(tone))\"><div class=\"n\">\(grouped(n))</div><div class=\"k\">\(h(korean)) · \(h(english))</div></div>\n"
    }

    static func section(_ article: ArticleReport, number: Int, policy: ScanReport.PolicySummary) -> String {
        let v = VerdictPresentation.of(article.verdict)
        var out = "<article class=\"finding \(v.tone.rawValue)\" id=\"article-\(number)\">\n<div class=\"head\">\n"
        out += "\(badge(v)) <span class=\"path\">#\(number)</span>\n"
        out += "<h3>\(h(article.title ?? "(제목 없음 · untitled)"))</h3>\n<dl class=\"meta\">\n"
        out += metaItem("파일 · Path", "<span class=\"path\">\(h(article.path))</span>")
        out += metaItem("ID", "<span class=\"path\">\(h(article.id))</span>")
        if let outlet = article.outlet { out += metaItem("매체 · Outlet", h(outlet)) }
        if let published = article.published { out += metaItem("게재 · Published", h(published)) }
        out += "</dl>\n</div>\n<div class=\"body\">\n"
        out += "<p class=\"label\">판정 이유<span class=\"en\">Why</span></p>\n"
        out += "<p class=\"explanation\">\(h(v.explanationKorean))<span class=\"en\">\(h(v.explanationEnglish))</span></p>\n"
        let findings = article.matches.filter { VerdictPresentation.of($0.verdict).isFinding }
        // The article repeats its top source's reasons; they are shown once, under that source.
        let shownBelow = Set(findings.flatMap(\.reasons))
        out += reasonList(article.reasons.filter { !shownBelow.contains($0) }, context: .article(article), policy: policy)

        for (n, match) in findings.enumerated() {
            out += sourceSection(match, number: n + 1, of: findings.count, policy: policy)
        }
        let minor = article.matches.filter { !VerdictPresentation.of($0.verdict).isFinding }
        if !minor.isEmpty {
            out += "<div class=\"others\"><p class=\"label\">기준 미달 후보<span class=\"en\">Other candidates below the threshold</span></p><ul>\n"
            for m in minor {
                out += "<li>\(h(Localization.sourceName(m.source))) — \(m.copiedCharacters)자 · \(m.copiedCharacters) characters, \(Localization.percent(m.coverage))</li>\n"
            }
            out += "</ul></div>\n"
        }
        out += "</div>\n</article>\n"
        return out
    }

    static func sourceSection(_ match: MatchReport, number: Int, of total: Int, policy: ScanReport.PolicySummary) -> String {
        let s = match.source
        let v = VerdictPresentation.of(match.verdict)
        var out = "<section class=\"source\">\n"
        out += "<h4>출처 \(number)/\(total) · Source \(number) of \(total): \(h(s.outlet ?? s.path)) \(badge(v))</h4>\n<dl class=\"meta\">\n"
        if let title = s.title { out += metaItem("제목 · Title", h(title)) }
        out += metaItem("게재 · Published", h(s.published ?? "알 수 없음 · unknown"))
        out += metaItem("파일 · Path", "<span class=\"path\">\(h(s.path))</span>")
        out += metaItem("ID", "<span class=\"path\">\(h(s.id))</span>")
        out += "</dl>\n"

        out += "<div class=\"figures\">"
        out += figure(Localization.percent(match.containment), "이 기사 중 옮긴 비율 · share of this article copied")
        out += figure(Localization.percent(match.coverage), "출처 중 옮겨진 비율 · share of the source reused")
        out += figure(grouped(match.copiedCharacters), "옮긴 글자 · characters copied")
        out += figure(String(match.passages.count), "구간 · passages")
        out += figure(ReportDigest.decimal(match.jaccard), "Jaccard")
        out += "</div>\n"

        out += "<p class=\"label\">저작권 고지 (원문 그대로)<span class=\"en\">Copyright notice, exactly as found</span></p>\n"
        if let notice = s.notice {
            out += "<blockquote class=\"notice\">\(h(notice))</blockquote>\n"
            if !s.prohibits.isEmpty {
                out += "<p class=\"legend\">금지 행위 · Prohibits: \(h(s.prohibits.map { "\(Localization.actKorean($0)) (\(Localization.actEnglish($0)))" }.joined(separator: ", ")))</p>\n"
            }
        } else {
            out += "<p class=\"empty\">고지 없음 · No notice found</p>\n"
        }
        out += reasonList(match.reasons, context: .match(match), policy: policy)

        out += "<p class=\"label\">옮긴 구간<span class=\"en\">Copied passages — highlighted text is identical in both articles; dotted underline marks text that differs</span></p>\n"
        for (n, p) in match.passages.enumerated() { out += passage(p, number: n + 1) }
        out += "</section>\n"
        return out
    }

    static func passage(_ p: PassageReport, number: Int) -> String {
        let diff = PassageDiff.compare(suspect: p.suspectText, source: p.sourceText)
        let length = p.suspectText.unicodeScalars.count
        var out = "<div class=\"passage\">\n"
        out += "<div><div class=\"side\">이 기사 · This article<span>\(p.suspect.start)–\(p.suspect.end)</span></div><p>\(highlighted(diff.suspect))</p></div>\n"
        out += "<div><div class=\"side\">출처 · Source<span>\(p.source.start)–\(p.source.end)</span></div><p>\(highlighted(diff.source))</p></div>\n"
        // Rounded down: "100%" must mean every character is identical.
        let share = length > 0 ? "\(diff.sharedCount * 100 / length)%" : "–"
        out += "<div class=\"caption\">구간 \(number) · passage \(number): \(grouped(length))자 · characters; "
            + (diff.exact ? "동일 \(share) · identical \(share)" : "차이 비교 생략 · too many edits to compare character by character")
            + " · 위치는 본문 기준 코드 포인트 · offsets are code points of each body</div>\n"
        out += "</div>\n"
        return out
    }

    static func highlighted(_ segments: [PassageDiff.Segment]) -> String {
        segments.map { $0.shared ? "<mark>\(h($0.text))</mark>" : "<span class=\"changed\">\(h($0.text))</span>" }.joined()
    }

    static func reasonList(_ reasons: [Reason], context: Localization.Context, policy: ScanReport.PolicySummary) -> String {
        guard !reasons.isEmpty else { return "" }
        var out = "<ul class=\"reasons\">\n"
        for reason in reasons {
            let w = Localization.wording(reason, in: context, policy: policy)
            out += "<li>"
            if let ko = w.korean { out += "<span class=\"ko\">\(h(ko))</span>" }
            out += "<span class=\"en\">\(h(w.english))</span></li>\n"
        }
        out += "</ul>\n"
        return out
    }

    static func cleanList(_ report: ScanReport) -> String {
        let clean = report.articles.filter { !VerdictPresentation.of($0.verdict).isFinding }
        guard !clean.isEmpty else { return "" }
        var out = "<h2>문제 없는 기사<span class=\"en\">Clean articles (\(clean.count))</span></h2>\n<ul class=\"plain\">\n"
        for a in clean.prefix(cleanListLimit) {
            out += "<li>\(h(a.title ?? "")) <span class=\"path\">\(h(a.path))</span></li>\n"
        }
        out += "</ul>\n"
        if clean.count > cleanListLimit {
            out += "<p class=\"legend\">그 밖에 \(clean.count - cleanListLimit)건 · and \(clean.count - cleanListLimit) more</p>\n"
        }
        return out
    }

    static func errorList(_ report: ScanReport) -> String {
        guard !report.errors.isEmpty else { return "" }
        var out = "<h2>읽지 못한 입력<span class=\"en\">Unreadable inputs (\(report.errors.count))</span></h2>\n<table>\n<tbody>\n"
        for e in report.errors { out += "<tr><td class=\"path\">\(h(e.path))</td><td>\(h(e.problem))</td></tr>\n" }
        out += "</tbody>\n</table>\n"
        return out
    }

    static func footer(_ report: ScanReport) -> String {
        var out = "<footer>\n"
        out += "<p>위치는 각 기사 본문(추출된 텍스트)의 유니코드 코드 포인트이며, 끝 위치는 포함하지 않습니다. 강조 표시는 두 기사에서 똑같은 글자입니다.</p>\n"
        out += "<p>Offsets are Unicode code points into each article's extracted body, end excluded. Highlighted text is identical in both articles. "
        out += "Generated by \(h(report.tool.name)) \(h(report.tool.version)), report schema \(report.schemaVersion).</p>\n"
        out += "</footer>\n"
        return out
    }

    static func metaItem(_ key: String, _ valueHTML: String) -> String {
        "<div><dt>\(h(key))</dt><dd>\(valueHTML)</dd></div>\n"
    }

    static func figure(_ value: String, _ label: String) -> String {
        "<span class=\"figure\"><b>\(h(value))</b>\(h(label))</span>"
    }

    static func badge(_ v: VerdictPresentation) -> String {
        "<span class=\"badge \(v.tone.rawValue)\">\(h(v.korean))<span class=\"en\">\(h(v.english))</span></span>"
    }

    /// 12345 → "12,345".
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// Escapes text for element content and double-quoted attribute values alike.
    static func h(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{0}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
