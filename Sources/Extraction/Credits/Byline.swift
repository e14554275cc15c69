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

    /// A byline starting at `p`.
    static func parse(_ s: [UInt32], _ p: Int, _ hi: Int) -> Match? {
        var k = p
        var outlet: (Int, Int)?
        // An outlet word first: one that ends like an outlet or is not all Hangul.
        let w = wordEnd(s, k, hi)
        if w > k, w < hi, s[w] == Scalar.space || s[w] == 0x3D, isOutletWord(s, k, w) {
            outlet = (k, w)
            k = w + 1
        }
        // A place before `=`: `세종=홍길동 기자`.
        let place = wordEnd(s, k, hi)
        if place > k, place - k <= 8, place < hi, s[place] == 0x3D, (k..<place).allSatisfy({ Scalar.isHangul(s[$0]) }) {
            k = place + 1
            if k < hi, s[k] == Scalar.space { k += 1 }
        }
        guard let end = reporters(s, k, hi) else { return nil }
        return Match(end: email(s, end, hi) ?? end, outlet: outlet)
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
            for t in CreditWords.titles where Scalar.isHangul(t[0]) && length - t.count >= 2 && length - t.count <= 4 {
                if CreditWords.hasSuffix(s, k, e, t), boundaryAfter(s, e, hi) { return e }
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
    private static func title(_ s: [UInt32], _ k: Int, _ hi: Int) -> Int? {
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
