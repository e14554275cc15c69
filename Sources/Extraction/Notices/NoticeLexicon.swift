import Articles

/// What an act word contributes to a prohibition clause.
enum ActWord: Equatable, Sendable {
    /// A word naming one act: 전재, 재배포, 복제, reproduction.
    case act(ProhibitedAct)
    /// AI training or AI/data use: `AI 학습`, `AI 활용`, `데이터 활용`.
    case ai
    /// A generic use word (이용, 활용, 사용, 학습): AI training when the clause speaks of AI,
    /// otherwise an unnamed "use" that forbids nothing copyscan distinguishes.
    case use
    /// An English past participle after "may not be" (published, rewritten).
    case passive(ProhibitedAct?)
}

/// The sentence-form productions of notices that are not `mark holder, clause`.
enum NoticePhrase: Equatable, Sendable {
    /// `저작권법의 보호를 받…`: "X의 모든 콘텐츠는 저작권법의 보호를 받는 바, 무단 전재 … 금지".
    case protectedByLaw
    /// `저작권을 행사`: "X은 … 디지털뉴스이용규칙에 따른 저작권을 행사합니다."
    case exercisesRights
    /// `저작권은`: "본 콘텐츠의 저작권은 X에 있으며 …"
    case rightsBelong
    /// `저작물`: "ⓒX의 소중한 저작물입니다."
    case ownWork
    /// `문의`: a licensing contact line.
    case inquiry
    /// `저작권법` on its own: a word of the sentence forms, never a lead.
    case law
}

/// The terminals of the notice grammar.
enum NoticeTerminal: Equatable, Sendable {
    /// 저작권자, 저작권 (`holderWord` = 저작권자: "the rights holder is").
    case lead(holderWord: Bool)
    case copyrightWord
    case reserved
    case unauthorized
    case act(ActWord)
    case connector
    case terminator
    case negativeModal
    case subject
    case qualifier
    case phrase(NoticePhrase)
    case company
}

/// The terminal vocabulary, keyed by first scalar.
///
/// A space in a pattern matches zero or one space of the text ("AI학습" and "AI 학습"); nowhere
/// else does the matcher skip spaces, so "수 집" is never "수집". Latin letters match without
/// case. A pattern that begins (ends) with a Latin letter only matches at a word boundary on that
/// side; `closed` terminals (금지, 불가) must not be followed by a Hangul syllable, so that
/// 금지하는 or 불가능 is never a terminator.
struct NoticeLexicon: Sendable {
    struct Entry: Sendable {
        let pattern: [UInt32]
        let terminal: NoticeTerminal
        let closed: Bool
        let latinStart: Bool
        let latinEnd: Bool
    }

    private(set) var byFirst: [UInt32: [Entry]] = [:]
    /// Bit c set when some entry starts with the BMP scalar c. The lexer asks at every
    /// position of a line and almost no scalar starts an entry: the bit answers without
    /// hashing the scalar (the dictionary lookups were ≈ 15,000 instructions an article read,
    /// callgrind).
    private var startsBMP = [UInt64](repeating: 0, count: 0x10000 / 64)

    static let shared = NoticeLexicon()

