import Alignment
import Articles
import Fingerprinting
import Foundation
import Policy
import Reporting
import Scanning

/// Everything a run may vary: what the index stores, how a scan aligns and judges, and which
/// reported passages count as detections.
public struct EvaluationConfiguration: Sendable {
    public var parameters = FingerprintParameters()
    public var options: ScanOptions
    public var detections = DetectionScope.allMatches

    public init() {
        options = ScanOptions()
        options.showProgress = false
    }
}

/// Which of a report's passages are the detector's output for the PAN measures.
public enum DetectionScope: String, Sendable, CaseIterable {
    /// Every passage of every match the report lists, below-threshold ones included: the
    /// alignment as the tool reports it.
    case allMatches = "all"
    /// Only passages of matches judged substantial (any verdict but clean).
    case substantial
}

/// One run: outcomes per case and where the time went.
public struct EvaluationRun: Sendable {
    public var outcomes: [CaseOutcome]
    public var indexSeconds: Double
    public var scanSeconds: Double
    public var notes: [String]
}

/// Indexes a set's sources, scans its suspects and pairs every report with its ground truth.
public struct EvaluationRunner: Sendable {
    public var configuration: EvaluationConfiguration

    public init(configuration: EvaluationConfiguration = EvaluationConfiguration()) {
        self.configuration = configuration
    }

    /// `index` is where the index file goes: rebuilt, unless `reuseIndex` says an earlier run
    /// built it from this set with the same fingerprint parameters.
    public func run(_ set: EvaluationSet, index: String, reuseIndex: Bool = false) throws -> EvaluationRun {
        var notes: [String] = []
        var indexSeconds = 0.0
        if !reuseIndex {
            var indexer = Indexer(parameters: configuration.parameters, jobs: configuration.options.jobs)
            indexer.showProgress = false
            let t0 = Date()
            let summary = try indexer.index(paths: [set.path("sources")], into: index, rebuild: true)
            indexSeconds = Date().timeIntervalSince(t0)
            if !summary.problems.isEmpty {
                notes.append("\(summary.problems.count) source(s) could not be indexed, first: \(summary.problems[0])")
            }
        }

        var outcomes: [CaseOutcome] = []
        var articles: [Article] = []
        var caseOfPath: [String: Int] = [:]
        var htmlProblem: String?
        for c in set.cases {
            let path = set.path(c.suspect)
            do {
                let article = try Comparer.single(path)
                caseOfPath[InputCollector.display(article.source)] = outcomes.count
                articles.append(article)
                outcomes.append(CaseOutcome(evaluationCase: c, scoring: .characters))
            } catch {
                if c.isHTML { htmlProblem = htmlProblem ?? error.problem }
                outcomes.append(CaseOutcome(evaluationCase: c, scoring: .skipped(error.problem)))
            }
        }
        if let htmlProblem {
            notes.append("HTML suspects skipped: \(htmlProblem) (the html obfuscation is scored once `copyscan extract` reads .html)")
        }

        let t1 = Date()
        let report = try Scanner(indexPath: index, options: configuration.options).scan(articles: articles)
        let scanSeconds = Date().timeIntervalSince(t1)
        for problem in report.errors {
            notes.append("scan error: \(problem.path): \(problem.problem)")
        }
        let root = InputCollector.absolute(set.folder) + "/"
        let bodies = Dictionary(articles.map { (InputCollector.display($0.source), $0.body) }, uniquingKeysWith: { a, _ in a })
        for articleReport in report.articles {
            guard let i = caseOfPath[articleReport.path] else {
                notes.append("report for an unknown suspect: \(articleReport.path)")
                continue
            }
            let c = outcomes[i].evaluationCase
            outcomes[i].verdict = articleReport.verdict
            for match in articleReport.matches {
                let source = relative(match.source.path, root: root)
                if match.verdict == .violation { outcomes[i].violationSources.append(source) }
                outcomes[i].matchedSources[source] = max(outcomes[i].matchedSources[source] ?? .clean, match.verdict)
                if configuration.detections == .substantial && match.verdict == .clean { continue }
                for p in match.passages {
                    outcomes[i].detections.append(Annotation(suspect: c.suspect, p.suspect.start..<p.suspect.end,
                                                             source: source, p.source.start..<p.source.end))
                }
            }
            if let paragraphs = c.htmlParagraphs {
                switch HTMLTruthMapping.map(c.passages, paragraphs: paragraphs, body: bodies[articleReport.path] ?? "") {
                case .success(let mapped):
                    outcomes[i].truth = mapped.map { Annotation(suspect: c.suspect, $0.suspect.range, source: $0.source, $0.sourceRange.range) }
                case .failure(let failure):
                    outcomes[i].scoring = .verdictOnly(failure.description)
                }
            } else {
                outcomes[i].truth = c.annotations()
            }
        }
        for i in outcomes.indices where outcomes[i].verdict == nil && outcomes[i].scoring == .characters {
            outcomes[i].scoring = .skipped("no report (scan error)")
        }
        return EvaluationRun(outcomes: outcomes, indexSeconds: indexSeconds, scanSeconds: scanSeconds, notes: notes)
    }

    /// A report's source path relative to the set's folder, as truth.json names sources.
    func relative(_ path: String, root: String) -> String {
        let absolute = InputCollector.absolute(path)
        return absolute.hasPrefix(root) ? String(absolute.dropFirst(root.count)) : path
    }
}
