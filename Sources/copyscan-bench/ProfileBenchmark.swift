import Articles
import CorpusIndex
import Extraction
import Fingerprinting
import Foundation
import Scanning

/// `copyscan-bench profile --corpus DIR [--limit N] [--index PATH] [--json]` runs the index
/// build pipeline on one thread and times every stage separately, article by article, in the
/// order `Indexer` runs them, so the hot spots show:
///
/// read file → content hash → JSON Lines → `Article` (with the boilerplate scan) →
/// normalisation → shingle hashing → signature → document band keys → window keys →
/// index write (SQLite, in transactions of ≈ 64 MB of input like `Indexer`).
///
/// Rows marked "(part of …)" or "(check)" are measured again on their own and are not added
/// to the total: the boilerplate scan is inside the reader, and a whole
/// `Fingerprinter.fingerprint` call is timed to show that the stage rows add up to it. The
/// signature, band key and window key rows call the fingerprinter's public parts the way
/// `Fingerprinter.fingerprint` does; their keys are compared with its keys and a difference
/// is reported (the stage rows would then no longer describe the real code).
enum ProfileBenchmark {
    struct Options {
        var corpus: [String] = []
        var limit: Int?
        var indexPath: String?
        var json = false
    }

    static let usage = "usage: copyscan-bench profile --corpus DIR [--limit N] [--index PATH] [--json]\n"

    /// Stage names in pipeline order; `counted` stages add up to the total.
    static let stages: [(name: String, counted: Bool)] = [
        ("read file", true),
        ("content hash", true),
        ("JSON Lines → Article", true),
        ("  boilerplate scan (part of the above)", false),
        ("normalisation", true),
        ("shingle hashing", true),
        ("signature (128)", true),
        ("document band keys", true),
        ("window keys", true),
        ("index write (SQLite)", true),
        ("Fingerprinter.fingerprint (check)", false),
    ]

    static func main(_ arguments: [String]) -> Int32 {
        guard let options = parse(arguments) else {
            printError(usage)
            return 2
        }
        let files = InputCollector.collect(options.corpus).files
        guard !files.isEmpty else {
            printError("copyscan-bench profile: no input files under \(options.corpus.joined(separator: " "))\n")
            return 2
        }
        let indexPath = options.indexPath ?? NSTemporaryDirectory() + "copyscan-bench-profile-\(ProcessInfo.processInfo.processIdentifier).sqlite"
        defer { if options.indexPath == nil { try? FileManager.default.removeItem(atPath: indexPath) } }
        do {
            let result = try run(files: files, limit: options.limit, indexPath: indexPath)
            printResult(result, json: options.json)
            return 0
        } catch {
            printError("copyscan-bench profile: \(error)\n")
            return 1
        }
    }

    struct Result {
        var seconds: [Double] = Array(repeating: 0, count: ProfileBenchmark.stages.count)
        var articles = 0
        var inputBytes = 0
        var bodyBytes = 0
        var indexBytes = 0
        var keyMismatches = 0
        var checked = 0
    }

    static func run(files: [String], limit: Int?, indexPath: String) throws -> Result {
        var r = Result()
        let parameters = FingerprintParameters()
        let fingerprinter = Fingerprinter(parameters)
        try? FileManager.default.removeItem(atPath: indexPath)
        let index = try CorpusIndex.openOrCreate(at: indexPath, parameters: parameters)
        var batch = IndexBatch()
        var batchBytes = 0
        var clock = StageClock()

        func flush() throws {
            clock.start()
            try index.apply(batch)
            r.seconds[9] += clock.lap()
            batch = IndexBatch()
            batchBytes = 0
        }

        fileLoop: for path in files {
            clock.start()
            let bytes = try ArticleReader.readBytes(path)
            r.seconds[0] += clock.lap()
            let hash = ContentHash.hex(bytes: bytes)
            r.seconds[1] += clock.lap()
            let read = ArticleReader.read(bytes: bytes, path: path)
            r.seconds[2] += clock.lap()
            r.inputBytes += bytes.count
            let absolute = InputCollector.absolute(path)
            var documents: [(article: Article, keys: [UInt64])] = []
            for case .success(var article) in read {
                if let limit, r.articles >= limit { break }
                r.articles += 1
                r.bodyBytes += article.body.utf8.count
                article.source = absolute + String(article.source.dropFirst(path.count))
                let spans = article.excluded.map { TextSpan(start: $0.start, end: $0.end) }

                clock.start()
                _ = BoilerplateScanner.scan(body: article.body)
                r.seconds[3] += clock.lap()
                let normalized = TextNormalizer.normalize(article.body, excluding: spans)
                r.seconds[4] += clock.lap()
                let shingles = fingerprinter.shingler.hashes(normalized.scalars)
                r.seconds[5] += clock.lap()
                var keys: [UInt64] = []
                if !shingles.isEmpty {
                    let signature = fingerprinter.documentHasher.signature(shingles)
                    r.seconds[6] += clock.lap()
                    keys = fingerprinter.documentBanding.keys(signature, salt: documentSalt)
                    r.seconds[7] += clock.lap()
                    keys += fingerprinter.windowKeys(shingles, stride: parameters.windowStride).distinct
                    r.seconds[8] += clock.lap()
                }
                let fingerprint = fingerprinter.fingerprint(article.body, excluding: spans)
                r.seconds[10] += clock.lap()
                if r.checked < 200 {
                    r.checked += 1
                    if fingerprint.allKeys != keys { r.keyMismatches += 1 }
                }
                documents.append((article, fingerprint.allKeys))
            }
            batch.additions.append(IndexBatch.File(file: absolute, contentHash: hash, documents: documents))
            batchBytes += bytes.count
            if batchBytes >= 64 << 20 { try flush() }
            if let limit, r.articles >= limit { break fileLoop }
        }
        try flush()
        r.indexBytes = ["", "-wal", "-shm"].reduce(0) { total, suffix in
            let size = (try? FileManager.default.attributesOfItem(atPath: indexPath + suffix)[.size] as? Int) ?? nil
            return total + (size ?? 0)
        }
        return r
    }

