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

/// A notice found inside a longer text.
public struct NoticeMatch: Sendable, Hashable {
    /// The notice's code points in the searched text (surrounding spaces excluded).
    public var range: Range<Int>
    public var notice: ParsedNotice
}

/// Reads copyright notices.
///
/// A notice is a sequence of grammar units with at most one slot of free text, the holder:
/// ```
/// Notice  := Frame? Prefix? Lead* Holder? (Sep | Reserved | Url | Lead)* Clause* Trailer Frame?
///          | Frame? Holder Sep? Clause+ Frame?                 [조세금융신문(url), 무단전재 및 재배포 금지]
///          | Holder의 … ProtectedByLaw … Clause*                 채널A의 모든 콘텐츠는 저작권법의 보호를 받는 바, …
///          | Holder은 … ExercisesRights                         경향신문은 … 저작권을 행사합니다.
///          | … RightsBelong Holder에 있 …                       본 콘텐츠의 저작권은 제공처 또는 네이버에 있으며 …
///          | Lead Holder의 … OwnWork … Clause*                  ⓒ비즈니스워치의 소중한 저작물입니다. …
///          | … Use … Inquiry Contact …                          콘텐츠 사용과 관련해 … 문의하기 바랍니다.
/// Lead    := © | ⓒ | (c) | 저작권자 | 저작권 | Copyright(s)
/// Reserved:= All rights reserved | 판권 소유
/// Frame   := any bracket or quote pair, dashes, ※
/// Clause  := see `ProhibitionClause`
/// ```
/// Text outside the holder slot is noise: a body sentence that mentions 무단 전재 leaves free text
/// around its clause ("… 금지'라는 문구를 붙인다") and is rejected. Confidence grows with the
/// units present: a clause, a lead, a frame, a holder.
public enum NoticeGrammar {
    /// Longest text considered a notice candidate (code points); longer text is prose.
    static let maximumLength = 300

    /// Parses one notice candidate (a line, an alt text, a JSON string). Nil when the text is not
    /// a notice, including body sentences that merely mention 무단 전재.
    public static func parse(_ text: String) -> ParsedNotice? {
        let f = FoldedText(text)
        return parse(f, 0, f.count)
    }

    /// The first notice that runs to the end of a line of `text` (a notice appended to a
    /// paragraph: `…라고 말했다. <저작권자(c) 연합뉴스, 무단 전재-재배포 금지>`). With
    /// `allowTrailingText`, the notice may also be followed by more text after a sentence boundary
    /// (a site footer: `Copyright © KBS. All Rights Reserved. 주소: …`).
    public static func find(in text: String, allowTrailingText: Bool = false) -> NoticeMatch? {
        let f = FoldedText(text)
        var lineStart = 0
        for k in 0...f.count where k == f.count || f.scalars[k] == Scalar.newline {
            if let (range, notice) = find(f, lineStart, k, allowTrailingText: allowTrailingText) {
                return NoticeMatch(range: f.originalRange(range.lowerBound, range.upperBound), notice: notice)
            }
            lineStart = k + 1
        }
        return nil
    }

    // MARK: Folded entry points

    /// `triggered`: the caller has seen `NoticeTrigger` accept the line (the test is not repeated).
    static func parse(_ f: FoldedText, _ lo: Int, _ hi: Int, triggered: Bool = false) -> ParsedNotice? {
        guard hi - lo <= maximumLength * 2, triggered || mayContainNotice(f, lo, hi) else { return nil }
        let tokens = NoticeLexer.tokens(f, lo, hi)
        return analyse(tokens, 0, tokens.count, f)
    }

