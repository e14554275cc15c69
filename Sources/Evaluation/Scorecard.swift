import Foundation

/// One row of the table: an obfuscation (or a negative kind, or all cases).
public struct ScoreRow: Sendable, Hashable, Codable {
    public var name: String
    public var cases: Int
    /// Cases scored on characters.
    public var characterCases: Int
    public var skipped: Int
    public var verdicts: VerdictCounts
    /// PAN measures over the row's cases and the detections in the row's suspects; nil when the
    /// row has no ground-truth passages (negatives).
    public var pan: PANMeasures.Scores?
    /// Detections (passages) reported on the row's suspects.
    public var detections: Int
    public var isNegative: Bool
}

public struct Scorecard: Sendable, Codable {
    public var rows: [ScoreRow]
    public var byOrigin: [ScoreRow]
    public var overall: ScoreRow
    public var misses: [String]
    public var notes: [String]
    /// Missed violations by cause: copies found but judged short of a violation because of how
    /// the source's notice was read (by notice form), and copies not found.
    public var missedByNotice: [String: Int] = [:]
    public var missedNotFound = 0
    public var missedExplained = 0

    public var meetsTargets: Bool { misses.isEmpty }

    public init(set: EvaluationSet, run: EvaluationRun, targets: Targets = Targets()) {
        let outcomes = run.outcomes
        var rows: [ScoreRow] = []
        for name in set.positive + set.negative {
            let mine = outcomes.filter { $0.evaluationCase.obfuscation == name }
            if mine.isEmpty { continue }
            rows.append(Scorecard.row(name, mine, negative: set.negative.contains(name)))
        }
        let origins = Array(Set(outcomes.map(\.evaluationCase.origin))).sorted()
        byOrigin = origins.map { origin in
            Scorecard.row(origin, outcomes.filter { $0.evaluationCase.origin == origin && set.positive.contains($0.evaluationCase.obfuscation) },
                          negative: false)
        }
        overall = Scorecard.row("all", outcomes, negative: false)
        self.rows = rows
        notes = run.notes
        for o in outcomes {
            switch o.missedViolationCause {
            case .noticeNotProhibiting?: missedByNotice[o.evaluationCase.sourceNotice ?? "none", default: 0] += 1
            case .notFound?: missedNotFound += 1
            case .explained?: missedExplained += 1
            case nil: break
            }
        }

        var misses: [String] = []
        func fmt(_ x: Double?) -> String { x.map { String(format: "%.3f", $0) } ?? "n/a" }
        if let p = overall.verdicts.precision, p < targets.violationPrecision {
            misses.append("violation precision \(fmt(p)) < \(targets.violationPrecision)")
        }
        let falseOnNegatives = rows.filter(\.isNegative).reduce(0) { $0 + $1.verdicts.falsePositives }
        if falseOnNegatives > 0 {
            misses.append("\(falseOnNegatives) false violation(s) on negatives")
        }
        if let r = overall.verdicts.recall, r < targets.violationRecall {
            misses.append("violation recall \(fmt(r)) < \(targets.violationRecall)")
        }
        for row in rows where !row.isNegative {
            if targets.perfectRecall.contains(row.name), let r = row.verdicts.recall, r < 1 {
                misses.append("\(row.name): violation recall \(fmt(r)) < 1.00")
            }
            guard let pan = row.pan else { continue }
            let want = set.heavy.contains(row.name) ? targets.heavyPlagdet : targets.lightPlagdet
            if pan.plagdet < want {
                misses.append("\(row.name): plagdet \(fmt(pan.plagdet)) < \(want)")
            }
        }
        if overall.cases == overall.skipped {
            misses.append("no case was scored")
        }
        self.misses = misses
    }

