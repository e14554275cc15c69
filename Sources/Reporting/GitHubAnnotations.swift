/// GitHub Actions workflow commands: an `::error` per violation and a `::warning` per reuse
/// (one per suspect–source pair, at its first copied passage), at most `limitPerType` of each
/// because GitHub shows no more per step, then one `::notice` with the totals and how many
/// were left out.
public enum GitHubAnnotations {
    public static let limitPerType = 10

    /// Renders with lines and columns read from the files on disk.
    public static func render(_ report: ScanReport) -> String {
        render(report, locator: .fileSystem())
    }

    public static func render(_ report: ScanReport, locator: ArticleLocator) -> String {
        var locations = LocationCache(locator: locator)
        var out = ""
        var shown: [String: Int] = [:]
        var omitted: [String: Int] = [:]
        for f in ReportDigest.findings(report) {
            let command: String
            switch f.presentation.level {
            case .error: command = "error"
            case .warning: command = "warning"
            case .note, .none: continue
            }
            guard shown[command, default: 0] < limitPerType else {
                omitted[command, default: 0] += 1
                continue
            }
            shown[command, default: 0] += 1
            out += line(f, command: command, policy: report.policy, locations: &locations) + "\n"
        }
        out += "::notice title=copyscan::" + escapeData(summary(report, omitted: omitted)) + "\n"
        return out
    }

    static func line(_ f: Finding, command: String, policy: ScanReport.PolicySummary, locations: inout LocationCache) -> String {
        let suspect = locations[f.article.path]
        var properties = [("file", suspect.file)]
        let placed = f.match.passages.lazy.compactMap { suspect.region(of: $0.suspect, text: $0.suspectText) }.first
        if let r = placed {
            properties.append(("line", String(r.startLine)))
            properties.append(("endLine", String(r.endLine)))
            // GitHub honours columns only within one line, and its end column is inclusive.
            if r.startLine == r.endLine, r.endColumn > r.startColumn {
                properties.append(("col", String(r.startColumn)))
                properties.append(("endColumn", String(r.endColumn - 1)))
            }
        } else {
            properties.append(("line", String(suspect.articleLine)))
        }
        properties.append(("title", "copyscan \(f.presentation.english.lowercased()): copied from \(f.match.source.outlet ?? f.match.source.path)"))

        var message = SARIFReport.resultText(f, policy: policy)
        if f.match.passages.count > 1 { message += " (\(f.match.passages.count) passages; the first is marked.)" }
        if let p = ReportDigest.longestPassage(f.match) { message += "\nCopied: “\(ReportDigest.excerpt(p.suspectText))”" }
        let props = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(command) \(props)::\(escapeData(message))"
    }

    static func summary(_ report: ScanReport, omitted: [String: Int]) -> String {
        let n = report.summary.articles
        var text = "copyscan: \(n) article\(n == 1 ? "" : "s") scanned: "
        text += ReportDigest.verdictCounts(report).map { "\($1) \($0.rawValue)" }.joined(separator: ", ")
        if report.summary.errors > 0 { text += ", \(report.summary.errors) unreadable" }
        text += "."
        let e = omitted["error", default: 0]
        let w = omitted["warning", default: 0]
        if e + w > 0 {
            let parts = [e > 0 ? "\(e) more error\(e == 1 ? "" : "s")" : nil, w > 0 ? "\(w) more warning\(w == 1 ? "" : "s")" : nil]
            text += " \(parts.compactMap { $0 }.joined(separator: " and ")) not shown (GitHub shows at most \(limitPerType) of each per step); see the full report."
        }
        return text
    }

    /// The message after `::`: GitHub's rules for command data.
    static func escapeData(_ s: String) -> String {
        s.replacingEach(["%": "%25", "\r": "%0D", "\n": "%0A"])
    }

    /// A property value: command data rules, and `:` and `,`, which end a property.
    static func escapeProperty(_ s: String) -> String {
        s.replacingEach(["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
    }
}

extension String {
    /// One pass over the code points, so an inserted `%25` is never escaped again.
    func replacingEach(_ table: [Unicode.Scalar: String]) -> String {
        var out = ""
        for scalar in unicodeScalars {
            if let replacement = table[scalar] { out += replacement } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
