/// CSV (RFC 4180) for spreadsheets: one row per suspect–source pair, and one row with empty
/// source fields for an article that matched nothing. Lines end in CR LF; a field is quoted
/// when it holds a comma, a quote, CR or LF.
///
/// A text field that starts with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`: spreadsheets
/// would otherwise run a crawled title such as `=HYPERLINK(…)` as a formula.
public enum CSVReport {
    public static let header = [
        "suspect_path", "suspect_id", "verdict", "source_path", "source_id", "source_outlet", "source_published",
        "notice", "containment", "coverage", "jaccard", "copied_characters", "passages",
    ]

    /// - Parameter byteOrderMark: start with U+FEFF, which Excel needs to read UTF-8 Korean.
    public static func render(_ report: ScanReport, byteOrderMark: Bool = false) -> String {
        var out = byteOrderMark ? "\u{FEFF}" : ""
        out += row(header.map { ($0, false) })
        for article in report.articles {
            guard !article.matches.isEmpty else {
                out += row([(article.path, true), (article.id, true), (article.verdict.rawValue, false)] + Array(repeating: ("", false), count: 10))
                continue
            }
            for m in article.matches {
                let s = m.source
                out += row([
                    (article.path, true), (article.id, true), (m.verdict.rawValue, false),
                    (s.path, true), (s.id, true), (s.outlet ?? "", true), (s.published ?? "", true), (s.notice ?? "", true),
                    (ReportDigest.decimal(m.containment), false), (ReportDigest.decimal(m.coverage), false),
                    (ReportDigest.decimal(m.jaccard), false), (String(m.copiedCharacters), false),
                    (ReportDigest.passageRanges(m), false),
                ])
            }
        }
        return out
    }

    /// Fields paired with whether they carry text from the inputs (and so may need defusing).
    static func row(_ fields: [(String, Bool)]) -> String {
        fields.map { field($0.0, isText: $0.1) }.joined(separator: ",") + "\r\n"
    }

    static func field(_ value: String, isText: Bool) -> String {
        var v = value
        if isText, let first = v.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { v = "'" + v }
        let needsQuotes = v.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return v }
        return "\"" + v.replacingEach(["\"": "\"\""]) + "\""
    }
}
