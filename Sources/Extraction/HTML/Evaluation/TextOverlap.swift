/// Character-level agreement between an expected main text and an extracted one.
///
/// Both texts are compared as whitespace-free NFKC scalars (layout and spacing do not count).
/// The matched characters are the total size of the matching blocks that Python's
/// `difflib.SequenceMatcher(None, expected, extracted, autojunk=False).get_matching_blocks()`
/// returns: the longest common substring, then recursively the longest ones to its left and
/// right. Recall is matched / expected length, precision is matched / extracted length.
public struct TextOverlap: Sendable, Hashable {
    public var expectedLength: Int
    public var extractedLength: Int
    public var matched: Int

    public var recall: Double { expectedLength == 0 ? 1 : Double(matched) / Double(expectedLength) }
    public var precision: Double { extractedLength == 0 ? (expectedLength == 0 ? 1 : 0) : Double(matched) / Double(extractedLength) }

    public init(expected: String, extracted: String) {
        let a = TextNormalizer.comparable(expected).unicodeScalars.map(\.value)
        let b = TextNormalizer.comparable(extracted).unicodeScalars.map(\.value)
        expectedLength = a.count
        extractedLength = b.count
        matched = TextOverlap.matchingBlocks(a, b).reduce(0) { $0 + $1.size }
    }

    /// difflib's matching blocks without junk heuristics, iteratively.
    static func matchingBlocks(_ a: [UInt32], _ b: [UInt32]) -> [(a: Int, b: Int, size: Int)] {
        var positions: [UInt32: [Int]] = [:]
        for (j, x) in b.enumerated() { positions[x, default: []].append(j) }
        // Row buffers for the longest-suffix lengths, alternating by row parity and stamped
        // with the row that wrote them, so no row ever clears the whole array.
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: 2)
        var stamps = [[Int]](repeating: [Int](repeating: Int.min, count: b.count + 1), count: 2)

        func longestMatch(_ alo: Int, _ ahi: Int, _ blo: Int, _ bhi: Int) -> (Int, Int, Int) {
            var best = (alo, blo, 0)
            for i in alo..<ahi {
                guard let js = positions[a[i]] else { continue }
                let row = i & 1, previous = row ^ 1
                var index = TextOverlap.firstIndex(in: js, atLeast: blo)
                while index < js.count {
                    let j = js[index]
                    index += 1
                    if j >= bhi { break }
                    let k = (j > blo && stamps[previous][j - 1] == i - 1) ? lengths[previous][j - 1] + 1 : 1
                    lengths[row][j] = k
                    stamps[row][j] = i
                    if k > best.2 { best = (i - k + 1, j - k + 1, k) }
                }
            }
            // Stamps carry over between calls; invalidate this call's rows.
            for i in alo..<ahi { if let js = positions[a[i]] { for j in js where j >= blo && j < bhi { stamps[i & 1][j] = Int.min } } }
            return best
        }

        var blocks: [(a: Int, b: Int, size: Int)] = []
        var queue = [(0, a.count, 0, b.count)]
        while let (alo, ahi, blo, bhi) = queue.popLast() {
            guard alo < ahi, blo < bhi else { continue }
            let (i, j, k) = longestMatch(alo, ahi, blo, bhi)
            guard k > 0 else { continue }
            blocks.append((i, j, k))
            queue.append((alo, i, blo, j))
            queue.append((i + k, ahi, j + k, bhi))
        }
        return blocks.sorted { $0.a < $1.a }
    }

    /// Binary search in an ascending array.
    static func firstIndex(in sorted: [Int], atLeast value: Int) -> Int {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