    /// A notice that ends the line `lo..<hi`, with its folded range. With `allowTrailingText`,
    /// the notice may also end at a sentence boundary inside the line, followed by other text
    /// (a site footer: `Copyright © X. All rights reserved. 주소: …`).
    static func find(_ f: FoldedText, _ lo: Int, _ hi: Int, allowTrailingText: Bool = false,
                     triggered: Bool = false) -> (Range<Int>, ParsedNotice)? {
        guard triggered || mayContainNotice(f, lo, hi) else { return nil }
        let t = NoticeLexer.tokens(f, lo, hi)
        guard !t.isEmpty else { return nil }
        var ends = [t.count]
        if allowTrailingText {
            for k in t.indices.reversed() where k + 1 < t.count && isSentenceBoundary(t, k) { ends.append(k + 1) }
        }
        // Every production needs an anchor token (see `isAnchor`): candidates without one are
        // skipped unanalysed. A long paragraph in the tail whose only trigger is a word like
        // 불가피 used to be analysed for every start and sentence end (≈ 20 µs an article).
        var nextAnchor = [Int](repeating: t.count, count: t.count + 1)
        for k in t.indices.reversed() { nextAnchor[k] = isAnchor(t[k].kind) ? k : nextAnchor[k + 1] }
        for k in t.indices where nextAnchor[k] < t.count && (k == 0 || isCandidateStart(t, k)) {
            for end in ends where end > nextAnchor[k] {
                guard t[end - 1].hi - t[k].lo <= maximumLength else { continue }
                if let notice = analyse(t, k, end, f) {
                    return (t[k].lo..<t[end - 1].hi, notice)
                }
            }
        }
        return nil
    }

    /// A token after which a new sentence or item may begin: `.` `|` `-` `/`, a closing bracket
    /// or a symbol, followed by a space.
    private static func isSentenceBoundary(_ t: [NoticeToken], _ k: Int) -> Bool {
        guard t[k + 1].spaceBefore else { return false }
        switch t[k].kind {
        case .separator(let c): return c == 0x2E || c == Scalar.bar || c == Scalar.dash || c == 0x2F
        case .close, .decoration: return true
        default: return false
        }
    }

    static func mayContainNotice(_ f: FoldedText, _ lo: Int, _ hi: Int) -> Bool {
        NoticeTrigger.mayContainNotice(f.scalars, lo, hi, inquiry: true)
    }

    /// Tokens without which `analyse` accepts nothing: a clause ends in a terminator or opens
    /// with a negative modal; the other productions need a mark, a lead, `copyright`,
    /// `reserved` or a phrase (the inquiry form included). Frames never hold these.
    static func isAnchor(_ kind: NoticeToken.Kind) -> Bool {
        switch kind {
        case .mark: return true
        case .terminal(let terminal):
            switch terminal {
            case .lead, .copyrightWord, .reserved, .phrase, .terminator, .negativeModal: return true
            default: return false
            }
        default: return false
        }
    }

    private static func isCandidateStart(_ t: [NoticeToken], _ k: Int) -> Bool {
        let boundary = t[k].spaceBefore || {
            switch t[k - 1].kind {
            case .separator, .close, .quote, .decoration: return true
            default: return false
            }
        }()
        guard boundary else { return false }
        switch t[k].kind {
        case .open, .quote, .mark, .decoration: return true
        case .terminal(.lead), .terminal(.copyrightWord), .terminal(.reserved): return true
        case .terminal(.unauthorized), .separator(Scalar.dash):
            // A bare clause starts a notice only after a sentence has ended, not inside one
            // (그가 내건 원칙은 무단 전재 … 금지).
            switch t[k - 1].kind {
            case .separator(let c): return c == 0x2E || c == Scalar.bar
            case .close, .decoration: return true
            default: return false
            }
        default: return false
        }
    }

    // MARK: Analysis

    private struct Region {
        var lo: Int
        var hi: Int
        /// Letters outside brackets and quotes.
        var letters = 0
        /// Letters inside brackets.
        var bracketLetters = 0
        /// Letters inside quotes (slogans).
        var quotedLetters = 0
        var hasNumberOrURL = false
        /// Words that end a sentence (…다, …요), outside brackets and quotes.
        var sentenceWords = 0
        /// Words ending in a case particle (…은, …는, …을, …를), outside brackets and quotes.
        var particleWords = 0
        var words = 0

