import Policy

/// A reason in words for people, in Korean and English.
public struct ReasonWording: Sendable, Hashable {
    /// Nil when the code is unknown to this table: only the English message can be shown.
    public var korean: String?
    public var english: String
}

/// Reason wording keyed by `Reason.code`, filled in from the report's own figures. A code this
/// table does not know is shown with the message Policy wrote, so new reasons are never lost.
public enum Localization {
    /// What a reason is about: a suspect–source pair, or a whole article.
    public enum Context: Sendable {
        case match(MatchReport)
        case article(ArticleReport)
    }

    public static func wording(_ reason: Reason, in context: Context, policy: ScanReport.PolicySummary) -> ReasonWording {
        let fallback = ReasonWording(korean: nil, english: sentence(reason.message))
        // An article repeats its top source's reasons: word them with that source's figures.
        if case .article(let a) = context, !articleCodes.contains(reason.code),
           let top = a.matches.first(where: { VerdictPresentation.of($0.verdict).isFinding }) {
            return wording(reason, in: .match(top), policy: policy)
        }
        switch (reason.code, context) {
        case ("substantial-reuse", .match(let m)):
            let n = m.passages.count
            return ReasonWording(
                korean: "본문 \(m.copiedCharacters)자(\(n)개 구간)를 옮겼으며, 출처 기사의 \(percent(m.coverage))에 해당합니다.",
                english: "\(m.copiedCharacters) characters in \(n) passage\(n == 1 ? "" : "s") were copied: \(percent(m.coverage)) of the source.")
        case ("notice-prohibits", .match(let m)):
            let acts = m.source.prohibits
            let actsKorean = acts.map(actKorean).joined(separator: "·")
            let actsEnglish = acts.isEmpty ? "republication" : acts.map(actEnglish).joined(separator: ", ")
            let holderKorean = m.source.holder.map { "(\($0))" } ?? ""
            let holderEnglish = m.source.holder.map { " (\($0))" } ?? ""
            let object = actsKorean.isEmpty ? "무단 전재를" : actsKorean + objectParticle(after: actsKorean)
            return ReasonWording(korean: "출처 기사의 저작권 고지\(holderKorean)가 \(object) 금지합니다.",
                                 english: "The source's copyright notice\(holderEnglish) forbids \(actsEnglish).")
        case ("notice-without-prohibition", _):
            return ReasonWording(korean: "출처 기사의 고지는 권리를 밝히고 있으나 전재·재배포를 금지하지는 않습니다.",
                                 english: "The source's notice reserves rights but does not forbid reproduction or redistribution.")
        case ("rights-reserved", _):
            return ReasonWording(korean: "출처 기사는 권리를 유보(All rights reserved)했으나 금지 행위를 명시하지는 않았습니다.",
                                 english: sentence(reason.message))
        case ("source-is-later", .match(let m)):
            return ReasonWording(korean: "출처로 보이는 기사(\(m.source.published ?? "게재 시각 미상"))가 이 기사보다 늦게 게재되었습니다. 옮긴 방향이 반대일 수 있습니다.",
                                 english: sentence(reason.message))
        case ("same-rights-holder", _):
            return ReasonWording(korean: "두 기사의 저작권자가 같습니다.", english: sentence(reason.message))
        case ("licensed", _):
            return ReasonWording(korean: "설정된 이용 허락(라이선스)이 이 재사용을 허용합니다.", english: sentence(reason.message))
        case ("quoted-with-credit", .match(let m)):
            return ReasonWording(korean: "인용 부호나 출처 표시와 함께 출처 기사의 \(percent(m.coverage))만 인용했습니다(정당한 범위의 인용).",
                                 english: sentence(reason.message))
        case ("common-source", _):
            return ReasonWording(korean: "같은 문장이 금지 고지 없이 더 먼저 게재된 글(예: 보도자료)에도 있어, 두 기사가 공통 출처를 쓴 것으로 보입니다.",
                                 english: sentence(reason.message))
        case ("notice-removed", _):
            return ReasonWording(korean: "옮긴 글에서 출처 기사의 저작권 고지를 지웠습니다(고지 세탁).", english: sentence(reason.message))
        case ("notice-replaced", _):
            return ReasonWording(korean: "옮긴 글에 자기 매체의 저작권 고지를 붙였습니다(고지 세탁).", english: sentence(reason.message))
        case ("no-notice", _):
            return ReasonWording(korean: "출처 기사에 저작권 고지가 없습니다.", english: "The source carries no copyright notice.")
        case ("no-shared-passage", _):
            return ReasonWording(korean: "출처 기사와 겹치는 구간이 없습니다.",
                                 english: "No passage of the source was found in the article.")
        case ("below-threshold", .match(let m)):
            return ReasonWording(
                korean: "\(m.copiedCharacters)자(출처의 \(percent(m.coverage)))가 겹치지만, 상당한 분량의 기준(\(policy.minCopiedCharacters)자 또는 출처의 \(percent(policy.minCoverage)))에 못 미칩니다.",
                english: "\(m.copiedCharacters) characters (\(percent(m.coverage)) of the source) are shared: below the threshold of \(policy.minCopiedCharacters) characters or \(percent(policy.minCoverage)) of the source.")
        case ("below-threshold", .article):
            return ReasonWording(korean: "색인된 기사들과 짧은 구간만 겹칩니다.",
                                 english: "It shares only short passages with indexed articles.")
        case ("no-match", _):
            return ReasonWording(korean: "색인된 기사 중 겹치는 구간이 있는 기사가 없습니다.",
                                 english: "No indexed article shares a passage with it.")
        case ("copied-from", .article(let a)):
            let findings = a.matches.filter { VerdictPresentation.of($0.verdict).isFinding }
            guard let top = findings.first else { return fallback }
            let name = sourceName(top.source)
            let others = findings.count - 1
            return ReasonWording(
                korean: "\(name)에서 옮겼습니다" + (others > 0 ? " (그 밖의 출처 \(others)곳)." : "."),
                english: "Copied from \(name)" + (others > 0 ? " and \(others) other source\(others == 1 ? "" : "s")." : "."))
        default:
            return fallback
        }
    }

