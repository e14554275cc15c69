import Articles

/// Finds copyright notices outside the article text, wherever real sites put them: a box under
/// the article, the site footer, image alt text, strings inside scripts, meta tags. Each
/// candidate string goes to `NoticeGrammar`, which decides whether it is a notice.
enum PageNoticeFinder {
    static func notices(in document: HTMLDocument, page: PageInventory, body: String) -> [Notice] {
        var found: [Notice] = []
        var seen: Set<String> = []
        func consider(_ text: String, _ location: NoticeLocation) {
            for whole in NoticeCandidates.split(text) {
                // Outside the article a notice often shares its element with footer text or a
                // link ("… 무단전재 및 재배포 금지 제보하기"): keep just the notice.
                var candidate = whole
                var parsed = NoticeGrammar.parse(whole)
                if parsed == nil {
                    // A link or label after the notice: try without the last few words.
                    let words = whole.split(whereSeparator: \.isWhitespace)
                    for drop in 1..<min(6, max(1, words.count)) {
                        let shorter = words.dropLast(drop).joined(separator: " ")
                        if let p = NoticeGrammar.parse(shorter), !p.prohibits.isEmpty {
                            candidate = shorter
                            parsed = p
                            break
                        }
                    }
                }
                if parsed == nil, let match = NoticeGrammar.find(in: whole, allowTrailingText: true) {
                    let scalars = Array(whole.unicodeScalars)
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: scalars[max(0, match.range.lowerBound)..<min(scalars.count, match.range.upperBound)])
                    candidate = String(view)
                    parsed = match.notice
                }
                let key = "\(location.rawValue)|\(candidate)"
                guard !seen.contains(key), let parsed else { continue }
                seen.insert(key)
                found.append(Notice(text: candidate, holder: parsed.holder, prohibits: parsed.prohibits,
                                    reservesRightsOnly: parsed.reservesRightsOnly, location: location,
                                    range: nil, confidence: parsed.confidence))
            }
        }

        // Visible text outside the article: the body's own lines are BoilerplateScanner's.
        if let root = document.body {
            let collector = ParagraphCollector(skipsBoilerplate: false, keeps: NoticeCandidates.mayBeNotice(bytes:))
            for p in collector.collect(root) {
                if TextSearch.contains(body, p.text) { continue }
                consider(p.text, isInFooter(p.origin) ? .footer : .copyrightBox)
            }
        }

        for text in page.imageTexts where NoticeCandidates.mayBeNotice(text) {
            consider(text, .altText)
        }

        for key in ["copyright", "dc.rights", "rights", "dcterms.rights", "copyrightnotice", "article:copyright"] {
            for value in page.meta[key] ?? [] where NoticeCandidates.mayBeNotice(value) { consider(value, .metadata) }
        }
        for object in page.jsonLD.flatMap({ LenientJSON.dictionaries(in: $0) }) {
            if let text = object["copyrightNotice"] as? String, NoticeCandidates.mayBeNotice(text) {
                consider(HTMLEntities.decode(text), .metadata)
            }
        }

        for script in page.scripts {
            let literals = ScriptStrings.literals(in: script, wanted: NoticeCandidates.mayBeNotice(bytes:))
            for literal in literals {
                if literal.contains("<"), literal.contains(">") {
                    // Markup the script writes into the page.
                    let fragment = HTMLFragment(literal)
                    for alt in fragment.imageTexts where NoticeCandidates.mayBeNotice(alt) { consider(alt, .altText) }
                    for p in fragment.paragraphs where NoticeCandidates.mayBeNotice(p) { consider(p, .script) }
                } else {
                    consider(HTMLEntities.decode(literal), .script)
                }
            }
        }
        return found
    }

    /// Inside the site footer: a `<footer>`, `role=contentinfo`, or an element named footer.
    static func isInFooter(_ node: HTMLNode?) -> Bool {
        var n = node
        var steps = 0
        while let current = n, steps < 64 {
            if current.tag == "footer" || current.attribute("role")?.lowercased() == "contentinfo" { return true }
            if HTMLVocabulary.words(of: current).contains(where: { $0 == "footer" || $0 == "foot" }) { return true }
            n = current.parent
            steps += 1
        }
        return false
    }
}

/// Strings worth asking the notice grammar about.
enum NoticeCandidates {
    /// Longest text passed to the grammar whole; longer text is cut into sentences.
    static let maximumLength = 300

    static let triggers: [[UInt8]] = ["무단", "저작권", "ⓒ", "©", "Ⓒ", "(c)", "copyright", "all rights reserved", "재배포", "전재"]
        .map { Array($0.utf8) }

    /// Cheap test: the text mentions copyright at all.
    static func mayBeNotice<S: StringProtocol>(_ text: S) -> Bool {
        let bytes = text.utf8.withContiguousStorageIfAvailable { Array($0) } ?? Array(text.utf8)
        return mayBeNotice(bytes: bytes[...])
    }

    static func mayBeNotice(bytes: ArraySlice<UInt8>) -> Bool {
        TextSearch.containsAny(bytes, lowercasedNeedles: triggers)
    }

    /// The text itself when short; otherwise its sentences and lines that mention copyright.
    static func split(_ text: String) -> [String] {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { return [] }
        guard trimmed.count > maximumLength else { return [trimmed] }
        var pieces: [String] = []
        var current = ""
        for ch in trimmed {
            current.append(ch)
            if ch == "\n" || ch == "." || ch == "]" || ch == "|" {
                pieces.append(current)
                current = ""
            }
        }
        pieces.append(current)
        return pieces.map { $0.trimmingWhitespace() }
            .filter { !$0.isEmpty && $0.count <= maximumLength && mayBeNotice($0) }
    }
}
