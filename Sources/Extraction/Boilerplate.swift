import Articles

/// Notices, credits and other boilerplate found in an article body.
public struct BoilerplateFindings: Sendable, Hashable {
    public var notices: [Notice]
    public var credits: [Credit]
    /// Code point ranges of the body that must not count as evidence (sorted, merged).
    public var excluded: [TextRange]

    public init(notices: [Notice] = [], credits: [Credit] = [], excluded: [TextRange] = []) {
        self.notices = notices
        self.credits = credits
        self.excluded = excluded
    }
}

/// Finds boilerplate in a plain-text body, line by line. The body is never changed: only ranges
/// (Unicode code points of `body`) are reported.
///
/// Lines are separated by `\n`; `\r\n`, a lone `\r`, U+0085, U+2028 and U+2029 also end a line,
/// and the break itself (both scalars of `\r\n`) is never part of a reported range. Ranges exclude
/// the spaces at either end of a line.
///
/// What is found:
/// - **notices**: in the tail (a line followed by at most `tailContentLines` lines of content,
///   i.e. lines that are not themselves boilerplate), any notice the grammar accepts, also one
///   appended to a paragraph or followed by footer text (`.bodyTail`); elsewhere only lines that
///   are clearly notices, confidence ≥ 0.8 (`.body`);
/// - **credits**: datelines, photo/material/source credits and bylines inside lines;
/// - **lists of other headlines**: a heading (`많이 본 뉴스`, `관련기사`, `기자의 인기기사`, …) and
///   the short lines after it;
/// - **share widgets**: lines made only of widget words (`공유하기`, `카카오톡`, `URL 복사`, …);
/// - **site footers** in the tail: lines with a copyright mark or two footer fields (`발행인`,
///   `등록번호`, …).
/// All of these go into `excluded`.
public enum BoilerplateScanner {
    /// Content lines that may still follow a notice counted as the body's tail.
    static let tailContentLines = 3

    public static func scan(body: String) -> BoilerplateFindings {
        let f = FoldedText(body)
        let s = f.scalars
        var lines: [(lo: Int, hi: Int)] = []
        var start = 0
        for k in 0..<s.count where s[k] == Scalar.newline {
            lines.append(f.trimmed(start, k))
            start = k + 1
        }
        lines.append(f.trimmed(start, s.count))

        var findings = BoilerplateFindings()
        var excluded: [TextRange] = []
        /// Lines that are boilerplate as a whole (they do not count as content).
        var boilerplate = [Bool](repeating: false, count: lines.count)

        func exclude(_ lo: Int, _ hi: Int) {
            let r = f.originalRange(lo, hi)
            if !r.isEmpty { excluded.append(TextRange(r)) }
        }

        // Credits, widgets and lists of headlines.
        var i = 0
        while i < lines.count {
            let (a, b) = lines[i]
            guard a < b else { i += 1; continue }
            for c in CreditGrammar.scan(f, a, b) {
                findings.credits.append(Credit(text: f.original(body, c.lo, c.hi), kind: c.kind, names: c.names,
                                               range: TextRange(f.originalRange(c.lo, c.hi))))
                exclude(c.lo, c.hi)
                if c.wholeLine { boilerplate[i] = true }
            }
            if ShareWidget.matches(s, a, b) {
                exclude(a, b)
                boilerplate[i] = true
            } else if HeadlineList.isHeading(s, a, b) {
                let last = HeadlineList.lastItem(f, lines, after: i)
                exclude(a, lines[last].hi)
                for k in i...last { boilerplate[k] = true }
                i = last + 1
                continue
            }
            i += 1
        }

        // Notices and footers, from the bottom up, so that each line knows how much content follows.
        var contentAfter = 0
        var notices: [Notice] = []
        for i in lines.indices.reversed() {
            let (a, b) = lines[i]
            guard a < b else { continue }
            let tail = contentAfter <= tailContentLines
            var isBoilerplate = boilerplate[i]
            if NoticeTrigger.mayContainNotice(s, a, b, inquiry: tail) {
                // The trigger test just passed (with `inquiry: false` it accepts less than the
                // grammar's own test, which is therefore passed too).
                let hit = tail ? NoticeGrammar.find(f, a, b, allowTrailingText: true, triggered: true) : strongNotice(f, a, b)
                if let (range, parsed) = hit, tail ? parsed.confidence >= 0.35 : parsed.confidence >= 0.8 {
                    notices.append(Notice(text: f.original(body, range.lowerBound, range.upperBound), holder: parsed.holder,
                                          prohibits: parsed.prohibits, reservesRightsOnly: parsed.reservesRightsOnly,
                                          location: tail ? .bodyTail : .body,
                                          range: TextRange(f.originalRange(range.lowerBound, range.upperBound)),
                                          confidence: parsed.confidence))
                    // From the notice to the end of the line (what follows a notice in the tail is footer
                    // text); from the line start when nothing but symbols precedes it. A paragraph that
                    // the notice was appended to stays evidence.
                    let prose = (a..<range.lowerBound).contains { Scalar.isWordScalar(s[$0]) }
                    exclude(prose ? range.lowerBound : a, b)
                    if !prose { isBoilerplate = true }
                }
            }
            if !isBoilerplate, tail,
               SiteFooter.matches(s, a, b, hasMark: { NoticeTrigger.mayContainNotice(s, a, b, inquiry: false) }) || SiteFooter.isTipLine(s, a, b) {
                exclude(a, b)
                isBoilerplate = true
            }
            if !isBoilerplate { contentAfter += 1 }
        }
        findings.notices = notices.reversed()
        findings.excluded = excluded.merged()
        return findings
    }

