import Alignment
import Articles
import CorpusIndex
import Extraction
import Fingerprinting
import Foundation
import Policy
import Reporting

/// How a scan looks for and judges copies.
public struct ScanOptions: Sendable {
    public var policy = PolicyConfiguration()
    /// Measured on the evaluation set (Scripts/eval, Scripts/evalset/TUNING.md): passages of at
    /// least 100 normalised characters at seed density 0.6 drop the template-like sentences that
    /// unrelated articles share, and a reorder reach of 300 keeps a paragraph whose sentences were
    /// shuffled one passage. `Aligner()`'s own defaults stay the mechanism's, for short texts.
    public var aligner = Aligner(minPassageLength: 100, minDensity: 0.6, reorderReach: 300)
    /// Candidates verified per suspect, most shared keys first. 25 missed partial copies whose
    /// source ranked below same-topic articles (Scripts/evalset/TUNING.md).
    public var maxCandidates = 50
    /// A candidate is verified when it shares at least `minSharedKeys` band keys with the
    /// suspect, or at least `minRareKeys` keys from buckets of at most `rareBucketSize`
    /// documents. A few shared keys are mostly stock phrases: on the benchmark corpus
    /// (Scripts/bench, 100k articles) candidates sharing 2–3 keys were 90% of those verified
    /// and almost never held a passage. On the full evaluation set (seeds 1–4) every key count
    /// up to 6 kept every target and verdict, and at 8 partial copies began to be missed; 4
    /// keeps a margin. A short quotation (≈ 150 characters: one index window) may share only
    /// 2–3 keys, but its text is rare, so rare keys let it through (Corpus/policy's credited
    /// quote needs this). On the benchmark corpus rare buckets of ≤ 8 documents added 0.6
    /// verifications per suspect, ≤ 20 added 3.
    ///
    /// The shared keys count only when at least `minCloseWindows` of the suspect's windows share
    /// two of their four bands with the candidate (`Candidate.closeWindows`): one band is
    /// shared by chance across many windows of same-topic articles, two bands of one window
    /// need a window pair far more alike. On the benchmark corpus this left 5.2 of 9.6
    /// verifications a suspect (2 left 3.6), and none of the dropped ones held a planted copy;
    /// on the evaluation set (seeds 1–4) every target and verdict stayed with 1 and 2 — and,
    /// with the rare-key rule switched off to test this rule alone, 1 missed one case of 1,400
    /// and 2 missed two, so 1 it is: rare keys carry short copies, close windows long ones.
    public var minSharedKeys = 4
    public var minRareKeys = 2
    public var rareBucketSize = 8
    public var minCloseWindows = 1
    /// Window stride for suspects, finer than the index's so a copied passage always lies close
    /// to one of the suspect's windows.
    public var queryWindowStride = 25
    /// LSH buckets holding more documents than this are too common to be evidence.
    public var maxBucketSize = 2_000
    /// Source fingerprints a scan worker keeps, for a source that is a candidate of several
    /// suspects (copies of one story). Kept small: holding 512 (≈ 20 MB a worker) cost 10% of
    /// the benchmark scan's CPU time in allocation, page faults and cache misses for 1% hits —
    /// 21 interleaved runs of 2,000 suspects on 2 jobs, median CPU 1.01 s with 512, 0.96 s with
    /// 64, 0.90–0.95 s with 0, 8 or 16.
    public var sourceCacheSize = 16
    public var jobs = availableCores
    public var showProgress = true
    /// Suspects matching these patterns are not scanned.
    public var ignorePaths: [String] = []
    /// Archive files matching these patterns are never reported as sources.
    public var ignoreSources: [String] = []
    public init() {}

    /// Whether reading every posting once (`PostingSnapshot`) costs less than reading each
    /// suspect's rows. Measured with `copyscan-bench scan-profile` with and without
    /// `--snapshot`, one thread: on the 100k benchmark index (12.8 M postings) loading took
    /// 0.43 s and saved 1.4 ms of row reads a suspect (break-even ≈ 300 suspects); on the 1M
    /// index (128 M postings) 5.6 s and 4.3 ms (≈ 1,300 suspects, ≈ 2,600 when the row reads
    /// run on two cores and the load on one). One suspect per 40,000 postings sits between:
    /// 320 and 3,200. Never below 64 suspects, nor above 2²⁷ postings (1 GB of memory).
    public func snapshotPays(suspects: Int, postings: Int) -> Bool {
        suspects >= 64 && postings <= 1 << 27 && suspects * 40_000 >= postings
    }

    /// The lowest score (`Candidate.score`) of a candidate worth verifying: rare keys are among
    /// the shared keys, so `minRareKeys` of them score twice that. Lower-scoring documents need
    /// not be ranked at all.
    public var minScore: Int { max(1, min(minSharedKeys, 2 * minRareKeys)) }

