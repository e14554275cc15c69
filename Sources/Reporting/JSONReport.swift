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

    /// The articles encoded a piece at a time on every core and set into the rest of the
    /// report: encoding was ≈ 10% of a scan's instructions (callgrind), on one thread after
    /// the scan's work was done. Byte for byte what `renderWhole` writes (tested): a piece is
    /// a top-level array whose elements the encoder indents by 2 spaces, where in the report
    /// they stand at depth 2 (4 spaces), and JSON strings never hold a raw newline, so every
    /// line of a piece but a blank one moves right by 2 spaces.
    static func renderInPieces(_ report: ScanReport) throws -> String {
        var skeleton = report
        skeleton.articles = []
        let outline = try renderWhole(skeleton)
        let empty = "\n  \"articles\" : [\n\n  ]"
        guard let slot = outline.range(of: empty) else { return try renderWhole(report) }

        let articles = report.articles
        let pieces = stride(from: 0, to: articles.count, by: articlesPerPiece).map { $0..<min(articles.count, $0 + articlesPerPiece) }
        let rendered = RenderedPieces(count: pieces.count)
        // Dispatch spreads the pieces over the cores. The articles are written by `ArticleJSON`,
        // byte for byte what the encoder writes; the encoder itself only when that declines (a
        // number that is not finite, which the encoder reports as an error).
        DispatchQueue.concurrentPerform(iterations: pieces.count) { i in
            rendered.set(i, Result { try ArticleJSON.elements(articles[pieces[i]]) ?? indented(try encoder().encode(Array(articles[pieces[i]]))) })
        }
        let all = try rendered.all()
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

    /// The elements of an encoded top-level array, each line 2 spaces further right.
    private static func indented(_ data: Data) -> String {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> String in
            // Between "[\n" and "\n]": the elements' lines.
            guard raw.count >= 4 else { return "" }
            let body = UnsafeRawBufferPointer(rebasing: raw[2..<(raw.count - 2)])
            var bytes: [UInt8] = []
            bytes.reserveCapacity(body.count + body.count / 16)
            var lineStart = true
            for b in body {
                // (An empty array's blank line stays blank.)
                if lineStart && b != 0x0A { bytes.append(0x20); bytes.append(0x20) }
                bytes.append(b)
                lineStart = b == 0x0A
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    public static func parse(_ data: Data) throws -> ScanReport {
        try JSONDecoder().decode(ScanReport.self, from: data)
    }
}

/// Results of the pieces by number, set from several threads. Unchecked Sendable: every access
/// holds `lock`.
private final class RenderedPieces: @unchecked Sendable {
    private let lock = NSLock()
    private var pieces: [Result<String, Error>?]
    init(count: Int) { pieces = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: Result<String, Error>) { lock.lock(); pieces[i] = value; lock.unlock() }
    func all() throws -> [String] {
        lock.lock()
        defer { lock.unlock() }
        return try pieces.map { try ($0 ?? .success("")).get() }
    }
}
