import Fingerprinting
@testable import Alignment

// A frozen copy of the aligner's seeds and chaining before seeds were placed by a counting sort
// and chains found through their last source position (commit 688ee7c): the oracle the
// equivalence tests compare the current `seeds` and `chains` with. Only this part was
// rewritten; what turns chains into passages is shared. Do not "improve" it.
extension Aligner {
    /// Seeds `i << 32 | j` in order of i, then j, as the previous aligner made them.
    func legacySeeds(_ prepared: PreparedSuspect, source: Fingerprint) -> [UInt64] {
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
        RadixSort.sort(&seeds)
        return seeds
    }

    /// The previous chaining: every seed compared with every open chain.
    func legacyChains(_ seeds: [UInt64]) -> [LegacyChain] {
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
        return closed
    }
}

struct LegacyChain {
    var firstI: Int, firstJ: Int, lastI: Int, lastJ: Int, seeds: Int
    init(_ i: Int, _ j: Int) { firstI = i; firstJ = j; lastI = i; lastJ = j; seeds = 1 }
    mutating func extend(_ i: Int, _ j: Int) { lastI = i; lastJ = j; seeds += 1 }
}
