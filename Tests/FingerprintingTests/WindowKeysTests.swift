import Testing
@testable import Fingerprinting

/// Window signatures come from minima over rows of permuted values, and window keys
/// are sorted in one array: both must give exactly what one signature per window and a set of
/// keys gave.
@Suite("Window signatures and keys against one signature per window")
struct WindowKeysTests {
    static func randomHashes(_ count: Int, seed: UInt64) -> [UInt64] {
        var state = seed
        return (0..<count).map { _ in splitMix64(&state) }
    }

    /// The window keys as they were computed before (a signature per window, keys in a set).
    /// Every window's band keys, window after window, as the fingerprinter defines windows.
    static func referenceKeysInOrder(_ shingles: [UInt64], length: Int, stride: Int, hasher: MinHasher, banding: LSHBanding, salt: UInt64) -> [UInt64] {
        var keys: [UInt64] = []
        shingles.withUnsafeBufferPointer { all in
            var start = 0
            while true {
                let end = min(all.count, start + length)
                let sig = hasher.signature(UnsafeBufferPointer(rebasing: all[start..<end]))
                keys += banding.keys(sig, salt: salt)
                if end >= all.count { break }
                start += max(1, stride)
                if start + length > all.count { start = max(0, all.count - length) }
            }
        }
        return keys
    }

    static func referenceKeys(_ shingles: [UInt64], length: Int, stride: Int, hasher: MinHasher, banding: LSHBanding, salt: UInt64) -> [UInt64] {
        Set(referenceKeysInOrder(shingles, length: length, stride: stride, hasher: hasher, banding: banding, salt: salt)).sorted()
    }

    @Test("window signatures from the minima of the stretches between window bounds are each window's own signature, in every kernel",
          arguments: [1, 3, 4, 8, 9, 16, 20])
    func windowSignatures(permutations: Int) {
        let hasher = MinHasher(permutations: permutations, seed: 0xb00 + UInt64(permutations), scheme: .kPermutations)
        var state: UInt64 = 99
        for count in [0, 1, 5, 95, 96, 97, 150, 1_300] {
            let hashes = Self.randomHashes(count, seed: UInt64(count) &+ 7)
            var windowSets: [[Range<Int>]] = [
                Fingerprinter.windows(count: count, length: 96, stride: 50),
                Fingerprinter.windows(count: count, length: 96, stride: 25),
                Fingerprinter.windows(count: count, length: 10, stride: 1),
                Fingerprinter.windows(count: count, length: 7, stride: 9),   // gaps between windows
            ]
            // Arbitrary windows: unordered, overlapping, nested, empty, out of bounds.
            windowSets.append((0..<12).map { _ in
                let a = Int(splitMix64(&state) % UInt64(count + 20)) - 10
                return a..<(a + Int(splitMix64(&state) % 120))
            })
            for windows in windowSets {
                let reference = windows.map { w -> [UInt32] in
                    let lower = min(max(0, w.lowerBound), count)
                    return hashes.withUnsafeBufferPointer {
                        hasher.signature(UnsafeBufferPointer(rebasing: $0[lower..<min(max(lower, w.upperBound), count)]))
                    }
                }
                for kernel in MinHashKernel.allCases where kernel.isSupported {
                    var flat = [UInt32](repeating: 0, count: windows.count * permutations)
                    flat.withUnsafeMutableBufferPointer { out in
                        hashes.withUnsafeBufferPointer { hasher.signatures(ofWindows: windows, in: $0, into: out, kernel: kernel) }
                    }
                    let rows = (0..<windows.count).map { Array(flat[$0 * permutations ..< ($0 + 1) * permutations]) }
                    #expect(rows == reference, "kernel \(kernel.rawValue), \(count) hashes, k = \(permutations), windows \(windows.prefix(4))…")
                }
            }
        }
    }

