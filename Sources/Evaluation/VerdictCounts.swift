/// Verdict counts with violation as the positive class.
public struct VerdictCounts: Sendable, Hashable, Codable {
    /// Cases expecting a violation.
    public var expected = 0
    /// …found as a violation of a source they copied.
    public var truePositives = 0
    /// Suspects flagged `violation` that should not be (negatives, copies of sources without a
    /// prohibition, or a violation of the wrong source).
    public var falsePositives = 0
    /// Cases whose verdict is what they expect (any class).
    public var correct = 0
    public var scored = 0

    public var recall: Double? { expected == 0 ? nil : Double(truePositives) / Double(expected) }
    public var precision: Double? {
        truePositives + falsePositives == 0 ? nil : Double(truePositives) / Double(truePositives + falsePositives)
    }

    mutating func add(_ o: CaseOutcome) {
        guard o.verdict != nil else { return }
        scored += 1
        if o.verdictMatches { correct += 1 }
        if o.evaluationCase.expected == .violation {
            expected += 1
            if o.correctViolation { truePositives += 1 }
        }
        if o.flaggedViolation && !(o.evaluationCase.expected == .violation && o.correctViolation) { falsePositives += 1 }
    }
}
