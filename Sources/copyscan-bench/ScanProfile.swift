import Alignment
import Articles
import CorpusIndex
import Extraction
import Fingerprinting
import Foundation
import Policy
import Reporting
import Scanning

/// `copyscan-bench scan-profile --index DB [--limit N] [--snapshot | --map] [--json] SUSPECT…` scans
/// suspects (at most N, evenly spaced through the inputs)
/// against an index on one thread and times every stage of a suspect's scan separately, in
/// the order `Scanner.Worker.scan` runs them: read the suspects → suspect fingerprint (query
/// stride) → candidate lookup → source fetch (SQLite + record decode) → source shingling →
/// alignment → policy → report values → JSON rendering. With `--snapshot` the candidates come
/// from a `PostingSnapshot` read once (its load is a stage of its own) instead of per-key reads
/// from SQLite; with `--map`, from the index's mapped posting file (its opening is that stage). It also counts candidates, so a slow
/// scan can be told apart from a scan that verifies too many candidates.
///
/// It mirrors `Scanner.Worker` with public API (`ScanOptions` defaults, the same source cache,
/// `ScanOptions.sourceCacheSize` fingerprints); if the scanner changes, this file must follow it.
enum ScanProfile {
    static let usage = "usage: copyscan-bench scan-profile --index DB [--limit N] [--snapshot | --map] [--json] [--min-close-windows N] [--candidates-tsv FILE] SUSPECT…\n"

    static let stages = [
        "read suspects (file → Article)", "suspect fingerprint", "candidate lookup (LSH buckets)",
        "source fetch (SQLite + record decode)", "source shingling", "alignment: suspect prepared once",
        "alignment: candidates with a passage", "alignment: candidates without", "policy", "report values",
        "JSON rendering", "posting snapshot load (--snapshot) or map (--map)",
    ]

    struct Counts {
        var suspects = 0
        var candidates = 0
        var verified = 0
        var capped = 0
        var withPassages = 0
        var sourceFetches = 0
        var cacheHits = 0
    }

    static func main(_ arguments: [String]) -> Int32 {
        var indexPath: String?
        var limit = Int.max
        var json = false
        var snapshot = false
        var map = false
        var options = ScanOptions()
        var tsv: String?
        var paths: [String] = []
        var i = 0
        while i < arguments.count {
            switch arguments[i] {
            case "--index" where i + 1 < arguments.count: indexPath = arguments[i + 1]; i += 2
            case "--limit" where i + 1 < arguments.count:
                guard let v = Int(arguments[i + 1]), v >= 1 else { printError(usage); return 2 }
                limit = v
                i += 2
            case "--json": json = true; i += 1
            case "--snapshot": snapshot = true; i += 1
            case "--map": map = true; i += 1
            case "--min-close-windows" where i + 1 < arguments.count:
                guard let v = Int(arguments[i + 1]), v >= 0 else { printError(usage); return 2 }
                options.minCloseWindows = v
                i += 2
            case "--candidates-tsv" where i + 1 < arguments.count: tsv = arguments[i + 1]; i += 2
            default: paths.append(arguments[i]); i += 1
            }
        }
        guard let indexPath, !paths.isEmpty else {
            printError(usage)
            return 2
        }
        do {
            let (seconds, counts, rows) = try run(indexPath: indexPath, paths: paths, limit: limit, snapshot: snapshot, map: map, options: options, recordAll: tsv != nil)
            if let tsv {
                let header = "suspect\tdocument\tshared_keys\trare_keys\tclose_windows\tverified\tpassages\n"
                try (header + rows.joined()).write(toFile: tsv, atomically: true, encoding: .utf8)
            }
            output(seconds, counts, json: json)
            return 0
        } catch {
            printError("copyscan-bench scan-profile: \(error)\n")
            return 1
        }
    }

