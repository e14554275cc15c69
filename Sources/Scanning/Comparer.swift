import Alignment
import Articles
import Extraction
import Fingerprinting
import Policy
import Reporting

/// Compares one suspect with one source directly, without an index.
public struct Comparer: Sendable {
    public var parameters = FingerprintParameters()
    public var options = ScanOptions()
    public init() {}

    public func compare(suspectPath: String, sourcePath: String) throws(InputError) -> ScanReport {
        let suspect = try Comparer.single(suspectPath)
        let source = try Comparer.single(sourcePath)
        return compare(suspect: suspect, source: source)
    }

    public func compare(suspect: Article, source: Article) -> ScanReport {
        let fingerprinter = Fingerprinter(parameters)
        let a = fingerprinter.fingerprint(suspect.body, excluding: suspect.excluded.spans)
        let b = fingerprinter.fingerprint(source.body, excluding: source.excluded.spans)
        let alignment = options.aligner.align(suspect: a, source: b)
        let verdict = PolicyEngine(options.policy).judge(suspect: suspect, source: source, alignment: alignment)
        let judged = alignment.passages.isEmpty ? [] : [JudgedMatch(source: source, alignment: alignment, verdict: verdict)]
        let article = MatchReporting.article(suspect, judged: judged)
        return ScanReport(index: nil,
                          policy: .init(minCopiedCharacters: options.policy.minCopiedCharacters, minCoverage: options.policy.minCoverage),
                          articles: [article], errors: [])
    }

    /// The one article in a file; a file holding several (JSON Lines) is an error.
    public static func single(_ path: String) throws(InputError) -> Article {
        let results = ArticleReader.read(path: path)
        guard results.count == 1, let only = results.first else {
            throw InputError(path: path, "holds \(results.count) articles; compare takes files with one article each")
        }
        return try only.get()
    }
}
