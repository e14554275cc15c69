import Articles

/// Reads credit fragments: wire datelines, photo and material credits, source lines, bylines.
///
/// ```
/// Dateline  := ^ Open Place '=' Outlet Close (Reporters '=')?      (서울=연합뉴스) 홍길동 기자 =
///            | ^ Open Outlet Close (Reporters '=')?                [파이낸셜뉴스]
///            | ^ Reporters '='                                     홍길동 기자 =
/// Labelled  := Open Items Close                                   [사진=연합뉴스], ( 취재 : 한지연 / 편집 : 변지영 )
///            | ^ Items $                                            출처: 통계청, 영상취재: 변성중 영상편집: 송지영
///            | (. | '/') Items $                                    /사진=한빛일보, 입니다.영상편집:김유진
/// Items     := Label ('=' | ':') Value ((/ | , | ' ') Items)?       (after '/', the sign may be a space: / 화면캡처 MBC)
/// Supplied  := Open Value 제공 Close | (^ | '. ' | '/') Value 제공 $    (독자 제공), 국토교통부 제공
/// Photo     := Open Outlet? 자료사진 Close | '/' Outlet ($ | ' ')      (연합뉴스 자료사진), /뉴스1
/// Byline    := Open Byline Close | ^ Byline $ | (. | / ) Byline $   [한빛일보 홍길동 기자], 김영희 기자
///            | Byline Email (anywhere)                             이재동 기자 (trigger@yna.co.kr)
///            | (^ | '/') Email $ | Open Email Close                hong@example.com, [tgar1@mbn.co.kr]
/// ```
/// Labels: 사진, 사진 제공, 그래픽, 영상, 화면 출처 … → photo; 출처, 자료, 기사 제공 → source;
/// 제공, 자료 제공 → material; 글, 글·사진, 취재, 영상편집, 제작 … (people) → byline. A list takes
/// the kind of its first label.
/// `names` is the outlet or organisation named (연합뉴스, 독자, 통계청), nil for a bare byline.
public enum CreditGrammar {
    /// The credits inside one line, with `range` relative to the line (code points).
    public static func credits(in line: String) -> [Credit] {
        let f = FoldedText(line)
        var out: [Credit] = []
        var start = 0
        for k in 0...f.count where k == f.count || f.scalars[k] == Scalar.newline {
            for c in scan(f, start, k) {
                let r = f.originalRange(c.lo, c.hi)
                out.append(Credit(text: f.original(line, c.lo, c.hi), kind: c.kind, names: c.names,
                                  range: TextRange(r)))
            }
            start = k + 1
        }
        return out
    }

    /// A credit in folded coordinates.
    struct Found {
        var kind: Credit.Kind
        var names: String?
        var lo: Int
        var hi: Int
        /// True when the credit is the whole line (a byline or source line).
        var wholeLine = false
    }

    /// The credits of the folded line `lo..<hi`, in order, not overlapping.
    static func scan(_ f: FoldedText, _ lo: Int, _ hi: Int) -> [Found] {
        let s = f.scalars
        let (a, b) = f.trimmed(lo, hi)
        guard a < b else { return [] }
        if let c = emailLine(f, a, b) { return [c] }
        if let c = wholeLine(f, a, b) { return [c] }
        var found: [Found] = []
        if let c = lineStart(f, a, b) { found.append(c) }
        // One pass for what the rules below look for: brackets, `@`, `입니다`.
        var hasAt = false, hasCopula = false
        var k = found.last?.hi ?? a
        var next = k
        let copula = Byline.copula
        let (c0, c1) = (copula[0], copula[1])
        k = a
        while k < b {
            let c = s[k]
            if c == Scalar.open, k >= next, let close = closing(s, k, b) {
                if let credit = bracket(f, k, close, atLineStart: k == a) { found.append(credit) }
                next = close + 1
            } else if c == 0x40 {
                hasAt = true
            } else if c == c0, k + 1 < b, s[k + 1] == c1 {
                hasCopula = true
            }
            k += 1
        }
        if hasAt {
            // A byline around an address absorbs the bracketed address found on its own.
            for c in anchoredBylines(f, a, b) {
                found.removeAll { $0.lo >= c.lo && $0.hi <= c.hi }
                if !found.contains(where: { $0.lo < c.hi && c.lo < $0.hi }) { found.append(c) }
            }
        }
        for c in hasCopula ? signOffs(f, a, b) : [] {
            found.removeAll { $0.lo >= c.lo && $0.hi <= c.hi }
            if !found.contains(where: { $0.lo < c.hi && c.lo < $0.hi }) { found.append(c) }
        }
        let from = found.map(\.hi).max() ?? a
        if let c = lineEnd(f, from, b, lineStart: a), !found.contains(where: { $0.hi > c.lo }) {
            found.append(c)
        }
        return found.sorted { $0.lo < $1.lo }
    }

