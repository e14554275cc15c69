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

/// The k-permutation minima over consecutive segments of `hashes`: segment `t` is
/// `hashes[bounds[t] ..< bounds[t + 1]]` and its `permutations` minima go to
/// `output[t · permutations ..< (t + 1) · permutations]` (an empty segment gets `UInt32.max`).
///
/// Overlapping windows are unions of such segments, so their signatures follow from these
/// minima with every hash permuted once, not once per window that holds it.
@inline(never)
func kPermutationSegmentKernel(
    hashes: UnsafeBufferPointer<UInt64>,
    bounds: UnsafeBufferPointer<Int>,
    parameters: UnsafeBufferPointer<SIMD8<UInt32>>,
    permutations: Int,
    output: UnsafeMutableBufferPointer<UInt32>
) {
    let blocks = min((permutations + 7) / 8, parameters.count / 3)
    let bytes = UnsafeRawBufferPointer(hashes)
    #if _endian(little)
    let loOffset = 0, hiOffset = 4
    #else
    let loOffset = 4, hiOffset = 0
    #endif
    if permutations <= 4 && blocks >= 1 {
        pairedSegmentMinima(bytes, hashes.count, bounds, parameters, permutations, output, loOffset: loOffset, hiOffset: hiOffset)
        return
    }
    var t = 0
    while t + 1 < bounds.count {
        let from = max(0, bounds[t]), to = min(hashes.count, bounds[t + 1])
        for block in 0..<blocks {
            let p = 3 * block
            let a = parameters[p], b = parameters[p + 1], c = parameters[p + 2]
            var m = SIMD8<UInt32>(repeating: .max)
            var i = from
            while i < to {
                let offset = i &<< 3
                let lo = SIMD8<UInt32>(repeating: bytes.load(fromByteOffset: offset + loOffset, as: UInt32.self))
                let hi = SIMD8<UInt32>(repeating: bytes.load(fromByteOffset: offset + hiOffset, as: UInt32.self))
                m = pointwiseMin(m, a &* lo &+ b &* hi &+ c)
                i += 1
            }
            // Rows are written in order, so lanes past this row's end land in the next row,
            // which is written after; only the buffer's end needs the lane-by-lane store.
            let start = t * permutations + 8 * block
            if start + 8 <= output.count, let base = output.baseAddress {
                UnsafeMutableRawPointer(base + start).storeBytes(of: m, as: SIMD8<UInt32>.self)
            } else {
                for lane in 0..<max(0, min(8, permutations - 8 * block, output.count - start)) { output[start + lane] = m[lane] }
            }
        }
        t += 1
    }
}

/// `kPermutationSegmentKernel` for at most four permutations (window signatures): two hashes
/// per vector — lanes 0–3 permute one, lanes 4–7 the next, under the same permutations — so no
/// lane computes a value that is thrown away; the halves are folded at the end of a segment.
@inline(__always)
private func pairedSegmentMinima(
    _ bytes: UnsafeRawBufferPointer, _ count: Int, _ bounds: UnsafeBufferPointer<Int>,
    _ parameters: UnsafeBufferPointer<SIMD8<UInt32>>, _ permutations: Int,
    _ output: UnsafeMutableBufferPointer<UInt32>, loOffset: Int, hiOffset: Int
) {
    guard let base = bytes.baseAddress else { return }
    let a = SIMD8(lowHalf: parameters[0].lowHalf, highHalf: parameters[0].lowHalf)
    let b = SIMD8(lowHalf: parameters[1].lowHalf, highHalf: parameters[1].lowHalf)
    let c = SIMD8(lowHalf: parameters[2].lowHalf, highHalf: parameters[2].lowHalf)
    let lo = base + loOffset, hi = base + hiOffset
    var t = 0
    while t + 1 < bounds.count {
        let from = max(0, bounds[t]), to = min(count, bounds[t + 1])
        var m = SIMD8<UInt32>(repeating: .max)
        // Byte offsets of the hashes: `at` and `at + 8` are below `to · 8` inside the loop.
        var at = from &<< 3
        let pairsEnd = (to &- 1) &<< 3
        while at < pairsEnd {
            let los = SIMD8(lowHalf: SIMD4(repeating: lo.load(fromByteOffset: at, as: UInt32.self)),
                            highHalf: SIMD4(repeating: lo.load(fromByteOffset: at &+ 8, as: UInt32.self)))
            let his = SIMD8(lowHalf: SIMD4(repeating: hi.load(fromByteOffset: at, as: UInt32.self)),
                            highHalf: SIMD4(repeating: hi.load(fromByteOffset: at &+ 8, as: UInt32.self)))
            m = pointwiseMin(m, a &* los &+ b &* his &+ c)
            at &+= 16
        }
        if at < to &<< 3 {
            // An odd hash out goes to both halves.
            let los = SIMD8<UInt32>(repeating: lo.load(fromByteOffset: at, as: UInt32.self))
            let his = SIMD8<UInt32>(repeating: hi.load(fromByteOffset: at, as: UInt32.self))
            m = pointwiseMin(m, a &* los &+ b &* his &+ c)
        }
        let folded = pointwiseMin(m.lowHalf, m.highHalf)
        let start = t * permutations
        if start + 4 <= output.count, let out = output.baseAddress {
            // Lanes past this row's end land in the next row, which is written after.
            UnsafeMutableRawPointer(out + start).storeBytes(of: folded, as: SIMD4<UInt32>.self)
        } else {
            for lane in 0..<max(0, min(permutations, output.count - start)) { output[start + lane] = folded[lane] }
        }
        t += 1
    }
}
