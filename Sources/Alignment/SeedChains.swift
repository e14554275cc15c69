import Fingerprinting

/// A run of seeds that follow each other on both sides: the raw material of fragments.
struct Chain {
    var firstI: Int, firstJ: Int, lastI: Int, lastJ: Int, seeds: Int
    /// The chaining entry of the last seed (`Aligner.chains`).
    var lastEntry: Int
    init(_ i: Int, _ j: Int, entry: Int) { firstI = i; firstJ = j; lastI = i; lastJ = j; seeds = 1; lastEntry = entry }
}

extension Aligner {
    /// Seeds `i << 32 | j`: the shingle at suspect position i equals the one at source
    /// position j; ordered by i, then j. The source is walked in order of j and the seeds are
    /// placed by a counting sort on i, which keeps each i's seeds in order of j: one pass
    /// instead of a radix sort's four (unrelated articles of one topic share a third of their
    /// shingles in the benchmark corpus, so a candidate without a passage still has hundreds).
    func seeds(_ prepared: PreparedSuspect, source: Fingerprint) -> [UInt64] {
        let scratch = AlignmentScratch()
        return Array(seeds(prepared, source: source, scratch: scratch))
    }

    /// `seeds` in `scratch.seeds`, valid until the scratch is used again.
    func seeds(_ prepared: PreparedSuspect, source: Fingerprint, scratch: AlignmentScratch) -> UnsafeBufferPointer<UInt64> {
        let n = prepared.fingerprint.shingles.count
        let limit = max(1, maxRepeats)
        // starts[i + 1]: seeds at suspect position i, then (prefix sums) where i's seeds begin.
        let starts = scratch.starts.filled(n + 1, with: 0)
        // Grown as seeds are found: a bound from the source's length times `maxRepeats` would
        // reserve hundreds of megabytes for a very long source.
        var unsorted = scratch.unsorted.reserve(source.shingles.count)
        var count = 0
        prepared.next.withUnsafeBufferPointer { next in
            source.shingles.withUnsafeBufferPointer { shingles in
                for j in 0..<shingles.count {
                    var i32 = prepared.positions.first(shingles[j])
                    var repeats = 0
                    // Positions come from the suspect's own table: always below n.
                    while i32 >= 0 && repeats < limit {
                        if count == scratch.unsorted.capacity { unsorted = scratch.unsorted.grow(keeping: count, to: count + 1) }
                        unsorted[count] = UInt64(UInt32(i32)) << 32 | UInt64(UInt32(j))
                        count += 1
                        starts[Int(i32) + 1] += 1
                        repeats += 1
                        i32 = next[Int(i32)]
                    }
                }
            }
        }
        for i in 0..<n { starts[i + 1] += starts[i] }
        let sorted = scratch.seeds.reserve(count)
        for seed in UnsafeBufferPointer(start: unsorted, count: count) {
            let i = Int(seed >> 32)
            sorted[starts[i]] = seed
            starts[i] += 1
        }
        return UnsafeBufferPointer(start: sorted, count: count)
    }

    func chains(_ seeds: [UInt64], sourceCount: Int) -> [Chain] {
        let scratch = AlignmentScratch()
        return seeds.withUnsafeBufferPointer { Array(chains($0, sourceCount: sourceCount, scratch: scratch)) }
    }

