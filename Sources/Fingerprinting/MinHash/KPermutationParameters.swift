/// The multipliers and offsets of the k-permutation family `a·lo + b·hi + c (mod 2³²)`, laid
/// out for the SIMD kernel: `a`, `b`, `c` for each block of eight permutations.
struct KPermutationParameters: Sendable {
    let permutations: Int
    let blocks: [SIMD8<UInt32>]

    init(permutations: Int, seed: UInt64) {
        self.permutations = permutations
        let lanes = (permutations + 7) / 8 * 8
        var state = seed
        var a = [UInt32](), b = [UInt32](), c = [UInt32]()
        a.reserveCapacity(lanes); b.reserveCapacity(lanes); c.reserveCapacity(lanes)
        for _ in 0..<lanes {
            // Odd multipliers make each half a bijection of its 32-bit input; the padding
            // lanes get parameters too so the kernel never reads uninitialised memory.
            let x = splitMix64(&state), y = splitMix64(&state)
            a.append(UInt32(truncatingIfNeeded: x) | 1)
            b.append(UInt32(truncatingIfNeeded: x >> 32) | 1)
            c.append(UInt32(truncatingIfNeeded: y))
        }
        var blocks = [SIMD8<UInt32>]()
        blocks.reserveCapacity(3 * lanes / 8)
        for start in stride(from: 0, to: lanes, by: 8) {
            for values in [a, b, c] {
                blocks.append(SIMD8(values[start..<start + 8]))
            }
        }
        self.blocks = blocks
    }

    /// Permutation `i`'s `(a, b, c)`.
    func scalar(_ i: Int) -> (UInt32, UInt32, UInt32) {
        let block = 3 * (i / 8), lane = i % 8
        return (blocks[block][lane], blocks[block + 1][lane], blocks[block + 2][lane])
    }
}
