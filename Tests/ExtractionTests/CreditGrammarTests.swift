import Articles
@testable import Extraction
import Foundation
import Testing

@Suite struct CreditGrammarTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var line: String
        var text: String
        var kind: Credit.Kind
        var names: String?
        var testDescription: String { line }
    }

    static let cases: [Case] = [
        Case(line: "(서울=연합뉴스) 홍길동 기자 = 정부가 오늘 새 계획을 발표했다.", text: "(서울=연합뉴스) 홍길동 기자 =",
             kind: .dateline, names: "연합뉴스"),
        Case(line: "[서울=뉴시스] 정부가 오늘 새 계획을 발표했다.", text: "[서울=뉴시스]", kind: .dateline, names: "뉴시스"),
        Case(line: "(세종=뉴스1) 김철수 기자 = 기획재정부는 세수를 다시 추계했다.", text: "(세종=뉴스1) 김철수 기자 =",
             kind: .dateline, names: "뉴스1"),
        Case(line: "【서울=뉴시스】홍길동 기자 = 내용이다.", text: "【서울=뉴시스】홍길동 기자 =", kind: .dateline, names: "뉴시스"),
        Case(line: "(워싱턴=연합뉴스) 김영희 특파원 = 미국 정부는 밝혔다.", text: "(워싱턴=연합뉴스) 김영희 특파원 =",
             kind: .dateline, names: "연합뉴스"),
        Case(line: "[파이낸셜뉴스] 정부가 새 계획을 내놨다.", text: "[파이낸셜뉴스]", kind: .dateline, names: "파이낸셜뉴스"),
        Case(line: "집회 참가자들이 행진하고 있다. [사진=연합뉴스]", text: "[사진=연합뉴스]", kind: .photo, names: "연합뉴스"),
        Case(line: "새로 문을 연 도서관 내부 모습. (사진=독자 제공)", text: "(사진=독자 제공)", kind: .photo, names: "독자"),
        Case(line: "<사진 제공: 한빛시청>", text: "<사진 제공: 한빛시청>", kind: .photo, names: "한빛시청"),
        Case(line: "국토교통부 제공", text: "국토교통부 제공", kind: .material, names: "국토교통부"),
        Case(line: "축제 행사장 모습. 한빛시 제공", text: "한빛시 제공", kind: .material, names: "한빛시"),
        Case(line: "축제 행사장 전경 /사진=한빛일보", text: "/사진=한빛일보", kind: .photo, names: "한빛일보"),
        Case(line: "시민들이 공원을 걷고 있다. /뉴스1", text: "/뉴스1", kind: .photo, names: "뉴스1"),
        Case(line: "(연합뉴스 자료사진)", text: "(연합뉴스 자료사진)", kind: .photo, names: "연합뉴스"),
        Case(line: "출처: 통계청", text: "출처: 통계청", kind: .source, names: "통계청"),
        Case(line: "기사제공 한빛일보", text: "기사제공 한빛일보", kind: .source, names: "한빛일보"),
        Case(line: "자료=한국은행", text: "자료=한국은행", kind: .source, names: "한국은행"),
        Case(line: "홍길동 기자 hong@example.com", text: "홍길동 기자 hong@example.com", kind: .byline, names: nil),
        Case(line: "김영희 기자", text: "김영희 기자", kind: .byline, names: nil),
        Case(line: "홍길동·김철수 기자", text: "홍길동·김철수 기자", kind: .byline, names: nil),
        Case(line: "[한빛일보 홍길동 기자] 정부가 새 계획을 내놨다.", text: "[한빛일보 홍길동 기자]", kind: .byline, names: "한빛일보"),
        Case(line: "hong@example.com", text: "hong@example.com", kind: .byline, names: nil),
        Case(line: "그는 이렇게 말했다. 홍길동 기자", text: "홍길동 기자", kind: .byline, names: nil),
        Case(line: "글·사진=김영희 기자", text: "글·사진=김영희 기자", kind: .byline, names: nil),
        Case(line: "홍길동 기자 (hong@example.com)", text: "홍길동 기자 (hong@example.com)", kind: .byline, names: nil),
        Case(line: "［사진＝한빛일보］ 행사 모습", text: "［사진＝한빛일보］", kind: .photo, names: "한빛일보"),
    ]

    static let negatives: [String] = [
        "정부는 소상공인에게 긴급자금을 제공했다.",
        "정부, 소상공인에 긴급자금 제공",
        "기자회견에서 그는 말했다.",
        "그는 현장 기자들에게 상황을 설명했다.",
        "[단독] 정부 새 계획 발표",
        "2024/01/02 기준 자료를 보면 물가가 올랐다.",
        "그는 \"무료 제공\"이라고 했다.",
        "자료를 보면 물가가 크게 올랐고 정부는 대책을 내놓았다는 설명이 이어졌는데 이는 예상보다 훨씬 늦은 대응이었다는 평가가 나온다.",
    ]

    @Test(arguments: cases) func readsCredits(_ c: Case) throws {
        let credits = CreditGrammar.credits(in: c.line)
        let credit = try #require(credits.first { $0.kind == c.kind }, "\(credits)")
        #expect(credit.text == c.text)
        #expect(credit.names == c.names)
        let range = try #require(credit.range)
        let scalars = Array(c.line.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[range.range])) == c.text)
    }

    @Test(arguments: negatives) func ignoresSentences(_ line: String) {
        #expect(CreditGrammar.credits(in: line).isEmpty)
    }

    @Test func rangesCountCodePointsOfTheOriginalLine() throws {
        // A decomposed syllable and an emoji before the credit shift code points, not characters.
        let line = "\u{1112}\u{1161}\u{11AB}👍🏽 행사 모습. [사진=한빛일보]"
        let credit = try #require(CreditGrammar.credits(in: line).first)
        let scalars = Array(line.unicodeScalars)
        let range = try #require(credit.range)
        #expect(String(String.UnicodeScalarView(scalars[range.range])) == "[사진=한빛일보]")
        #expect(range.end == scalars.count)
    }
}
