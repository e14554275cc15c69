import Fingerprinting

/// A run of seeds that follow each other on both sides: the raw material of fragments.
struct Chain {
    var firstI: Int, firstJ: Int, lastI: Int, lastJ: Int, seeds: Int
    init(_ i: Int, _ j: Int) { firstI = i; firstJ = j; lastI = i; lastJ = j; seeds = 1 }
    mutating func extend(_ i: Int, _ j: Int) { lastI = i; lastJ = j; seeds += 1 }
}

extension Aligner {
    /// Seeds `i << 32 | j`: the shingle at suspect position i equals the one at source
    /// position j; ordered by i, then j. The source is walked in order of j and the seeds are
    /// placed by a counting sort on i, which keeps each i's seeds in order of j: one pass
    /// instead of a radix sort's four (unrelated articles of one topic share a third of their
    /// shingles in the benchmark corpus, so a candidate without a passage still has hundreds).
    func seeds(_ prepared: PreparedSuspect, source: Fingerprint) -> [UInt64] {
        let n = prepared.fingerprint.shingles.count
        let limit = max(1, maxRepeats)
        // starts[i + 1]: seeds at suspect position i, then (prefix sums) where i's seeds begin.
        var starts = [Int](repeating: 0, count: n + 1)
        // Grown as seeds are found: a bound from the source's length times `maxRepeats` would
        // reserve hundreds of megabytes for a very long source.
        var unsorted: [UInt64] = []
        unsorted.reserveCapacity(source.shingles.count)
        starts.withUnsafeMutableBufferPointer { starts in
            prepared.next.withUnsafeBufferPointer { next in
                source.shingles.withUnsafeBufferPointer { shingles in
                    for j in 0..<shingles.count {
                        var i32 = prepared.positions.first(shingles[j])
                        var repeats = 0
                        // Positions come from the suspect's own table: always below n.
                        while i32 >= 0 && repeats < limit {
                            unsorted.append(UInt64(UInt32(i32)) << 32 | UInt64(UInt32(j)))
                            starts[Int(i32) + 1] += 1
                            repeats += 1
                            i32 = next[Int(i32)]
                        }
                    }
                }
            }
            for i in 0..<n { starts[i + 1] += starts[i] }
        }
        return [UInt64](unsafeUninitializedCapacity: unsorted.count) { sorted, initialized in
            starts.withUnsafeMutableBufferPointer { starts in
                for seed in unsorted {
                    let i = Int(seed >> 32)
                    sorted[starts[i]] = seed
                    starts[i] += 1
                }
            }
            initialized = unsorted.count
        }
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
    /// extending, max(di, dj), is at least dj. A bitmap of the positions holding entries skips
    /// the empty ones (perf: the loop over empty positions was a third of the chaining).
    func chains(_ seeds: [UInt64], sourceCount: Int) -> [Chain] {
        var chains: [Chain] = []
        let limit = max(1, maxRepeats), maxGap = self.maxGap, maxDrift = self.maxDrift
        // Lists of the seeds placed at each source position, newest first; an entry is current
        // while its chain still ends there (a chain's last j only grows).
        var head = [Int32](repeating: -1, count: max(1, sourceCount))
        var entryChain = [Int32](repeating: 0, count: max(1, seeds.count))
        var entryNext = [Int32](repeating: -1, count: max(1, seeds.count))
        var entries = 0
        // Bit j: source position j holds an entry.
        var occupied = [UInt64](repeating: 0, count: max(1, sourceCount) / 64 + 1)
        occupied.withUnsafeMutableBufferPointer { occupied in
            head.withUnsafeMutableBufferPointer { head in
                entryChain.withUnsafeMutableBufferPointer { entryChain in
                    entryNext.withUnsafeMutableBufferPointer { entryNext in
                        seeds.withUnsafeBufferPointer { seeds in
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
                                    // The source positions j - 1 down to j - maxGap (not below 0)
                                    // that hold entries, nearest first, a word of the bitmap at a
                                    // time: most positions before a seed hold none.
                                    let lowest = max(0, j - maxGap)
                                    var p = j - 1
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
                                                let chain = chains[c]
                                                let di = i - chain.lastI
                                                if chain.lastJ == position && di > 0 && di <= maxGap
                                                    && abs((i - chain.firstI) - (j - chain.firstJ)) <= maxDrift + (i - chain.firstI) / 10 {
                                                    let cost = max(di, dj)
                                                    if cost < bestCost || (cost == bestCost && c < best) {
                                                        best = c
                                                        bestCost = cost
                                                    }
                                                }
                                                e = Int(entryNext[e])
                                            }
                                        }
                                        p = (word << 6) - 1
                                    }
                                    let chosen: Int
                                    if best >= 0 {
                                        chains[best].extend(i, j)
                                        chosen = best
                                    } else {
                                        chains.append(Chain(i, j))
                                        chosen = chains.count - 1
                                    }
                                    // One entry per seed: entries < seeds.count.
                                    entryChain[entries] = Int32(chosen)
                                    entryNext[entries] = head[j]
                                    head[j] = Int32(entries)
                                    occupied[j >> 6] |= 1 << UInt64(j & 63)
                                    entries += 1
                                }
                                s = groupEnd
                            }
                        }
                    }
                }
            }
        }
        return chains
    }
}
