import Foundation

/// The cases worth a look after a run: wrong verdicts, and copies whose passages were found
/// poorly (plagdet of the case alone below 0.9).
public enum CaseListing {
    public static func render(_ outcomes: [CaseOutcome]) -> String {
        var lines: [String] = []
        for o in outcomes {
            let c = o.evaluationCase
            var problems: [String] = []
            if case .skipped(let why) = o.scoring { problems.append("skipped: \(why)") }
            if case .verdictOnly(let why) = o.scoring { problems.append("verdict only: \(why)") }
            if o.verdict != nil && !o.verdictMatches {
                var why = ""
                switch o.missedViolationCause {
                case .noticeNotProhibiting(let kind)?:
                    why = " (copy found as \(kind.rawValue): the source's notice \(c.sourceNotice.map { "form `\($0)`" } ?? "") was not read as forbidding)"
                case .explained(let kind)?: why = " (copy found but explained as \(kind.rawValue))"
                case .notFound?: why = " (copy not found as substantial reuse)"
                case nil: break
                }
                problems.append("verdict \(o.verdict?.rawValue ?? "-"), expected \(c.expected.rawValue)" + why)
            }
            if o.scoring == .characters && !o.truth.isEmpty {
                let s = PANMeasures.scores(cases: o.truth, detections: o.detections)
                if s.plagdet < 0.9 {
                    problems.append(String(format: "plagdet %.2f (precision %.2f, recall %.2f, granularity %.2f, %d detections)",
                                           s.plagdet, s.precision, s.recall, s.granularity, o.detections.count))
                }
            } else if o.scoring == .characters && !o.detections.isEmpty {
                problems.append("\(o.detections.count) detection(s) on a negative")
            }
            if !problems.isEmpty {
                lines.append("\(c.id) [\(c.origin)] \(problems.joined(separator: "; ")) — \(c.note)")
            }
        }
        return lines.isEmpty ? "no case needs a look" : lines.joined(separator: "\n")
    }
}