    /// Chains the seeds in order of suspect position. A seed extends the chain that ends
    /// closest before it on both sides — within `maxGap`, without drifting by more than
    /// `maxDrift` plus a tenth of the chain — preferring the oldest chain on a tie, and
    /// otherwise starts a chain. A chain is extended at most once per suspect position, and
    /// only the first `maxRepeats` seeds of a position are used.
    ///
    /// Chains are found through the source position of their last seed (`head`: a list per
    /// source position), so a seed looks at the at most `maxGap` positions before it instead
    /// of every open chain, and stops as soon as a nearer chain is impossible: the cost of
    /// extending, max(di, dj), is at least dj. A bitmap of the positions holding current
    /// entries skips the others (perf: the loop over empty positions was a third of the
    /// chaining). An entry remembers its suspect position and is marked when its chain moves
    /// on, so entries that cannot be extended are passed over without loading their chain
    /// (perf: that load was the chaining's largest stall), and a position whose entries all
    /// moved on leaves the bitmap.
    ///
    /// The chains are in `scratch.chains`, valid until the scratch is used again.
    func chains(_ seeds: UnsafeBufferPointer<UInt64>, sourceCount: Int, scratch: AlignmentScratch) -> UnsafeBufferPointer<Chain> {
        let limit = max(1, maxRepeats), maxGap = self.maxGap, maxDrift = self.maxDrift
        let positions = max(1, sourceCount)
        // Lists of the entries placed at each source position, newest first.
        let head = scratch.head.filled(positions, with: -1)
        let live = scratch.live.filled(positions, with: 0)
        let occupied = scratch.occupied.filled(positions / 64 + 1, with: 0)
        // One entry and at most one chain per seed.
        let entryChain = scratch.entryChain.reserve(max(1, seeds.count))
        let entryI = scratch.entryI.reserve(max(1, seeds.count))
        let entryNext = scratch.entryNext.reserve(max(1, seeds.count))
        let chains = scratch.chains.reserve(max(1, seeds.count))
        var chainCount = 0
        var entries = 0
        var s = 0
        while s < seeds.count {
            let i = Int(seeds[s] >> 32)
            var groupEnd = s + 1
            while groupEnd < seeds.count && Int(seeds[groupEnd] >> 32) == i { groupEnd += 1 }
            for seed in seeds[s..<min(groupEnd, s + limit)] {
                let j = Int(UInt32(truncatingIfNeeded: seed))
                guard j < sourceCount else { continue }
                var best = -1
                var bestCost = Int.max
                // Most seeds continue a diagonal: the seed (i - 1, j - 1), if its chain still
                // ends there, costs 1, the least any chain can, and no other chain can tie (one
                // entry per seed). Its entry is the newest at j - 1, or the one after the
                // entry of a seed (i, j - 1) of this suspect position.
                if j > 0 && maxGap >= 1 {
                    var e = Int(head[j - 1])
                    if e >= 0 && Int(entryI[e]) == i { e = Int(entryNext[e]) }
                    if e >= 0 && Int(entryI[e]) == i - 1 {
                        let c = Int(entryChain[e])
                        if c >= 0 {
                            let chain = chains[c]
                            if abs((i - chain.firstI) - (j - chain.firstJ)) <= maxDrift + (i - chain.firstI) / 10 {
                                best = c
                                bestCost = 1
                            }
                        }
                    }
                }
                // The source positions j - 1 down to j - maxGap (not below 0) that hold current
                // entries, nearest first, a word of the bitmap at a time (none when the diagonal
                // was found).
                let lowest = max(0, j - maxGap)
                var p = best >= 0 ? lowest - 1 : j - 1
                scan: while p >= lowest {
                    let word = p >> 6
                    var bits = occupied[word]
                    let top = p & 63
                    if top < 63 { bits &= (1 << UInt64(top + 1)) - 1 }
                    if lowest >> 6 == word { bits &= ~((1 << UInt64(lowest & 63)) - 1) }
                    while bits != 0 {
                        let bit = 63 - bits.leadingZeroBitCount
                        bits &= ~(1 << UInt64(bit))
                        let position = word << 6 | bit
                        let dj = j - position
                        if dj > bestCost { break scan }
                        var e = Int(head[position])
                        while e >= 0 {
                            let c = Int(entryChain[e])
                            let di = i - Int(entryI[e])
                            if c >= 0 && di > maxGap {
                                // Seeds come in order of i: this chain end is out of reach of
                                // every seed still to come, so it leaves the position's count
                                // and, the last to go, the bitmap.
                                entryChain[e] = -1
                                live[position] -= 1
                                if live[position] == 0 { occupied[word] &= ~(1 << UInt64(bit)) }
                            }
                            // A current entry is its chain's last seed: the chain ends at
                            // (entryI, position).
                            else if c >= 0 && di > 0 {
                                let chain = chains[c]
                                if abs((i - chain.firstI) - (j - chain.firstJ)) <= maxDrift + (i - chain.firstI) / 10 {
                                    let cost = max(di, dj)
                                    if cost < bestCost || (cost == bestCost && c < best) {
                                        best = c
                                        bestCost = cost
                                    }
                                }
                            }
                            e = Int(entryNext[e])
                        }
                    }
                    p = (word << 6) - 1
                }
                if best >= 0 {
                    // The chain's previous last seed is no longer an end to extend.
                    let previous = chains[best].lastEntry, at = chains[best].lastJ
                    entryChain[previous] = -1
                    live[at] -= 1
                    if live[at] == 0 { occupied[at >> 6] &= ~(1 << UInt64(at & 63)) }
                    chains[best].lastI = i
                    chains[best].lastJ = j
                    chains[best].seeds += 1
                    chains[best].lastEntry = entries
                    entryChain[entries] = Int32(best)
                } else {
                    (chains + chainCount).initialize(to: Chain(i, j, entry: entries))
                    entryChain[entries] = Int32(chainCount)
                    chainCount += 1
                }
                entryI[entries] = UInt32(truncatingIfNeeded: i)
                entryNext[entries] = head[j]
                head[j] = Int32(entries)
                live[j] += 1
                occupied[j >> 6] |= 1 << UInt64(j & 63)
                entries += 1
            }
            s = groupEnd
        }
        return UnsafeBufferPointer(start: chains, count: chainCount)
    }
}
