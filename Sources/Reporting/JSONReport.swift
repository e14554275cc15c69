import Dispatch
import Foundation

/// The JSON format: the report value itself, keys sorted so output is stable across runs.
public enum JSONReport {
    public static func render(_ report: ScanReport) throws -> String {
        String(decoding: Array(try renderChunks(report).joined()), as: UTF8.self)
    }

    /// `render`'s text as UTF-8 chunks to be written one after the other: a scan's report runs
    /// to megabytes, and joining it into one String (and checking the UTF-8 of the bytes
    /// `ArticleJSON` wrote) kept one core busy at the end of the scan while the other waited.
    public static func renderChunks(_ report: ScanReport) throws -> [[UInt8]] {
        guard report.articles.count >= 2 * articlesPerPiece else { return [Array(try renderWhole(report).utf8)] }
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
    static func renderInPieces(_ report: ScanReport) throws -> [[UInt8]] {
        var skeleton = report
        skeleton.articles = []
        let outline = try renderWhole(skeleton)
        let empty = "\n  \"articles\" : [\n\n  ]"
        guard let slot = outline.range(of: empty) else { return [Array(try renderWhole(report).utf8)] }

        let articles = report.articles
        let pieces = stride(from: 0, to: articles.count, by: articlesPerPiece).map { $0..<min(articles.count, $0 + articlesPerPiece) }
        let rendered = RenderedPieces(count: pieces.count)
        DispatchQueue.concurrentPerform(iterations: pieces.count) { i in
            rendered.set(i, ArticleJSON.elements(articles[pieces[i]]))
        }
        guard let all = rendered.all() else { return [Array(try renderWhole(report).utf8)] }
        var chunks: [[UInt8]] = []
        chunks.reserveCapacity(2 * all.count + 2)
        chunks.append(Array((outline[..<slot.lowerBound] + "\n  \"articles\" : [\n").utf8))
        for (i, piece) in all.enumerated() {
            if i > 0 { chunks.append(Array(",\n".utf8)) }
            chunks.append(piece)
        }
        chunks.append(Array(("\n  ]" + outline[slot.upperBound...]).utf8))
        return chunks
    }

    public static func parse(_ data: Data) throws -> ScanReport {
        try JSONDecoder().decode(ScanReport.self, from: data)
    }
}

/// The pieces by number, set from several threads. Unchecked Sendable: every access holds
/// `lock`.
private final class RenderedPieces: @unchecked Sendable {
    private let lock = NSLock()
    private var pieces: [[UInt8]?]
    init(count: Int) { pieces = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: [UInt8]?) { lock.lock(); pieces[i] = value; lock.unlock() }
    /// Every piece, or nil when one was declined.
    func all() -> [[UInt8]]? {
        lock.lock()
        defer { lock.unlock() }
        return pieces.contains { $0 == nil } ? nil : pieces.compactMap { $0 }
    }
}
