/// A half-open range of Unicode code points (scalars) into an article's `body`.
///
/// Every offset copyscan reports is one of these, so a user can cut the passage out of the
/// extracted text with any Unicode-aware tool.
public struct TextRange: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    public init(_ range: Range<Int>) { self.init(start: range.lowerBound, end: range.upperBound) }

    public var length: Int { end - start }
    public var isEmpty: Bool { end <= start }
    public var range: Range<Int> { start..<end }

    public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }
    public func overlaps(_ other: TextRange) -> Bool { start < other.end && other.start < end }

    public static func < (a: TextRange, b: TextRange) -> Bool {
        (a.start, a.end) < (b.start, b.end)
    }

    public var description: String { "\(start)..<\(end)" }
}

extension Array where Element == TextRange {
    /// Sorted, non-overlapping union of the ranges (touching ranges are merged).
    public func merged() -> [TextRange] {
        var out: [TextRange] = []
        for r in self.sorted() where !r.isEmpty {
            if let last = out.last, r.start <= last.end {
                out[out.count - 1].end = Swift.max(last.end, r.end)
            } else {
                out.append(r)
            }
        }
        return out
    }

    /// Number of code points covered by the union of the ranges.
    public var coveredLength: Int { merged().reduce(0) { $0 + $1.length } }
}