    /// With `recordAll`, also returns a row for every candidate the scanner's rule without
    /// windows (`minCloseWindows` 0) would verify, verified or not, with the passages it has —
    /// what a stricter rule would lose (the skipped ones' fetches are then timed too).
    static func run(indexPath: String, paths: [String], limit: Int, snapshot useSnapshot: Bool, map useMap: Bool = false,
                    options: ScanOptions, recordAll: Bool) throws -> ([Double], Counts, [String]) {
        var rows: [String] = []
        var loose = options
        loose.minCloseWindows = 0
        var seconds = Array(repeating: 0.0, count: stages.count)
        var counts = Counts()
        var clock = StageClock()
        let index = try CorpusIndex.open(at: indexPath)
        let engine = PolicyEngine(options.policy)
        var cache: [Int: (StoredDocument, Fingerprint)] = [:]
        let scratch = AlignmentScratch()
        var absolutePaths = InputCollector.AbsolutePaths()

        clock.start()
        var all: [Article] = []
        for file in InputCollector.collect(paths).files {
            for case .success(let article) in ArticleReader.read(path: file) { all.append(article) }
        }
        seconds[0] += clock.lap()
        // Evenly spaced suspects, so a limit keeps the mix of the whole file; the reading time
        // is scaled to them.
        let suspects = all.count <= limit ? all : (0..<limit).map { all[$0 * all.count / limit] }
        seconds[0] *= Double(suspects.count) / Double(max(1, all.count))

        clock.start()
        let snapshot: PostingSnapshot?
        if useMap {
            guard let mapped = index.postingMap() else {
                throw IndexError(path: indexPath, .storage("no current posting map beside the index (`copyscan index` writes it)"))
            }
            snapshot = mapped
        } else {
            snapshot = useSnapshot ? try index.postingSnapshot() : nil
        }
        seconds[11] += clock.lap()

        struct Judged { var source: Article; var alignment: AlignmentResult; var verdict: Verdict }
        var reports: [ArticleReport] = []
        for suspect in suspects {
            counts.suspects += 1
            clock.start()
            let fingerprint = index.fingerprinter.fingerprint(suspect.body, excluding: suspect.excluded.map { TextSpan(start: $0.start, end: $0.end) },
                                                              windowStride: options.queryWindowStride, keepWindowOrder: true)
            seconds[1] += clock.lap()
            let query = options.queryKeys(fingerprint, index.parameters)
            let candidates = try snapshot.map {
                $0.candidates(for: query, maxBucketSize: options.maxBucketSize,
                              rareBucketSize: options.rareBucketSize, limit: options.maxCandidates, minScore: loose.minScore)
            } ?? index.candidates(for: query, maxBucketSize: options.maxBucketSize,
                                  rareBucketSize: options.rareBucketSize, limit: options.maxCandidates, minScore: loose.minScore)
            seconds[2] += clock.lap()
            let prepared = PreparedSuspect(fingerprint)
            seconds[5] += clock.lap()
            let eligible = candidates.count(where: loose.worthVerifying)
            counts.candidates += eligible
            if eligible >= options.maxCandidates { counts.capped += 1 }
            var judged: [Judged] = []
            let suspectAbsolute = absolutePaths.absolute(suspect.source)
            seconds[0] += clock.lap()
            // One read transaction a suspect, as in the scanner.
            try index.reading { () throws(IndexError) in
            for candidate in candidates.prefix(options.maxCandidates) where loose.worthVerifying(candidate) {
                let strict = options.worthVerifying(candidate)
                // Without a table to write, skipped candidates cost nothing, as in the scanner.
                if !strict && !recordAll { continue }
                clock.start()
                let document: StoredDocument
                let source: Fingerprint
                if let cached = cache[candidate.document] {
                    (document, source) = cached
                    counts.cacheHits += 1
                    seconds[3] += clock.lap()
                } else {
                    document = try index.storedDocument(candidate.document)
                    seconds[3] += clock.lap()
                    source = document.body.withUnsafeBufferPointer {
                        index.fingerprinter.shingled(utf8: $0, excluding: document.excluded.map { TextSpan(start: $0.start, end: $0.end) })
                    }
                    seconds[4] += clock.lap()
                    counts.sourceFetches += 1
                    if cache.count >= options.sourceCacheSize { cache.removeAll(keepingCapacity: true) }
                    cache[candidate.document] = (document, source)
                }
                if document.source == suspectAbsolute { continue }
                if !strict {
                    // Not timed: what the stricter rule skips, aligned only for the record.
                    let alignment = options.aligner.align(prepared, source: source, scratch: scratch)
                    rows.append(row(suspect, candidate, verified: false, alignment))
                    continue
                }
                counts.verified += 1
                clock.start()
                let alignment = options.aligner.align(prepared, source: source, scratch: scratch)
                seconds[alignment.passages.isEmpty ? 7 : 6] += clock.lap()
                if recordAll { rows.append(row(suspect, candidate, verified: true, alignment)) }
                clock.start()
                guard !alignment.passages.isEmpty else { continue }
                let resolved = try document.resolved().document   // (the scanner re-aligns repaired bytes)
                seconds[3] += clock.lap()
                let verdict = engine.judge(suspect: suspect, source: resolved.article, alignment: alignment)
                seconds[8] += clock.lap()
                judged.append(Judged(source: resolved.article, alignment: alignment, verdict: verdict))
            }
            }
            if !judged.isEmpty { counts.withPassages += 1 }
            clock.start()
            let resolved = engine.resolve(judged, source: \.source, alignment: \.alignment, verdict: \.verdict, update: { $0.verdict = $1 })
            seconds[8] += clock.lap()
            let matches = resolved.map { MatchReporting.match(suspect: suspect, source: $0.source, alignment: $0.alignment, verdict: $0.verdict) }
            reports.append(MatchReporting.article(suspect, matches: matches))
            seconds[9] += clock.lap()
        }
        clock.start()
        let report = ScanReport(index: .init(path: indexPath, documents: index.documentCount, parameters: index.parameters.identifier),
                                policy: .init(minCopiedCharacters: options.policy.minCopiedCharacters, minCoverage: options.policy.minCoverage),
                                articles: reports, errors: [])
        _ = try JSONReport.renderChunks(report)   // as the CLI writes it
        seconds[10] += clock.lap()
        return (seconds, counts, rows)
    }

