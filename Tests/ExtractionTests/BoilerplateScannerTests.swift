import Articles
@testable import Extraction
import Fingerprinting
import Foundation
import Testing

@Suite struct BoilerplateScannerTests {
    /// The code points of `body` in `range`.
    static func cut(_ body: String, _ range: TextRange) -> String {
        let scalars = Array(body.unicodeScalars)
        return String(String.UnicodeScalarView(scalars[range.range]))
    }

    static func isExcluded(_ findings: BoilerplateFindings, _ body: String, _ text: String) -> Bool {
        guard let r = body.range(of: text) else { return false }
        let start = body.unicodeScalars.distance(from: body.unicodeScalars.startIndex, to: r.lowerBound)
        let length = text.unicodeScalars.count
        return findings.excluded.contains { $0.start <= start && $0.end >= start + length }
    }

    static func touchesExcluded(_ findings: BoilerplateFindings, _ body: String, _ text: String) -> Bool {
        guard let r = body.range(of: text) else { return false }
        let start = body.unicodeScalars.distance(from: body.unicodeScalars.startIndex, to: r.lowerBound)
        let t = TextRange(start: start, end: start + text.unicodeScalars.count)
        return findings.excluded.contains { $0.overlaps(t) }
    }

    static let paragraph1 = "정부가 내년부터 청년 주거 지원을 크게 늘리기로 했다. 지원 대상은 지난해보다 두 배 넘게 늘어난다."
    static let paragraph2 = "국토교통부 관계자는 \"무단 전재 관행과는 무관한 정책 발표\"라며 예산 협의가 끝났다고 설명했다."
    static let caption = "청년들이 임대주택 설명회에 참석하고 있다. [사진=한빛일보]"

    static let article = """
        (서울=한빛뉴스) 홍길동 기자 = \(paragraph1)

        \(caption)

        \(paragraph2)

        홍길동 기자 hong@example.com

        <저작권자 ⓒ 한빛뉴스, 무단 전재 및 재배포 금지>

        많이 본 뉴스

        청년 주거 지원 두 배로

        전세 사기 피해 대책 발표

        금리 동결에 시장 숨 고르기

        공유하기 카카오톡 페이스북 URL 복사
        """