    // MARK: Whole lines

    /// `hong@example.com`, `이메일: hong@example.com`, `<hong@example.com>`.
    private static func emailLine(_ f: FoldedText, _ a: Int, _ b: Int) -> Found? {
        let s = f.scalars
        guard b - a <= 80, s[a..<b].contains(0x40) else { return nil }
        var k = a
        for label in ["이메일", "e-mail", "E-mail", "email", "Email", "E-Mail", "메일"].map(scalarValues) {
            if let e = CreditWords.matchPattern(s, k, b, label) {
                k = e
                if k < b, s[k] == Scalar.space { k += 1 }
                if k < b, s[k] == 0x3A || s[k] == 0x3D { k += 1 }
                if k < b, s[k] == Scalar.space { k += 1 }
                break
            }
        }
        if k < b, s[k] == Scalar.open { k += 1 }
        guard let e = Byline.address(s, k, b) else { return nil }
        var end = e
        if end < b, s[end] == Scalar.close { end += 1 }
        guard end == b else { return nil }
        return Found(kind: .byline, names: nil, lo: a, hi: b, wholeLine: true)
    }

    /// A line that is only a byline, or only labelled credits (`출처: 통계청`, `사진=연합뉴스`).
    private static func wholeLine(_ f: FoldedText, _ a: Int, _ b: Int) -> Found? {
        let s = f.scalars
        guard b - a <= 100 else { return nil }
        if var c = labelList(f, a, b, bare: false), c.hi == b {
            c.wholeLine = true
            return c
        }
        if let m = Byline.parse(s, a, b), m.end == b {
            return Found(kind: .byline, names: m.outlet.map { f.string($0.0, $0.1) }, lo: a, hi: b, wholeLine: true)
        }
        if var c = supplied(f, a, b) {
            c.wholeLine = true
            return c
        }
        return nil
    }

    /// Datelines, reporter openings and slash credits at the start of a paragraph.
    private static func lineStart(_ f: FoldedText, _ a: Int, _ b: Int) -> Found? {
        let s = f.scalars
        if s[a] == Scalar.open, let close = closing(s, a, b), var c = bracket(f, a, close, atLineStart: true) {
            if c.kind == .dateline || c.kind == .byline, let end = reporterOpening(s, close + 1, b) { c.hi = end }
            return c
        }
        if let end = reporterOpening(s, a, b) {
            return Found(kind: .byline, names: nil, lo: a, hi: end)
        }
        // `/연합뉴스   최근 …`: a photo credit left at the top by a caption.
        if s[a] == 0x2F {
            var e = a + 1
            while e < b, Scalar.isWordScalar(s[e]) { e += 1 }
            if e > a + 1, e == b || s[e] == Scalar.space, CreditWords.isOutletName(s, a + 1, e) {
                return Found(kind: .photo, names: f.string(a + 1, e), lo: a, hi: e)
            }
        }
        return nil
    }

    /// ` 홍길동 기자 =` after a dateline; the end after `=`.
    private static func reporterOpening(_ s: [UInt32], _ p: Int, _ b: Int) -> Int? {
        // The `=` closes the opening within a few words.
        guard s[p..<min(b, p + 40)].contains(0x3D) else { return nil }
        var k = p
        if k < b, s[k] == Scalar.space { k += 1 }
        guard let m = Byline.parse(s, k, b) else { return nil }
        var e = m.end
        if e < b, s[e] == Scalar.space { e += 1 }
        guard e < b, s[e] == 0x3D else { return nil }
        return e + 1
    }

