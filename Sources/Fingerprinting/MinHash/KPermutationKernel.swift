// This one file is compiled twice: into `Fingerprinting` for the build's baseline CPU (SSE2 on
// x86-64) and, through a symbolic link, into `MinHashAVX2` for x86-64-v3. Keep it free of
// anything public so the two copies never clash, and keep it free of generics so each copy is
// fully specialised in its own module with its own target flags.

/// The k-permutation MinHash hot loop.
///
/// Permutation `i` maps a 64-bit hash `h` to `a·lo + b·hi + c (mod 2³²)` with `lo`, `hi` the
/// halves of `h`: two 32-bit multiplies, which AVX2 does eight lanes at a time (`vpmulld`),
/// and an unsigned 32-bit minimum (`vpminud`). Every lane is exact integer arithmetic, so the
/// result is bit-identical to `ScalarKPermutation` whatever instructions the compiler picks.
///
/// `parameters` holds `a`, `b`, `c` for each block of eight permutations, in that order.
/// Lanes past `output.count` in the last block are computed and dropped. The loop runs two
/// blocks per pass over the hashes so the two broadcasts of `lo` and `hi` serve sixteen lanes.
@inline(never)
func kPermutationKernel(
    hashes: UnsafeBufferPointer<UInt64>,
    parameters: UnsafeBufferPointer<SIMD8<UInt32>>,
    output: UnsafeMutableBufferPointer<UInt32>
) {
    let blocks = min((output.count + 7) / 8, parameters.count / 3)
    // Read each hash as two 32-bit words so the compiler broadcasts them straight from
    // memory (`vpbroadcastd m32`, a load) instead of moving them through general registers:
    // measured 5% faster on AVX2, where the loop is bound by the multiplier ports.
    let bytes = UnsafeRawBufferPointer(hashes)
    #if _endian(little)
    let loOffset = 0, hiOffset = 4
    #else
    let loOffset = 4, hiOffset = 0
    #endif
    var block = 0
    while block + 2 <= blocks {
        let p = 3 * block
        let a0 = parameters[p], b0 = parameters[p + 1], c0 = parameters[p + 2]
        let a1 = parameters[p + 3], b1 = parameters[p + 4], c1 = parameters[p + 5]
        var m0 = SIMD8<UInt32>(repeating: .max)
        var m1 = SIMD8<UInt32>(repeating: .max)
        for i in 0..<hashes.count {
            let offset = i &<< 3
            let lo = SIMD8<UInt32>(repeating: bytes.load(fromByteOffset: offset + loOffset, as: UInt32.self))
            let hi = SIMD8<UInt32>(repeating: bytes.load(fromByteOffset: offset + hiOffset, as: UInt32.self))
            m0 = pointwiseMin(m0, a0 &* lo &+ b0 &* hi &+ c0)
            m1 = pointwiseMin(m1, a1 &* lo &+ b1 &* hi &+ c1)
        }
        storeBlock(m0, block, output)
        storeBlock(m1, block + 1, output)
        block += 2
    }
    if block < blocks {
        let p = 3 * block
        let a0 = parameters[p], b0 = parameters[p + 1], c0 = parameters[p + 2]
        var m0 = SIMD8<UInt32>(repeating: .max)
        for i in 0..<hashes.count {
            let offset = i &<< 3
            let lo = SIMD8<UInt32>(repeating: bytes.load(fromByteOffset: offset + loOffset, as: UInt32.self))
            let hi = SIMD8<UInt32>(repeating: bytes.load(fromByteOffset: offset + hiOffset, as: UInt32.self))
            m0 = pointwiseMin(m0, a0 &* lo &+ b0 &* hi &+ c0)
        }
        storeBlock(m0, block, output)
    }
}

@inline(__always)
private func storeBlock(_ m: SIMD8<UInt32>, _ block: Int, _ output: UnsafeMutableBufferPointer<UInt32>) {
    let start = 8 * block
    if start + 8 <= output.count, let base = output.baseAddress {
        // Unaligned store: the caller's buffer is only UInt32-aligned.
        UnsafeMutableRawPointer(base + start).storeBytes(of: m, as: SIMD8<UInt32>.self)
    } else {
        for lane in 0..<max(0, min(8, output.count - start)) { output[start + lane] = m[lane] }
    }
}

