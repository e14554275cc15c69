import Foundation

/// One aligned pair of passages: a stretch of a suspect and the stretch of a source it reuses,
/// in Unicode code points of each document's body. Both the ground truth (a plagiarism "case")
/// and what a detector reports (a "detection") are annotations.
public struct Annotation: Sendable, Hashable, Codable {
    public var suspect: String
    public var suspectRange: Range<Int>
    public var source: String
    public var sourceRange: Range<Int>

    public init(suspect: String, _ suspectRange: Range<Int>, source: String, _ sourceRange: Range<Int>) {
        self.suspect = suspect
        self.suspectRange = suspectRange
        self.source = source
        self.sourceRange = sourceRange
    }

    /// Characters on both sides, as PAN counts a case's size.
    public var length: Int { suspectRange.count + sourceRange.count }

    /// PAN's `is_overlapping` for external detection: same documents, and the ranges overlap on
    /// both sides.
    public func detects(_ other: Annotation) -> Bool {
        suspect == other.suspect && source == other.source
            && suspectRange.overlaps(other.suspectRange) && sourceRange.overlaps(other.sourceRange)
    }
}

/// The PAN text-alignment measures (Potthast, Stein, Barrón-Cedeño, Rosso: "An Evaluation
/// Framework for Plagiarism Detection", COLING 2010; used unchanged by the PAN 2013/2014 text
/// alignment tasks), ported from the definitions of the PAN evaluation script
/// (`perfmeasures.py`: `macro_avg_recall`, `case_recall`, `granularity`, `plagdet_score`):
///
/// - recall = 1/|S| · Σ_s |⋃_{r detects s} (s ⊓ r)| / |s|, where |s| counts the case's characters
///   in the suspect plus those in the source, and s ⊓ r is their overlap on each side;
/// - precision = the same with the roles of cases and detections swapped;
/// - granularity = the mean number of detections that detect a case, over detected cases;
/// - plagdet = F1(precision, recall) / log2(1 + granularity).
///
/// Edge cases follow the script: no cases and no detections give recall and precision 1; one
/// of the two empty gives 0; granularity is 1 when nothing is detected.
public enum PANMeasures {
    public struct Scores: Sendable, Hashable, Codable {
        public var precision: Double
        public var recall: Double
        public var granularity: Double
        public var plagdet: Double
    }

    public static func scores(cases: [Annotation], detections: [Annotation]) -> Scores {
        let r = macroRecall(cases: cases, detections: detections)
        let p = macroPrecision(cases: cases, detections: detections)
        let g = granularity(cases: cases, detections: detections)
        return Scores(precision: p, recall: r, granularity: g, plagdet: plagdet(precision: p, recall: r, granularity: g))
    }

    public static func macroRecall(cases: [Annotation], detections: [Annotation]) -> Double {
        if cases.isEmpty && detections.isEmpty { return 1 }
        if cases.isEmpty || detections.isEmpty { return 0 }
        let bySuspect = Dictionary(grouping: detections, by: \.suspect)
        var sum = 0.0
        for c in cases {
            sum += caseRecall(c, detections: bySuspect[c.suspect] ?? [])
        }
        return sum / Double(cases.count)
    }

    public static func macroPrecision(cases: [Annotation], detections: [Annotation]) -> Double {
        macroRecall(cases: detections, detections: cases)
    }

    /// Share of the case's characters (both sides) covered by the detections that detect it.
    public static func caseRecall(_ c: Annotation, detections: [Annotation]) -> Double {
        guard c.length > 0 else { return 0 }
        let detecting = detections.filter { c.detects($0) }
        guard !detecting.isEmpty else { return 0 }
        let suspectCovered = coveredLength(of: c.suspectRange, by: detecting.map(\.suspectRange))
        let sourceCovered = coveredLength(of: c.sourceRange, by: detecting.map(\.sourceRange))
        return Double(suspectCovered + sourceCovered) / Double(c.length)
    }

    public static func granularity(cases: [Annotation], detections: [Annotation]) -> Double {
        if detections.isEmpty { return 1 }
        let bySuspect = Dictionary(grouping: detections, by: \.suspect)
        var detected = 0
        var total = 0
        for c in cases {
            let n = (bySuspect[c.suspect] ?? []).filter { c.detects($0) }.count
            if n > 0 {
                detected += 1
                total += n
            }
        }
        return detected == 0 ? 1 : Double(total) / Double(detected)
    }

    public static func plagdet(precision: Double, recall: Double, granularity: Double) -> Double {
        if (precision == 0 && recall == 0) || precision < 0 || recall < 0 || granularity < 1 { return 0 }
        let f1 = 2 * precision * recall / (precision + recall)
        return f1 / log2(1 + granularity)
    }

    /// Characters of `range` inside the union of `others`.
    static func coveredLength(of range: Range<Int>, by others: [Range<Int>]) -> Int {
        let clipped = others.compactMap { r -> Range<Int>? in
            let lo = max(r.lowerBound, range.lowerBound), hi = min(r.upperBound, range.upperBound)
            return lo < hi ? lo..<hi : nil
        }.sorted { $0.lowerBound < $1.lowerBound }
        var total = 0
        var end = Int.min
        for r in clipped {
            let start = max(r.lowerBound, end)
            if r.upperBound > start { total += r.upperBound - start }
            end = max(end, r.upperBound)
        }
        return total
    }
}
