import Articles

/// What a notice string says, independent of where it was found.
public struct ParsedNotice: Sendable, Hashable {
    public var holder: String?
    public var prohibits: [ProhibitedAct]
    public var reservesRightsOnly: Bool
    public var confidence: Double

    public init(holder: String?, prohibits: [ProhibitedAct], reservesRightsOnly: Bool, confidence: Double) {
        self.holder = holder
        self.prohibits = Array(Set(prohibits)).sorted()
        self.reservesRightsOnly = reservesRightsOnly
        self.confidence = confidence
    }
}

/// Reads copyright notices. PLACEHOLDER: replaced by the grammar of marks, holders and acts.
public enum NoticeGrammar {
    /// Parses one notice candidate (a line, an alt text, a JSON string). Nil when the text is not
    /// a notice, including body sentences that merely mention 무단 전재.
    public static func parse(_ text: String) -> ParsedNotice? {
        let t = String(text.filter { !$0.isWhitespace })
        guard t.count < 200 else { return nil }
        var acts: [ProhibitedAct] = []
        if t.contains("무단전재") { acts.append(.reproduction) }
        if t.contains("재배포") { acts.append(.redistribution) }
        guard !acts.isEmpty || t.contains("ⓒ") || t.contains("©") else { return nil }
        return ParsedNotice(holder: nil, prohibits: acts, reservesRightsOnly: acts.isEmpty, confidence: 0.5)
    }
}
