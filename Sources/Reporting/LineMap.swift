/// A region of a file in 1-based lines and columns of Unicode code points; the end is exclusive
/// (the position just after the last character), as SARIF defines `endColumn`.
public struct SourceRegion: Sendable, Hashable {
    public var startLine: Int
    public var startColumn: Int
    public var endLine: Int
    public var endColumn: Int

    public init(startLine: Int, startColumn: Int, endLine: Int, endColumn: Int) {
        self.startLine = startLine
        self.startColumn = startColumn
        self.endLine = endLine
        self.endColumn = endColumn
    }
}

/// Turns code point offsets into an article's body into lines and columns of the file the body
/// was read from.
///
/// The report's offsets count from the start of the body, which may begin after front matter,
/// so the map knows where the body starts in the file. A line ends at LF, CR LF or a lone CR.
public struct LineMap: Sendable {
    /// The file's text as code points.
    let scalars: [Unicode.Scalar]
    /// Offset of each line's first code point.
    let lineStarts: [Int]
    /// Where the body begins in the file, in code points.
    public let bodyStart: Int

    public init(fileText: String, bodyStart: Int = 0) {
        scalars = Array(fileText.unicodeScalars)
        var starts = [0]
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" {
                i += 2
                starts.append(i)
            } else if s == "\n" || s == "\r" {
                i += 1
                starts.append(i)
            } else {
                i += 1
            }
        }
        lineStarts = starts
        self.bodyStart = max(0, min(bodyStart, scalars.count))
    }

    /// 1-based line and column of a code point offset into the file.
    public func position(ofFileOffset offset: Int) -> (line: Int, column: Int) {
        let o = max(0, min(offset, scalars.count))
        // The last line start at or before `o`.
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= o { lo = mid } else { hi = mid - 1 }
        }
        return (lo + 1, o - lineStarts[lo] + 1)
    }

    /// The 1-based line on which the body starts.
    public var bodyLine: Int { position(ofFileOffset: bodyStart).line }

    /// The region of body offsets `start..<end`, checked against the text the report quotes.
    ///
    /// When the file at those offsets is not `expected` (the file changed since the scan, or its
    /// body was not where the map assumed), the first occurrence of `expected` in the body is
    /// used instead; nil when the text is not in the file at all, so no report ever points at
    /// the wrong words.
    public func region(bodyStart start: Int, end: Int, expected: String) -> SourceRegion? {
        let want = Array(expected.unicodeScalars)
        guard !want.isEmpty else { return nil }
        var from = bodyStart + start
        if !matches(want, at: from) {
            guard let found = firstOccurrence(of: want) else { return nil }
            from = found
        }
        let a = position(ofFileOffset: from)
        let b = position(ofFileOffset: from + want.count)
        return SourceRegion(startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column)
    }

    private func matches(_ want: [Unicode.Scalar], at offset: Int) -> Bool {
        guard offset >= 0, offset + want.count <= scalars.count else { return false }
        for (i, s) in want.enumerated() where scalars[offset + i] != s { return false }
        return true
    }

    private func firstOccurrence(of want: [Unicode.Scalar]) -> Int? {
        guard let first = want.first, scalars.count >= want.count else { return nil }
        var i = bodyStart
        while i + want.count <= scalars.count {
            if scalars[i] == first, matches(want, at: i) { return i }
            i += 1
        }
        return nil
    }
}
