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

/// Every hash under every permutation, a row per permutation: `values[p · n + i]` is
/// a_p·lo(h_i) + b_p·hi(h_i) + c_p for n = `hashes.count`, and p below `permutations` rounded
/// up to a multiple of four (`values` holds that many rows; the padding rows come from the
/// parameters' padding lanes and are never read).
///
/// Overlapping windows then take their minima from these rows (`kPermutationWindowMinimaKernel`):
/// each hash is permuted once, whatever the number of windows holding it. Eight hashes a step,
/// a lane per hash: with the permutations across the lanes instead, every hash had to be
/// broadcast into its lanes first, which took twice the instructions.
@inline(never)
func kPermutationValuesKernel(
    hashes: UnsafeBufferPointer<UInt64>,
    parameters: UnsafeBufferPointer<SIMD8<UInt32>>,
    permutations: Int,
    values: UnsafeMutableBufferPointer<UInt32>
) {
    let n = hashes.count
    let groups = (permutations + 3) / 4
    guard let source = hashes.baseAddress.map(UnsafeRawPointer.init), let out = values.baseAddress,
          values.count >= groups * 4 * n, parameters.count >= 3 * ((groups + 1) / 2) else { return }
    for group in 0..<groups {
        // Four permutations: lanes 0–3 or 4–7 of a block of eight.
        let block = 3 * (group / 2), lane = 4 * (group % 2)
        let a = parameters[block], b = parameters[block + 1], c = parameters[block + 2]
        let a0 = SIMD8(repeating: a[lane]), a1 = SIMD8(repeating: a[lane + 1])
        let a2 = SIMD8(repeating: a[lane + 2]), a3 = SIMD8(repeating: a[lane + 3])
        let b0 = SIMD8(repeating: b[lane]), b1 = SIMD8(repeating: b[lane + 1])
        let b2 = SIMD8(repeating: b[lane + 2]), b3 = SIMD8(repeating: b[lane + 3])
        let c0 = SIMD8(repeating: c[lane]), c1 = SIMD8(repeating: c[lane + 1])
        let c2 = SIMD8(repeating: c[lane + 2]), c3 = SIMD8(repeating: c[lane + 3])
        let row0 = UnsafeMutableRawPointer(out + 4 * group * n)
        let row1 = row0 + 4 * n, row2 = row1 + 4 * n, row3 = row2 + 4 * n
        var i = 0
        while i &+ 8 <= n {
            // Eight hashes as sixteen 32-bit words: the low halves at even positions (on a
            // little-endian machine).
            let words = source.loadUnaligned(fromByteOffset: i &<< 3, as: SIMD16<UInt32>.self)
            #if _endian(little)
            let lo = words.evenHalf, hi = words.oddHalf
            #else
            let lo = words.oddHalf, hi = words.evenHalf
            #endif
            let offset = i &<< 2
            row0.storeBytes(of: a0 &* lo &+ b0 &* hi &+ c0, toByteOffset: offset, as: SIMD8<UInt32>.self)
            row1.storeBytes(of: a1 &* lo &+ b1 &* hi &+ c1, toByteOffset: offset, as: SIMD8<UInt32>.self)
            row2.storeBytes(of: a2 &* lo &+ b2 &* hi &+ c2, toByteOffset: offset, as: SIMD8<UInt32>.self)
            row3.storeBytes(of: a3 &* lo &+ b3 &* hi &+ c3, toByteOffset: offset, as: SIMD8<UInt32>.self)
            i &+= 8
        }
        while i < n {
            let h = source.loadUnaligned(fromByteOffset: i &<< 3, as: UInt64.self)
            let lo = UInt32(truncatingIfNeeded: h), hi = UInt32(truncatingIfNeeded: h >> 32)
            for r in 0..<4 {
                (row0 + r &* 4 &* n).storeBytes(of: a[lane + r] &* lo &+ b[lane + r] &* hi &+ c[lane + r], toByteOffset: i &<< 2, as: UInt32.self)
            }
            i &+= 1
        }
    }
}