        var hasLetters: Bool { letters + bracketLetters + quotedLetters > 0 }
    }

    static func analyse(_ t: [NoticeToken], _ a: Int, _ b: Int, _ f: FoldedText) -> ParsedNotice? {
        let s = f.scalars
        var lo = a, hi = b
        var framed = false
        // A quote frames the notice only when it is closed at the end: a quote that opens a
        // phrase inside a sentence ('무단 전재 금지'는 …) must still count what follows it.
        var last = hi - 1
        while last > lo, isFrameCloser(t[last].kind), t[last].kind != .quote { last -= 1 }
        let quotedFrame = t[last].kind == .quote
        while lo < hi, isFrameOpener(t[lo].kind), t[lo].kind != .quote || quotedFrame {
            if t[lo].kind == .open || t[lo].kind == .quote { framed = true }
            lo += 1
        }
        while hi > lo, isFrameCloser(t[hi - 1].kind), t[hi - 1].kind != .quote || quotedFrame { hi -= 1 }
        guard lo < hi else { return nil }

        // Clauses.
        var clauses: [ProhibitionClause] = []
        var i = lo
        while i < hi {
            if ProhibitionClause.canStart(t, i, lo), let c = ProhibitionClause.parse(t, i, hi, s) {
                clauses.append(c)
                i = c.hi
            } else {
                i += 1
            }
        }

        // Grammar units outside clauses.
        var isUnit = [Bool](repeating: false, count: hi - lo)
        for c in clauses { for k in c.lo..<c.hi { isUnit[k - lo] = true } }
        var firstAnchor = -1
        var hasMark = false, hasWordLead = false, hasReserved = false, hasCopyright = false
        var phrase: (NoticePhrase, Int)?
        for k in lo..<hi where !isUnit[k - lo] {
            switch t[k].kind {
            case .mark:
                hasMark = true
            case .terminal(.lead):
                if leadIsNoun(t, k, hi, s) { continue }
                hasWordLead = true
            case .terminal(.copyrightWord):
                hasCopyright = true
            case .terminal(.reserved):
                hasReserved = true
            case .terminal(.qualifier), .terminal(.subject):
                break
            case .terminal(.phrase(let p)) where p != .law:
                if phrase == nil { phrase = (p, k) }
            default:
                continue
            }
            isUnit[k - lo] = true
            if firstAnchor < 0, t[k].kind != .terminal(.reserved) { firstAnchor = k }
        }

        let regions = freeRegions(t, lo, hi, isUnit, s)

        if let (p, at) = phrase, p != .ownWork {
            guard var parsed = sentenceForm(p, at: at, t, lo, hi, clauses, regions, f) else { return nil }
            // `Copyright (c) YTN. All rights reserved. 모든 컨텐츠는 저작권법의 보호를 받은바, …`: a lead
            // before the sentence names the holder.
            if parsed.holder == nil, firstAnchor >= 0, firstAnchor < at,
               let slot = regions.first(where: { $0.lo > firstAnchor && $0.hi <= at && $0.hasLetters }) {
                parsed.holder = HolderName.extract(t, slot.lo, slot.hi, f)
            }
            return parsed
        }
        if clauses.isEmpty && !hasMark && !hasWordLead && !hasReserved && !hasCopyright {
            return inquiry(t, lo, hi, regions, f)
        }

        // The holder slot: the first region with letters after the first anchor, else the region
        // before the first clause.
        var holderIndex = -1
        if firstAnchor >= 0 {
            holderIndex = regions.firstIndex { $0.lo > firstAnchor && $0.hasLetters } ?? -1
            if holderIndex >= 0, let c = clauses.first, regions[holderIndex].lo > c.lo, c.lo > firstAnchor {
                // Anchor, clause, then text: the text is a trailer, not a holder.
                holderIndex = -1
            }
        }
        if holderIndex < 0, let c = clauses.first {
            holderIndex = regions.firstIndex { $0.hi == c.lo && $0.hasLetters } ?? -1
        }
        // A short prefix before the anchor (`GoodNews paper ⓒ 국민일보`).
        var prefixIndex = -1
        if firstAnchor >= 0, let r = regions.firstIndex(where: { $0.hi <= firstAnchor && $0.letters > 0 }),
           r != holderIndex, hasMark || hasCopyright {
            let p = regions[r]
            if p.letters <= 16, p.words <= 2, p.quotedLetters + p.bracketLetters == 0, p.sentenceWords + p.particleWords == 0 {
                prefixIndex = r
            }
        }

        // `저작물입니다`: the copula after the phrase is part of it.
        var copulaIndex = -1
        if let (p, at) = phrase, p == .ownWork, let r = regions.firstIndex(where: { $0.lo == at + 1 }), regions[r].letters <= 4 {
            copulaIndex = r
        }
        var noise = 0
        for (index, r) in regions.enumerated() where index != holderIndex && index != prefixIndex && index != copulaIndex {
            noise += r.letters + r.quotedLetters
            if r.bracketLetters > 10 && !r.hasNumberOrURL { noise += r.bracketLetters }
        }
        let slot = holderIndex >= 0 ? regions[holderIndex] : Region(lo: hi, hi: hi)

        var holder: String?
        if holderIndex >= 0 {
            if let (p, at) = phrase, p == .ownWork {
                holder = possessor(t, slot.lo, min(slot.hi, at), f)
            } else {
                holder = HolderName.extract(t, slot.lo, slot.hi, f)
            }
        }
        let anchored = firstAnchor >= 0
        // `무단 전재 및 재배포 금지 <한빛일보>`: a bracketed name after the clause.
        if holder == nil, !anchored, let last = clauses.last,
           let r = regions.first(where: { $0.lo >= last.hi && $0.letters == 0 && $0.bracketLetters > 0 }) {
            holder = HolderName.extract(t, r.lo, r.hi, f)
        }
        var confidence: Double

        if !clauses.isEmpty {
            guard noise <= 1, slot.letters <= 40 else { return nil }
            if !anchored {
                if framed {
                    guard slot.words <= 8 else { return nil }
                } else {
                    guard slot.words <= 3, slot.particleWords == 0, slot.sentenceWords == 0 else { return nil }
                }
            }
            confidence = anchored ? 0.9 : (framed ? 0.85 : 0.75)
            if framed && anchored { confidence += 0.05 }
            if holder != nil { confidence += 0.05 }
        } else {
            // A reservation alone must open the text and name a holder, not begin a sentence.
            guard noise == 0, prefixIndex < 0, firstAnchor == lo || firstAnchor < 0, slot.letters <= 40,
                  slot.sentenceWords + slot.particleWords == 0,
                  regions.allSatisfy({ $0.lo > firstAnchor || !$0.hasLetters }) else { return nil }
            if hasMark || hasReserved {
                confidence = hasReserved ? 0.85 : 0.75
                if framed { confidence += 0.05 }
            } else {
                // Only a word lead (`저작권자 X`, `Copyright X`): the slot must read as a name.
                guard let name = holder, slot.words <= 4, name.unicodeScalars.count <= 30, readsAsName(name),
                      hasCopyright || t[lo].kind == .terminal(.lead(holderWord: true)) else { return nil }
                confidence = 0.6
            }
            if hasMark && hasCopyright { confidence += 0.05 }
        }
        if !clauses.isEmpty, clauses.allSatisfy({ $0.acts.isEmpty }) { confidence -= 0.2 }
        confidence -= 0.02 * Double(noise) + 0.01 * Double(max(0, slot.letters - 24))
        var acts: [ProhibitedAct] = []
        for c in clauses { acts += c.acts }
        return ParsedNotice(holder: holder, prohibits: acts, reservesRightsOnly: acts.isEmpty,
                            confidence: min(1, max(0.05, confidence)))
    }

