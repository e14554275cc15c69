/// Which characters of two aligned passages are identical, so an evidence report can highlight
/// exactly the copied text on both sides and leave the edits (a changed particle, a dropped
/// word) unmarked.
///
/// A Myers diff over code points, bounded by `maxEdits`: aligned passages are near-identical,
/// so the bound is rarely met; when it is, both passages are shown as one shared block.
enum PassageDiff {
    struct Segment: Hashable {
        var text: String
        /// True when the text is identical in both passages.
        var shared: Bool
    }

    struct Result: Hashable {
        var suspect: [Segment]
        var source: [Segment]
        /// Code points of the suspect passage that are identical in the source.
        var sharedCount: Int
        /// False when the diff gave up and everything is marked shared.
        var exact: Bool
    }

    private enum Op {
        case equal(Unicode.Scalar)
        case delete(Unicode.Scalar)
        case insert(Unicode.Scalar)
        /// Identical, but too short a run between edits to be worth a highlight.
        case incidental(Unicode.Scalar)
    }

    /// Shared runs shorter than this between two edits are noise, not copying.
    static let minimumSharedRun = 3

    static func compare(suspect: String, source: String, maxEdits: Int = 400) -> Result {
        let a = Array(suspect.unicodeScalars)
        let b = Array(source.unicodeScalars)
        guard let ops = diff(a, b, maxEdits: maxEdits) else {
            return Result(suspect: [Segment(text: suspect, shared: true)], source: [Segment(text: source, shared: true)],
                          sharedCount: a.count, exact: false)
        }
        let cleaned = demoteShortRuns(ops)
        var left: [(Unicode.Scalar, Bool)] = []
        var right: [(Unicode.Scalar, Bool)] = []
        for op in cleaned {
            switch op {
            case .equal(let s): left.append((s, true)); right.append((s, true))
            case .incidental(let s): left.append((s, false)); right.append((s, false))
            case .delete(let s): left.append((s, false))
            case .insert(let s): right.append((s, false))
            }
        }
        return Result(suspect: group(left), source: group(right), sharedCount: left.filter(\.1).count, exact: true)
    }

    private static func group(_ marked: [(Unicode.Scalar, Bool)]) -> [Segment] {
        var out: [Segment] = []
        for (scalar, shared) in marked {
            if let last = out.last, last.shared == shared {
                out[out.count - 1].text.unicodeScalars.append(scalar)
            } else {
                var text = ""
                text.unicodeScalars.append(scalar)
                out.append(Segment(text: text, shared: shared))
            }
        }
        return out
    }

    private static func demoteShortRuns(_ ops: [Op]) -> [Op] {
        var out = ops
        var i = 0
        while i < out.count {
            guard case .equal = out[i] else { i += 1; continue }
            var j = i
            while j < out.count, case .equal = out[j] { j += 1 }
            if i > 0, j < out.count, j - i < minimumSharedRun {
                for k in i..<j { if case .equal(let s) = out[k] { out[k] = .incidental(s) } }
            }
            i = j
        }
        return out
    }

    /// The edit script from `a` to `b`, or nil when it needs more than `maxEdits` edits.
    private static func diff(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], maxEdits: Int) -> [Op]? {
        let n = a.count
        let m = b.count
        let maxD = min(n + m, max(0, maxEdits))
        let offset = maxD + 1
        var v = [Int](repeating: 0, count: 2 * maxD + 3)
        var trace: [[Int]] = []
        for d in 0...maxD {
            trace.append(v)
            var k = -d
            while k <= d {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = x
                if x >= n, y >= m { return backtrack(a, b, trace: trace, offset: offset) }
                k += 2
            }
        }
        return nil
    }

    private static func backtrack(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], trace: [[Int]], offset: Int) -> [Op] {
        var x = a.count
        var y = b.count
        var reversed: [Op] = []
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let prevK = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1
            let prevX = v[offset + prevK]
            let prevY = prevX - prevK
            while x > prevX, y > prevY, x > 0, y > 0 {
                reversed.append(.equal(a[x - 1]))
                x -= 1
                y -= 1
            }
            guard d > 0 else { break }
            if x == prevX, y > 0 {
                reversed.append(.insert(b[y - 1]))
            } else if x > 0 {
                reversed.append(.delete(a[x - 1]))
            }
            x = prevX
            y = prevY
        }
        return reversed.reversed()
    }
}
