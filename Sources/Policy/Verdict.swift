/// What copyscan concludes about a suspect and a source.
///
/// The kinds that explain reuse away (`licensed`, `sameRightsHolder`, `quotedWithCredit`,
/// `sourceIsLater`, `commonSource`) rank above `clean` and below every kind of unexplained reuse,
/// so an article's verdict — the highest rank among its matches — is the one that needs action.
public enum VerdictKind: String, Codable, Sendable, CaseIterable, Comparable {
    /// Nothing substantial was reused.
    case clean
    /// A configured licence allows the suspect's outlet to republish the source.
    case licensed
    /// Suspect and source belong to the same rights holder.
    case sameRightsHolder
    /// Short passages quoted with quotation marks or a credit naming the source.
    case quotedWithCredit
    /// The source was published after the suspect: the copy runs the other way.
    case sourceIsLater
    /// The shared text also appears in an earlier article without a prohibition (a press
    /// release, a wire story): neither copied the other.
    case commonSource
    /// Substantial reuse of a source that carries no notice at all.
    case reuse
    /// Substantial reuse of a source whose notice reserves rights ("All rights reserved",
    /// "저작권자 ⓒ …") without naming a prohibited act.
    case reuseOfReservedWork
    /// Substantial reuse of a source whose notice forbids reproduction, redistribution or
    /// copying.
    case violation

    public var rank: Int {
        switch self {
        case .clean: return 0
        case .licensed, .sameRightsHolder, .quotedWithCredit: return 1
        case .sourceIsLater, .commonSource: return 2
        case .reuse: return 3
        case .reuseOfReservedWork: return 4
        case .violation: return 5
        }
    }

    /// True for the kinds that are unexplained reuse (what `--fail-on reuse` fails on).
    public var isUnexplainedReuse: Bool { rank >= VerdictKind.reuse.rank }

    public static func < (a: VerdictKind, b: VerdictKind) -> Bool {
        (a.rank, a.rawValue) < (b.rank, b.rawValue)
    }
}

/// How urgent a finding is. Notice laundering raises a violation to `high`.
public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case none, low, medium, high

    public static func < (a: Severity, b: Severity) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// One reason behind a verdict: a stable code for programs and a sentence for people.
public struct Reason: Codable, Sendable, Hashable {
    public var code: String
    public var message: String

    public init(_ code: String, _ message: String) {
        self.code = code
        self.message = message
    }
}

public struct Verdict: Codable, Sendable, Hashable {
    public var kind: VerdictKind
    public var severity: Severity
    public var reasons: [Reason]

    public init(_ kind: VerdictKind, severity: Severity? = nil, reasons: [Reason]) {
        self.kind = kind
        self.severity = severity ?? Verdict.defaultSeverity(kind)
        self.reasons = reasons
    }

    static func defaultSeverity(_ kind: VerdictKind) -> Severity {
        switch kind {
        case .violation: return .medium
        case .reuseOfReservedWork, .reuse: return .low
        default: return .none
        }
    }
}