    /// A line in the middle of a body that is clearly a notice: the whole line, or a notice
    /// appended to it. Called only for lines `NoticeTrigger` accepted.
    private static func strongNotice(_ f: FoldedText, _ a: Int, _ b: Int) -> (Range<Int>, ParsedNotice)? {
        if let parsed = NoticeGrammar.parse(f, a, b, triggered: true) { return (a..<b, parsed) }
        if let (range, parsed) = NoticeGrammar.find(f, a, b, triggered: true), parsed.confidence >= 0.9 { return (range, parsed) }
        return nil
    }
}

/// Lines of share buttons: `공유하기 카카오톡 페이스북 URL 복사`, `기사 스크랩 | 프린트`.
enum ShareWidget {
    private static let words: [[UInt32]] = {
        let list = ["공유하기", "공유", "카카오톡", "카카오스토리", "카카오", "카톡", "페이스북", "트위터", "엑스", "x",
                    "텔레그램", "라인", "밴드", "네이버블로그", "네이버", "블로그", "링크복사", "링크", "url복사", "url",
                    "주소복사", "주소", "복사", "기사스크랩", "스크랩", "프린트", "인쇄하기", "인쇄", "이메일", "메일",
                    "글자크기설정", "본문글자크기", "글자크기", "글씨크기", "글자", "크기", "가가", "가", "크게", "작게",
                    "닫기", "댓글", "좋아요", "추천", "구독", "북마크", "기사저장", "저장", "sns", "폰트", "보내기",
                    "번역", "음성으로듣기", "기사듣기", "듣기", "하기", "기사", "바로가기", "이미지확대하기", "확대하기", "이미지", "확대",
                    "+", "-"]
        return list.map(scalarValues).sorted { $0.count > $1.count }
    }()

    /// Words only a widget line has.
    private static let strongWords: [[UInt32]] = ["공유", "카카오", "카톡", "페이스북", "트위터", "텔레그램", "밴드",
                                                  "url", "링크", "스크랩", "프린트", "인쇄", "글자크기", "글씨크기",
                                                  "북마크", "확대하기"].map(scalarValues)