    /// `Hanbit Times`, `한빛일보`, not `infringement lawsuits`: English words of a name are
    /// capitalised (short function words aside).
    private static func readsAsName(_ name: String) -> Bool {
        for word in name.split(separator: " ") {
            guard let first = word.unicodeScalars.first, first.value >= 0x61, first.value <= 0x7A else { continue }
            if !["of", "and", "the", "de"].contains(word) { return false }
        }
        return true
    }

    /// The runs of tokens between grammar units, with what kind of text they hold.
    private static func freeRegions(_ t: [NoticeToken], _ lo: Int, _ hi: Int, _ isUnit: [Bool], _ s: [UInt32]) -> [Region] {
        var regions: [Region] = []
        var depth = 0, quoted = false
        var k = lo
        while k < hi {
            if isUnit[k - lo] { k += 1; continue }
            var r = Region(lo: k, hi: k)
            var previousWordEnd = -1
            while k < hi, !isUnit[k - lo] {
                let token = t[k]
                switch token.kind {
                case .open: depth += 1
                case .close: depth = max(0, depth - 1)
                case .quote: quoted.toggle()
                case .url, .number: r.hasNumberOrURL = true
                case .separator, .decoration, .mark, .terminal(.company): break
                default:
                    let n = letterCount(s, token.lo, token.hi)
                    if depth > 0 { r.bracketLetters += n }
                    else if quoted { r.quotedLetters += n }
                    else {
                        r.letters += n
                        if token.spaceBefore || previousWordEnd != token.lo { r.words += 1 }
                        // Judge the word when it ends (the next token is not glued to it).
                        let wordEnds = k + 1 >= hi || t[k + 1].spaceBefore || !isWordToken(t[k + 1].kind)
                        if wordEnds, token.hi - token.lo >= 1 {
                            let last = s[token.hi - 1]
                            let wordLength = token.hi - wordStart(t, k)
                            if wordLength >= 2 && (last == 0xB2E4 || last == 0xC694 || last == 0xC8E0) { r.sentenceWords += 1 }
                            if wordLength >= 2 && (last == 0xC740 || last == 0xB294 || last == 0xC744 || last == 0xB97C) {
                                r.particleWords += 1
                            }
                        }
                        previousWordEnd = token.hi
                    }
                }
                k += 1
            }
            r.hi = k
            regions.append(r)
        }

        return regions
    }

