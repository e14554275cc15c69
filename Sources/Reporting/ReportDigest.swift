import Articles
import Policy

/// One suspect–source pair whose verdict is a finding (not clean), in report order.
struct Finding {
    var article: ArticleReport
    var articleIndex: Int
    var match: MatchReport
    var presentation: VerdictPresentation
}

/// A source and how much was taken from it across the report.
struct SourceTally {
    var source: SourceReport
    var articles: Int
    var copiedCharacters: Int
    var worst: VerdictKind
}

/// Figures every format derives from a report the same way.
enum ReportDigest {
    static func findings(_ report: ScanReport) -> [Finding] {
        var out: [Finding] = []
        for (i, article) in report.articles.enumerated() {
            for match in article.matches {
                let p = VerdictPresentation.of(match.verdict)
                if p.isFinding { out.append(Finding(article: article, articleIndex: i, match: match, presentation: p)) }
            }
        }
        return out
    }

    /// Articles per verdict, most severe first: violation, reuse and clean always, other kinds
    /// when present.
    static func verdictCounts(_ report: ScanReport) -> [(VerdictKind, Int)] {
        var counts: [VerdictKind: Int] = [:]
        for article in report.articles { counts[article.verdict, default: 0] += 1 }
        let always: Set<String> = ["violation", "reuse", "clean"]
        return VerdictKind.allCases
            .filter { always.contains($0.rawValue) || counts[$0, default: 0] > 0 }
            .sorted { ($0.rank, $1.rawValue) > ($1.rank, $0.rawValue) }
            .map { ($0, counts[$0, default: 0]) }
    }

    /// The sources most copied from: by articles that took from them, then characters taken.
    static func topSources(_ report: ScanReport, limit: Int = 10) -> [SourceTally] {
        var tallies: [String: SourceTally] = [:]
        var seen: Set<String> = []
        for finding in findings(report) {
            let key = finding.match.source.id + "\u{1F}" + finding.match.source.path
            var tally = tallies[key] ?? SourceTally(source: finding.match.source, articles: 0, copiedCharacters: 0, worst: finding.match.verdict)
            if seen.insert(key + "\u{1F}" + String(finding.articleIndex)).inserted { tally.articles += 1 }
            tally.copiedCharacters += finding.match.copiedCharacters
            tally.worst = max(tally.worst, finding.match.verdict)
            tallies[key] = tally
        }
        return tallies.values
            .sorted { ($1.articles, $1.copiedCharacters, $0.source.path, $0.source.id) < ($0.articles, $0.copiedCharacters, $1.source.path, $1.source.id) }
            .prefix(limit)
            .map { $0 }
    }

    /// `s0-s1:t0-t1;…`: each passage's suspect and source code point ranges.
    static func passageRanges(_ match: MatchReport) -> String {
        match.passages.map { "\($0.suspect.start)-\($0.suspect.end):\($0.source.start)-\($0.source.end)" }.joined(separator: ";")
    }

    /// Identifies a suspect–source finding across runs and machines: ids and offsets, never paths.
    static func fingerprint(article: ArticleReport, match: MatchReport) -> String {
        ContentHash.hex(["copyscanMatch/v1", article.id, match.source.id, passageRanges(match)].joined(separator: "\u{1F}"))
    }

    /// The passage to quote when only one fits: the longest, the first among equals.
    static func longestPassage(_ match: MatchReport) -> PassageReport? {
        var best: PassageReport?
        for p in match.passages where best.map({ p.suspectText.unicodeScalars.count > $0.suspectText.unicodeScalars.count }) ?? true {
            best = p
        }
        return best
    }

    /// A passage flattened to one line and shortened in the middle for formats without room.
    static func excerpt(_ text: String, limit: Int = 240) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard flat.count > limit else { return flat }
        return String(flat.prefix(limit / 2)) + " … " + String(flat.suffix(limit / 2 - 10))
    }

    /// Fixed four decimals, so numbers read and diff alike in every format.
    static func decimal(_ x: Double) -> String {
        guard x.isFinite else { return "" }
        guard abs(x) < 1e12 else { return String(x) }
        let scaled = Int((x * 10_000).rounded())
        let sign = scaled < 0 ? "-" : ""
        let magnitude = abs(scaled)
        let fraction = String(magnitude % 10_000)
        return "\(sign)\(magnitude / 10_000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }
}