/// The signatures of `windows` of `hashes`: `output[w · permutations + p]` is the minimum of
/// permutation p over window w, UInt32.max for an empty window. Windows are clamped to the
/// hashes and may come in any order, overlap or nest; windows that do not fit in `output` are
/// left out.
///
/// The windows' bounds cut the hashes into segments. Each hash is permuted once, eight
/// permutations a vector, into its segment's minimum, and a window's signature is the
/// minimum over its segments — a handful a window. Overlapping windows (the index's: 96
/// hashes every 50) thus share the work without a row of values per permutation written
/// and read back, which was the previous design's and took 1.13× the instructions (callgrind:
/// 21.6 k against 19.2 k an article).
@inline(never)
func kPermutationWindowSignaturesKernel(
    hashes: UnsafeBufferPointer<UInt64>,
    parameters: UnsafeBufferPointer<SIMD8<UInt32>>,
    permutations: Int,
    windows: UnsafeBufferPointer<Range<Int>>,
    output: UnsafeMutableBufferPointer<UInt32>
) {
    let n = hashes.count
    let blocks = (permutations + 7) / 8
    let count = min(windows.count, output.count / max(1, permutations))
    guard count > 0, permutations > 0, parameters.count >= 3 * blocks, let out = output.baseAddress else { return }
    @inline(__always)
    func clamped(_ w: Range<Int>) -> Range<Int> {
        let lower = min(max(0, w.lowerBound), n)
        return lower..<min(max(lower, w.upperBound), n)
    }
    withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 &* count &+ 1) { cuts in
        guard let cut = cuts.baseAddress else { return }
        // Every bound, sorted (insertion sort: the windows come nearly sorted) and unique.
        var cutCount = 0
        @inline(__always)
        func insert(_ x: Int) {
            var j = cutCount
            while j > 0 && cut[j &- 1] > x { j &-= 1 }
            if j > 0 && cut[j &- 1] == x { return }
            var t = cutCount
            while t > j {
                cut[t] = cut[t &- 1]
                t &-= 1
            }
            cut[j] = x
            cutCount &+= 1
        }
        for w in 0..<count {
            let window = clamped(windows[w])
            insert(window.lowerBound)
            insert(window.upperBound)
        }
        let segments = max(0, cutCount &- 1)
        withUnsafeTemporaryAllocation(of: SIMD8<UInt32>.self, capacity: max(1, segments &* blocks)) { minima in
            guard let segmentMinima = minima.baseAddress else { return }
            let bytes = UnsafeRawBufferPointer(hashes)
            #if _endian(little)
            let loOffset = 0, hiOffset = 4
            #else
            let loOffset = 4, hiOffset = 0
            #endif
            for block in 0..<blocks {
                let a = parameters[3 &* block], b = parameters[3 &* block &+ 1], c = parameters[3 &* block &+ 2]
                @inline(__always)
                func permuted(_ i: Int) -> SIMD8<UInt32> {
                    // Broadcast straight from memory, as in `kPermutationKernel`.
                    let lo = SIMD8<UInt32>(repeating: bytes.load(fromByteOffset: i &<< 3 &+ loOffset, as: UInt32.self))
                    let hi = SIMD8<UInt32>(repeating: bytes.load(fromByteOffset: i &<< 3 &+ hiOffset, as: UInt32.self))
                    return a &* lo &+ b &* hi &+ c
                }
                for j in 0..<segments {
                    // Two minima side by side: the loop is bound by the latency of one.
                    var m0 = SIMD8<UInt32>(repeating: .max), m1 = m0
                    var i = cut[j]
                    let end = cut[j &+ 1]
                    while i &+ 2 <= end {
                        m0 = pointwiseMin(m0, permuted(i))
                        m1 = pointwiseMin(m1, permuted(i &+ 1))
                        i &+= 2
                    }
                    if i < end { m0 = pointwiseMin(m0, permuted(i)) }
                    segmentMinima[j &* blocks &+ block] = pointwiseMin(m0, m1)
                }
            }
            for w in 0..<count {
                let window = clamped(windows[w])
                // The segment that starts at the window's start.
                var lo = 0, hi = cutCount
                while lo < hi {
                    let mid = (lo &+ hi) >> 1
                    if cut[mid] < window.lowerBound { lo = mid &+ 1 } else { hi = mid }
                }
                for block in 0..<blocks {
                    var m = SIMD8<UInt32>(repeating: .max)
                    var j = lo
                    while j < segments && cut[j] < window.upperBound {
                        m = pointwiseMin(m, segmentMinima[j &* blocks &+ block])
                        j &+= 1
                    }
                    let first = w &* permutations &+ 8 &* block
                    for lane in 0..<min(8, permutations &- 8 &* block) { out[first &+ lane] = m[lane] }
                }
            }
        }
    }
}