    /// Codes that describe a whole article rather than one suspect–source pair.
    static let articleCodes: Set<String> = ["copied-from", "no-match", "below-threshold"]

    /// What the reader recognises a source by: its outlet and path, or the path alone.
    public static func sourceName(_ source: SourceReport) -> String {
        if let outlet = source.outlet, !outlet.isEmpty { return "\(outlet) (\(source.path))" }
        return source.path
    }

    public static func actKorean(_ rawValue: String) -> String {
        switch rawValue {
        case "reproduction": return "전재"
        case "redistribution": return "재배포"
        case "copying": return "복제"
        case "collection": return "수집"
        case "aiTraining": return "AI 학습"
        case "modification": return "변형"
        default: return rawValue
        }
    }

    public static func actEnglish(_ rawValue: String) -> String {
        switch rawValue {
        case "aiTraining": return "AI training"
        default: return rawValue
        }
    }

    /// 을 after a final consonant, 를 after a vowel (and after anything not Hangul).
    static func objectParticle(after word: String) -> String {
        guard let last = word.unicodeScalars.last, (0xAC00...0xD7A3).contains(last.value) else { return "를" }
        return (last.value - 0xAC00) % 28 == 0 ? "를" : "을"
    }

    /// 0.4567 → "46%".
    public static func percent(_ share: Double) -> String {
        guard share.isFinite, abs(share) < 1e12 else { return "–" }
        return "\(Int((share * 100).rounded()))%"
    }

    /// Policy writes lower-case clauses; a report shows sentences.
    static func sentence(_ message: String) -> String {
        guard let first = message.first else { return message }
        let capitalised = first.uppercased() + message.dropFirst()
        return capitalised.hasSuffix(".") || capitalised.hasSuffix("”") ? capitalised : capitalised + "."
    }
}
