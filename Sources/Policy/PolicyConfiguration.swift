/// The thresholds that turn measured overlap into verdicts.
///
/// Reuse is *substantial* when the copied passages cover at least `minCopiedCharacters` code
/// points of the suspect, or at least `minCoverage` of the source's text (a short brief copied
/// whole). Below that, shared text is treated as coincidence or fair quotation.
public struct PolicyConfiguration: Codable, Sendable, Hashable {
    public var minCopiedCharacters: Int = 150
    public var minCoverage: Double = 0.5

    public init(minCopiedCharacters: Int = 150, minCoverage: Double = 0.5) {
        self.minCopiedCharacters = minCopiedCharacters
        self.minCoverage = minCoverage
    }
}