    // MARK: Brackets

    /// The closing bracket of the group opened at `p`, within 120 scalars and not nested.
    private static func closing(_ s: [UInt32], _ p: Int, _ b: Int) -> Int? {
        var k = p + 1
        let limit = min(b, p + 120)
        while k < limit {
            if s[k] == Scalar.close { return k }
            if s[k] == Scalar.open { return nil }
            k += 1
        }
        return nil
    }

    /// What a bracket group `open..close` credits, if anything.
    private static func bracket(_ f: FoldedText, _ open: Int, _ close: Int, atLineStart: Bool) -> Found? {
        let s = f.scalars
        let (a, b) = f.trimmed(open + 1, close)
        guard a < b else { return nil }
        func spanning(_ c: Found) -> Found {
            Found(kind: c.kind, names: c.names, lo: open, hi: close + 1)
        }
        if let c = labelList(f, a, b, bare: false) {
            return c.hi == b ? spanning(c) : nil
        }
        if let m = Byline.parse(s, a, b, anyOutlet: true), m.end == b {
            return Found(kind: .byline, names: m.outlet.map { f.string($0.0, $0.1) }, lo: open, hi: close + 1)
        }
        if b - a > 48 { return nil }
        if let e = Byline.address(s, a, b), e == b {
            return Found(kind: .byline, names: nil, lo: open, hi: close + 1)
        }
        if let eq = s[a..<b].firstIndex(of: 0x3D) {
            // `서울=연합뉴스`: a place of one to three short words, then the outlet.
            let (pa, pb) = f.trimmed(a, eq)
            let (va, vb) = f.trimmed(eq + 1, b)
            guard atLineStart, pa < pb, va < vb, pb - pa <= 14, vb - va <= 20,
                  s[pa..<pb].filter({ $0 == Scalar.space }).count < 3,
                  (pa..<pb).allSatisfy({ Scalar.isWordScalar(s[$0]) || s[$0] == Scalar.space || s[$0] == Scalar.dot }),
                  (va..<vb).allSatisfy({ Scalar.isWordScalar(s[$0]) || s[$0] == Scalar.space }) else { return nil }
            return Found(kind: .dateline, names: f.string(va, vb), lo: open, hi: close + 1)
        }
        if let c = supplied(f, a, b) ?? archivePhoto(f, a, b) { return spanning(c) }
        if atLineStart, CreditWords.isOutletName(s, a, b) {
            return Found(kind: .dateline, names: f.string(a, b), lo: open, hi: close + 1)
        }
        return nil
    }

    // MARK: Labelled credits

    /// `사진=연합뉴스`, `출처: 통계청`, `취재 : 한지연 / 영상편집 : 변지영`, `영상취재: 변성중 영상편집: 송지영`.
    /// Items follow each other after `/`, `,` or a space; the list ends where no label follows.
    private static func labelList(_ f: FoldedText, _ p: Int, _ hi: Int, bare: Bool) -> Found? {
        let s = f.scalars
        var k = p
        var items = 0
        var kind: Credit.Kind?
        var names: String?
        var end = p
        while k < hi {
            guard let (label, v) = CreditWords.label(s, k, hi, bare: bare && items == 0) else { break }
            var e = v
            while e < hi {
                let c = s[e]
                if c == Scalar.close { break }
                if c == 0x2F || c == 0x2C || c == Scalar.space, nextLabel(s, e + 1, hi) { break }
                e += 1
            }
            let (va, vb) = f.trimmed(v, e)
            guard va < vb, vb - va <= 40, !endsSentence(s, va, vb) else { return items > 0 ? found() : nil }
            if kind == nil {
                kind = label.kind
                // `사진=백승철 기자` credits a person: names stays for organisations.
                if label.kind != .byline {
                    if let m = Byline.parse(s, va, vb), m.end == vb {
                        names = m.outlet.map { f.string($0.0, $0.1) }
                    } else {
                        names = value(f, va, vb)
                    }
                }
            }
            items += 1
            end = vb
            k = e
            if k < hi, s[k] == 0x2F || s[k] == 0x2C { k += 1 }
            if k < hi, s[k] == Scalar.space { k += 1 }
        }
        return found()

        func found() -> Found? {
            guard items > 0, let kind else { return nil }
            return Found(kind: kind, names: names, lo: p, hi: end)
        }
    }

