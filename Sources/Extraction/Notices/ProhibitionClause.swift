import Articles

/// A prohibition clause: the acts a notice forbids and the word that forbids them.
///
/// ```
/// Clause     := ActList Terminator                      무단 전재 및 재배포 금지
///             | Subject? NegModal Passive (Conn Passive)* Qualifier?
///                                                       This material may not be published, … or redistributed
/// ActList    := Unauth? Act Particle* (Conn? Unauth? Act Particle*)*
/// Act        := 전재 | 재배포 | 배포 | 복제 | 복사 | 수집 | 크롤링 | 변형 | 편집 | 가공 | AI 학습 | 데이터 활용
///             | 이용 | 활용 | 사용 | reproduction | redistribution | …
/// Conn       := 및 | 또는 | , | · | - | & | / | + | and | or
/// Particle   := 와 | 과 | 를 | 을 | 등 | 행위 | …    (glued to the act: 전재와, 배포를)
/// Terminator := 금지 | 금합니다 | 불가 | 엄금 | prohibited | is not permitted | …
/// ```
/// Use words (이용, 활용) forbid AI training when the clause speaks of AI (`AI 학습 및 활용 금지`)
/// and nothing copyscan distinguishes otherwise (`무단 이용 금지`).
struct ProhibitionClause {
    /// Token indices `lo..<hi`.
    var lo: Int
    var hi: Int
    var acts: [ProhibitedAct]

    /// True when a clause may begin at token `i`.
    static func canStart(_ t: [NoticeToken], _ i: Int, _ lo: Int) -> Bool {
        guard case .terminal(let term) = t[i].kind else { return false }
        switch term {
        case .unauthorized, .subject, .negativeModal:
            return true
        case .act(let w):
            if case .passive = w { return false }
            // An act glued to the text before it is the end of a word (식품가공), not a clause.
            return i == lo || t[i].spaceBefore || t[i - 1].kind != .text
        default:
            return false
        }
    }

    /// The clause starting at token `i`, if the tokens up to `hi` form one.
    static func parse(_ t: [NoticeToken], _ i: Int, _ hi: Int, _ s: [UInt32]) -> ProhibitionClause? {
        if case .terminal(.subject) = t[i].kind {
            guard i + 1 < hi, case .terminal(.negativeModal) = t[i + 1].kind else { return nil }
            return passive(t, i, i + 2, hi)
        }
        if case .terminal(.negativeModal) = t[i].kind { return passive(t, i, i + 1, hi) }

        var j = i
        var acts: [ProhibitedAct] = []
        var sawAct = false, sawAI = false, sawUnauthorized = false
        while j < hi {
            switch t[j].kind {
            case .terminal(.unauthorized):
                sawUnauthorized = true
                j += 1
            case .terminal(.act(let w)):
                switch w {
                case .act(let a): acts.append(a)
                case .ai: sawAI = true
                case .use: break
                case .passive: return nil
                }
                sawAct = true
                j += 1
                while j < hi, t[j].kind == .text, isParticle(t[j], s) { j += 1 }
            case .terminal(.connector):
                guard sawAct else { return nil }
                j += 1
            case .separator(let c) where c == 0x2C || c == Scalar.dot || c == Scalar.dash || c == 0x26
                || c == 0x2F || c == 0x2B:
                guard sawAct else { return nil }
                j += 1
            case .terminal(.terminator):
                guard sawAct else { return nil }
                if sawAI { acts.append(.aiTraining) }
                // "사용 금지" alone is any rule about using anything; "무단 사용 금지" is a notice.
                guard !acts.isEmpty || sawUnauthorized else { return nil }
                return ProhibitionClause(lo: i, hi: j + 1, acts: acts)
            default:
                return nil
            }
        }
        return nil
    }

    /// `may not be published, broadcast, rewritten or redistributed (without permission)`.
    private static func passive(_ t: [NoticeToken], _ start: Int, _ from: Int, _ hi: Int) -> ProhibitionClause? {
        var j = from
        var acts: [ProhibitedAct] = []
        var end = -1
        while j < hi {
            switch t[j].kind {
            case .terminal(.act(.passive(let a))):
                if let a { acts.append(a) }
                end = j + 1
                j += 1
            case .terminal(.act(.ai)):
                acts.append(.aiTraining)
                end = j + 1
                j += 1
            case .terminal(.connector), .separator(0x2C):
                j += 1
            case .terminal(.qualifier):
                if end > 0 { end = j + 1 }
                j = hi
            default:
                j = hi
            }
        }
        guard end > 0 else { return nil }
        return ProhibitionClause(lo: start, hi: end, acts: acts)
    }

    private static func isParticle(_ token: NoticeToken, _ s: [UInt32]) -> Bool {
        !token.spaceBefore && NoticeLexer.particles.contains(Array(s[token.lo..<token.hi]))
            || fillers.contains(Array(s[token.lo..<token.hi]))
    }

    /// Words that may stand between acts and the terminator with a space: `재배포 행위를 금합니다`.
    private static let fillers: Set<[UInt32]> = Set(["행위", "행위를", "행위는", "등", "등을", "일체", "일체를"].map(scalarValues))
}
