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
        transposedSegmentMinima(bytes, hashes.count, bounds, parameters, permutations, output)
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

/// `kPermutationSegmentKernel` for at most four permutations (window signatures), transposed:
/// a lane per hash, eight hashes at a time, one vector of minima per permutation, folded at the
/// end of each segment. Two hashes per vector with the permutations across the lanes took
/// twice the instructions: every hash had to be broadcast into its lanes first.
@inline(__always)
private func transposedSegmentMinima(
    _ bytes: UnsafeRawBufferPointer, _ count: Int, _ bounds: UnsafeBufferPointer<Int>,
    _ parameters: UnsafeBufferPointer<SIMD8<UInt32>>, _ permutations: Int,
    _ output: UnsafeMutableBufferPointer<UInt32>
) {
    guard let base = bytes.baseAddress, parameters.count >= 3 else { return }
    let a = parameters[0], b = parameters[1], c = parameters[2]
    let a0 = SIMD8(repeating: a[0]), a1 = SIMD8(repeating: a[1]), a2 = SIMD8(repeating: a[2]), a3 = SIMD8(repeating: a[3])
    let b0 = SIMD8(repeating: b[0]), b1 = SIMD8(repeating: b[1]), b2 = SIMD8(repeating: b[2]), b3 = SIMD8(repeating: b[3])
    let c0 = SIMD8(repeating: c[0]), c1 = SIMD8(repeating: c[1]), c2 = SIMD8(repeating: c[2]), c3 = SIMD8(repeating: c[3])
    let lanes = SIMD8<UInt32>(0, 1, 2, 3, 4, 5, 6, 7)
    var t = 0
    while t + 1 < bounds.count {
        let from = max(0, bounds[t]), to = min(count, bounds[t + 1])
        var m0 = SIMD8<UInt32>(repeating: .max), m1 = m0, m2 = m0, m3 = m0
        @inline(__always)
        func update(_ words: SIMD16<UInt32>, _ pad: SIMD8<UInt32>) {
            // Eight hashes as sixteen 32-bit words: the low halves at even positions (on a
            // little-endian machine).
            #if _endian(little)
            let lo = words.evenHalf, hi = words.oddHalf
            #else
            let lo = words.oddHalf, hi = words.evenHalf
            #endif
            m0 = pointwiseMin(m0, (a0 &* lo &+ b0 &* hi &+ c0) | pad)
            m1 = pointwiseMin(m1, (a1 &* lo &+ b1 &* hi &+ c1) | pad)
            m2 = pointwiseMin(m2, (a2 &* lo &+ b2 &* hi &+ c2) | pad)
            m3 = pointwiseMin(m3, (a3 &* lo &+ b3 &* hi &+ c3) | pad)
        }
        var i = from
        while i &+ 8 <= to {
            update(base.loadUnaligned(fromByteOffset: i &<< 3, as: SIMD16<UInt32>.self), SIMD8(repeating: 0))
            i &+= 8
        }
        if i < to && to &- 8 >= from {
            // The last few hashes of a long segment: the eight that end it, some seen again,
            // which changes no minimum.
            update(base.loadUnaligned(fromByteOffset: (to &- 8) &<< 3, as: SIMD16<UInt32>.self), SIMD8(repeating: 0))
        } else if i < to {
            // A segment of one to seven hashes: lanes past its end become UInt32.max, which
            // lowers no minimum (lane − remaining wraps round, setting the top bit, exactly
            // for the lanes inside). Near the end of the buffer the hashes are read one by one.
            var words = SIMD16<UInt32>(repeating: 0)
            if i &+ 8 <= count {
                words = base.loadUnaligned(fromByteOffset: i &<< 3, as: SIMD16<UInt32>.self)
            } else {
                for j in 0..<(count &- i) {
                    let h = base.loadUnaligned(fromByteOffset: (i &+ j) &<< 3, as: UInt64.self)
                    #if _endian(little)
                    words[2 &* j] = UInt32(truncatingIfNeeded: h)
                    words[2 &* j &+ 1] = UInt32(truncatingIfNeeded: h >> 32)
                    #else
                    words[2 &* j] = UInt32(truncatingIfNeeded: h >> 32)
                    words[2 &* j &+ 1] = UInt32(truncatingIfNeeded: h)
                    #endif
                }
            }
            let remaining = SIMD8<UInt32>(repeating: UInt32(truncatingIfNeeded: to &- i))
            update(words, ((lanes &- remaining) &>> 31) &- 1)
        }
        let folded = SIMD4(m0.min(), m1.min(), m2.min(), m3.min())
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