    private static func nextLabel(_ s: [UInt32], _ p: Int, _ hi: Int) -> Bool {
        var k = p
        if k < hi, s[k] == Scalar.space { k += 1 }
        return k < hi && CreditWords.label(s, k, hi) != nil
    }

    private static func endsSentence(_ s: [UInt32], _ a: Int, _ b: Int) -> Bool {
        var e = b
        while e > a, s[e - 1] == 0x2E { e -= 1 }
        return e < b && e > a && (s[e - 1] == 0xB2E4 || s[e - 1] == 0xC694)
    }

    /// `독자 제공`, `국토교통부 제공`, `사진 한빛시 제공`: material (a photo when it says 사진).
    private static func supplied(_ f: FoldedText, _ a: Int, _ b: Int) -> Found? {
        let s = f.scalars
        let word = CreditWords.supplied
        guard CreditWords.hasSuffix(s, a, b, word) else { return nil }
        var (va, vb) = f.trimmed(a, b - word.count)
        var kind = Credit.Kind.material
        if let e = CreditWords.matchPattern(s, va, vb, CreditWords.photo), e < vb, s[e] == Scalar.space {
            kind = .photo
            va = e + 1
        }
        guard va < vb, vb - va <= 24, plainName(s, va, vb) else { return nil }
        return Found(kind: kind, names: f.string(va, vb), lo: a, hi: b)
    }

    /// `자료사진`, `연합뉴스 자료사진`.
    private static func archivePhoto(_ f: FoldedText, _ a: Int, _ b: Int) -> Found? {
        let s = f.scalars
        let word = CreditWords.archivePhoto
        guard CreditWords.hasSuffix(s, a, b, word) else { return nil }
        let (va, vb) = f.trimmed(a, b - word.count)
        if va < vb { guard vb - va <= 20, plainName(s, va, vb) else { return nil } }
        return Found(kind: .photo, names: va < vb ? f.string(va, vb) : nil, lo: a, hi: b)
    }

    /// The name in a credit value, without a trailing `제공`.
    private static func value(_ f: FoldedText, _ v: Int, _ b: Int) -> String? {
        var (va, vb) = f.trimmed(v, b)
        let word = CreditWords.supplied
        if CreditWords.hasSuffix(f.scalars, va, vb, word) { (va, vb) = f.trimmed(va, vb - word.count) }
        guard va < vb, vb - va <= 40 else { return nil }
        return f.string(va, vb)
    }

    /// At most three words, no sentence particles: a name, not a clause (`소상공인에 긴급자금`).
    private static func plainName(_ s: [UInt32], _ a: Int, _ b: Int) -> Bool {
        var words = 1
        for k in a..<b {
            let c = s[k]
            if c == Scalar.space {
                words += 1
                if k > a, particleEndings.contains(s[k - 1]) { return false }
            } else if !(Scalar.isWordScalar(c) || c == Scalar.dot || c == 0x26 || c == Scalar.dash) {
                return false
            }
        }
        if particleEndings.contains(s[b - 1]) && b - a > 2 { return false }
        return words <= 3
    }

    private static let particleEndings: Set<UInt32> = Set(scalarValues("에을를은는이가로와과도며고다"))

    // MARK: Bylines around e-mail addresses

    /// `이재동 기자 (trigger@yna.co.kr)#전세사기`, `YTN 나혜인 (dglee@ytn.co.kr) ※ …`: a byline that
    /// ends with an address, wherever it stands in the line.
    private static func anchoredBylines(_ f: FoldedText, _ a: Int, _ b: Int) -> [Found] {
        let s = f.scalars
        var out: [Found] = []
        var k = a
        while k < b {
            guard s[k] == 0x40 else { k += 1; continue }
            var start = k
            while start > a, isLocal(s[start - 1]) { start -= 1 }
            guard start < k, let end = Byline.address(s, start, b) else { k += 1; continue }
            // The byline begins at most 30 scalars before the address, at a word start.
            var best: Found?
            var st = max(a, start - 30)
            while st < start {
                if st == a || !Scalar.isWordScalar(s[st - 1]), Scalar.isWordScalar(s[st]),
                   let m = Byline.parse(s, st, b), m.end >= end, m.end <= end + 1 {
                    best = Found(kind: .byline, names: m.outlet.map { f.string($0.0, $0.1) }, lo: st, hi: m.end)
                    break
                }
                st += 1
            }
            if let best { out.append(best) }
            k = end
        }
        return out
    }

