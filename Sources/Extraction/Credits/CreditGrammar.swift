import Articles

/// Reads credit fragments: wire datelines, photo and material credits, source lines, bylines.
///
/// ```
/// Dateline  := ^ Open Place '=' Outlet Close (Reporters '=')?      (서울=연합뉴스) 홍길동 기자 =
///            | ^ Open Outlet Close (Reporters '=')?                [파이낸셜뉴스]
///            | ^ Reporters '='                                     홍길동 기자 =
/// Labelled  := Open Label ('=' | ':') Value Close                  [사진=연합뉴스], (사진=독자 제공)
///            | ^ Label ('=' | ':') Value $                          출처: 통계청, 기사제공 연합뉴스
///            | '/' Label '=' Value $                                /사진=한빛일보
/// Supplied  := Open Value 제공 Close | (^ | '. ' | '/') Value 제공 $    (독자 제공), 국토교통부 제공
/// Photo     := Open Outlet? 자료사진 Close | '/' Outlet $              (연합뉴스 자료사진), /뉴스1
/// Byline    := Open Byline Close | ^ Byline $ | (. | / ) Byline $   [한빛일보 홍길동 기자], 김영희 기자
///            | ^ Email $                                           hong@example.com
/// ```
/// Labels: 사진, 사진 제공, 그래픽, 영상, 자료사진 … → photo; 출처, 자료, 기사 제공 → source;
/// 제공, 자료 제공 → material; 글, 글·사진, 취재 (with a reporter as value) → byline.
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
        var cursor = found.last?.hi ?? a
        // Bracketed credits anywhere.
        var k = cursor
        while k < b {
            if s[k] == Scalar.open, let close = closing(s, k, b) {
                if let c = bracket(f, k, close, atLineStart: k == a) {
                    found.append(c)
                    cursor = c.hi
                }
                k = close + 1
                continue
            }
            k += 1
        }
        // Credits that run to the end of the line.
        if let c = lineEnd(f, max(a, cursor), b, lineStart: a), !found.contains(where: { $0.hi > c.lo }) {
            found.append(c)
        }
        return found
    }

    // MARK: Whole lines

    /// `hong@example.com`, `이메일: hong@example.com`, `<hong@example.com>`.
    private static func emailLine(_ f: FoldedText, _ a: Int, _ b: Int) -> Found? {
        let s = f.scalars
        guard s[a..<b].contains(0x40), b - a <= 80 else { return nil }
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

    /// A line that is only a byline, or only a labelled credit (`출처: 통계청`, `사진=연합뉴스`).
    private static func wholeLine(_ f: FoldedText, _ a: Int, _ b: Int) -> Found? {
        let s = f.scalars
        guard b - a <= 80 else { return nil }
        if let m = Byline.parse(s, a, b), m.end == b {
            return Found(kind: .byline, names: m.outlet.map { f.string($0.0, $0.1) }, lo: a, hi: b, wholeLine: true)
        }
        if let (label, v) = CreditWords.label(s, a, b), v < b {
            guard let c = labelled(f, label, a, v, b) else { return nil }
            return Found(kind: c.kind, names: c.names, lo: a, hi: b, wholeLine: true)
        }
        if let c = supplied(f, a, b) { return Found(kind: c.kind, names: c.names, lo: a, hi: b, wholeLine: true) }
        return nil
    }

    /// Datelines and reporter openings at the start of a paragraph.
    private static func lineStart(_ f: FoldedText, _ a: Int, _ b: Int) -> Found? {
        let s = f.scalars
        if s[a] == Scalar.open, let close = closing(s, a, b), var c = bracket(f, a, close, atLineStart: true) {
            if c.kind == .dateline || c.kind == .byline, let end = reporterOpening(s, close + 1, b) { c.hi = end }
            return c
        }
        if let end = reporterOpening(s, a, b) {
            return Found(kind: .byline, names: nil, lo: a, hi: end)
        }
        return nil
    }

    /// ` 홍길동 기자 =` after a dateline; the end after `=`.
    private static func reporterOpening(_ s: [UInt32], _ p: Int, _ b: Int) -> Int? {
        var k = p
        if k < b, s[k] == Scalar.space { k += 1 }
        guard let m = Byline.parse(s, k, b) else { return nil }
        var e = m.end
        if e < b, s[e] == Scalar.space { e += 1 }
        guard e < b, s[e] == 0x3D else { return nil }
        return e + 1
    }

    // MARK: Brackets

    /// The closing bracket of the group opened at `p`, within 48 scalars and not nested.
    private static func closing(_ s: [UInt32], _ p: Int, _ b: Int) -> Int? {
        var k = p + 1
        let limit = min(b, p + 48)
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
        if let (label, v) = CreditWords.label(s, a, b) {
            guard var c = labelled(f, label, a, v, b) else { return nil }
            c.lo = open
            c.hi = close + 1
            return c
        }
        if let eq = s[a..<b].firstIndex(of: 0x3D) {
            let (pa, pb) = f.trimmed(a, eq)
            let (va, vb) = f.trimmed(eq + 1, b)
            guard pa < pb, va < vb else { return nil }
            if let m = Byline.parse(s, a, b), m.end == b {
                return Found(kind: .byline, names: m.outlet.map { f.string($0.0, $0.1) }, lo: open, hi: close + 1)
            }
            // `서울=연합뉴스`: a place of one to three short words, then the outlet.
            let placeWords = s[pa..<pb].filter { $0 == Scalar.space }.count + 1
            guard atLineStart, pb - pa <= 14, placeWords <= 3, vb - va <= 20,
                  (pa..<pb).allSatisfy({ Scalar.isWordScalar(s[$0]) || s[$0] == Scalar.space || s[$0] == Scalar.dot }),
                  (va..<vb).allSatisfy({ Scalar.isWordScalar(s[$0]) || s[$0] == Scalar.space }) else { return nil }
            return Found(kind: .dateline, names: f.string(va, vb), lo: open, hi: close + 1)
        }
        if var c = supplied(f, a, b) ?? archivePhoto(f, a, b) {
            c.lo = open
            c.hi = close + 1
            return c
        }
        if let m = Byline.parse(s, a, b), m.end == b {
            return Found(kind: .byline, names: m.outlet.map { f.string($0.0, $0.1) }, lo: open, hi: close + 1)
        }
        if atLineStart, CreditWords.isOutletName(s, a, b) {
            return Found(kind: .dateline, names: f.string(a, b), lo: open, hi: close + 1)
        }
        return nil
    }

    /// The credit a label introduces, with its value `v..<b` as names.
    private static func labelled(_ f: FoldedText, _ label: CreditWords.Label, _ a: Int, _ v: Int, _ b: Int) -> Found? {
        let s = f.scalars
        switch label {
        case .author:
            guard let m = Byline.parse(s, v, b), m.end == b else { return nil }
            return Found(kind: .byline, names: m.outlet.map { f.string($0.0, $0.1) }, lo: a, hi: b)
        case .credit(let kind):
            let name = value(f, v, b)
            guard name != nil || kind == .photo else { return nil }
            return Found(kind: kind, names: name, lo: a, hi: b)
        }
    }

    /// `독자 제공`, `국토교통부 제공`, `사진 한빛시 제공`: material (a photo when it says 사진).
    private static func supplied(_ f: FoldedText, _ a: Int, _ b: Int) -> Found? {
        let s = f.scalars
        let word = scalarValues("제공")
        guard CreditWords.hasSuffix(s, a, b, word) else { return nil }
        var (va, vb) = f.trimmed(a, b - word.count)
        var kind = Credit.Kind.material
        if let e = CreditWords.matchPattern(s, va, vb, scalarValues("사진")), e < vb, s[e] == Scalar.space {
            kind = .photo
            va = e + 1
        }
        guard va < vb, vb - va <= 24, plainName(s, va, vb) else { return nil }
        return Found(kind: kind, names: f.string(va, vb), lo: a, hi: b)
    }

    /// `자료사진`, `연합뉴스 자료사진`.
    private static func archivePhoto(_ f: FoldedText, _ a: Int, _ b: Int) -> Found? {
        let s = f.scalars
        let word = scalarValues("자료사진")
        guard CreditWords.hasSuffix(s, a, b, word) else { return nil }
        let (va, vb) = f.trimmed(a, b - word.count)
        if va < vb { guard vb - va <= 20, plainName(s, va, vb) else { return nil } }
        return Found(kind: .photo, names: va < vb ? f.string(va, vb) : nil, lo: a, hi: b)
    }

    /// The name in a credit value, without a trailing `제공`.
    private static func value(_ f: FoldedText, _ v: Int, _ b: Int) -> String? {
        var (va, vb) = f.trimmed(v, b)
        let word = scalarValues("제공")
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

    // MARK: Line ends

    /// A credit from the last sentence boundary (or a slash) to the end of the line:
    /// `… 말했다. 홍길동 기자`, `… 모습. 국토교통부 제공`, `/사진=한빛일보`, `/뉴스1`.
    private static func lineEnd(_ f: FoldedText, _ from: Int, _ b: Int, lineStart a: Int) -> Found? {
        let s = f.scalars
        var k = b - 1
        var start = -1
        var slash = false
        while k >= from, b - k <= 60 {
            let c = s[k]
            if c == 0x2F {
                // A slash that opens a credit, not one inside a date or a URL.
                if k == a || s[k - 1] == Scalar.space || isSentenceEnd(s[k - 1]) { start = k; slash = true }
                break
            }
            if isSentenceEnd(c), k + 1 < b, s[k + 1] == Scalar.space { start = k + 2; break }
            k -= 1
        }
        guard start >= 0 else { return nil }
        var p = slash ? start + 1 : start
        if p < b, s[p] == Scalar.space { p += 1 }
        guard p < b else { return nil }
        let lo = slash ? start : p
        if let m = Byline.parse(s, p, b), m.end == b {
            return Found(kind: .byline, names: m.outlet.map { f.string($0.0, $0.1) }, lo: lo, hi: b)
        }
        if let c = supplied(f, p, b) { return Found(kind: c.kind, names: c.names, lo: lo, hi: b) }
        guard slash else { return nil }
        if let (label, v) = CreditWords.label(s, p, b), v < b, let c = labelled(f, label, p, v, b) {
            return Found(kind: c.kind, names: c.names, lo: lo, hi: b)
        }
        if CreditWords.isOutletName(s, p, b) {
            return Found(kind: .photo, names: f.string(p, b), lo: lo, hi: b)
        }
        return nil
    }

    private static func isSentenceEnd(_ c: UInt32) -> Bool {
        c == 0x2E || c == 0x21 || c == 0x3F || c == Scalar.quote || c == Scalar.close
    }
}
