/// Drops paragraphs that are page furniture even inside an article container: lists of other
/// headlines, widget labels, player messages.
enum ParagraphFilter {
    /// Headings of lists of other articles; the heading goes, its link-only items go by density.
    static let listHeadings: [String] = [
        "많이본뉴스", "많이본기사", "최신기사", "최신뉴스", "기자의인기기사", "기자의다른기사", "관련기사", "관련뉴스",
        "추천기사", "추천뉴스", "주요뉴스", "이시각주요뉴스", "오늘의주요뉴스", "인기기사", "인기뉴스", "실시간인기",
        "함께볼만한뉴스", "이기사와함께많이본뉴스", "핫이슈", "포토뉴스", "랭킹뉴스", "헤드라인뉴스", "댓글", "공유하기",
        "기사공유", "글자크기", "본문듣기", "프린트", "인쇄하기", "스크랩", "닫기", "좋아요", "구독", "구독하기",
        "relatedarticles", "relatedstories", "mostread", "mostpopular", "share", "sharethisarticle", "comments",
        "advertisement",
    ]

    /// Messages players and widgets print instead of content.
    static let widgetMessages: [String] = [
        "브라우저가video태그를지원하지않습니다", "죄송하지만다른브라우저를사용하여주십시오",
        "동영상고정취소", "동영상재생", "재생시간", "yourbrowserdoesnotsupport",
    ]

    static func clean(_ paragraphs: [CollectedParagraph]) -> [CollectedParagraph] {
        paragraphs.filter { p in
            if p.linkCharacters > 0, p.linkDensity >= 0.5 { return false }
            if isMarkupDebris(p.text) { return false }
            // Labels are short; long paragraphs are never compared against them.
            guard p.characters <= 80 else { return true }
            let key = compact(p.text)
            if isListHeading(key) { return false }
            if widgetMessages.contains(where: { key.hasPrefix($0) }) { return false }
            return true
        }
    }

    /// A list heading alone (`관련기사`), with a few words after it (`관련기사 더보기`), or after
    /// an outlet's name with an explanation (`중앙일보 관련뉴스 해당 언론사에서 선정하며 …`).
    static func isListHeading(_ key: String) -> Bool {
        guard key.count <= 60 else { return false }
        return listHeadings.contains { heading in
            if key == heading { return true }
            if key.hasPrefix(heading) { return key.count <= heading.count + 6 }
            guard heading.hasSuffix("뉴스") || heading.hasSuffix("기사"),
                  let offset = TextSearch.firstOffset(of: heading, in: key) else { return false }
            let before = String(decoding: key.utf8.prefix(offset), as: UTF8.self).count
            let after = key.count - before - heading.count
            return before <= 8 && (after <= 2 || key.count > 24)
        }
    }

    /// Text of a malformed comment that libxml2 keeps but browsers hide (`</#-- 끝 -->`).
    static func isMarkupDebris(_ text: String) -> Bool {
        guard text.hasSuffix("-->") else { return false }
        return ["#--", "--", "!--", "<!", "</", "#"].contains { text.hasPrefix($0) }
    }

    /// Lower-cased text without whitespace or punctuation, for matching labels.
    static func compact(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x80 {
                if v >= 0x41 && v <= 0x5A {
                    out.append(Unicode.Scalar(UInt8(v | 0x20)))
                } else if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
                    out.append(s)
                }
            } else if v >= 0xAC00 && v <= 0xD7A3 {
                out.append(s)
            } else if s.properties.isAlphabetic || s.properties.numericType != nil {
                out.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(out)
    }
}