/// The minimum of each permutation's row of `values` (from `kPermutationValuesKernel`, `count`
/// values a row, rows rounded up to a multiple of four) over each window:
/// `output[w · permutations + p]`, UInt32.max for an empty window. Windows are clamped to the
/// rows; windows that do not fit in `output` are left out. Four rows are read side by side, so
/// a window's range is walked once for four permutations and the four minima are folded
/// together.
@inline(never)
func kPermutationWindowMinimaKernel(
    values: UnsafeBufferPointer<UInt32>,
    count n: Int,
    permutations: Int,
    windows: UnsafeBufferPointer<Range<Int>>,
    output: UnsafeMutableBufferPointer<UInt32>
) {
    let groups = (permutations + 3) / 4
    guard let rows = values.baseAddress, let out = output.baseAddress, permutations > 0,
          values.count >= groups * 4 * n else { return }
    for w in 0..<min(windows.count, output.count / permutations) {
        let lower = max(0, windows[w].lowerBound), upper = min(n, windows[w].upperBound)
        for group in 0..<groups {
            let row0 = UnsafeRawPointer(rows + 4 &* group &* n)
            let row1 = row0 + 4 &* n, row2 = row1 + 4 &* n, row3 = row2 + 4 &* n
            var m0 = SIMD8<UInt32>(repeating: .max), m1 = m0, m2 = m0, m3 = m0
            @inline(__always)
            func take(_ at: Int) {
                let offset = at &<< 2
                m0 = pointwiseMin(m0, row0.loadUnaligned(fromByteOffset: offset, as: SIMD8<UInt32>.self))
                m1 = pointwiseMin(m1, row1.loadUnaligned(fromByteOffset: offset, as: SIMD8<UInt32>.self))
                m2 = pointwiseMin(m2, row2.loadUnaligned(fromByteOffset: offset, as: SIMD8<UInt32>.self))
                m3 = pointwiseMin(m3, row3.loadUnaligned(fromByteOffset: offset, as: SIMD8<UInt32>.self))
            }
            var i = lower
            while i &+ 8 <= upper {
                take(i)
                i &+= 8
            }
            if i < upper && upper &- lower >= 8 {
                // The eight values that end the window, some seen again: no minimum changes.
                take(upper &- 8)
                i = upper
            }
            // Fold eight lanes of four vectors into one vector of four minima.
            let a = pointwiseMin(m0.lowHalf, m0.highHalf), b = pointwiseMin(m1.lowHalf, m1.highHalf)
            let c = pointwiseMin(m2.lowHalf, m2.highHalf), d = pointwiseMin(m3.lowHalf, m3.highHalf)
            let e = pointwiseMin(SIMD4(lowHalf: a.lowHalf, highHalf: b.lowHalf), SIMD4(lowHalf: a.highHalf, highHalf: b.highHalf))
            let f = pointwiseMin(SIMD4(lowHalf: c.lowHalf, highHalf: d.lowHalf), SIMD4(lowHalf: c.highHalf, highHalf: d.highHalf))
            let ef = SIMD8(lowHalf: e, highHalf: f)
            var minima = pointwiseMin(ef.evenHalf, ef.oddHalf)
            // A window shorter than eight values: one by one.
            while i < upper {
                let offset = i &<< 2
                minima = pointwiseMin(minima, SIMD4(row0.load(fromByteOffset: offset, as: UInt32.self), row1.load(fromByteOffset: offset, as: UInt32.self),
                                                    row2.load(fromByteOffset: offset, as: UInt32.self), row3.load(fromByteOffset: offset, as: UInt32.self)))
                i &+= 1
            }
            let first = w &* permutations &+ 4 &* group
            for r in 0..<min(4, permutations &- 4 &* group) { out[first &+ r] = minima[r] }
        }
    }
}