    // MARK: Sentence forms

    private static func sentenceForm(_ p: NoticePhrase, at: Int, _ t: [NoticeToken], _ lo: Int, _ hi: Int,
                                     _ clauses: [ProhibitionClause], _ regions: [Region], _ f: FoldedText) -> ParsedNotice? {
        let before = regions.filter { $0.hi <= at }.reduce(0) { $0 + $1.letters }
        let firstClause = clauses.first { $0.lo > at }
        let between = regions.filter { $0.lo > at && $0.hi <= (firstClause?.lo ?? hi) }.reduce(0) { $0 + $1.letters }
        let after = firstClause.map { c in regions.filter { $0.lo >= c.hi }.reduce(0) { $0 + $1.letters } } ?? 0
        let clausesBefore = clauses.filter { $0.hi <= at }
        var acts: [ProhibitedAct] = []
        for c in clauses { acts += c.acts }
        let holder: String?
        var confidence: Double
        switch p {
        case .protectedByLaw:
            guard before <= 30, clausesBefore.isEmpty, after <= 1 else { return nil }
            if firstClause == nil { guard between <= 6 else { return nil } } else { guard between <= 4 else { return nil } }
            holder = possessor(t, lo, at, f)
            confidence = firstClause == nil ? 0.6 : 0.9
        case .exercisesRights:
            guard before <= 60, between <= 5, clauses.isEmpty else { return nil }
            holder = topic(t, lo, at, f)
            confidence = 0.7
        case .rightsBelong:
            guard before <= 12, between + after <= 70 else { return nil }
            holder = owner(t, at + 1, hi, f)
            confidence = 0.6
        case .inquiry:
            return inquiry(t, lo, hi, regions, f)
        case .ownWork, .law:
            return nil
        }
        return ParsedNotice(holder: holder, prohibits: acts, reservesRightsOnly: acts.isEmpty, confidence: confidence)
    }

