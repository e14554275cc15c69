import Policy

/// How every report format names and grades a verdict, in one table keyed by the verdict's raw
/// value. Formats never switch over `VerdictKind`: kinds that Policy adds later render through
/// the fallback (a label made from the raw value, graded as a note) until the table learns them.
public struct VerdictPresentation: Sendable, Hashable {
    /// How loudly a finding is raised: SARIF's `level`, GitHub's annotation command.
    public enum Level: String, Sendable, Hashable {
        case error, warning, note
        /// Not a finding at all (clean).
        case none
    }

    /// The colour family of the verdict's badge in HTML.
    public enum Tone: String, Sendable, Hashable {
        case danger, caution, info, ok, neutral
    }

    public var rawValue: String
    public var korean: String
    public var english: String
    public var explanationKorean: String
    public var explanationEnglish: String
    public var level: Level
    public var tone: Tone

    /// True when the verdict is a finding worth showing (anything but clean).
    public var isFinding: Bool { level != .none }

    public static func of(_ kind: VerdictKind) -> VerdictPresentation { of(rawValue: kind.rawValue) }

    public static func of(rawValue: String) -> VerdictPresentation {
        table[rawValue] ?? fallback(rawValue)
    }

    /// Raw values the table knows, most severe first; the order rules are listed in.
    public static let knownRawValues: [String] = [
        "violation", "reuseOfReservedWork", "reuse", "sourceIsLater", "commonSource", "sameRightsHolder", "quotedWithCredit", "licensed", "clean",
    ]

    static let table: [String: VerdictPresentation] = {
        let entries = [
            VerdictPresentation(rawValue: "violation", korean: "무단 전재 위반", english: "Violation",
                                explanationKorean: "무단 전재·재배포를 금지한 기사의 상당 부분을 그대로 옮겼습니다.",
                                explanationEnglish: "Substantial text was copied from an article whose notice forbids reproduction or redistribution.",
                                level: .error, tone: .danger),
            VerdictPresentation(rawValue: "reuse", korean: "재사용", english: "Reuse",
                                explanationKorean: "금지 문구가 없는 기사의 상당 부분을 옮겼습니다.",
                                explanationEnglish: "Substantial text was copied from an article that carries no prohibiting notice.",
                                level: .warning, tone: .caution),
            VerdictPresentation(rawValue: "reuseOfReservedWork", korean: "권리 유보 기사 재사용", english: "Reuse of a reserved work",
                                explanationKorean: "금지 행위는 명시하지 않았지만 권리를 유보한(All rights reserved) 기사의 상당 부분을 옮겼습니다.",
                                explanationEnglish: "Substantial text was copied from an article that reserves its rights (\"All rights reserved\") without naming a prohibited act.",
                                level: .warning, tone: .caution),
            VerdictPresentation(rawValue: "clean", korean: "문제 없음", english: "Clean",
                                explanationKorean: "상당한 분량을 옮긴 흔적이 없습니다.",
                                explanationEnglish: "Nothing substantial was copied.",
                                level: .none, tone: .ok),
            VerdictPresentation(rawValue: "licensed", korean: "이용 허락", english: "Licensed",
                                explanationKorean: "이용 허락(라이선스)에 따른 사용입니다.",
                                explanationEnglish: "The reuse is covered by a licence.",
                                level: .note, tone: .info),
            VerdictPresentation(rawValue: "quotedWithCredit", korean: "출처 밝힌 인용", english: "Quoted with credit",
                                explanationKorean: "출처를 밝히고 인용했습니다.",
                                explanationEnglish: "The text is quoted and its source is credited.",
                                level: .note, tone: .info),
            VerdictPresentation(rawValue: "sameRightsHolder", korean: "동일 저작권자", english: "Same rights holder",
                                explanationKorean: "두 기사의 저작권자가 같습니다.",
                                explanationEnglish: "Both articles belong to the same rights holder.",
                                level: .note, tone: .info),
            VerdictPresentation(rawValue: "sourceIsLater", korean: "출처가 더 늦음", english: "Source is later",
                                explanationKorean: "출처로 보이는 기사가 더 늦게 게재되었습니다. 옮긴 방향이 반대일 수 있습니다.",
                                explanationEnglish: "The apparent source was published later; the copying may run the other way.",
                                level: .note, tone: .info),
            VerdictPresentation(rawValue: "commonSource", korean: "공통 출처", english: "Common source",
                                explanationKorean: "두 기사가 같은 출처(예: 통신사 기사)를 함께 썼습니다.",
                                explanationEnglish: "Both articles draw on a common source, such as a wire story.",
                                level: .note, tone: .info),
        ]
        return Dictionary(entries.map { ($0.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
    }()

    /// A kind the table does not know yet: shown under its own name, graded as a note.
    static func fallback(_ rawValue: String) -> VerdictPresentation {
        let words = humanized(rawValue)
        return VerdictPresentation(rawValue: rawValue, korean: words, english: words.prefix(1).uppercased() + words.dropFirst(),
                                   explanationKorean: "판정: \(rawValue)", explanationEnglish: "Verdict: \(rawValue)",
                                   level: .note, tone: .neutral)
    }

    /// `quotedWithCredit` → `quoted with credit`; `all-rights_reserved` → `all rights reserved`.
    static func humanized(_ rawValue: String) -> String {
        var out = ""
        for ch in rawValue {
            if ch == "-" || ch == "_" {
                out.append(" ")
            } else if ch.isUppercase, !out.isEmpty, out.last != " " {
                out.append(" ")
                out += ch.lowercased()
            } else {
                out.append(ch)
            }
        }
        return out.isEmpty ? "unknown" : out
    }
}