    public func worthVerifying(_ candidate: Candidate) -> Bool {
        (candidate.sharedKeys >= minSharedKeys && candidate.closeWindows >= minCloseWindows) || candidate.rareKeys >= minRareKeys
    }

    /// A suspect's keys as the index is asked for them.
    public func queryKeys(_ fingerprint: Fingerprint, _ parameters: FingerprintParameters) -> QueryKeys {
        QueryKeys(fingerprint.documentKeys, windowKeysInOrder: fingerprint.windowKeysInOrder,
                  bandsPerWindow: parameters.windowBanding.bands)
    }

    /// Options from a configuration file.
    public init(_ configuration: Configuration) {
        policy = configuration.policy
        if let m = configuration.maxCandidates { maxCandidates = m }
        ignorePaths = configuration.ignorePaths
        ignoreSources = configuration.ignoreSources
    }
}

/// Scans suspect articles against an index: candidates, exact alignment, verdicts.
public struct Scanner: Sendable {
    public let indexPath: String
    public var options: ScanOptions

    public init(indexPath: String, options: ScanOptions = ScanOptions()) {
        self.indexPath = indexPath
        self.options = options
    }

    /// Reads the inputs and scans every article in them. Unreadable inputs become `errors`.
    public func scan(paths: [String]) throws -> ScanReport {
        let collected = InputCollector.collect(paths)
        var problems = collected.problems
        let files = collected.files.filter { !Configuration.matches($0, options.ignorePaths) }
        // The index's posting map costs nothing to open; without one, when the inputs look like
        // many articles, the posting snapshot is read while they are.
        let mapped = (try? CorpusIndex.open(at: indexPath))?.postingMap()
        let prefetch = mapped != nil ? nil : SnapshotPrefetch.start(indexPath: indexPath, options: options,
                                                                     expectedArticles: SnapshotPrefetch.estimatedArticles(files))
        var articles: [Article] = []
        for r in try InputReading.read(files, jobs: options.jobs) {
            switch r {
            case .success(let a): articles.append(a)
            case .failure(let e): problems.append(e)
            }
        }
        let snapshot = try mapped ?? prefetch?.wait()
        return try scan(articles: articles, problems: problems, prefetched: snapshot)
    }

    public func scan(articles: [Article], problems: [InputError] = []) throws -> ScanReport {
        try scan(articles: articles, problems: problems, prefetched: nil)
    }

    func scan(articles: [Article], problems: [InputError], prefetched: PostingSnapshot?) throws -> ScanReport {
        let index = try CorpusIndex.open(at: indexPath)
        let summary = ScanReport.IndexSummary(path: indexPath, documents: index.documentCount, parameters: index.parameters.identifier)
        let parameters = index.parameters
        let options = self.options
        let path = indexPath
        let progress = Progress("scanning", total: articles.count, enabled: options.showProgress && isatty(STDERR_FILENO) == 1)
        defer { progress.finish() }
        // The mapped posting file when the index has a current one; else many suspects read
        // every posting once, shared by the workers, instead of ≈ 300 rows each. Same answers
        // (CorpusIndex.postingSnapshot), ≈ 8 bytes of memory per posting.
        let snapshot = try prefetched ?? index.postingMap()
            ?? (options.snapshotPays(suspects: articles.count, postings: index.postingCount) ? index.postingSnapshot() : nil)
        let reports = try parallelMap(count: articles.count, jobs: options.jobs, makeWorker: {
            try Worker(index: CorpusIndex.open(at: path, parameters: parameters), options: options, snapshot: snapshot)
        }) { worker, i in
            defer { progress.advance() }
            return worker.scan(articles[i])
        }
        var errors = problems.map { InputProblem(path: InputCollector.display($0.path), problem: $0.problem) }
        var articleReports: [ArticleReport] = []
        for r in reports {
            switch r {
            case .success(let a): articleReports.append(a)
            case .failure(let e): errors.append(InputProblem(path: e.path, problem: e.description))
            }
        }
        return ScanReport(index: summary,
                          policy: .init(minCopiedCharacters: options.policy.minCopiedCharacters, minCoverage: options.policy.minCoverage),
                          articles: articleReports, errors: errors)
    }

    /// One thread's scanning state: its own index connection and a few recent source fingerprints.
    final class Worker {
        let index: CorpusIndex
        let options: ScanOptions
        let engine: PolicyEngine
        let snapshot: PostingSnapshot?
        private var sources: [Int: (StoredDocument, Fingerprint)] = [:]
        private let scratch = AlignmentScratch()
        private var paths = InputCollector.AbsolutePaths()

        init(index: CorpusIndex, options: ScanOptions, snapshot: PostingSnapshot? = nil) {
            self.index = index
            self.options = options
            self.snapshot = snapshot
            engine = PolicyEngine(options.policy)
        }

