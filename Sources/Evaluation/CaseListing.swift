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
                problems.append("verdict \(o.verdict?.rawValue ?? "-"), expected \(c.expected.rawValue)")
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