    @Test func findsEveryKindOfBoilerplateInAnArticle() throws {
        let body = Self.article
        let f = BoilerplateScanner.scan(body: body)

        let notice = try #require(f.notices.first)
        #expect(f.notices.count == 1)
        #expect(notice.location == .bodyTail)
        #expect(notice.holder == "한빛뉴스")
        #expect(notice.prohibits == [.reproduction, .redistribution])
        #expect(Self.cut(body, try #require(notice.range)) == "<저작권자 ⓒ 한빛뉴스, 무단 전재 및 재배포 금지>")
        #expect(notice.text == "<저작권자 ⓒ 한빛뉴스, 무단 전재 및 재배포 금지>")

        let kinds = f.credits.map(\.kind)
        #expect(kinds.contains(.dateline) && kinds.contains(.photo) && kinds.contains(.byline))
        for c in f.credits { #expect(Self.cut(body, try #require(c.range)) == c.text) }
        #expect(f.credits.first { $0.kind == .dateline }?.names == "한빛뉴스")

        #expect(Self.isExcluded(f, body, "(서울=한빛뉴스) 홍길동 기자 ="))
        #expect(Self.isExcluded(f, body, "[사진=한빛일보]"))
        #expect(Self.isExcluded(f, body, "홍길동 기자 hong@example.com"))
        #expect(Self.isExcluded(f, body, "많이 본 뉴스\n\n청년 주거 지원 두 배로\n\n전세 사기 피해 대책 발표\n\n금리 동결에 시장 숨 고르기"))
        #expect(Self.isExcluded(f, body, "공유하기 카카오톡 페이스북 URL 복사"))
        // The article's own sentences stay evidence, including one that mentions 무단 전재.
        #expect(!Self.touchesExcluded(f, body, Self.paragraph1))
        #expect(!Self.touchesExcluded(f, body, Self.paragraph2))
        #expect(!Self.touchesExcluded(f, body, "청년들이 임대주택 설명회에 참석하고 있다."))
        #expect(f.excluded == f.excluded.merged())
    }

    @Test func rangesAreExactCodePointsWithCRLFEmojiAndDecomposedHangul() throws {
        let nfd = "한빛일보".decomposedStringWithCanonicalMapping
        let lines = [
            "👨‍👩‍👧 가족 나들이가 늘었다. 🇰🇷",
            "\(nfd) 관계자는 설명했다. [사진=\(nfd)]",
            "김영희 기자",
            "ⓒ \(nfd), 무단 전재 및 재배포 금지",
        ]
        let body = lines.joined(separator: "\r\n") + "\r\n"
        let f = BoilerplateScanner.scan(body: body)
        let total = body.unicodeScalars.count
        for r in f.excluded + f.notices.compactMap(\.range) + f.credits.compactMap(\.range) {
            #expect(r.start >= 0 && r.end <= total && r.start <= r.end)
            #expect(!Self.cut(body, r).unicodeScalars.contains { $0 == "\r" || $0 == "\n" })
        }
        let notice = try #require(f.notices.first)
        #expect(Self.cut(body, try #require(notice.range)) == lines[3])
        #expect(notice.holder == "한빛일보", "the holder is reported composed (NFC)")
        let photo = try #require(f.credits.first { $0.kind == .photo })
        #expect(Self.cut(body, try #require(photo.range)) == "[사진=\(nfd)]")
        #expect(photo.text == "[사진=\(nfd)]", "credit text is the body's text, not a normalised copy")
        let byline = try #require(f.credits.first { $0.kind == .byline })
        #expect(Self.cut(body, try #require(byline.range)) == "김영희 기자")
        // A lone \r is a line break too.
        let cr = BoilerplateScanner.scan(body: "본문이다.\r김영희 기자\r저작권자 ⓒ 한빛일보")
        #expect(cr.notices.count == 1 && cr.credits.contains { $0.kind == .byline })
    }

    @Test func noticesInTheMiddleMustBeClearlyNotices() throws {
        let filler = (1...6).map { "이것은 기사 본문 \($0)번째 문단이며 충분히 긴 문장으로 이루어져 있다고 가정한다." }
        let strong = "[저작권자 ⓒ 한빛일보, 무단 전재 및 재배포 금지]"
        let weak = "무단 전재 금지"
        let body = ([filler[0], strong, filler[1], weak] + filler[2...]).joined(separator: "\n\n")
        let f = BoilerplateScanner.scan(body: body)
        #expect(f.notices.count == 1)
        let notice = try #require(f.notices.first)
        #expect(notice.location == .body)
        #expect(Self.cut(body, try #require(notice.range)) == strong)
        #expect(!Self.touchesExcluded(f, body, weak))
        // The same weak line at the end is the article's notice.
        let tail = BoilerplateScanner.scan(body: (filler + [weak]).joined(separator: "\n\n"))
        #expect(tail.notices.map(\.location) == [.bodyTail])
    }

    @Test func noticeAppendedToTheLastParagraphCoversOnlyTheNotice() throws {
        let last = "그는 \"행사를 계속하겠다\"고 말했다. <저작권자(c) 한빛일보, 무단 전재-재배포 금지>"
        let body = Self.paragraph1 + "\n\n" + last
        let f = BoilerplateScanner.scan(body: body)
        let notice = try #require(f.notices.first)
        #expect(Self.cut(body, try #require(notice.range)) == "<저작권자(c) 한빛일보, 무단 전재-재배포 금지>")
        #expect(!Self.touchesExcluded(f, body, "그는 \"행사를 계속하겠다\"고 말했다."))
    }

    @Test func bodySentencesAboutCopyrightAtTheEndAreNotNotices() {
        for sentence in NoticeGrammarTests.negatives {
            let body = Self.paragraph1 + "\n\n" + sentence
            let f = BoilerplateScanner.scan(body: body)
            #expect(f.notices.isEmpty, "\(sentence)")
            #expect(!Self.touchesExcluded(f, body, sentence), "\(sentence)")
        }
    }

    @Test func headlineListsUnderTheirHeadings() {
        let body = """
            \(Self.paragraph1)

            홍길동 기자의 인기기사

            청년 주거 지원 두 배로
            전세 사기 피해 대책 발표

            ▶ 이 시각 주요뉴스
            1. 금리 동결에 시장 숨 고르기
            2. 수도권 아파트값 하락 전환

            [관련기사]
            정부, 청년 주거 예산 증액
            \(Self.paragraph2)
            """
        let f = BoilerplateScanner.scan(body: body)
        #expect(Self.isExcluded(f, body, "홍길동 기자의 인기기사\n\n청년 주거 지원 두 배로\n전세 사기 피해 대책 발표"))
        #expect(Self.isExcluded(f, body, "▶ 이 시각 주요뉴스\n1. 금리 동결에 시장 숨 고르기\n2. 수도권 아파트값 하락 전환"))
        #expect(Self.isExcluded(f, body, "[관련기사]\n정부, 청년 주거 예산 증액"))
        // The list stops at the first line that is article prose.
        #expect(!Self.touchesExcluded(f, body, Self.paragraph2))
        #expect(!Self.touchesExcluded(f, body, Self.paragraph1))
    }

    @Test(arguments: ["많이 본 뉴스", "최신기사", "기자의 인기기사", "관련기사", "이 시각 주요뉴스", "[ 많이 본 기사 ]",
                      "함께 볼만한 뉴스", "실시간 인기 뉴스 더보기"])
    func recognisesHeadings(_ heading: String) {
        let f = FoldedText(heading)
        #expect(HeadlineList.isHeading(f.scalars, 0, f.count))
    }

    @Test(arguments: ["뉴스", "관련 부처는 뉴스", "정부 관련 기사를 보면 알 수 있다", "최신 기술 동향"])
    func rejectsNonHeadings(_ line: String) {
        let f = FoldedText(line)
        #expect(!HeadlineList.isHeading(f.scalars, 0, f.count))
    }

    @Test func shareWidgetLines() {
        let widgets = ["공유하기", "카카오톡 페이스북 트위터 URL 복사", "기사 스크랩 | 프린트 | 글자크기 가 가",
                       "페이스북 공유 트위터 공유 카카오톡 공유 링크 복사", "댓글 0 좋아요 3 공유"]
        let prose = "그는 카카오톡으로 메시지를 보냈다고 말했다."
        let body = ([Self.paragraph1, prose] + widgets + [Self.paragraph2]).joined(separator: "\n")
        let f = BoilerplateScanner.scan(body: body)
        for w in widgets { #expect(Self.isExcluded(f, body, w), "\(w)") }
        #expect(!Self.touchesExcluded(f, body, prose))
    }

    @Test func siteFooterInTheTail() throws {
        let footer = "Copyright © 2024 한빛일보. All rights reserved. 주소: 서울특별시 중구 한빛로 1 | 대표전화 02-000-0000"
        let body = Self.paragraph1 + "\n\n" + footer
        let f = BoilerplateScanner.scan(body: body)
        let notice = try #require(f.notices.first)
        #expect(notice.holder == "한빛일보")
        #expect(notice.reservesRightsOnly)
        #expect(Self.isExcluded(f, body, footer))
        let info = "발행인: 홍길동 | 편집인: 김영희 | 등록번호: 서울 아00000"
        let g = BoilerplateScanner.scan(body: Self.paragraph1 + "\n" + info)
        #expect(g.excluded.count == 1)
        #expect(Self.isExcluded(g, Self.paragraph1 + "\n" + info, info))
    }

    @Test func emptyAndBlankBodies() {
        for body in ["", "\n", "\r\n\r\n", "   ", "\u{200B}"] {
            let f = BoilerplateScanner.scan(body: body)
            #expect(f.notices.isEmpty && f.credits.isEmpty && f.excluded.isEmpty)
        }
    }

    /// Random bodies built from the scalars the scanner cares about: every range stays inside the
    /// body, ranges are ordered, and cut text matches what is reported.
    @Test func rangesStayInsideRandomBodies() {
        var rng = SplitMix64(seed: 0x5EED)
        let pieces = ["ⓒ", "©", "(c)", "저작권자", "무단", "전재", "및", "재배포", "금지", " ", "\n", "\r\n", "\r", "[", "]",
                      "<", ">", "사진=", "기자", "홍길동", "연합뉴스", "=", "/", "제공", "hong@example.com", "👍🏽", "\u{1112}\u{1161}",
                      "\u{11AB}", "\u{200B}", "ＡＢ", "많이 본 뉴스", "공유하기", "Copyright", "All rights reserved", ".", "'",
                      "\u{3000}", "\u{2028}", "다.", "AI 학습", "입니다", "KBS", "(", ")", "@", "영상편집:", "/사진=", "、", "…",
                      "\u{FF08}c\u{FF09}", "문의", "바랍니다", "저작권은", "에 있습니다", "㈜", "(주)", "1980-2022", "www.a.kr"]
        for round in 0..<1500 {
            var body = ""
            let length = round % 10 == 0 ? 200 : 40
            for _ in 0..<Int(rng.next() % UInt64(length)) { body += pieces[Int(rng.next() % UInt64(pieces.count))] }
            // The grammars' own entry points must not trap on any text either.
            _ = NoticeGrammar.parse(body)
            _ = NoticeGrammar.find(in: body)
            for c in CreditGrammar.credits(in: body) {
                if let r = c.range { #expect(r.end <= body.unicodeScalars.count && Self.cut(body, r) == c.text) }
            }
            let f = BoilerplateScanner.scan(body: body)
            let total = body.unicodeScalars.count
            for r in f.excluded + f.notices.compactMap(\.range) + f.credits.compactMap(\.range) {
                #expect(r.start >= 0 && r.start <= r.end && r.end <= total, "\(body.debugDescription)")
            }
            for n in f.notices { if let r = n.range { #expect(Self.cut(body, r) == n.text) } }
            for c in f.credits { if let r = c.range { #expect(Self.cut(body, r) == c.text) } }
            #expect(f.excluded == f.excluded.merged())
        }
    }
}