        func scan(_ suspect: Article) -> Result<ArticleReport, IndexError> {
            let fingerprint = index.fingerprinter.fingerprint(suspect.body, excluding: suspect.excluded.spans,
                                                              windowStride: options.queryWindowStride, keepWindowOrder: true)
            let query = options.queryKeys(fingerprint, index.parameters)
            let suspectAbsolute = paths.absolute(suspect.source)
            do {
                return .success(try index.reading { () throws(IndexError) in try verify(suspect, fingerprint, query, suspectAbsolute) })
            } catch {
                return .failure(error)
            }
        }

        private func verify(_ suspect: Article, _ fingerprint: Fingerprint, _ query: QueryKeys,
                            _ suspectAbsolute: String) throws(IndexError) -> ArticleReport {
            let candidates = if let snapshot {
                snapshot.candidates(for: query, maxBucketSize: options.maxBucketSize,
                                    rareBucketSize: options.rareBucketSize, limit: options.maxCandidates,
                                    minScore: options.minScore)
            } else {
                try index.candidates(for: query, maxBucketSize: options.maxBucketSize,
                                     rareBucketSize: options.rareBucketSize, limit: options.maxCandidates,
                                     minScore: options.minScore)
            }
            var judged: [JudgedMatch] = []
            let prepared = PreparedSuspect(fingerprint)
            for candidate in candidates.prefix(options.maxCandidates) where options.worthVerifying(candidate) {
                let (stored, sourceFingerprint) = try source(candidate.document)
                if stored.source == suspectAbsolute { continue }   // the suspect itself
                if !options.ignoreSources.isEmpty && Configuration.matches(stored.file, options.ignoreSources) { continue }
                var alignment = options.aligner.align(prepared, source: sourceFingerprint, scratch: scratch)
                guard !alignment.passages.isEmpty else { continue }
                let (document, valid) = try stored.resolved()
                if !valid {
                    // Repaired bytes: offsets from the stored bytes would not fit the text
                    // the report shows, so the repaired text is aligned instead.
                    let repaired = index.fingerprinter.shingled(document.article.body, excluding: document.article.excluded.spans)
                    alignment = options.aligner.align(prepared, source: repaired, scratch: scratch)
                    guard !alignment.passages.isEmpty else { continue }
                }
                let verdict = engine.judge(suspect: suspect, source: document.article, alignment: alignment)
                judged.append(JudgedMatch(source: document.article, alignment: alignment, verdict: verdict))
            }
            return MatchReporting.article(suspect, judged: engine.resolve(judged))
        }

        private func source(_ doc: Int) throws(IndexError) -> (StoredDocument, Fingerprint) {
            if let cached = sources[doc] { return cached }
            let document = try index.storedDocument(doc)
            let fp = document.body.withUnsafeBufferPointer {
                index.fingerprinter.shingled(utf8: $0, excluding: document.excluded.spans)
            }
            if sources.count >= options.sourceCacheSize { sources.removeAll(keepingCapacity: true) }
            sources[doc] = (document, fp)
            return (document, fp)
        }
    }
}

/// A posting snapshot read on a thread of its own while the suspects are read.
final class SnapshotPrefetch: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the loading thread before `done` is signalled, read after waiting on it.
    private var result: Result<PostingSnapshot?, Error> = .success(nil)

    /// Articles the files probably hold: a JSON Lines file one per 6 KB (a long article's
    /// record; a typical one is ≈ 4.5 KB), any other file one. A guess only decides whether to
    /// start early, and errs low: too high a guess loads a snapshot the scan does not need (on
    /// the 1M benchmark index, 5.6 s), too low one only loses the overlap.
    static func estimatedArticles(_ files: [String]) -> Int {
        files.reduce(0) { total, file in
            guard file.hasSuffix(".jsonl") || file.hasSuffix(".ndjson") else { return total + 1 }
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            return total + max(1, size / 6_144)
        }
    }

    /// Starts loading when a scan of `expectedArticles` would load the snapshot; nil otherwise
    /// (also when the index cannot be opened: the scan then reports that itself).
    static func start(indexPath: String, options: ScanOptions, expectedArticles: Int) -> SnapshotPrefetch? {
        guard expectedArticles >= 64, let index = try? CorpusIndex.open(at: indexPath),
              options.snapshotPays(suspects: expectedArticles, postings: index.postingCount) else { return nil }
        let prefetch = SnapshotPrefetch()
        let box = UncheckedBox(index)
        Thread.detachNewThread {
            do { prefetch.result = .success(try box.value.postingSnapshot()) } catch { prefetch.result = .failure(error) }
            prefetch.done.signal()
        }
        return prefetch
    }

    func wait() throws -> PostingSnapshot? {
        done.wait()
        return try result.get()
    }
}

/// Hands an index connection to the one thread that uses it from then on.
private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

extension Array where Element == TextRange {
    var spans: [TextSpan] { map { TextSpan(start: $0.start, end: $0.end) } }
}
