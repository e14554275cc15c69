/// Text reduced to what counts for similarity, with a map back to the original.
///
/// `scalars` holds the kept code points (letters and digits after NFKC and lower-casing; no
/// whitespace, punctuation, symbols or excluded boilerplate), and `origins[i]` is the code point
/// offset in the original text that `scalars[i]` came from.
public struct NormalizedText: Sendable, Hashable {
    public var scalars: [UInt32]
    public var origins: [Int32]
    /// Code points in the original text.
    public var originalLength: Int

    public init(scalars: [UInt32] = [], origins: [Int32] = [], originalLength: Int = 0) {
        self.scalars = scalars
        self.origins = origins
        self.originalLength = originalLength
    }

    public var count: Int { scalars.count }
    public var isEmpty: Bool { scalars.isEmpty }

    /// The original code point range covered by normalized positions `range` (which must lie
    /// within `0...count`): from the first kept scalar's origin to just past the last's.
    public func originalRange(of range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty, range.lowerBound >= 0, range.upperBound <= origins.count else {
            let at = range.lowerBound < origins.count && range.lowerBound >= 0
                ? Int(origins[range.lowerBound]) : originalLength
            return at..<at
        }
        return Int(origins[range.lowerBound])..<(Int(origins[range.upperBound - 1]) + 1)
    }

    /// The kept text as a string (for tests and debugging).
    public var string: String {
        var s = String.UnicodeScalarView()
        for v in scalars { if let u = Unicode.Scalar(v) { s.append(u) } }
        return String(s)
    }
}
