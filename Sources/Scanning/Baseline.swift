import Foundation
import Reporting

/// Findings a team has settled (licensed after all, already taken down…), so `check` does not
/// fail on them again. A finding is keyed by the content ids of suspect and source, which stay
/// the same wherever the files are.
public struct Baseline: Codable, Sendable {
    public struct Entry: Codable, Sendable, Hashable {
        public var suspect: String
        public var source: String
        public var verdict: String
        /// For people reading the file; not part of the key.
        public var suspectPath: String?
        public var sourcePath: String?
    }

    public var schemaVersion = 1
    public var accepted: [Entry]

    public init(from report: ScanReport) {
        var entries: [Entry] = []
        for article in report.articles {
            for match in article.matches where match.verdict.isUnexplainedReuse {
                entries.append(Entry(suspect: article.id, source: match.source.id, verdict: match.verdict.rawValue,
                                     suspectPath: article.path, sourcePath: match.source.path))
            }
        }
        accepted = entries.sorted { ($0.suspect, $0.source) < ($1.suspect, $1.source) }
    }

    public static func load(path: String) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(path: path, "cannot read the baseline (no such file?)")
        }
        do {
            return try JSONDecoder().decode(Baseline.self, from: data)
        } catch {
            throw ConfigurationError(path: path, "is not a copyscan baseline (write one with --write-baseline)")
        }
    }

    public func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try ReportFile.write([Array(try encoder.encode(self))], to: path, what: "baseline")
    }

    /// Marks the report's findings that the baseline lists; returns how many.
    public func apply(to report: inout ScanReport) -> Int {
        let keys = Set(accepted.map { "\($0.suspect)|\($0.source)|\($0.verdict)" })
        var count = 0
        for a in report.articles.indices {
            for m in report.articles[a].matches.indices {
                let match = report.articles[a].matches[m]
                if keys.contains("\(report.articles[a].id)|\(match.source.id)|\(match.verdict.rawValue)") {
                    report.articles[a].matches[m].accepted = true
                    count += 1
                }
            }
        }
        return count
    }
}
