import Dispatch
import Foundation

/// The JSON format: the report value itself, keys sorted so output is stable across runs.
public enum JSONReport {
    public static func render(_ report: ScanReport) throws -> String {
        guard report.articles.count >= 2 * articlesPerPiece else { return try renderWhole(report) }
        return try renderInPieces(report)
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The whole report through one encoder: the reference the pieces must equal.
    static func renderWhole(_ report: ScanReport) throws -> String {
        let data = try encoder().encode(report)
        return (String(data: data, encoding: .utf8) ?? "") + "\n"
    }

    static let articlesPerPiece = 64

    /// The articles written a piece at a time on every core by `ArticleJSON` and set into the
    /// rest of the report, which the encoder writes: byte for byte what `renderWhole` writes
    /// (tested). When a piece declines (a number that is not finite), the whole report goes
    /// through the encoder, which raises the error `renderWhole` raises.
    static func renderInPieces(_ report: ScanReport) throws -> String {
        var skeleton = report
        skeleton.articles = []
        let outline = try renderWhole(skeleton)
        let empty = "\n  \"articles\" : [\n\n  ]"
        guard let slot = outline.range(of: empty) else { return try renderWhole(report) }

        let articles = report.articles
        let pieces = stride(from: 0, to: articles.count, by: articlesPerPiece).map { $0..<min(articles.count, $0 + articlesPerPiece) }
        let rendered = RenderedPieces(count: pieces.count)
        DispatchQueue.concurrentPerform(iterations: pieces.count) { i in
            rendered.set(i, ArticleJSON.elements(articles[pieces[i]]))
        }
        guard let all = rendered.all() else { return try renderWhole(report) }
        // Reserved whole: grown by doubling, the 12 MB report of the benchmark's 2,000 suspects
        // was copied and its fresh pages faulted in on one thread at the end of the scan (perf:
        // ≈ 30 ms of its 0.6 s).
        var out = String()
        out.reserveCapacity(outline.utf8.count + all.reduce(0) { $0 + $1.utf8.count + 2 } + 32)
        out += outline[..<slot.lowerBound]
        out += "\n  \"articles\" : [\n"
        for (i, piece) in all.enumerated() {
            if i > 0 { out += ",\n" }
            out += piece
        }
        out += "\n  ]"
        out += outline[slot.upperBound...]
        return out
    }

    public static func parse(_ data: Data) throws -> ScanReport {
        try JSONDecoder().decode(ScanReport.self, from: data)
    }
}

/// The pieces by number, set from several threads. Unchecked Sendable: every access holds
/// `lock`.
private final class RenderedPieces: @unchecked Sendable {
    private let lock = NSLock()
    private var pieces: [String?]
    init(count: Int) { pieces = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: String?) { lock.lock(); pieces[i] = value; lock.unlock() }
    /// Every piece, or nil when one was declined.
    func all() -> [String]? {
        lock.lock()
        defer { lock.unlock() }
        var out: [String] = []
        out.reserveCapacity(pieces.count)
        for piece in pieces {
            guard let piece else { return nil }
            out.append(piece)
        }
        return out
    }
}
