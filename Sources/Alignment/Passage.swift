import Fingerprinting

/// One stretch of copied text: where it is in the suspect and in the source.
public struct Passage: Sendable, Hashable, Codable {
    /// Code points in the suspect's body.
    public var suspect: Range<Int>
    /// Code points in the source's body.
    public var source: Range<Int>
    /// Normalised characters on each side (what similarity is measured on).
    public var suspectNormalized: Range<Int>
    public var sourceNormalized: Range<Int>
    /// Shingles of the suspect range found in the source range.
    public var sharedShingles: Int

    public init(suspect: Range<Int>, source: Range<Int>, suspectNormalized: Range<Int>,
                sourceNormalized: Range<Int>, sharedShingles: Int) {
        self.suspect = suspect
        self.source = source
        self.suspectNormalized = suspectNormalized
        self.sourceNormalized = sourceNormalized
        self.sharedShingles = sharedShingles
    }
}

/// The verified overlap of a suspect with one source.
public struct AlignmentResult: Sendable, Hashable {
    public var passages: [Passage]
    /// Share of the suspect's normalised text that lies in passages.
    public var containment: Double
    /// Share of the source's normalised text that lies in passages.
    public var coverage: Double
    /// Exact Jaccard similarity of the two shingle sets.
    public var jaccard: Double
    /// Code points of the suspect inside passages (spaces and punctuation within them included).
    public var copiedCharacters: Int

    public init(passages: [Passage], containment: Double, coverage: Double, jaccard: Double, copiedCharacters: Int) {
        self.passages = passages
        self.containment = containment
        self.coverage = coverage
        self.jaccard = jaccard
        self.copiedCharacters = copiedCharacters
    }

    public static let none = AlignmentResult(passages: [], containment: 0, coverage: 0, jaccard: 0, copiedCharacters: 0)
}
