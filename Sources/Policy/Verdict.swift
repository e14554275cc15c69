/// What copyscan concludes about a suspect and a source, most severe last.
public enum VerdictKind: String, Codable, Sendable, CaseIterable, Comparable {
    /// Nothing substantial was reused.
    case clean
    /// Substantial text was reused from a source that carries no prohibiting notice.
    case reuse
    /// Substantial text was reused from a source whose notice forbids reproduction or
    /// redistribution.
    case violation

    public var severity: Int {
        switch self {
        case .clean: return 0
        case .reuse: return 1
        case .violation: return 2
        }
    }

    public static func < (a: VerdictKind, b: VerdictKind) -> Bool { a.severity < b.severity }
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
    public var reasons: [Reason]

    public init(_ kind: VerdictKind, reasons: [Reason]) {
        self.kind = kind
        self.reasons = reasons
    }
}
