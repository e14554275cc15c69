import Articles
import Extraction

/// Reads the articles of many input files on `jobs` threads, in input order.
///
/// Files are read one per task, except JSON Lines files, which are split into pieces of lines:
/// a crawl or a CMS export is often one big file, and read whole it kept one core busy while
/// the other waited (2,000 suspects in one file: ≈ 0.18 s on one thread before the scan could
/// start).
enum InputReading {
    static let linesPerPiece = 64

    static func read(_ files: [String], jobs: Int) throws -> [Result<Article, InputError>] {
        enum Task: Sendable {
            case file(String)
            case piece(String, JSONLinesReader.Piece)
        }
        var tasks: [Task] = []
        // The task range of each file, to say "holds no articles" of a file all of whose pieces
        // came back empty.
        var spans: [(path: String, range: Range<Int>)] = []
        for path in files {
            let start = tasks.count
            if ArticleReader.kind(of: path) == .jsonLines, let bytes = try? ArticleReader.readBytes(path) {
                tasks += JSONLinesReader.pieces(bytes: bytes, linesPerPiece: linesPerPiece).map { .piece(path, $0) }
            } else {
                tasks.append(.file(path))   // unreadable files too: the reader says why
            }
            spans.append((path, start..<tasks.count))
        }
        let all = tasks
        let results = try parallelMap(count: all.count, jobs: jobs, makeWorker: { () }) { _, i in
            switch all[i] {
            case .file(let path): return ArticleReader.read(path: path)
            case .piece(let path, let piece): return JSONLinesReader.read(piece, path: path)
            }
        }
        var out: [Result<Article, InputError>] = []
        for (path, range) in spans {
            let before = out.count
            for i in range { out += results[i] }
            if out.count == before { out.append(.failure(InputError(path: path, "holds no articles"))) }
        }
        return out
    }
}