    /// Broadcast sign-offs anywhere in the line: `… 계획입니다.KBS 뉴스 김수연입니다.영상편집:김유진`.
    private static func signOffs(_ f: FoldedText, _ a: Int, _ b: Int) -> [Found] {
        let s = f.scalars
        let copula = Byline.copula
        let (c0, c1, c2) = (copula[0], copula[1], copula[2])
        var out: [Found] = []
        var k = a + 3
        while k + 3 <= b {
            if s[k] == c0, s[k + 1] == c1, s[k + 2] == c2,
               let (start, m) = Byline.signOff(s, copula: k, a, b) {
                out.append(Found(kind: .byline, names: m.outlet.map { f.string($0.0, $0.1) }, lo: start, hi: m.end))
                k = m.end
                continue
            }
            k += 1
        }
        return out
    }

    private static func isLocal(_ c: UInt32) -> Bool {
        Scalar.isASCIILetter(c) || Scalar.isDigit(c) || c == 0x2E || c == 0x5F || c == Scalar.dash || c == 0x2B
    }

    // MARK: Line ends

    /// A credit from a sentence end (or a slash) to the end of the line: `… 말했다. 홍길동 기자`,
    /// `… 모습. 국토교통부 제공`, `/사진=한빛일보`, `/뉴스1`, `…입니다.영상편집:김유진`,
    /// `2023.04.07 /jpnews@osen.co.kr`.
    private static func lineEnd(_ f: FoldedText, _ from: Int, _ b: Int, lineStart a: Int) -> Found? {
        let s = f.scalars
        // Candidate starts, farthest first: after sentence ends and slashes within 80 scalars.
        var starts: [(Int, Bool)] = []
        if from > a, from < b, b - from <= 80 { starts.append((from, false)) }
        var k = max(from, b - 80)
        while k < b {
            let c = s[k]
            if c == 0x2F, k == a || s[k - 1] == Scalar.space || isSentenceEnd(s[k - 1]) {
                starts.append((k, true))
            } else if isSentenceEnd(c), k + 1 < b, !(c == 0x2E && k > a && Scalar.isDigit(s[k - 1])) {
                starts.append((k + 1, false))
            }
            k += 1
        }
        // What may end the line decides which parsers can succeed at all.
        let last = s[b - 1]
        let bylineEnd = CreditWords.titleEnds.contains(last) || last < 0x80 && (Scalar.isASCIILetter(last) || Scalar.isDigit(last))
            || last == Scalar.close
        let suppliedEnd = CreditWords.hasSuffix(s, a, b, CreditWords.supplied)
        for (start, slash) in starts {
            var p = slash ? start + 1 : start
            if p < b, s[p] == Scalar.space { p += 1 }
            guard p < b else { continue }
            let lo = slash ? start : p
            func at(_ c: Found) -> Found { Found(kind: c.kind, names: c.names, lo: lo, hi: b) }
            if bylineEnd, let m = Byline.parse(s, p, b), m.end == b {
                return Found(kind: .byline, names: m.outlet.map { f.string($0.0, $0.1) }, lo: lo, hi: b)
            }
            if let c = labelList(f, p, b, bare: slash), c.hi == b { return at(c) }
            if suppliedEnd, let c = supplied(f, p, b) { return at(c) }
            guard slash else { continue }
            if let e = Byline.address(s, p, b), e == b { return Found(kind: .byline, names: nil, lo: lo, hi: b) }
            if CreditWords.isOutletName(s, p, b) { return Found(kind: .photo, names: f.string(p, b), lo: lo, hi: b) }
        }
        return nil
    }

    private static func isSentenceEnd(_ c: UInt32) -> Bool {
        c == 0x2E || c == 0x21 || c == 0x3F || c == Scalar.quote || c == Scalar.close
    }
}