    static func matches(_ s: [UInt32], _ a: Int, _ b: Int) -> Bool {
        guard b - a <= 80 else { return false }
        var compact: [UInt32] = []
        compact.reserveCapacity(b - a)
        for k in a..<b {
            let c = s[k]
            if c == Scalar.space || c == Scalar.bar || c == Scalar.dot || c == 0x2F || c == 0x2C || c == Scalar.open
                || c == Scalar.close || Scalar.isDigit(c) { continue }
            if Scalar.isWordScalar(c) || c == 0x2B || c == Scalar.dash {
                compact.append(Scalar.lower(c))
            } else if c > 0x2000 {
                continue  // icons and symbols between buttons
            } else {
                return false
            }
        }
        guard !compact.isEmpty else { return false }
        var strong = false
        for w in strongWords where contains(compact, w) { strong = true; break }
        guard strong else { return false }
        // Greedy longest-match segmentation into widget words.
        var reachable = [Bool](repeating: false, count: compact.count + 1)
        reachable[0] = true
        for i in 0..<compact.count where reachable[i] {
            for w in words where i + w.count <= compact.count && !reachable[i + w.count] {
                if compact[i..<(i + w.count)].elementsEqual(w) { reachable[i + w.count] = true }
            }
        }
        return reachable[compact.count]
    }

    private static func contains(_ hay: [UInt32], _ needle: [UInt32]) -> Bool {
        guard hay.count >= needle.count else { return false }
        for i in 0...(hay.count - needle.count) where hay[i..<(i + needle.count)].elementsEqual(needle) { return true }
        return false
    }
}

/// Lists of other headlines: a heading and the short lines under it.
///
/// ```
/// Heading  := (Name? 기자의)? Modifier+ Noun Suffix?       많이 본 뉴스, 홍길동 기자의 인기기사, 이 시각 주요뉴스
/// Modifier := 많이 본 | 가장 | 최신 | 인기 | 관련 | 주요 | 추천 | 핫 | 화제의 | 함께 본 | 이 시각 | 오늘의 | …
/// Noun     := 뉴스 | 기사 | 소식 | 포토 | 영상
/// Suffix   := 더보기 | 보기 | 목록 | TOP n
/// ```
enum HeadlineList {
    private static let modifiers: [[UInt32]] = ["가장많이본", "많이본", "많이읽은", "가장", "최신", "인기", "관련", "주요",
                                               "추천", "핫", "화제의", "함께볼만한", "함께본", "함께읽으면좋은", "이기사와함께본",
                                               "이기사와관련된", "다른", "랭킹", "이시각", "오늘의", "실시간", "최근", "지금",
                                               "놓치면안될", "헤드라인", "톱", "주간", "섹션", "포토", "많이본"]
        .map(scalarValues).sorted { $0.count > $1.count }
    private static let nouns: [[UInt32]] = ["뉴스", "기사", "소식", "포토", "영상", "기사들"].map(scalarValues)
    private static let suffixes: [[UInt32]] = ["전체보기", "더보기", "보기", "목록", "리스트", "모음", "top"].map(scalarValues)
    private static let reporterOf = scalarValues("기자의")

    /// Last scalars a heading can end with (of its noun or suffix).
    private static let endings = ScalarSet((nouns + suffixes).compactMap(\.last) + scalarValues("TOP"))

    static func isHeading(_ s: [UInt32], _ a: Int, _ b: Int) -> Bool {
        guard b - a <= 32 else { return false }
        var e = b
        while e > a, !Scalar.isWordScalar(s[e - 1]) || Scalar.isDigit(s[e - 1]) { e -= 1 }
        guard e > a, endings.contains(s[e - 1]) else { return false }
        var c: [UInt32] = []
        for k in a..<b {
            let v = s[k]
            if Scalar.isWordScalar(v) && !Scalar.isDigit(v) { c.append(Scalar.lower(v)) }
        }
        guard c.count >= 2, c.count <= 20 else { return false }
        var lo = 0, hi = c.count
        var modified = false
        // `홍길동 기자의 …`
        if let at = firstIndex(of: reporterOf, in: c), at <= 5 {
            lo = at + reporterOf.count
            modified = true
        }
        var trimmed = true
        while trimmed {
            trimmed = false
            for x in suffixes where hi - lo > x.count && c[(hi - x.count)..<hi].elementsEqual(x) {
                hi -= x.count
                trimmed = true
            }
        }
        guard let noun = nouns.first(where: { hi - lo >= $0.count && c[(hi - $0.count)..<hi].elementsEqual($0) }) else {
            return false
        }
        hi -= noun.count
        while lo < hi {
            guard let m = modifiers.first(where: { hi - lo >= $0.count && c[lo..<(lo + $0.count)].elementsEqual($0) }) else {
                return false
            }
            lo += m.count
            modified = true
        }
        return modified
    }

