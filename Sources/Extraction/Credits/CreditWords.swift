import Articles

/// The vocabulary of credits: labels (`사진=`, `출처:`), reporter titles, outlet name endings.
enum CreditWords {
    enum Label {
        case credit(Credit.Kind)
        /// `글=`, `취재:`, `영상편집:`: the value is a person (a byline).
        case author

        var kind: Credit.Kind {
            switch self {
            case .credit(let k): return k
            case .author: return .byline
            }
        }
    }

    /// Labels before `=` or `:`. A space in a label matches zero or one space of the text.
    static let labels: [([UInt32], Label)] = {
        var out: [([UInt32], Label)] = []
        func add(_ label: Label, _ words: String...) { for w in words { out.append((scalarValues(w), label)) } }
        add(.credit(.photo), "사진 제공", "사진 출처", "사진·영상", "자료사진", "사진", "그래픽", "영상 제공", "영상 출처", "영상",
            "일러스트", "이미지", "화면 캡처", "캡처", "화면 출처", "화면 제공", "디자인", "인포그래픽", "삽화")
        add(.credit(.source), "기사 제공", "자료 출처", "출처", "자료", "source", "Source")
        add(.credit(.material), "자료 제공", "제공")
        add(.author, "글·사진·영상", "글·사진", "글과 사진", "글", "취재", "영상 취재", "영상 편집", "편집", "구성", "제작",
            "촬영 기자", "촬영", "정리", "연출", "진행")
        return out.sorted { $0.0.count > $1.0.count }
    }()

    private static let labelStarts = ScalarSet(firstOf: labels.map(\.0))
    private static let articleSupplied = scalarValues("기사 제공")
    static let supplied = scalarValues("제공")
    static let photo = scalarValues("사진")
    static let archivePhoto = scalarValues("자료사진")

    /// Titles that end a reporter byline (`홍길동 기자`, `김철수 특파원`).
    static let titles: [[UInt32]] = ["선임기자", "수석기자", "전문기자", "객원기자", "인턴기자", "수습기자", "대기자",
                                    "기자", "특파원", "편집위원", "논설위원", "논설실장", "통신원", "칼럼니스트", "앵커",
                                    "리포터", "에디터", "기상캐스터", "PD"].map(scalarValues)
    static let titleStarts = ScalarSet(firstOf: titles)
    /// Last scalars of titles: a word that does not end in one cannot end a byline.
    static let titleEnds = ScalarSet(titles.compactMap(\.last))

    /// Endings of outlet names (`…일보`, `…뉴스`, `…TV`), for datelines and photo credits
    /// such as `[파이낸셜뉴스]` or `/연합뉴스` that name an outlet and nothing else.
    static let outletEndings: [[UInt32]] = ["뉴스", "일보", "신문", "경제", "방송", "닷컴", "TV", "데일리", "타임스",
                                           "타임즈", "미디어", "통신", "저널", "포스트", "투데이", "비즈", "헤럴드",
                                           "코리아", "워치", "인사이트", "매일", "신문사", "통신사", "뉴시스"].map(scalarValues)

    /// Wire and picture agencies named without an outlet ending.
    static let agencies: Set<[UInt32]> = Set(["로이터", "신화", "교도", "게티이미지", "게티이미지뱅크", "게티이미지코리아",
                                             "셔터스톡", "픽사베이", "언스플래시", "뉴스1"].map(scalarValues))

    private static let agencyStarts = ScalarSet(firstOf: Array(agencies))

    /// The label at `p` and the position after its `=` or `:` (and any space). With `bare`, a
    /// space may stand for the sign (`/ 화면캡처 MBC`, `기사제공 연합뉴스`).
    static func label(_ s: [UInt32], _ p: Int, _ hi: Int, bare: Bool = false) -> (Label, Int)? {
        guard p < hi, labelStarts.contains(s[p]) else { return nil }
        for (pattern, label) in labels {
            guard let end = matchPattern(s, p, hi, pattern) else { continue }
            var k = end
            if k < hi, s[k] == Scalar.space { k += 1 }
            guard k < hi, s[k] == 0x3D || s[k] == 0x3A || s[k] == 0x7C else {
                if bare || pattern == articleSupplied, end < hi, s[end] == Scalar.space { return (label, end + 1) }
                continue
            }
            k += 1
            if k < hi, s[k] == Scalar.space { k += 1 }
            return (label, k)
        }
        return nil
    }

    /// Matches `pattern` at `p` (a space in the pattern is optional in the text).
    static func matchPattern(_ s: [UInt32], _ p: Int, _ hi: Int, _ pattern: [UInt32]) -> Int? {
        var j = 0, k = p
        while j < pattern.count {
            if pattern[j] == Scalar.space {
                if k < hi, s[k] == Scalar.space { k += 1 }
                j += 1
                continue
            }
            guard k < hi, s[k] == pattern[j] else { return nil }
            j += 1
            k += 1
        }
        return k
    }

    /// True when `s[a..<b]` ends with `suffix`.
    static func hasSuffix(_ s: [UInt32], _ a: Int, _ b: Int, _ suffix: [UInt32]) -> Bool {
        guard b - a >= suffix.count else { return false }
        var k = b - suffix.count
        for v in suffix {
            if s[k] != v { return false }
            k += 1
        }
        return true
    }

    /// One word naming an outlet or agency: `파이낸셜뉴스`, `뉴스1`, `YTN`, `로이터`.
    static func isOutletName(_ s: [UInt32], _ a: Int, _ b: Int) -> Bool {
        guard b > a, b - a <= 16 else { return false }
        for k in a..<b where !Scalar.isWordScalar(s[k]) { return false }
        if agencyStarts.contains(s[a]), agencies.contains(Array(s[a..<b])) { return true }
        // All capitals: YTN, KBS, AFP.
        if b - a >= 2, b - a <= 6, (a..<b).allSatisfy({ s[$0] >= 0x41 && s[$0] <= 0x5A }) { return true }
        var end = b
        while end > a, Scalar.isDigit(s[end - 1]) { end -= 1 }  // 뉴스1, 아이뉴스24
        for suffix in outletEndings where end - a > suffix.count && hasSuffix(s, a, end, suffix) { return true }
        return false
    }
}
