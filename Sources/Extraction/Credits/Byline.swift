/// Reporter bylines.
///
/// ```
/// Byline    := Outlet? (Place '=')? Reporters Email?     [한빛일보 세종=홍길동 기자]
/// Reporters := Name ((· | , | ' ') Name)* ' '? Title     홍길동·김철수 기자, 홍길동기자
/// Name      := 2–4 Hangul syllables
/// Title     := 기자 | 특파원 | 선임기자 | 논설위원 | 앵커 | …   (not followed by a syllable: 기자회견)
/// Email     := ' '? '('? address ')'?
/// ```
enum Byline {
    struct Match {
        var end: Int
        /// The outlet word, when the byline names one.
        var outlet: (Int, Int)?
    }

    /// A byline starting at `p`. With `anyOutlet` (inside brackets: `[스포츠조선 안소윤 기자]`), any
    /// first word followed by a name and a title is taken for the outlet.
    static func parse(_ s: [UInt32], _ p: Int, _ hi: Int, anyOutlet: Bool = false) -> Match? {
        if let m = parse(s, p, hi, outletTest: isOutletWord) { return m }
        guard anyOutlet else { return nil }
        return parse(s, p, hi, outletTest: { s, a, b in b - a <= 12 })
    }

    private static func parse(_ s: [UInt32], _ p: Int, _ hi: Int,
                              outletTest: ([UInt32], Int, Int) -> Bool) -> Match? {
        var k = p
        var outlet: (Int, Int)?
        var outletSign = false
        // An outlet word first: one that ends like an outlet or is not all Hangul.
        let w = wordEnd(s, k, hi)
        if w > k, w < hi, s[w] == Scalar.space || s[w] == 0x3D, outletTest(s, k, w) {
            outlet = (k, w)
            outletSign = s[w] == 0x3D
            k = w + 1
            if k < hi, s[k] == Scalar.space { k += 1 }
        }
        // A place before `=` (`세종=홍길동 기자`), or after the outlet's `=` (`OSEN=대전, 지형준 기자`).
        let place = wordEnd(s, k, hi)
        if place > k, place - k <= 8, place < hi, s[place] == 0x3D || outletSign && s[place] == 0x2C,
           (k..<place).allSatisfy({ Scalar.isHangul(s[$0]) }) {
            k = place + 1
            if k < hi, s[k] == Scalar.space { k += 1 }
        }
        if let end = reporters(s, k, hi) { return Match(end: email(s, end, hi) ?? end, outlet: outlet) }
        // `이남경 MBN스타 기자`: the outlet between the name and the title.
        if outlet == nil, let n = names(s, k, hi), n < hi, s[n] == Scalar.space {
            let o = wordEnd(s, n + 1, hi)
            if o > n + 1, o < hi, s[o] == Scalar.space, isOutletWord(s, n + 1, o), let t = title(s, o + 1, hi) {
                return Match(end: email(s, t, hi) ?? t, outlet: (n + 1, o))
            }
        }
        // Names and an address without a title: `YTN 나혜인 (dglee@ytn.co.kr)`.
        if let end = names(s, k, hi), let e = email(s, end, hi) { return Match(end: e, outlet: outlet) }
        return nil
    }

    /// A broadcast sign-off ending at `입니다` found at `copula`: `KBS 뉴스 김수연입니다.`,
    /// `연합뉴스TV 신새롬입니다. (romi@yna.co.kr)`. Returns its start and match.
    static func signOff(_ s: [UInt32], copula: Int, _ lo: Int, _ hi: Int) -> (Int, Match)? {
        // The name: 2–4 syllables glued to 입니다, after a space.
        var n = copula
        while n > lo, Scalar.isHangul(s[n - 1]), copula - n < 5 { n -= 1 }
        guard copula - n >= 2, copula - n <= 4, n > lo, s[n - 1] == Scalar.space else { return nil }
        // The outlet, possibly followed by 뉴스 as its own word.
        var e = n - 1
        var w = e
        while w > lo, Scalar.isWordScalar(s[w - 1]) { w -= 1 }
        if Array(s[w..<e]) == news, w > lo, s[w - 1] == Scalar.space {
            e = w - 1
            w = e
            while w > lo, Scalar.isWordScalar(s[w - 1]) { w -= 1 }
        }
        guard w < e, w == lo || !Scalar.isWordScalar(s[w - 1]), CreditWords.isOutletName(s, w, e) else { return nil }
        var end = copula + 3
        if end < hi, s[end] == 0x2E { end += 1 }
        return (w, Match(end: email(s, end, hi) ?? end, outlet: (w, e)))
    }

    private static let news = scalarValues("뉴스")
    static let copula = scalarValues("입니다")

