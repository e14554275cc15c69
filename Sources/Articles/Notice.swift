/// An act that a copyright notice forbids.
public enum ProhibitedAct: String, Codable, Sendable, CaseIterable, Comparable {
    /// 전재: reprinting the article elsewhere.
    case reproduction
    /// 재배포, 배포: passing it on.
    case redistribution
    /// 복제, 복사.
    case copying
    /// 수집, 크롤링, 스크래핑.
    case collection
    /// AI 학습, AI 활용, 데이터 활용.
    case aiTraining
    /// 변형, 편집, 가공.
    case modification

    public static func < (a: ProhibitedAct, b: ProhibitedAct) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }
}

/// Where in a page or text a notice was found.
public enum NoticeLocation: String, Codable, Sendable {
    /// One of the last lines of the article text.
    case bodyTail
    /// A line inside the text, not at its end.
    case body
    /// A copyright box right under the article body (HTML).
    case copyrightBox
    /// The site footer (HTML).
    case footer
    /// Image alt or title text (HTML).
    case altText
    /// A string inside a script, such as a JSON config (HTML).
    case script
    /// A `<meta>` element or JSON-LD field (HTML).
    case metadata
    /// Given by the input itself (a JSON Lines `notice` field).
    case input
}

/// A copyright notice as found, and what it says.
public struct Notice: Codable, Sendable, Hashable {
    /// The text as found (trimmed of surrounding whitespace only).
    public var text: String
    /// The rights holder named by the notice, without slogans or URLs (`머니투데이`), if any.
    public var holder: String?
    /// What the notice forbids, sorted and without repeats. Empty for a bare reservation.
    public var prohibits: [ProhibitedAct]
    /// True when the notice reserves rights ("All rights reserved", "저작권자 ⓒ X") without
    /// naming any prohibited act.
    public var reservesRightsOnly: Bool
    /// Where the notice was found.
    public var location: NoticeLocation
    /// The notice's code points in `Article.body`, when it lies in the body.
    public var range: TextRange?
    /// How sure the detector is that this is a notice (0…1).
    public var confidence: Double

    public init(text: String, holder: String?, prohibits: [ProhibitedAct], reservesRightsOnly: Bool = false,
                location: NoticeLocation, range: TextRange? = nil, confidence: Double = 1) {
        self.text = text
        self.holder = holder
        self.prohibits = Array(Set(prohibits)).sorted()
        self.reservesRightsOnly = reservesRightsOnly
        self.location = location
        self.range = range
        self.confidence = confidence
    }

    /// True when the notice forbids republishing the text (reproduction or redistribution).
    public var forbidsRepublication: Bool {
        prohibits.contains(.reproduction) || prohibits.contains(.redistribution) || prohibits.contains(.copying)
    }
}
