import Foundation

/// Removes the site name that pages append to their `<title>` (` - SBS 뉴스`, ` | 연합뉴스`).
enum TitleCleaner {
    static let separators = [" | ", " - ", " – ", " — ", " :: ", " : ", " < ", " ＜ ", " « ", " » ", " · ", " ｜ ", "｜"]

    /// Words that mark a trailing segment as a publication's name.
    static let outletWords = [
        "뉴스", "일보", "신문", "방송", "경제", "닷컴", "미디어", "타임즈", "타임스", "투데이", "데일리", "저널", "매거진",
        "tv", "news", "times", "daily", "post", "herald", "journal", "tribune", "media", ".com", ".co.kr", ".kr",
        "online", "magazine", "press", "gazette", "report", "network", "channel",
    ]

    static func clean(_ raw: String, siteNames: [String]) -> String {
        var title = normalizeSpaces(HTMLEntities.decode(raw))
        let names = siteNames.map(ParagraphFilter.compact).filter { !$0.isEmpty }
        guard let (head, tail) = lastSplit(title), !head.isEmpty else { return title }
        let key = ParagraphFilter.compact(tail)
        let isSite = names.contains { key == $0 || TextSearch.contains(key, $0) || (!key.isEmpty && TextSearch.contains($0, key)) }
        let looksLikeOutlet = tail.count <= 24 && outletWords.contains { TextSearch.contains(tail, $0, ignoringASCIICase: true) }
        guard isSite || looksLikeOutlet else { return title }
        title = head
        // "Headline - Section - Site": a short section name before the site goes too.
        if let (head, section) = lastSplit(title), !head.isEmpty, section.count <= 15, head.count > section.count {
            title = head
        }
        return title
    }

    private static func lastSplit(_ title: String) -> (String, String)? {
        var best: Range<String.Index>?
        for sep in separators {
            if let r = title.range(of: sep, options: .backwards), best.map({ r.lowerBound > $0.lowerBound }) ?? true {
                best = r
            }
        }
        guard let r = best else { return nil }
        return (String(title[..<r.lowerBound]).trimmingWhitespace(), String(title[r.upperBound...]).trimmingWhitespace())
    }

    static func normalizeSpaces(_ s: String) -> String {
        var b = ParagraphBuilder()
        b.append(s, inLink: false)
        b.endParagraph()
        return b.paragraphs.first?.text ?? ""
    }
}