    /// A licensing contact line: `콘텐츠 사용과 관련해 … 전화(…) 또는 이메일(…)로 문의하기 바랍니다.`
    private static func inquiry(_ t: [NoticeToken], _ lo: Int, _ hi: Int, _ regions: [Region], _ f: FoldedText) -> ParsedNotice? {
        let s = f.scalars
        var hasInquiry = false, hasContact = false, hasUse = false, hasContent = false
        for k in lo..<hi {
            switch t[k].kind {
            case .terminal(.phrase(.inquiry)): hasInquiry = true
            case .url, .number: hasContact = true
            case .terminal(.act(.use)): hasUse = true
            case .text:
                if contentWords.contains(where: { startsWith(s, t[k].lo, t[k].hi, $0) }) { hasContent = true }
                if useWords.contains(where: { startsWith(s, t[k].lo, t[k].hi, $0) }) { hasUse = true }
            default: break
            }
        }
        let letters = regions.reduce(0) { $0 + $1.letters }
        let requestEnding = endsWithRequest(s, t[hi - 1].hi)
        guard hasInquiry, hasContact, hasUse, hasContent, requestEnding, letters <= 60 else { return nil }
        return ParsedNotice(holder: nil, prohibits: [], reservesRightsOnly: true, confidence: 0.4)
    }

    private static let contentWords = ["콘텐츠", "기사", "사진", "영상", "저작물"].map(scalarValues)
    private static let useWords = ["사용", "이용", "구매", "전재", "라이선스"].map(scalarValues)

    private static let requestEndings = ["바랍니다", "주십시오", "주세요", "하세요", "바람"].map(scalarValues)

    private static func endsWithRequest(_ s: [UInt32], _ end: Int) -> Bool {
        var e = end
        while e > 0, s[e - 1] == 0x2E || s[e - 1] == Scalar.space { e -= 1 }
        return requestEndings.contains { e >= $0.count && s[(e - $0.count)..<e].elementsEqual($0) }
    }

    private static func startsWith(_ s: [UInt32], _ lo: Int, _ hi: Int, _ prefix: [UInt32]) -> Bool {
        hi - lo >= prefix.count && s[lo..<(lo + prefix.count)].elementsEqual(prefix)
    }

    /// `채널A의 모든 …`, `비즈니스워치의 소중한 …`: the first word when it is a possessive.
    private static func possessor(_ t: [NoticeToken], _ lo: Int, _ hi: Int, _ f: FoldedText) -> String? {
        guard let (a, b) = firstWord(t, lo, hi), b - a >= 2, f.scalars[b - 1] == 0xC758 else { return nil }  // 의
        let name = f.string(a, b - 1)
        return genericHolders.contains(name) ? nil : name
    }

    /// `경향신문은 …`: the first word without its topic or subject particle.
    private static func topic(_ t: [NoticeToken], _ lo: Int, _ hi: Int, _ f: FoldedText) -> String? {
        guard let (a, b) = firstWord(t, lo, hi), b - a >= 2 else { return nil }
        let last = f.scalars[b - 1]
        let cut = last == 0xC740 || last == 0xB294 || last == 0xAC00 || last == 0xC774 ? b - 1 : b  // 은 는 가 이
        let name = f.string(a, cut)
        return genericHolders.contains(name) ? nil : name
    }

