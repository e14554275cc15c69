import Foundation

/// One change to a configuration, named for the table.
public struct SweepVariant: Sendable {
    public var name: String
    public var apply: @Sendable (inout EvaluationConfiguration) -> Void

    public init(_ name: String, _ apply: @escaping @Sendable (inout EvaluationConfiguration) -> Void) {
        self.name = name
        self.apply = apply
    }

    /// One parameter at a time around the base configuration: shingle length, windows and LSH
    /// (these need a new index), alignment and policy thresholds.
    public static let oneAtATime: [SweepVariant] = {
        var v: [SweepVariant] = [SweepVariant("base") { _ in }]
        for k in [3, 4, 6] { v.append(SweepVariant("k=\(k)") { $0.parameters.shingleLength = k }) }
        for w in [60, 150] { v.append(SweepVariant("windowLength=\(w)") { $0.parameters.windowLength = w }) }
        for s in [25, 100] { v.append(SweepVariant("windowStride=\(s)") { $0.parameters.windowStride = s }) }
        for p in [2, 8] { v.append(SweepVariant("windowPermutations=\(p)") { $0.parameters.windowPermutations = p }) }
        for t in [0.3, 0.7] { v.append(SweepVariant("documentThreshold=\(t)") { $0.parameters.documentThreshold = t }) }
        for s in [10, 50] { v.append(SweepVariant("queryWindowStride=\(s)") { $0.options.queryWindowStride = s }) }
        for g in [15, 45, 60] { v.append(SweepVariant("maxGap=\(g)") { $0.options.aligner.maxGap = g }) }
        for d in [6, 24] { v.append(SweepVariant("maxDrift=\(d)") { $0.options.aligner.maxDrift = d }) }
        for m in [30, 50, 70, 100, 150] { v.append(SweepVariant("minPassageLength=\(m)") { $0.options.aligner.minPassageLength = m }) }
        for m in [10, 30, 40] { v.append(SweepVariant("minFragmentLength=\(m)") { $0.options.aligner.minFragmentLength = m }) }
        for d in [0.4, 0.5, 0.6, 0.7] { v.append(SweepVariant("minDensity=\(d)") { $0.options.aligner.minDensity = d }) }
        for r in [100, 200, 300, 500] { v.append(SweepVariant("reorderReach=\(r)") { $0.options.aligner.reorderReach = r }) }
        for c in [100, 120, 200, 250] { v.append(SweepVariant("minCopiedCharacters=\(c)") { $0.options.policy.minCopiedCharacters = c }) }
        for m in [25, 100] { v.append(SweepVariant("maxCandidates=\(m)") { $0.options.maxCandidates = m }) }
        return v
    }()
}

/// One line of a sweep's table.
public struct SweepResult: Sendable {
    public var name: String
    public var scorecard: Scorecard
    public var indexSeconds: Double
    public var scanSeconds: Double

    public init(name: String, scorecard: Scorecard, indexSeconds: Double, scanSeconds: Double) {
        self.name = name
        self.scorecard = scorecard
        self.indexSeconds = indexSeconds
        self.scanSeconds = scanSeconds
    }

    public static let header = ["variant", "viol. precision", "viol. recall", "false viol. (neg.)", "lowest light plagdet",
                                "reword plagdet", "all plagdet", "all precision", "all recall", "granularity", "targets missed", "index s", "scan s"]

    public var cells: [String] {
        func f(_ x: Double?) -> String { x.map { String(format: "%.3f", $0) } ?? "–" }
        let s = scorecard
        let light = s.rows.filter { !$0.isNegative && $0.name != "reword" && $0.pan != nil }
        let lowest = light.min { ($0.pan?.plagdet ?? 0) < ($1.pan?.plagdet ?? 0) }
        let reword = s.rows.first { $0.name == "reword" }
        let negatives = s.rows.filter(\.isNegative).reduce(0) { $0 + $1.verdicts.falsePositives }
        return [name, f(s.overall.verdicts.precision), f(s.overall.verdicts.recall), "\(negatives)",
                lowest.map { "\(f($0.pan?.plagdet)) (\($0.name))" } ?? "–", f(reword?.pan?.plagdet),
                f(s.overall.pan?.plagdet), f(s.overall.pan?.precision), f(s.overall.pan?.recall), f(s.overall.pan?.granularity),
                "\(s.misses.count)", String(format: "%.1f", indexSeconds), String(format: "%.1f", scanSeconds)]
    }
}