    /// The last line of the list that starts with the heading at `heading`.
    static func lastItem(_ f: FoldedText, _ lines: [(lo: Int, hi: Int)], after heading: Int) -> Int {
        let s = f.scalars
        var last = heading
        var items = 0
        var k = heading + 1
        while k < lines.count, items < 30 {
            let (a, b) = lines[k]
            if a >= b { k += 1; continue }
            guard isItem(s, a, b) else { break }
            last = k
            items += 1
            k += 1
        }
        return last
    }

    /// A headline: short, and not a sentence of the article.
    private static func isItem(_ s: [UInt32], _ a: Int, _ b: Int) -> Bool {
        guard b - a <= 70 else { return false }
        var e = b
        while e > a, s[e - 1] == 0x2E { e -= 1 }
        let endsSentence = e < b && e > a && (s[e - 1] == 0xB2E4 || s[e - 1] == 0xC694)  // …다. …요.
        return !(endsSentence && b - a > 30)
    }

    private static func firstIndex(of needle: [UInt32], in hay: [UInt32]) -> Int? {
        guard hay.count >= needle.count else { return nil }
        for i in 0...(hay.count - needle.count) where hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
        return nil
    }
}

/// Site footer lines in the tail: `발행인: … | 편집인: … | 등록번호: …`.
enum SiteFooter {
    private static let fields: [[UInt32]] = ["발행인", "편집인", "발행·편집인", "등록번호", "등록일", "발행일", "청소년보호책임자",
                                            "사업자등록번호", "대표전화", "대표이사", "제호", "주소", "전화", "팩스", "통신판매업",
                                            "개인정보처리방침", "이용약관", "고충처리인"].map(scalarValues)

    /// Each field's first scalar, by field index (a short array scan is cheaper than hashing).
    private static let firsts: [UInt32] = fields.map { $0.first ?? 0 }
    private static let fieldStarts = ScalarSet(firstOf: fields)

    /// Two footer fields, or one on a line that also carries a copyright mark or word. `hasMark`
    /// is asked only when one field is found: most lines have none.
    static func matches(_ s: [UInt32], _ a: Int, _ b: Int, hasMark: () -> Bool) -> Bool {
        guard b - a <= 400 else { return false }
        let fieldStarts = Self.fieldStarts
        let firsts = Self.firsts
        var seen = 0
        var found = 0
        var k = a
        while k < b {
            // Fields begin words.
            if fieldStarts.contains(s[k]), k == a || !Scalar.isHangul(s[k - 1]) {
                for index in firsts.indices where firsts[index] == s[k] && seen & (1 << index) == 0 {
                    if CreditWords.matchPattern(s, k, b, fields[index]) != nil {
                        seen |= 1 << index
                        found += 1
                        if found >= 2 { return true }
                        break
                    }
                }
            }
            k += 1
        }
        return found == 1 && hasMark()
    }
}

extension SiteFooter {
    private static let contactLabels: [[UInt32]] = ["카카오톡", "카톡", "전화", "메일", "이메일", "제보", "문의", "팩스",
                                                   "홈페이지", "유튜브"].map(scalarValues)
    private static let tip = scalarValues("제보")

    /// `[메일] social@ytn.co.kr`, `[전화] 02-398-8585`, `※ '당신의 제보가 뉴스가 됩니다'`: how to send
    /// the newsroom a tip.
    static func isTipLine(_ s: [UInt32], _ a: Int, _ b: Int) -> Bool {
        guard b - a <= 80 else { return false }
        if s[a] == Scalar.open {
            var k = a + 1
            if k < b, s[k] == Scalar.space { k += 1 }
            for label in contactLabels {
                guard let e = CreditWords.matchPattern(s, k, b, label) else { continue }
                var c = e
                if c < b, s[c] == Scalar.space { c += 1 }
                if c < b, s[c] == Scalar.close { return true }
            }
        }
        // A short line about tips (제보) that gives a way to reach the newsroom.
        var k = a
        while k + 1 < b {
            if s[k] == tip[0], s[k + 1] == tip[1] {
                return (a..<b).contains { s[$0] == 0x40 } || b - a <= 40
            }
            k += 1
        }
        return false
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
