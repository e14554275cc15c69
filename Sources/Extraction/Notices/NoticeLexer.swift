/// A token of the notice grammar: a terminal, a piece of punctuation, or free text.
struct NoticeToken: Equatable {
    enum Kind: Equatable {
        case terminal(NoticeTerminal)
        case mark
        case open
        case close
        case quote
        /// `, . | : ; / - & · + ~ =`
        case separator(UInt32)
        /// ※ ▶ ■ ★ ☎ and other symbols that carry no words.
        case decoration
        case url
        case number
        case text
    }

    var kind: Kind
    /// Folded scalar range.
    var lo: Int
    var hi: Int
    /// True when a space separates this token from the previous one.
    var spaceBefore: Bool
}

/// Splits a folded line into notice tokens.
///
/// Terminals are found anywhere, also inside runs of Hangul without spaces
/// (`ⓒ연합뉴스무단전재및재배포금지`), and then demoted back to text when they turn out to be part of
/// an ordinary word (`편집국`, `복사기`, `이용규칙`): a terminal glued to following text is a
/// terminal only when that text is a particle (`전재와`, `배포를`).
enum NoticeLexer {
    static func tokens(_ f: FoldedText, _ lo: Int, _ hi: Int) -> [NoticeToken] {
        let s = f.scalars
        let lexicon = NoticeLexicon.shared
        var out: [NoticeToken] = []
        out.reserveCapacity((hi - lo) / 2 + 4)
        var p = lo
        var space = false
        func emit(_ kind: NoticeToken.Kind, _ a: Int, _ b: Int) {
            out.append(NoticeToken(kind: kind, lo: a, hi: b, spaceBefore: space || out.isEmpty))
            space = false
            p = b
        }
        while p < hi {
            let c = s[p]
            if c == Scalar.space || c == Scalar.newline { space = true; p += 1; continue }
            if c == Scalar.mark { emit(.mark, p, p + 1); continue }
            if c == Scalar.open {
                if let end = bracketed(s, p, hi, { Scalar.lower($0) == 0x63 }) { emit(.mark, p, end); continue }
                if let end = bracketed(s, p, hi, { $0 == 0xC8FC }) { emit(.terminal(.company), p, end); continue }
                emit(.open, p, p + 1)
                continue
            }
            if c == Scalar.close { emit(.close, p, p + 1); continue }
            if c == Scalar.quote { emit(.quote, p, p + 1); continue }
            if c == 0x3230 { emit(.terminal(.company), p, p + 1); continue }  // ㈜
            if let (terminal, end) = lexicon.match(s, p, lo, hi) { emit(.terminal(terminal), p, end); continue }
            if c < 0x80 && (Scalar.isASCIILetter(c) || Scalar.isDigit(c)) {
                let (kind, end) = asciiRun(s, p, hi)
                emit(kind, p, end)
                continue
            }
            if Scalar.isWordScalar(c) { emit(.text, p, p + 1); continue }
            switch c {
            case 0x2C, 0x2E, Scalar.bar, 0x3A, 0x3B, 0x2F, Scalar.dash, 0x26, Scalar.dot, 0x2B, 0x7E, 0x3D, 0x3002, 0x3001:
                emit(.separator(c == 0x3002 ? 0x2E : (c == 0x3001 ? 0x2C : c)), p, p + 1)
            default:
                emit(.decoration, p, p + 1)
            }
        }
        return glue(out, s)
    }

    /// `(c)`, `( c )`, `(주)`: the end after the closing bracket when `inner` accepts the letter.
    private static func bracketed(_ s: [UInt32], _ p: Int, _ hi: Int, _ inner: (UInt32) -> Bool) -> Int? {
        var k = p + 1
        if k < hi, s[k] == Scalar.space { k += 1 }
        guard k < hi, inner(s[k]) else { return nil }
        k += 1
        if k < hi, s[k] == Scalar.space { k += 1 }
        guard k < hi, s[k] == Scalar.close else { return nil }
        return k + 1
    }

