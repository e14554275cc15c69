/// Sorting a fingerprint's keys, each once.
public enum KeySort {
    /// Sorts `keys` in place, moves each distinct key to the front once, and returns how many
    /// distinct keys there are.
    ///
    /// Keys are hash values, so their top bits spread them evenly: one counting pass on the top
    /// six bits leaves buckets of a key or two, which an insertion sort finishes with few
    /// moves. On the hundred-odd window keys of an article this cost a fifth of the standard
    /// library's sort, whose generic merge steps dominated.
    public static func sortUnique(_ buffer: UnsafeMutableBufferPointer<UInt64>) -> Int {
        var keys = buffer
        let n = keys.count
        if n > 1_024 {
            // Buckets would hold dozens of keys each: insertion sort would grow quadratic.
            keys.sort()
        } else if n > 1 {
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: n) { bucketed in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: 65) { next in
                    next.initialize(repeating: 0)
                    for key in keys { next[Int(truncatingIfNeeded: key >> 58) &+ 1] &+= 1 }
                    for b in 1..<65 { next[b] &+= next[b &- 1] }
                    for key in keys {
                        let b = Int(truncatingIfNeeded: key >> 58)
                        bucketed[next[b]] = key
                        next[b] &+= 1
                    }
                }
                for i in 0..<n {
                    let key = bucketed[i]
                    var j = i
                    while j > 0 && keys[j &- 1] > key {
                        keys[j] = keys[j &- 1]
                        j &-= 1
                    }
                    keys[j] = key
                }
            }
        }
        // Repeats are moved over without a branch: whether a window's key repeats its
        // neighbour's is a coin toss the processor would mispredict half the time. Slot `unique`
        // is written before it is known to be kept; it is at most `i`, so no key is lost.
        guard n > 0 else { return 0 }
        var unique = 1
        for i in 1..<n {
            let key = keys[i]
            keys[unique] = key
            unique &+= Int(bit: key != keys[unique &- 1])
        }
        return unique
    }
}

