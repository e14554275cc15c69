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
    public var jobs = availableCores
    public var showProgress = true
    /// Suspects matching these patterns are not scanned.
    public var ignorePaths: [String] = []
    /// Archive files matching these patterns are never reported as sources.
    public var ignoreSources: [String] = []
    public init() {}

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
        let read = try parallelMap(count: files.count, jobs: options.jobs, makeWorker: { () }) { _, i in
            ArticleReader.read(path: files[i])
        }
        var articles: [Article] = []
        for results in read {
            for r in results {
                switch r {
                case .success(let a): articles.append(a)
                case .failure(let e): problems.append(e)
                }
            }
        }
        return try scan(articles: articles, problems: problems)
    }

    public func scan(articles: [Article], problems: [InputError] = []) throws -> ScanReport {
        let index = try CorpusIndex.open(at: indexPath)
        let summary = ScanReport.IndexSummary(path: indexPath, documents: index.documentCount, parameters: index.parameters.identifier)
        let parameters = index.parameters
        let options = self.options
        let path = indexPath
        let progress = Progress("scanning", total: articles.count, enabled: options.showProgress && isatty(STDERR_FILENO) == 1)
        defer { progress.finish() }
        // Many suspects read every posting once, shared by the workers, instead of ≈ 300 rows
        // each; same answers (CorpusIndex.postingSnapshot), ≈ 8 bytes of memory per posting.
        let snapshot = articles.count >= 64 && index.postingCount <= 1 << 27 ? try index.postingSnapshot() : nil
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

    /// One thread's scanning state: its own index connection and a cache of source fingerprints.
    final class Worker {
        let index: CorpusIndex
        let options: ScanOptions
        let engine: PolicyEngine
        let snapshot: PostingSnapshot?
        private var sources: [Int: (IndexedDocument, Fingerprint)] = [:]

        init(index: CorpusIndex, options: ScanOptions, snapshot: PostingSnapshot? = nil) {
            self.index = index
            self.options = options
            self.snapshot = snapshot
            engine = PolicyEngine(options.policy)
        }

        func scan(_ suspect: Article) -> Result<ArticleReport, IndexError> {
            let fingerprint = index.fingerprinter.fingerprint(suspect.body, excluding: suspect.excluded.spans,
                                                              windowStride: options.queryWindowStride)
            let query = options.queryKeys(fingerprint, index.parameters)
            do {
                let candidates = if let snapshot {
                    snapshot.candidates(for: query, maxBucketSize: options.maxBucketSize,
                                        rareBucketSize: options.rareBucketSize, limit: options.maxCandidates)
                } else {
                    try index.candidates(for: query, maxBucketSize: options.maxBucketSize,
                                         rareBucketSize: options.rareBucketSize, limit: options.maxCandidates)
                }
                var judged: [JudgedMatch] = []
                let prepared = PreparedSuspect(fingerprint)
                let suspectAbsolute = InputCollector.absolute(suspect.source)
                for candidate in candidates.prefix(options.maxCandidates) where options.worthVerifying(candidate) {
                    let (document, sourceFingerprint) = try source(candidate.document)
                    if document.article.source == suspectAbsolute { continue }   // the suspect itself
                    if !options.ignoreSources.isEmpty && Configuration.matches(document.file, options.ignoreSources) { continue }
                    let alignment = options.aligner.align(prepared, source: sourceFingerprint)
                    guard !alignment.passages.isEmpty else { continue }
                    let verdict = engine.judge(suspect: suspect, source: document.article, alignment: alignment)
                    judged.append(JudgedMatch(source: document.article, alignment: alignment, verdict: verdict))
                }
                return .success(MatchReporting.article(suspect, judged: engine.resolve(judged)))
            } catch {
                return .failure(error)
            }
        }

        private func source(_ doc: Int) throws(IndexError) -> (IndexedDocument, Fingerprint) {
            if let cached = sources[doc] { return cached }
            let document = try index.document(doc)
            let fp = index.fingerprinter.shingled(document.article.body, excluding: document.article.excluded.spans)
            if sources.count > 512 { sources.removeAll(keepingCapacity: true) }
            sources[doc] = (document, fp)
            return (document, fp)
        }
    }
}

extension Array where Element == TextRange {
    var spans: [TextSpan] { map { TextSpan(start: $0.start, end: $0.end) } }
}