    private init() {
        func add(_ terminal: NoticeTerminal, closed: Bool = false, _ patterns: String...) {
            for p in patterns {
                let scalars = scalarValues(p.lowercased())
                guard let first = scalars.first, let last = scalars.last else { continue }
                let entry = Entry(pattern: scalars, terminal: terminal, closed: closed,
                                  latinStart: Scalar.isASCIILetter(first), latinEnd: Scalar.isASCIILetter(last))
                byFirst[first, default: []].append(entry)
            }
        }
        add(.lead(holderWord: true), "저작권자")
        add(.lead(holderWord: false), "저작권")
        add(.copyrightWord, "copyrights", "copyright", "copr.")
        add(.reserved, "all rights reserved", "all right reserved", "all rights are reserved",
            "판권 소유", "판권소유", "모든 권리 보유")
        add(.unauthorized, "무단", "unauthorized", "unauthorised")
        add(.act(.act(.reproduction)), "전재", "재전재", "게재", "재게재",
            "reproduction", "reproducing", "reprinting", "republication", "republishing")
        add(.act(.act(.redistribution)), "재배포", "배포", "재전송", "전송", "유포", "재판매",
            "redistribution", "redistributing", "distribution", "retransmission")
        add(.act(.act(.copying)), "복제", "복사", "copying")
        add(.act(.act(.collection)), "수집", "크롤링", "스크래핑", "스크레이핑", "스크랩핑", "데이터 수집",
            "crawling", "scraping", "data mining")
        add(.act(.act(.modification)), "변형", "편집", "가공", "재가공", "개작",
            "modification", "alteration", "rewriting")
        add(.act(.ai), "ai 학습", "ai 활용", "ai 이용", "ai 데이터", "ai 트레이닝", "ai 훈련", "ai학습용",
            "인공지능 학습", "인공지능 활용", "인공지능 이용", "인공지능 데이터", "생성형 ai", "데이터 활용",
            "ai training", "training ai", "ai model training")
        add(.act(.use), "이용", "활용", "사용", "학습")
        add(.act(.passive(.reproduction)), "published", "republished", "reproduced", "reprinted")
        add(.act(.passive(.redistribution)), "broadcast", "rebroadcast", "redistributed", "distributed", "transmitted")
        add(.act(.passive(.copying)), "copied")
        add(.act(.passive(.modification)), "rewritten", "modified", "altered")
        add(.act(.passive(.collection)), "crawled", "scraped")
        add(.act(.passive(nil)), "used")
        add(.connector, "및", "또는", "and", "or")
        add(.terminator, closed: true, "금지", "불가", "불허", "엄금", "금함")
        add(.terminator, "금지합니다", "금지됩니다", "금지함", "금지됨", "금지입니다", "금합니다", "불가합니다",
            "prohibited", "is prohibited", "are prohibited", "strictly prohibited", "is strictly prohibited",
            "are strictly prohibited", "forbidden", "is forbidden", "are forbidden", "not permitted",
            "is not permitted", "are not permitted", "not allowed", "is not allowed")
        add(.negativeModal, "may not be", "must not be", "cannot be", "can not be", "shall not be")
        add(.subject, "this material", "this article", "this content", "the material", "this story")
        add(.qualifier, "without permission", "without prior permission", "without written permission",
            "without prior written permission", "without the prior written permission", "without consent")
        add(.phrase(.protectedByLaw), "저작권법의 보호를 받", "저작권법에 의해 보호", "저작권법에 따라 보호",
            "저작권법으로 보호", "저작권법에 의해 보호받")
        add(.phrase(.exercisesRights), "저작권을 행사")
        add(.phrase(.rightsBelong), "저작권은")
        add(.phrase(.ownWork), "저작물")
        add(.phrase(.inquiry), "문의")
        add(.phrase(.law), "저작권법")
        add(.company, "주식회사", "co., ltd", "co.,ltd", "co. ltd", "inc.", "corp.", "ltd.", "company")
        for key in byFirst.keys {
            byFirst[key]?.sort { $0.pattern.count > $1.pattern.count }
            if key < 0x10000 { startsBMP[Int(key >> 6)] |= 1 << UInt64(key & 63) }
        }
    }

    /// The longest terminal starting at `p` in `s[lo..<hi]`, with its end.
    func match(_ s: [UInt32], _ p: Int, _ lo: Int, _ hi: Int) -> (NoticeTerminal, Int)? {
        let first = Scalar.lower(s[p])
        if first < 0x10000, startsBMP[Int(first >> 6)] & (1 << UInt64(first & 63)) == 0 { return nil }
        guard let entries = byFirst[first] else { return nil }
        for e in entries {
            if e.latinStart, p > lo, Scalar.isASCIILetter(s[p - 1]) { continue }
            // `문의` (inquiry) only as a word of its own: `물결신문의` is an outlet's name plus 의.
            if case .phrase(.inquiry) = e.terminal, p > lo, (0xAC00...0xD7A3).contains(s[p - 1]) { continue }
            var j = 0, k = p
            let pattern = e.pattern
            while j < pattern.count {
                let want = pattern[j]
                if want == Scalar.space {
                    if k < hi, s[k] == Scalar.space { k += 1 }
                    j += 1
                    continue
                }
                guard k < hi, Scalar.lower(s[k]) == want else { break }
                j += 1
                k += 1
            }
            guard j == pattern.count else { continue }
            if e.latinEnd, k < hi, Scalar.isASCIILetter(s[k]) { continue }
            if e.closed, k < hi, Scalar.isHangul(s[k]) { continue }
            return (e.terminal, k)
        }
        return nil
    }
}
