import Fingerprinting
@testable import Alignment

// A frozen copy of the aligner before seeds were sorted by counting and chains found through
// their last source position (commit 688ee7c): the oracle the equivalence tests compare the
// current aligner with. Do not "improve" it.
extension Aligner {
    func legacyAlign(_ prepared: PreparedSuspect, source: Fingerprint) -> AlignmentResult {
        let suspect = prepared.fingerprint
        let k = max(1, suspect.shingleLength)
        guard !suspect.shingles.isEmpty, !source.shingles.isEmpty else { return .none }

        // Seeds (i, j): a shingle at suspect position i equals the one at source position j.
        var seeds: [UInt64] = []   // i << 32 | j, so sorting orders by i then j
        for (j, h) in source.shingles.enumerated() {
            var i32 = prepared.positions.first(h)
            var repeats = 0
            while i32 >= 0 && repeats < maxRepeats {
                seeds.append(UInt64(UInt32(i32)) << 32 | UInt64(UInt32(j)))
                repeats += 1
                i32 = prepared.next[Int(i32)]
            }
        }
        // Too few seeds for even one fragment: nothing to report (most candidates end here).
        guard seeds.count >= max(1, minFragmentLength - k + 1) else { return .none }
        RadixSort.sort(&seeds)

        var open: [LegacyChain] = []
        var closed: [LegacyChain] = []
        var s = 0
        while s < seeds.count {
            let i = Int(seeds[s] >> 32)
            var groupEnd = s
            while groupEnd < seeds.count && Int(seeds[groupEnd] >> 32) == i { groupEnd += 1 }
            defer { s = groupEnd }
            // Close chains that can no longer be extended.
            if open.contains(where: { i - $0.lastI > maxGap }) {
                var kept: [LegacyChain] = []
                for c in open {
                    if i - c.lastI > maxGap { closed.append(c) } else { kept.append(c) }
                }
                open = kept
            }
            var extended: [Int] = []   // at most maxRepeats chains per suspect position
            for seed in seeds[s..<min(groupEnd, s + maxRepeats)] {
                let j = Int(UInt32(truncatingIfNeeded: seed))
                var best = -1
                var bestCost = Int.max
                for (n, c) in open.enumerated() where !extended.contains(n) {
                    let di = i - c.lastI
                    let dj = j - c.lastJ
                    guard di > 0, dj > 0, dj <= maxGap, abs((i - c.firstI) - (j - c.firstJ)) <= maxDrift + (i - c.firstI) / 10 else { continue }
                    let cost = di + dj + abs(di - dj)
                    if cost < bestCost { bestCost = cost; best = n }
                }
                if best >= 0 {
                    open[best].extend(i, j)
                    extended.append(best)
                } else {
                    open.append(LegacyChain(i, j))
                    extended.append(open.count - 1)
                }
            }
        }
        closed.append(contentsOf: open)

        // Dense chains are fragments; fragments next to each other in the suspect whose sources
        // lie near each other form one passage, so reordered sentences stay one passage.
        var fragments: [(s: Range<Int>, t: Range<Int>, seeds: Int)] = []
        for c in closed {
            let sRange = c.firstI..<min(suspect.normalized.count, c.lastI + k)
            let tRange = c.firstJ..<min(source.normalized.count, c.lastJ + k)
            guard sRange.count >= minFragmentLength, tRange.count >= minFragmentLength,
                  Double(c.seeds + k - 1) >= minDensity * Double(min(sRange.count, tRange.count)) else { continue }
            fragments.append((sRange, tRange, c.seeds))
        }
        fragments.sort { ($0.s.lowerBound, $0.t.lowerBound) < ($1.s.lowerBound, $1.t.lowerBound) }
        var clusters: [(s: Range<Int>, t: Range<Int>, seeds: Int, covered: Int, members: [Int])] = []
        for (n, f) in fragments.enumerated() {
            if let last = clusters.last,
               f.s.lowerBound - last.s.upperBound <= 2 * maxGap,
               f.t.lowerBound >= last.t.lowerBound - reorderReach, f.t.upperBound <= last.t.upperBound + reorderReach {
                let overlap = max(0, last.s.upperBound - f.s.lowerBound)
                clusters[clusters.count - 1] = (min(last.s.lowerBound, f.s.lowerBound)..<max(last.s.upperBound, f.s.upperBound),
                                                min(last.t.lowerBound, f.t.lowerBound)..<max(last.t.upperBound, f.t.upperBound),
                                                last.seeds + f.seeds, last.covered + f.s.count - min(overlap, f.s.count),
                                                last.members + [n])
            } else {
                clusters.append((f.s, f.t, f.seeds, f.s.count, [n]))
            }
        }
        var passages: [Passage] = []
        func add(_ s: Range<Int>, _ t: Range<Int>, _ seeds: Int) {
            passages.append(Passage(suspect: suspect.normalized.originalRange(of: s),
                                    source: source.normalized.originalRange(of: t),
                                    suspectNormalized: s, sourceNormalized: t, sharedShingles: seeds))
        }
        for c in clusters {
            // Reordered text spans about as much of the source as of the suspect; fragments
            // gathered from all over a source (shared stock sentences) do not, and then only
            // fragments long enough on their own count.
            let balanced = c.t.count <= c.s.count * 3 / 2 + maxGap && c.s.count <= c.t.count * 3 / 2 + maxGap
            if balanced || c.members.count == 1 {
                if c.covered >= minPassageLength && c.t.count >= minPassageLength { add(c.s, c.t, c.seeds) }
            } else {
                for n in c.members where fragments[n].s.count >= minPassageLength && fragments[n].t.count >= minPassageLength {
                    add(fragments[n].s, fragments[n].t, fragments[n].seeds)
                }
            }
        }
        passages = Aligner.mergeOverlapping(passages, suspect: suspect, source: source)

        // No passage, nothing to report: the set similarity is not worth computing.
        guard !passages.isEmpty else { return .none }
        let suspectCovered = Aligner.unionLength(passages.map(\.suspectNormalized))
        let sourceCovered = Aligner.unionLength(passages.map(\.sourceNormalized))
        let copied = Aligner.unionLength(passages.map(\.suspect))
        return AlignmentResult(
            passages: passages,
            containment: Double(suspectCovered) / Double(max(1, suspect.normalized.count)),
            coverage: Double(sourceCovered) / Double(max(1, source.normalized.count)),
            jaccard: prepared.jaccard(with: source.shingles),
            copiedCharacters: copied)
    }

}

struct LegacyChain {
    var firstI: Int, firstJ: Int, lastI: Int, lastJ: Int, seeds: Int
    init(_ i: Int, _ j: Int) { firstI = i; firstJ = j; lastI = i; lastJ = j; seeds = 1 }
    mutating func extend(_ i: Int, _ j: Int) { lastI = i; lastJ = j; seeds += 1 }
}