    @Test("an output too short for every window takes whole windows only")
    func shortOutput() {
        let hasher = MinHasher(permutations: 4, seed: 1, scheme: .kPermutations)
        let hashes = Self.randomHashes(200, seed: 3)
        let windows = Fingerprinter.windows(count: 200, length: 96, stride: 50)
        var out = [UInt32](repeating: 7, count: 4 * 2 + 3)
        out.withUnsafeMutableBufferPointer { o in hashes.withUnsafeBufferPointer { hasher.signatures(ofWindows: windows, in: $0, into: o) } }
        let first = hashes.withUnsafeBufferPointer { hasher.signature(UnsafeBufferPointer(rebasing: $0[0..<96])) }
        #expect(Array(out[0..<4]) == first)
        #expect(out[8...].allSatisfy { $0 == 7 })
    }

    @Test("window keys: sorted, unique and equal to a set of per-window keys; in order, every window's bands in turn",
          arguments: [(4, 1), (4, 2), (8, 2), (6, 3), (1, 1)])
    func windowKeys(permutations: Int, rows: Int) {
        let hasher = MinHasher(permutations: permutations, seed: 0x77, scheme: .kPermutations)
        let banding = LSHBanding(bands: max(1, permutations / rows), rows: rows)
        for count in [0, 1, 4, 96, 97, 146, 1_290] {
            // Repeated stretches give repeated keys to drop.
            let base = Self.randomHashes(max(1, count / 3), seed: UInt64(count))
            let shingles = (0..<count).map { base[$0 % base.count] }
            for stride in [1, 25, 50, 96, 200] {
                let windows = Fingerprinter.windows(count: count, length: 96, stride: stride)
                let keys = shingles.withUnsafeBufferPointer {
                    Fingerprinter.windowKeys($0, windows: windows, hasher: hasher, banding: banding, salt: 0x31, keepOrder: true)
                }
                let reference = Self.referenceKeys(shingles, length: 96, stride: stride, hasher: hasher, banding: banding, salt: 0x31)
                #expect(keys.distinct == reference, "\(count) shingles, stride \(stride), \(banding.bands)×\(banding.rows)")
                #expect(keys.inOrder == Self.referenceKeysInOrder(shingles, length: 96, stride: stride, hasher: hasher, banding: banding, salt: 0x31))
                let unordered = shingles.withUnsafeBufferPointer {
                    Fingerprinter.windowKeys($0, windows: windows, hasher: hasher, banding: banding, salt: 0x31)
                }
                #expect(unordered.distinct == keys.distinct && unordered.inOrder.isEmpty)
            }
        }
    }

    @Test("the fingerprinter's windows start every stride and the last one ends at the end")
    func windowLayout() {
        #expect(Fingerprinter.windows(count: 0, length: 96, stride: 50) == [0..<0])
        #expect(Fingerprinter.windows(count: 50, length: 96, stride: 50) == [0..<50])
        #expect(Fingerprinter.windows(count: 100, length: 96, stride: 50) == [0..<96, 4..<100])
        #expect(Fingerprinter.windows(count: 250, length: 96, stride: 50) == [0..<96, 50..<146, 100..<196, 150..<246, 154..<250])
    }
}

@Suite("Key sorting")
struct KeySortTests {
    @Test("sorted and unique as the standard library's sort, for every size and spread of keys")
    func matchesStandardSort() {
        var state: UInt64 = 0x5047
        for n in [0, 1, 2, 3, 50, 104, 129, 700, 1_024, 1_025, 5_000] {
            for spread in 0..<4 {
                let keys: [UInt64] = (0..<n).map { i in
                    let r = splitMix64(&state)
                    switch spread {
                    case 0: return r                                  // hash values
                    case 1: return (r >> 57) << 57                     // one bucket per top-7-bit value, many repeats
                    case 2: return r & 0xff                           // every key in bucket 0
                    default: return UInt64(n - i) | ((r & 1) << 63)    // descending, two buckets
                    }
                }
                var sorted = keys
                let unique = sorted.withUnsafeMutableBufferPointer { KeySort.sortUnique($0) }
                var expected: [UInt64] = []
                for k in keys.sorted() where expected.last != k { expected.append(k) }
                #expect(Array(sorted[..<unique]) == expected, "\(n) keys, spread \(spread)")
            }
        }
    }
}
