import Alignment
import Articles
import Extraction
import Policy
import Reporting

/// Builds report values from articles, alignments and verdicts.
public enum MatchReporting {
    public static func match(suspect: Article, source: Article, alignment: AlignmentResult, verdict: Verdict) -> MatchReport {
        let suspectTexts = slices(suspect.body, alignment.passages.map(\.suspect))
        let sourceTexts = slices(source.body, alignment.passages.map(\.source))
        let passages = alignment.passages.indices.map { n in
            let p = alignment.passages[n]
            return PassageReport(suspect: .init(start: p.suspect.lowerBound, end: p.suspect.upperBound),
                                 source: .init(start: p.source.lowerBound, end: p.source.upperBound),
                                 suspectText: suspectTexts[n], sourceText: sourceTexts[n])
        }
        let notice = source.decisiveNotice
        let sourceReport = SourceReport(path: InputCollector.display(source.source), id: source.id, title: source.title,
                                        outlet: source.outlet, published: source.published, notice: notice?.text,
                                        holder: notice?.holder, prohibits: notice?.prohibits.map(\.rawValue) ?? [])
        return MatchReport(source: sourceReport, verdict: verdict.kind, severity: verdict.severity, reasons: verdict.reasons,
                           containment: round4(alignment.containment), coverage: round4(alignment.coverage),
                           jaccard: round4(alignment.jaccard), copiedCharacters: alignment.copiedCharacters, passages: passages)
    }

    public static func article(_ suspect: Article, judged: [JudgedMatch]) -> ArticleReport {
        article(suspect, matches: judged.map { match(suspect: suspect, source: $0.source, alignment: $0.alignment, verdict: $0.verdict) })
    }

    public static func article(_ suspect: Article, matches: [MatchReport]) -> ArticleReport {
        let sorted = matches.sorted { ($0.verdict, $0.severity, $0.copiedCharacters) > ($1.verdict, $1.severity, $1.copiedCharacters) }
        let verdict = sorted.first?.verdict ?? .clean
        let severity = sorted.first?.severity ?? .none
        var reasons: [Reason]
        if let top = sorted.first, verdict.isUnexplainedReuse {
            let others = sorted.dropFirst().filter { $0.verdict != .clean }.count
            reasons = [Reason("copied-from", "copied from \(top.source.path)" + (others > 0 ? " and \(others) other source\(others == 1 ? "" : "s")" : ""))] + top.reasons
        } else if let top = sorted.first, verdict != .clean {
            reasons = top.reasons
        } else if sorted.isEmpty {
            reasons = [Reason("no-match", "no indexed article shares a passage with it")]
        } else {
            reasons = [Reason("below-threshold", "shares only short passages with indexed articles")]
        }
        return ArticleReport(path: InputCollector.display(suspect.source), id: suspect.id, title: suspect.title,
                             outlet: suspect.outlet, published: suspect.published, verdict: verdict, severity: severity, reasons: reasons,
                             matches: sorted)
    }

    /// The text at each code point range of `text` (ranges clamped to it). One pass over its
    /// UTF-8 finds the byte offset of every bound: an array of a whole body's scalars for every
    /// match cost more than the rest of the report. The bounds start scalars, so the slices are
    /// cut from the String itself, which needs no second validation of their bytes (decoding
    /// them afresh was ≈ 2% of a scan's CPU time).
    static func slices(_ text: String, _ ranges: [Range<Int>]) -> [String] {
        guard !ranges.isEmpty else { return [] }
        var text = text
        let byteRanges = text.withUTF8 { bytes in
            var bounds = ranges.flatMap { [max(0, $0.lowerBound), max(0, $0.lowerBound, $0.upperBound)] }
            bounds.sort()
            // byteOffset[n]: the byte where code point bounds[n] starts (the end when past it).
            var byteOffset = [Int](repeating: bytes.count, count: bounds.count)
            var next = 0
            var scalar = 0
            var i = 0
            let n = bytes.count
            while i < n && next < bounds.count {
                // Eight bytes at a time while no bound falls among their scalars: a word holds
                // eight starts less its continuation bytes (10xxxxxx).
                if i + 8 <= n {
                    let starts = 8 - ByteScan.continuationBytes(ByteScan.load(bytes, i))
                    if scalar + starts <= bounds[next] {
                        scalar += starts
                        i += 8
                        continue
                    }
                }
                if bytes[i] & 0xC0 != 0x80 {
                    while next < bounds.count && bounds[next] == scalar {
                        byteOffset[next] = i
                        next += 1
                    }
                    scalar += 1
                }
                i += 1
            }
            func offset(_ bound: Int) -> Int {
                // The first index of `bound` in the sorted bounds: they all map to the same byte.
                var lo = 0, hi = bounds.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if bounds[mid] < bound { lo = mid + 1 } else { hi = mid }
                }
                return lo < bounds.count ? byteOffset[lo] : bytes.count
            }
            return ranges.map { r in
                let lo = offset(max(0, r.lowerBound))
                return lo..<max(lo, offset(max(0, r.lowerBound, r.upperBound)))
            }
        }
        // Through the scalar view, whose indices are the scalar boundaries the bounds are (a
        // passage may end inside a grapheme cluster, between "\r" and "\n").
        let utf8 = text.utf8, scalars = text.unicodeScalars
        return byteRanges.map { r in
            let start = utf8.index(utf8.startIndex, offsetBy: r.lowerBound)
            return String(scalars[start..<utf8.index(start, offsetBy: r.count)])
        }
    }

    static func round4(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }
}

/// A suspect–source pair with its alignment and verdict, before it becomes a report.
public struct JudgedMatch: Sendable {
    public var source: Article
    public var alignment: AlignmentResult
    public var verdict: Verdict
}

extension PolicyEngine {
    func resolve(_ matches: [JudgedMatch]) -> [JudgedMatch] {
        resolve(matches, source: \.source, alignment: \.alignment, verdict: \.verdict, update: { $0.verdict = $1 })
    }
}
