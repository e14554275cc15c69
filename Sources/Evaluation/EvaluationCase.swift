/// One suspect and what it should be found to be.
public struct EvaluationCase: Sendable, Codable, Hashable {
    public var id: String
    /// The suspect's path relative to the set's folder.
    public var suspect: String
    public var obfuscation: String
    /// `violation`, `reuse` (any unexplained reuse short of a violation) or `clean`.
    public var expected: Expected
    /// Where the copied text came from: generated, realworld or law.
    public var origin: String
    public var sources: [String]
    public var passages: [TruthPassage]
    public var note: String
    /// The form of the source's notice as the generator names it, nil for none.
    public var sourceNotice: String? = nil
    /// For HTML suspects: the copied paragraphs and where each starts in the virtual body the
    /// passages refer to (the paragraphs joined by blank lines).
    public var htmlParagraphs: [HTMLParagraph]?

    public enum Expected: String, Sendable, Codable, Hashable {
        case violation, reuse, clean
    }

    public var isHTML: Bool { htmlParagraphs != nil }

    /// The ground truth as PAN annotations in body coordinates of the suspect as given.
    public func annotations() -> [Annotation] {
        passages.map { Annotation(suspect: suspect, $0.suspect.range, source: $0.source, $0.sourceRange.range) }
    }
}

public struct TruthPassage: Sendable, Codable, Hashable {
    public var source: String
    public var suspect: Span
    public var sourceRange: Span
}

/// `[start, end]` in code points, as truth.json writes ranges.
public struct Span: Sendable, Codable, Hashable {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    public var range: Range<Int> { start..<end }

    public init(from decoder: Decoder) throws {
        var c = try decoder.unkeyedContainer()
        let s = try c.decode(Int.self)
        let e = try c.decode(Int.self)
        guard s >= 0, e >= s else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "a span must be [start, end] with 0 ≤ start ≤ end, not [\(s), \(e)]")
        }
        self.init(s, e)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(start)
        try c.encode(end)
    }
}

/// `[start, text]`: one copied paragraph of an HTML suspect.
public struct HTMLParagraph: Sendable, Codable, Hashable {
    public var start: Int
    public var text: String

    public init(start: Int, text: String) {
        self.start = start
        self.text = text
    }

    public init(from decoder: Decoder) throws {
        var c = try decoder.unkeyedContainer()
        start = try c.decode(Int.self)
        text = try c.decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(start)
        try c.encode(text)
    }
}