    /// A line of `--candidates-tsv`.
    static func row(_ suspect: Article, _ c: Candidate, verified: Bool, _ alignment: AlignmentResult) -> String {
        "\(suspect.id)\t\(c.document)\t\(c.sharedKeys)\t\(c.rareKeys)\t\(c.closeWindows)\t\(verified ? "yes" : "no")\t\(alignment.passages.count)\n"
    }

    static func output(_ seconds: [Double], _ c: Counts, json: Bool) {
        let total = seconds.reduce(0, +)
        let n = Double(max(1, c.suspects))
        let f = KernelBenchmark.format
        if json {
            let rows = zip(stages, seconds).map { "{\"stage\": \"\($0)\", \"seconds\": \(f($1, 6))}" }.joined(separator: ", ")
            print("{\"suspects\": \(c.suspects), \"total_seconds\": \(f(total, 6)), \"candidates\": \(c.candidates), \"verified\": \(c.verified), \"capped\": \(c.capped), \"with_passages\": \(c.withPassages), \"source_fetches\": \(c.sourceFetches), \"cache_hits\": \(c.cacheHits), \"stages\": [\(rows)]}")
            return
        }
        print("scan profile: \(c.suspects) suspects, one thread")
        print(KernelBenchmark.pad("stage", 40) + KernelBenchmark.pad("seconds", 10) + KernelBenchmark.pad("ms/suspect", 12) + "share")
        for (stage, s) in zip(stages, seconds) {
            print(KernelBenchmark.pad(stage, 40) + KernelBenchmark.pad(f(s, 3), 10) + KernelBenchmark.pad(f(s * 1e3 / n, 3), 12)
                  + f(100 * s / max(total, 1e-12), 1) + "%")
        }
        print(KernelBenchmark.pad("total", 40) + KernelBenchmark.pad(f(total, 3), 10) + f(total * 1e3 / n, 3))
        print("suspects/s on one thread: \(f(n / max(total, 1e-12), 0)); candidates worth verifying per suspect \(f(Double(c.candidates) / n, 1)) "
              + "(ranked like Scanner.Worker, at most \(ScanOptions().maxCandidates); \(c.capped) suspects reached that cap), verified per suspect \(f(Double(c.verified) / n, 1)), "
              + "suspects with a match \(c.withPassages); sources fetched \(c.sourceFetches), cache hits \(c.cacheHits)")
    }
}
