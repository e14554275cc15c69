/// The quality a run must reach (the project's issue on measured detection quality).
public struct Targets: Sendable, Hashable, Codable {
    /// Violation precision over all suspects, and no false violation on a negative.
    public var violationPrecision = 0.99
    public var violationRecall = 0.97
    /// Obfuscations on which every expected violation must be found.
    public var perfectRecall: [String] = ["verbatim", "notice-removed", "notice-replaced", "spacing", "html"]
    /// plagdet on each light obfuscation (every positive one that is not heavy)…
    public var lightPlagdet = 0.90
    /// …and on each heavy one.
    public var heavyPlagdet = 0.75

    public init() {}
}