    /// The salt `Fingerprinter` gives document keys (internal there; the value only matters for
    /// the key comparison, not for the time).
    static let documentSalt: UInt64 = 0xd0c0

    static func printResult(_ r: Result, json: Bool) {
        let total = zip(stages, r.seconds).reduce(0.0) { $0 + ($1.0.counted ? $1.1 : 0) }
        let n = Double(max(1, r.articles))
        let mb = Double(r.inputBytes) / 1e6
        if json {
            let rows = zip(stages, r.seconds).map { stage, s in
                "{\"stage\": \"\(stage.name.trimmingCharacters(in: .whitespaces))\", \"counted\": \(stage.counted), \"seconds\": \(KernelBenchmark.format(s, 6))}"
            }
            print("{\"articles\": \(r.articles), \"input_bytes\": \(r.inputBytes), \"body_bytes\": \(r.bodyBytes), \"index_bytes\": \(r.indexBytes), \"total_seconds\": \(KernelBenchmark.format(total, 6)), \"key_mismatches\": \(r.keyMismatches), \"stages\": [\(rows.joined(separator: ", "))]}")
            return
        }
        print("pipeline profile: \(r.articles) articles, \(KernelBenchmark.format(mb, 1)) MB of JSON Lines, one thread")
        print(KernelBenchmark.pad("stage", 40) + KernelBenchmark.pad("seconds", 10) + KernelBenchmark.pad("µs/article", 12) + KernelBenchmark.pad("MB/s", 10) + "share")
        for (stage, s) in zip(stages, r.seconds) {
            let share = stage.counted ? KernelBenchmark.format(100 * s / max(total, 1e-12), 1) + "%" : "-"
            print(KernelBenchmark.pad(stage.name, 40) + KernelBenchmark.pad(KernelBenchmark.format(s, 3), 10)
                  + KernelBenchmark.pad(KernelBenchmark.format(s * 1e6 / n, 1), 12)
                  + KernelBenchmark.pad(s > 0 ? KernelBenchmark.format(mb / s, 1) : "-", 10) + share)
        }
        print(KernelBenchmark.pad("total (counted stages)", 40) + KernelBenchmark.pad(KernelBenchmark.format(total, 3), 10)
              + KernelBenchmark.pad(KernelBenchmark.format(total * 1e6 / n, 1), 12) + KernelBenchmark.format(mb / max(total, 1e-12), 1))
        print("articles/s through the whole pipeline on one thread: \(KernelBenchmark.format(n / max(total, 1e-12), 0)); index \(KernelBenchmark.format(Double(r.indexBytes) / 1e6, 1)) MB")
        if r.keyMismatches > 0 {
            print("NOTE: the stage-by-stage keys differ from Fingerprinter.fingerprint's for \(r.keyMismatches) of \(r.checked) articles: the fingerprint stage rows no longer mirror the real code (update ProfileBenchmark)")
        }
    }

    static func parse(_ arguments: [String]) -> Options? {
        var options = Options()
        var i = 0
        while i < arguments.count {
            switch arguments[i] {
            case "--json": options.json = true; i += 1; continue
            default: break
            }
            guard i + 1 < arguments.count else { return nil }
            let value = arguments[i + 1]
            switch arguments[i] {
            case "--corpus": options.corpus.append(value)
            case "--limit": guard let v = Int(value), v >= 1 else { return nil }; options.limit = v
            case "--index": options.indexPath = value
            default: return nil
            }
            i += 2
        }
        return options.corpus.isEmpty ? nil : options
    }
}

/// Laps of a monotonic clock: `lap()` returns the time since the last `start()` or `lap()`.
struct StageClock {
    private var last = 0.0
    mutating func start() { last = KernelBenchmark.now() }
    mutating func lap() -> Double {
        let t = KernelBenchmark.now()
        defer { last = t }
        return t - last
    }
}