    /// `저작권은 제공처 또는 네이버에 있으며`, `저작권은 SBS 라디오에 있습니다`: the last named
    /// alternative before `…에 있`.
    private static func owner(_ t: [NoticeToken], _ lo: Int, _ hi: Int, _ f: FoldedText) -> String? {
        let s = f.scalars
        var alternatives: [[String]] = [[]]
        var k = lo
        while k < hi {
            if case .terminal(.connector) = t[k].kind { alternatives.append([]); k += 1; continue }
            if case .separator(0x2C) = t[k].kind { alternatives.append([]); k += 1; continue }
            guard let (a, b) = wordAt(t, k, hi) else { k += 1; continue }
            let next = nextWordIndex(t, k, hi)
            if s[b - 1] == 0xC5D0, b - a >= 2, next < hi, s[t[next].lo] == 0xC788 {  // …에 있…
                alternatives[alternatives.count - 1].append(f.string(a, b - 1))
                let names = alternatives.map { $0.joined(separator: " ") }
                return names.last { !$0.isEmpty && !genericHolders.contains($0) }
            }
            alternatives[alternatives.count - 1].append(f.string(a, b))
            k = next
        }
        return nil
    }

    private static let genericHolders: Set<String> = ["본", "이", "모든", "해당", "제공처", "언론사", "각 언론사", "당사", "본사", "원저작자"]

    // MARK: Token helpers

    private static func firstWord(_ t: [NoticeToken], _ lo: Int, _ hi: Int) -> (Int, Int)? {
        var k = lo
        while k < hi, !isWordToken(t[k].kind) { k += 1 }
        return k < hi ? wordAt(t, k, hi) : nil
    }

    /// The word (glued word tokens) starting at token `k`.
    private static func wordAt(_ t: [NoticeToken], _ k: Int, _ hi: Int) -> (Int, Int)? {
        guard isWordToken(t[k].kind) else { return nil }
        var e = k
        while e + 1 < hi, !t[e + 1].spaceBefore, isWordToken(t[e + 1].kind) { e += 1 }
        return (t[k].lo, t[e].hi)
    }

    private static func nextWordIndex(_ t: [NoticeToken], _ k: Int, _ hi: Int) -> Int {
        var e = k + 1
        while e < hi, !t[e].spaceBefore, isWordToken(t[e].kind) { e += 1 }
        while e < hi, !isWordToken(t[e].kind) { e += 1 }
        return e
    }

    private static func wordStart(_ t: [NoticeToken], _ k: Int) -> Int {
        var b = k
        while b > 0, !t[b].spaceBefore, isWordToken(t[b - 1].kind) { b -= 1 }
        return t[b].lo
    }

    static func isWordToken(_ k: NoticeToken.Kind) -> Bool {
        switch k {
        case .text, .number, .terminal: return true
        default: return false
        }
    }

    /// `저작권자는 …`, `저작권자 측은 …`: the lead is a noun of a sentence, not a notice's lead.
    private static func leadIsNoun(_ t: [NoticeToken], _ k: Int, _ hi: Int, _ s: [UInt32]) -> Bool {
        guard k + 1 < hi else { return false }
        let next = t[k + 1]
        guard next.kind == .text, let first = s[next.lo..<next.hi].first else { return false }
        if !next.spaceBefore { return nounFollowers.contains(first) }
        return next.hi - next.lo >= 2 && s[next.lo] == 0xCE21  // 측…
    }

    private static let nounFollowers: Set<UInt32> = Set(scalarValues("는은가의를을들에로와과도만측이"))

    private static func letterCount(_ s: [UInt32], _ lo: Int, _ hi: Int) -> Int {
        var n = 0
        for k in lo..<hi where Scalar.isWordScalar(s[k]) { n += 1 }
        return n
    }

    private static func isFrameOpener(_ k: NoticeToken.Kind) -> Bool {
        switch k {
        case .open, .quote, .decoration: return true
        case .separator(let c): return c == Scalar.dash || c == 0x7E || c == 0x3D || c == Scalar.bar || c == 0x2A
        default: return false
        }
    }

    private static func isFrameCloser(_ k: NoticeToken.Kind) -> Bool {
        switch k {
        case .close, .quote, .decoration: return true
        case .separator(let c): return c != 0x26 && c != 0x2F
        default: return false
        }
    }
}
