import Policy

/// What became of one case.
public struct CaseOutcome: Sendable {
    public enum Scoring: Sendable, Equatable {
        /// Character measures and verdict.
        case characters
        /// Verdict only (the ground truth could not be placed in the extracted body).
        case verdictOnly(String)
        /// Not scored at all (the suspect could not be read, e.g. HTML without an extractor).
        case skipped(String)
    }

    public var evaluationCase: EvaluationCase
    public var scoring: Scoring
    /// The suspect's verdict, nil when skipped.
    public var verdict: VerdictKind?
    /// Sources (relative paths) of the matches judged `violation`.
    public var violationSources: [String] = []
    /// Every matched source (relative path) with its verdict.
    public var matchedSources: [String: VerdictKind] = [:]
    /// Ground truth in the scanned body's coordinates.
    public var truth: [Annotation] = []
    public var detections: [Annotation] = []

    public var flaggedViolation: Bool { verdict == .violation }
    /// A violation found against a source the case copied.
    public var correctViolation: Bool {
        flaggedViolation && violationSources.contains { evaluationCase.sources.contains($0) }
    }

    /// For a missed violation: was the copy found, and judged short of a violation (how the
    /// source's notice was read), or not found as substantial reuse at all?
    public var missedViolationCause: MissCause? {
        guard evaluationCase.expected == .violation, verdict != nil, !correctViolation else { return nil }
        let found = evaluationCase.sources.compactMap { matchedSources[$0] }.max() ?? .clean
        return found.isUnexplainedReuse ? .noticeNotProhibiting(found) : found == .clean ? .notFound : .explained(found)
    }

    public enum MissCause: Sendable, Hashable {
        /// Found as substantial reuse, but the source's notice was not read as a prohibition.
        case noticeNotProhibiting(VerdictKind)
        /// Found, but explained away (quotation, licence, …).
        case explained(VerdictKind)
        /// Not found as substantial reuse of the source.
        case notFound
    }

    /// The verdict is what the case expects (`reuse` accepts both unexplained kinds short of
    /// a violation; `clean` accepts clean and every explained kind).
    public var verdictMatches: Bool {
        guard let verdict else { return false }
        switch evaluationCase.expected {
        case .violation: return correctViolation
        case .reuse: return verdict == .reuse || verdict == .reuseOfReservedWork
        case .clean: return !verdict.isUnexplainedReuse
        }
    }
}
