/// Reads the rights holder out of the free text of a notice.
///
/// The holder slot is what a notice says besides its grammar words: `'돈이 보이는 리얼타임 뉴스'
/// 머니투데이`, `1980-2022 ㈜연합뉴스`, `뉴스1코리아(news1.kr)`, `매일경제 & mk.co.kr`,
/// `투자가를 위한 경제콘텐츠 플랫폼, 아시아경제(www.asiae.co.kr)`. The rules:
/// - URLs, e-mail addresses, years and company marks (㈜, (주), 주식회사, Inc.) are dropped;
/// - a parenthesis is an alias or an address and is dropped (`MBN(매일방송)` → `MBN`,
///   `뉴스1코리아(news1.kr)` → `뉴스1코리아`: the name stays as the notice writes it, it is not
///   mapped to a brand);
/// - quoted text is a slogan and is dropped (used only when nothing else names anyone);
/// - separators (`, . | : / - &`, "and") split the slot into segments; a segment ending a
///   sentence (`문화를 전합니다.`) is a slogan, and so is everything before it;
/// - in a segment of several words, words ending in a modifier (`투자가를`, `강한`, `보이는`,
///   `뉴스의`) or a descriptor noun (`공감언론`, `경제정보 미디어`, `유일석간`) are a slogan
///   prefix: the name is what follows the last of them (`특종에 강한 더팩트` → `더팩트`);
/// - a leading "by" is dropped (`2024 by 한빛일보`);
/// - the holder is the first segment that is not a slogan (`조선일보 & chosun.com` → `조선일보`,
///   `SBS & SBS Digital News Lab.` → `SBS`).
enum HolderName {
    private struct Segment {
        var words: [(Int, Int)] = []
        var quoted = false
        var parenthesised = false
    }

    static func extract(_ t: [NoticeToken], _ a: Int, _ b: Int, _ f: FoldedText) -> String? {
        guard a < b else { return nil }
        let s = f.scalars
        var segments: [Segment] = []
        var current = Segment()
        var depth = 0
        var quoted = false
        func flush() {
            if !current.words.isEmpty { segments.append(current) }
            current = Segment(quoted: quoted, parenthesised: depth > 0)
        }
        for k in a..<b {
            let token = t[k]
            switch token.kind {
            case .open:
                flush(); depth += 1; current.parenthesised = true
            case .close:
                flush(); depth = max(0, depth - 1); current.parenthesised = depth > 0
            case .quote:
                flush(); quoted.toggle(); current.quoted = quoted
            case .text, .number:
                if !token.spaceBefore, let last = current.words.last, last.1 == token.lo {
                    current.words[current.words.count - 1].1 = token.hi
                } else {
                    current.words.append((token.lo, token.hi))
                }
            case .terminal(.connector) where isAnd(token, s):
                flush()
            case .terminal(let term) where isWordLike(term):
                // A demoted grammar word inside a name (편집 in 한국편집기자협회).
                if !token.spaceBefore, let last = current.words.last, last.1 == token.lo {
                    current.words[current.words.count - 1].1 = token.hi
                } else {
                    current.words.append((token.lo, token.hi))
                }
            default:
                flush()
            }
        }
        flush()

        var plain: [[(Int, Int)]] = []
        var quotedSegments: [[(Int, Int)]] = []
        var parenSegments: [[(Int, Int)]] = []
        for seg in segments {
            let words = seg.words.filter { !isNumber(s, $0) }
            guard !words.isEmpty else { continue }
            if seg.parenthesised { parenSegments.append(words) }
            else if seg.quoted { quotedSegments.append(words) }
            else {
                if endsSentence(s, words) { plain.removeAll(); continue }
                plain.append(words)
            }
        }
        var sloganTail: [(Int, Int)]?
        for words in plain {
            let (name, slogan) = nameOf(words, s)
            if !slogan { return render(name, f) }
            if sloganTail == nil, !name.isEmpty { sloganTail = name }
        }
        if let tail = sloganTail { return render(tail, f) }
        if let last = quotedSegments.last {
            let (name, _) = nameOf(last, s)
            if !name.isEmpty { return render(name, f) }
        }
        if let first = parenSegments.first { return render(first, f) }
        return nil
    }

    /// The name in a segment, and whether the segment carried a slogan prefix.
    private static func nameOf(_ words: [(Int, Int)], _ s: [UInt32]) -> ([(Int, Int)], Bool) {
        guard words.count > 1 else { return (words, false) }
        var cut = -1
        for w in 0..<(words.count - 1) where isModifier(s, words[w]) { cut = w }
        if cut < 0 { return (words, false) }
        return (Array(words[(cut + 1)...]), true)
    }

    private static func render(_ words: [(Int, Int)], _ f: FoldedText) -> String? {
        var names = words.map { f.string($0.0, $0.1) }
        // `Copyright ⓒ 2024 by 한빛일보`
        if names.count > 1, names[0].lowercased() == "by" { names.removeFirst() }
        let text = names.joined(separator: " ")
        return text.isEmpty ? nil : text
    }

    private static func isAnd(_ token: NoticeToken, _ s: [UInt32]) -> Bool {
        token.hi - token.lo == 3 && Scalar.lower(s[token.lo]) == 0x61
    }

    private static func isWordLike(_ term: NoticeTerminal) -> Bool {
        switch term {
        case .act, .unauthorized, .terminator: return true
        default: return false
        }
    }

    private static func isNumber(_ s: [UInt32], _ w: (Int, Int)) -> Bool {
        for k in w.0..<w.1 where !(Scalar.isDigit(s[k]) || s[k] == Scalar.dash || s[k] == 0x2E) { return false }
        return true
    }

    /// `…전합니다`, `…이다`: the segment is a sentence.
    static func endsSentence(_ s: [UInt32], _ words: [(Int, Int)]) -> Bool {
        guard let last = words.last, last.1 > last.0 else { return false }
        let v = s[last.1 - 1]
        return last.1 - last.0 >= 2 && (v == 0xB2E4 || v == 0xC694 || v == 0xC8E0)  // 다 요 죠
    }

    private static let modifierEndings: Set<UInt32> = Set(scalarValues("는은을를의에한운된던할될서로"))
    private static let descriptors: [[UInt32]] = ["언론", "미디어", "플랫폼", "석간", "조간", "매체", "전문지", "일간지",
                                                  "주간지", "월간지", "통신망"].map(scalarValues)

    static func isModifier(_ s: [UInt32], _ w: (Int, Int)) -> Bool {
        guard w.1 > w.0 else { return false }
        let last = s[w.1 - 1]
        if Scalar.isHangul(last), w.1 - w.0 >= 2, modifierEndings.contains(last) { return true }
        for d in descriptors where w.1 - w.0 >= d.count {
            if Array(s[(w.1 - d.count)..<w.1]) == d { return true }
        }
        return false
    }
}