    static func row(_ name: String, _ outcomes: [CaseOutcome], negative: Bool) -> ScoreRow {
        var verdicts = VerdictCounts()
        var truth: [Annotation] = []
        var detections: [Annotation] = []
        var characterCases = 0
        var skipped = 0
        for o in outcomes {
            verdicts.add(o)
            switch o.scoring {
            case .characters:
                characterCases += 1
                truth += o.truth
                detections += o.detections
            case .verdictOnly: break
            case .skipped: skipped += 1
            }
        }
        let pan = truth.isEmpty ? nil : PANMeasures.scores(cases: truth, detections: detections)
        return ScoreRow(name: name, cases: outcomes.count, characterCases: characterCases, skipped: skipped,
                        verdicts: verdicts, pan: pan, detections: detections.count, isNegative: negative)
    }

    // MARK: Rendering

    /// The table: per obfuscation, cases, verdict recall, plagdet, precision, recall and
    /// granularity; then overall violation precision and recall, and the targets missed.
    public func render(markdown: Bool = false) -> String {
        let header = ["obfuscation", "cases", "verdict recall", "false viol.", "plagdet", "precision", "recall", "granularity", "detections"]
        func f(_ x: Double?) -> String { x.map { String(format: "%.3f", $0) } ?? "–" }
        func cells(_ r: ScoreRow) -> [String] {
            let cases = r.skipped > 0 ? "\(r.cases - r.skipped) (+\(r.skipped) skipped)" : "\(r.cases)"
            return [r.name, cases, r.isNegative ? "–" : f(r.verdicts.recall), "\(r.verdicts.falsePositives)",
                    f(r.pan?.plagdet), f(r.pan?.precision), f(r.pan?.recall), f(r.pan?.granularity), "\(r.detections)"]
        }
        var lines = [header] + rows.map(cells) + [cells(overall)]
        let originHeader = ["text origin (copies)", "cases", "verdict recall", "false viol.", "plagdet", "precision", "recall", "granularity", "detections"]
        var out = ""
        if markdown {
            out += table(lines, markdown: true)
            out += "\n" + table([originHeader] + byOrigin.map(cells), markdown: true)
        } else {
            lines.insert(Array(repeating: "", count: header.count), at: lines.count - 1)
            out += table(lines, markdown: false)
            out += "\n" + table([originHeader] + byOrigin.map(cells), markdown: false)
        }
        out += "\nviolation precision \(f(overall.verdicts.precision)) (\(overall.verdicts.truePositives) of \(overall.verdicts.truePositives + overall.verdicts.falsePositives) flagged), "
        out += "violation recall \(f(overall.verdicts.recall)) (\(overall.verdicts.truePositives) of \(overall.verdicts.expected)), "
        out += "verdicts as expected \(overall.verdicts.correct) of \(overall.verdicts.scored)\n"
        let noticeMisses = missedByNotice.values.reduce(0, +)
        if noticeMisses + missedNotFound + missedExplained > 0 {
            let forms = missedByNotice.sorted { $0.key < $1.key }.map { "`\($0.key)` \($0.value)" }.joined(separator: ", ")
            out += "missed violations: \(missedNotFound) not found as substantial reuse, \(missedExplained) explained away, "
                + "\(noticeMisses) found but the source's notice not read as forbidding" + (forms.isEmpty ? "" : " (by notice form: \(forms))") + "\n"
        }
        return out
    }

    func table(_ rows: [[String]], markdown: Bool) -> String {
        let widths = (0..<(rows.first?.count ?? 0)).map { c in rows.map { $0[c].count }.max() ?? 0 }
        var out = ""
        for (n, row) in rows.enumerated() {
            if markdown {
                out += "| " + row.joined(separator: " | ") + " |\n"
                if n == 0 { out += "|" + row.map { _ in "---" }.joined(separator: "|") + "|\n" }
            } else if row.allSatisfy(\.isEmpty) {
                out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
            } else {
                out += row.enumerated().map { c, cell in
                    c == 0 ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                        : String(repeating: " ", count: widths[c] - cell.count) + cell
                }.joined(separator: "  ") + "\n"
            }
        }
        return out
    }
}