    /// An ASCII run: a URL or e-mail address, a number (`1980-2022`, `02-398-3655`), or a word.
    private static func asciiRun(_ s: [UInt32], _ p: Int, _ hi: Int) -> (NoticeToken.Kind, Int) {
        var end = p
        var dots = 0, letters = 0, at = false, scheme = false
        while end < hi {
            let c = s[end]
            if Scalar.isASCIILetter(c) { letters += 1 }
            else if Scalar.isDigit(c) || c == 0x2D || c == 0x5F || c == 0x25 { }
            else if c == 0x2E { dots += 1 }
            else if c == 0x40 { at = true }
            else if c == 0x3A || c == 0x2F || c == 0x3F || c == 0x3D || c == 0x23 || c == 0x7E || c == 0x26 {
                if c == 0x3A, end + 2 < hi, s[end + 1] == 0x2F, s[end + 2] == 0x2F { scheme = true }
                else if !scheme { break }
            } else { break }
            end += 1
        }
        // Sentence punctuation and dashes at the end belong to the text around the run.
        while end > p + 1, s[end - 1] == 0x2E || s[end - 1] == 0x2D || s[end - 1] == 0x3A || s[end - 1] == 0x2F && !scheme {
            if s[end - 1] == 0x2E { dots -= 1 }
            end -= 1
        }
        if scheme || at && dots > 0 { return (.url, end) }
        if letters == 0 {
            // Digits with - . as in years, ranges and telephone numbers.
            return (.number, end)
        }
        if dots > 0, isDomain(s, p, end) { return (.url, end) }
        // A plain word: stop before any dot or dash, which are separators in a notice.
        var w = p
        while w < end, Scalar.isASCIILetter(s[w]) || Scalar.isDigit(s[w]) { w += 1 }
        return (.text, max(w, p + 1))
    }

    /// `www.x.co.kr`, `news1.kr`, `chosun.com`: dot-separated labels ending in 2–6 letters.
    private static func isDomain(_ s: [UInt32], _ a: Int, _ b: Int) -> Bool {
        var labels = 0, labelLength = 0, lastLetters = true
        var k = a
        while k <= b {
            if k == b || s[k] == 0x2E {
                guard labelLength > 0 else { return false }
                labels += 1
                if k == b { return labels >= 2 && lastLetters && labelLength >= 2 && labelLength <= 6 }
                labelLength = 0
                lastLetters = true
            } else {
                let c = s[k]
                guard Scalar.isASCIILetter(c) || Scalar.isDigit(c) || c == 0x2D else { return false }
                if !Scalar.isASCIILetter(c) { lastLetters = false }
                labelLength += 1
            }
            k += 1
        }
        return false
    }

    static let particles: Set<[UInt32]> = Set(["와", "과", "를", "을", "은", "는", "이나", "나", "도", "등", "등을",
                                                 "등의", "만", "행위", "행위를", "행위는", "일체"].map(scalarValues))

    /// Merges adjacent text into words, and demotes terminals that are part of a word.
    private static func glue(_ tokens: [NoticeToken], _ s: [UInt32]) -> [NoticeToken] {
        var out = mergeWords(tokens)
        // Demote a word terminal glued to following text that is not a particle.
        for i in out.indices.dropLast() {
            guard case .terminal(let t) = out[i].kind, isWordTerminal(t), !out[i + 1].spaceBefore else { continue }
            let next = out[i + 1]
            if isWordish(next.kind), !particles.contains(Array(s[next.lo..<next.hi])) {
                out[i].kind = .text
            }
        }
        out = mergeWords(out)
        // `저작권자C KBS`: a lone C after a lead is the mark typed without its circle.
        for k in out.indices.dropFirst() where out[k].kind == .text && out[k].hi - out[k].lo == 1 {
            if Scalar.lower(s[out[k].lo]) == 0x63, case .terminal(.lead) = out[k - 1].kind {
                out[k].kind = .mark
            }
        }
        return out
    }

    /// Text + text (and digits glued to text) form one word.
    private static func mergeWords(_ tokens: [NoticeToken]) -> [NoticeToken] {
        var merged: [NoticeToken] = []
        merged.reserveCapacity(tokens.count)
        for t in tokens {
            if let last = merged.last, !t.spaceBefore, isWordish(last.kind), isWordish(t.kind),
               last.kind == .text || t.kind == .text {
                merged[merged.count - 1].hi = t.hi
                merged[merged.count - 1].kind = .text
                continue
            }
            merged.append(t)
        }
        return merged
    }

    private static func isWordish(_ k: NoticeToken.Kind) -> Bool { k == .text || k == .number }

    /// Terminals made of Hangul syllables that may also occur inside ordinary words.
    private static func isWordTerminal(_ t: NoticeTerminal) -> Bool {
        switch t {
        case .act, .unauthorized, .connector, .terminator: return true
        default: return false
        }
    }
}
