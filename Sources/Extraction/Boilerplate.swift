import Articles

/// Notices, credits and other boilerplate found in an article body.
public struct BoilerplateFindings: Sendable, Hashable {
    public var notices: [Notice]
    public var credits: [Credit]
    /// Code point ranges of the body that must not count as evidence.
    public var excluded: [TextRange]

    public init(notices: [Notice] = [], credits: [Credit] = [], excluded: [TextRange] = []) {
        self.notices = notices
        self.credits = credits
        self.excluded = excluded
    }
}

/// Finds boilerplate in a plain-text body. PLACEHOLDER: a line-based scan using the grammars.
public enum BoilerplateScanner {
    public static func scan(body: String) -> BoilerplateFindings {
        var findings = BoilerplateFindings()
        var offset = 0
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in lines.enumerated() {
            let length = line.unicodeScalars.count
            let text = String(line)
            if let parsed = NoticeGrammar.parse(text) {
                let range = TextRange(start: offset, end: offset + length)
                let tail = lines[(i + 1)...].allSatisfy { $0.allSatisfy(\.isWhitespace) }
                findings.notices.append(Notice(text: text.trimmingWhitespace(), holder: parsed.holder,
                                               prohibits: parsed.prohibits, reservesRightsOnly: parsed.reservesRightsOnly,
                                               location: tail ? .bodyTail : .body, range: range,
                                               confidence: parsed.confidence))
                findings.excluded.append(range)
            }
            offset += length + 1
        }
        return findings
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