    /// Names without a title (`홍길동`, `홍길동·김철수`); the end after the last name.
    private static func names(_ s: [UInt32], _ p: Int, _ hi: Int) -> Int? {
        var k = p
        var end = -1
        while k < hi {
            var e = k
            while e < hi, Scalar.isHangul(s[e]) { e += 1 }
            guard e - k >= 2, e - k <= 4 else { break }
            end = e
            guard e < hi, s[e] == Scalar.dot || s[e] == 0x2C else { break }
            k = e + 1
            if k < hi, s[k] == Scalar.space { k += 1 }
        }
        return end > 0 ? end : nil
    }

    /// `Names Title` at `p`; the end after the title.
    static func reporters(_ s: [UInt32], _ p: Int, _ hi: Int) -> Int? {
        var k = p
        var names = 0
        while k < hi, names <= 4 {
            var e = k
            while e < hi, Scalar.isHangul(s[e]) { e += 1 }
            let length = e - k
            guard length > 0 else { break }
            if names > 0, let t = title(s, k, hi) { return t }
            // A title glued to the name: 홍길동기자.
            if length >= 4, CreditWords.titleEnds.contains(s[e - 1]) {
                for t in CreditWords.titles where Scalar.isHangul(t[0]) && length - t.count >= 2 && length - t.count <= 4 {
                    if CreditWords.hasSuffix(s, k, e, t), boundaryAfter(s, e, hi) { return e }
                }
            }
            guard length >= 2, length <= 4 else { return nil }
            names += 1
            k = e
            guard k < hi else { return nil }
            if s[k] == Scalar.dot || s[k] == 0x2C {
                k += 1
                if k < hi, s[k] == Scalar.space { k += 1 }
            } else if s[k] == Scalar.space {
                k += 1
                if let t = title(s, k, hi) { return t }
            } else {
                // Latin titles glued or spaced: 홍길동 PD handled above; anything else ends the name list.
                return nil
            }
        }
        return nil
    }

    /// A title at `k` followed by a boundary; the end after it.
    static func title(_ s: [UInt32], _ k: Int, _ hi: Int) -> Int? {
        guard k < hi, CreditWords.titleStarts.contains(s[k]) else { return nil }
        for t in CreditWords.titles {
            if let e = CreditWords.matchPattern(s, k, hi, t), boundaryAfter(s, e, hi) { return e }
        }
        return nil
    }

    private static func boundaryAfter(_ s: [UInt32], _ e: Int, _ hi: Int) -> Bool {
        e >= hi || !(Scalar.isHangul(s[e]) || Scalar.isASCIILetter(s[e]))
    }

    /// An e-mail address after a byline: ` hong@example.com`, `(hong@example.com)`.
    static func email(_ s: [UInt32], _ p: Int, _ hi: Int) -> Int? {
        var k = p
        if k < hi, s[k] == Scalar.space { k += 1 }
        var bracketed = false
        if k < hi, s[k] == Scalar.open { bracketed = true; k += 1 }
        guard let e = address(s, k, hi) else { return nil }
        if bracketed {
            guard e < hi, s[e] == Scalar.close else { return nil }
            return e + 1
        }
        return e
    }

    /// An e-mail address at `p`; the end after it.
    static func address(_ s: [UInt32], _ p: Int, _ hi: Int) -> Int? {
        var k = p
        func local(_ c: UInt32) -> Bool {
            Scalar.isASCIILetter(c) || Scalar.isDigit(c) || c == 0x2E || c == 0x5F || c == Scalar.dash || c == 0x2B || c == 0x25
        }
        while k < hi, local(s[k]) { k += 1 }
        guard k > p, k < hi, s[k] == 0x40 else { return nil }
        k += 1
        let domain = k
        var dots = 0
        while k < hi, Scalar.isASCIILetter(s[k]) || Scalar.isDigit(s[k]) || s[k] == Scalar.dash || s[k] == 0x2E {
            if s[k] == 0x2E { dots += 1 }
            k += 1
        }
        while k > domain, s[k - 1] == 0x2E { k -= 1; dots -= 1 }
        guard dots > 0, k > domain + 2 else { return nil }
        return k
    }

    private static func wordEnd(_ s: [UInt32], _ p: Int, _ hi: Int) -> Int {
        var k = p
        while k < hi, Scalar.isWordScalar(s[k]) { k += 1 }
        return k
    }

    private static func isOutletWord(_ s: [UInt32], _ a: Int, _ b: Int) -> Bool {
        if CreditWords.isOutletName(s, a, b) { return true }
        return (a..<b).contains { !Scalar.isHangul(s[$0]) } && b - a <= 12
    }
}
