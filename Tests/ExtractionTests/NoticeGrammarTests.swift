import Articles
@testable import Extraction
import Foundation
import Testing

/// Notice forms that are not in variants.tsv (invented outlets, other brackets, orders, spacing
/// and scripts) and body sentences that mention copyright without being notices.
@Suite struct NoticeGrammarTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var holder: String?
        var acts: [ProhibitedAct]
        var testDescription: String { text }
    }

    static let invented: [Case] = [
        Case(text: "【ⓒ 한빛일보, 무단 복제 및 AI 학습 이용 금지】", holder: "한빛일보", acts: [.copying, .aiTraining]),
        Case(text: "《저작권자 © 푸른경제신문 무단전재·재배포·AI학습 금지》", holder: "푸른경제신문",
             acts: [.reproduction, .redistribution, .aiTraining]),
        Case(text: "〔Copyright ⓒ 누리방송. 무단 전재 및 재배포 금지〕", holder: "누리방송", acts: [.reproduction, .redistribution]),
        Case(text: "ⓒ새벽뉴스무단전재및재배포금지", holder: "새벽뉴스", acts: [.reproduction, .redistribution]),
        Case(text: "＜저작권자ⓒ한빛일보 무단전재 및 재배포 금지＞", holder: "한빛일보", acts: [.reproduction, .redistribution]),
        Case(text: "ＣｏｐｙｒｉｇｈｔⒸ ＫＮＮ 무단전재 금지", holder: "KNN", acts: [.reproduction]),
        Case(text: "무단전재 및 재배포 금지 ⓒ 새벽신문", holder: "새벽신문", acts: [.reproduction, .redistribution]),
        Case(text: "(C) 2024 Hanbit Herald. All rights reserved. Unauthorized reproduction and redistribution prohibited.",
             holder: "Hanbit Herald", acts: [.reproduction, .redistribution]),
        Case(text: "Copyright © 2023 Seoul Daily News. Reproduction or redistribution is strictly prohibited.",
             holder: "Seoul Daily News", acts: [.reproduction, .redistribution]),
        Case(text: "<저작권자 ⓒ 한빛일보, 무단 전재·재배포 및 크롤링·스크래핑 금지>", holder: "한빛일보",
             acts: [.reproduction, .redistribution, .collection]),
        Case(text: "ⓒ 한빛미디어 | 무단 전재, 변형, 가공 및 재배포를 금합니다.", holder: "한빛미디어",
             acts: [.reproduction, .redistribution, .modification]),
        Case(text: "[저작권자 ⓒ 바다일보] 무단 전재 및 재배포 금지", holder: "바다일보", acts: [.reproduction, .redistribution]),
        Case(text: "저작권자 © 들녘뉴스 (무단 전재 및 재배포 금지)", holder: "들녘뉴스", acts: [.reproduction, .redistribution]),
        Case(text: "© 2024 한빛경제 - 무단 전재 및 재배포, AI 학습 활용 금지", holder: "한빛경제",
             acts: [.reproduction, .redistribution, .aiTraining]),
        Case(text: "<ⓒ '세상을 여는 창' 창문일보(www.changmun.kr), 무단 전재-재배포 및 AI 데이터 활용 금지>",
             holder: "창문일보", acts: [.reproduction, .redistribution, .aiTraining]),
        Case(text: "저작권자(C) 한빛일보. 무단 전재 및 재배포 금지", holder: "한빛일보", acts: [.reproduction, .redistribution]),
        Case(text: "ⓒ한빛뉴스 무단전재 및 재배포, AI학습·활용 금지", holder: "한빛뉴스",
             acts: [.reproduction, .redistribution, .aiTraining]),
        Case(text: "저작권자 © 한빛일보 무단전재 및 재배포 금지 / AI 학습 이용 금지", holder: "한빛일보",
             acts: [.reproduction, .redistribution, .aiTraining]),
        Case(text: "This article may not be reproduced or redistributed without permission. © Hanbit News",
             holder: "Hanbit News", acts: [.reproduction, .redistribution]),
        Case(text: "저작권자\u{00A0}ⓒ\u{3000}한빛일보,\t무단 전재 금지", holder: "한빛일보", acts: [.reproduction]),
        Case(text: "ⓒ 한빛일보. 무단 전재 및 재배포 불가", holder: "한빛일보", acts: [.reproduction, .redistribution]),
        Case(text: "「ⓒ 소리일보」 무단 전재·재배포·데이터 수집 금지", holder: "소리일보",
             acts: [.reproduction, .redistribution, .collection]),
        Case(text: "- ⓒ 한빛TV & hanbit.tv / 무단 전재, 재배포 및 AI 학습 이용 금지 -", holder: "한빛TV",
             acts: [.reproduction, .redistribution, .aiTraining]),
        Case(text: "무단 전재 및 재배포 금지", holder: nil, acts: [.reproduction, .redistribution]),
        Case(text: "[무단 복제·배포 금지]", holder: nil, acts: [.copying, .redistribution]),
    ]

    static let reservations: [Case] = [
        Case(text: "ⓒ 새벽신문 All rights reserved.", holder: "새벽신문", acts: []),
        Case(text: "저작권자 ⓒ 한빛일보", holder: "한빛일보", acts: []),
        Case(text: "Copyright © Hanbit Times", holder: "Hanbit Times", acts: []),
        Case(text: "© 2021-2024 ㈜들녘미디어", holder: "들녘미디어", acts: []),
        Case(text: "All Rights Reserved.", holder: nil, acts: []),
    ]

    /// Body sentences that mention copyright or 무단 전재 and are not notices.
    static let negatives: [String] = [
        "그는 무단 전재 관행이 문제라고 지적했다.",
        "신문사들은 기사 끝에 '무단 전재 및 재배포 금지'라는 문구를 붙인다.",
        "저작권자 측은 무단 복제에 대해 법적 대응을 하겠다고 밝혔다.",
        "저작권자는 무단 전재 금지 조항을 근거로 손해배상을 청구했다.",
        "한국온라인신문협회는 포털의 무단 전재 금지 조항을 두고 협상을 이어가고 있다.",
        "Copyright law in Korea protects news articles for seventy years.",
        "AI 학습에 기사를 활용하는 것을 금지해야 한다는 주장이 나왔다.",
        "정부는 저작권 보호를 위해 크롤링 금지 법안을 발의했다.",
        "© 표시는 저작권을 나타내는 기호다.",
        "All rights reserved라는 문구는 법적 효력이 약하다는 지적이 있다.",
        "언론사들은 무단전재 및 재배포 금지 문구와 함께 AI 학습 금지를 명시하기 시작했다.",
        "문화체육관광부는 뉴스 저작권 보호를 강화하기 위해 무단 전재와 재배포, AI 학습 활용을 금지하는 가이드라인을 마련하고 언론사와 포털의 협의를 거쳐 내년부터 시행할 계획이라고 밝혔다.",
        "'무단 전재 금지'는 국내 언론사의 오랜 관행이다.",
        "Reproduction of this article is prohibited, the court said.",
        "무단전재 금지 여부를 두고 양측이 맞섰다.",
        "그가 내건 원칙은 무단 전재 및 재배포 금지.",
        "저작권 보호 기간은 저작자 사후 70년이다.",
        "이 기사는 저작권법에 따라 보호받는 저작물이라고 재판부는 판단했다.",
    ]

    @Test(arguments: invented) func readsInventedVariants(_ c: Case) throws {
        let parsed = try #require(NoticeGrammar.parse(c.text))
        #expect(parsed.prohibits == c.acts.sorted())
        #expect(parsed.holder == c.holder)
        #expect(!parsed.reservesRightsOnly)
        #expect(parsed.confidence >= 0.7)
    }

    @Test(arguments: reservations) func readsBareReservations(_ c: Case) throws {
        let parsed = try #require(NoticeGrammar.parse(c.text))
        #expect(parsed.prohibits.isEmpty)
        #expect(parsed.reservesRightsOnly)
        #expect(parsed.holder == c.holder)
    }

    @Test(arguments: negatives) func rejectsBodySentences(_ sentence: String) {
        #expect(NoticeGrammar.parse(sentence) == nil)
        #expect(NoticeGrammar.find(in: sentence) == nil)
    }

    @Test func decomposedHangulIsComposedBeforeMatching() throws {
        let nfd = "ⓒ 한빛일보, 무단 전재 및 재배포 금지".decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count > "ⓒ 한빛일보, 무단 전재 및 재배포 금지".unicodeScalars.count)
        let parsed = try #require(NoticeGrammar.parse(nfd))
        #expect(parsed.holder == "한빛일보")
        #expect(parsed.prohibits == [.reproduction, .redistribution])
    }

    @Test func confidenceReflectsHowNoticeLikeTheTextIs() throws {
        let full = try #require(NoticeGrammar.parse("<저작권자 ⓒ 한빛일보, 무단 전재 및 재배포 금지>"))
        let bare = try #require(NoticeGrammar.parse("무단 전재 및 재배포 금지"))
        let reserved = try #require(NoticeGrammar.parse("저작권자 ⓒ 한빛일보"))
        let wordOnly = try #require(NoticeGrammar.parse("저작권자 한빛일보"))
        #expect(full.confidence > bare.confidence)
        #expect(full.confidence > reserved.confidence)
        #expect(reserved.confidence > wordOnly.confidence)
        #expect(full.confidence <= 1 && wordOnly.confidence > 0)
    }

    @Test func findsANoticeAppendedToAParagraph() throws {
        let text = "그는 \"행사를 계속하겠다\"고 말했다. <저작권자(c) 한빛일보, 무단 전재-재배포 금지>"
        let match = try #require(NoticeGrammar.find(in: text))
        let scalars = Array(text.unicodeScalars)
        let found = String(String.UnicodeScalarView(scalars[match.range]))
        #expect(found == "<저작권자(c) 한빛일보, 무단 전재-재배포 금지>")
        #expect(match.notice.holder == "한빛일보")
        #expect(NoticeGrammar.parse(text) == nil, "the whole paragraph is not a notice")
    }

    @Test func wordsInsideNamesAreNotActs() throws {
        // 편집 (modification) inside an outlet name, 수집 inside a word of the slogan.
        let parsed = try #require(NoticeGrammar.parse("ⓒ 한국편집기자협회보, 무단 전재 금지"))
        #expect(parsed.prohibits == [.reproduction])
        #expect(parsed.holder == "한국편집기자협회보")
    }

    @Test func useWithoutAIIsNotANamedAct() throws {
        let parsed = try #require(NoticeGrammar.parse("ⓒ 한빛일보 무단 이용 금지"))
        #expect(parsed.prohibits.isEmpty)
        #expect(parsed.reservesRightsOnly)
        let ai = try #require(NoticeGrammar.parse("ⓒ 한빛일보 무단 전재 및 AI 학습 및 활용 금지"))
        #expect(ai.prohibits == [.reproduction, .aiTraining])
    }
}

extension NoticeGrammarTests {
    /// Short texts that look like reservations or clauses but are not notices.
    static let lookalikes: [String] = [
        "(a), (b), (c) 조항을 살펴보면",
        "Copyright infringement lawsuits rose",
        "저작권 침해 논란",
        "일회용품 사용 금지",
        "The copyright holder said all rights reserved notices are common.",
    ]

    @Test(arguments: lookalikes) func rejectsLookalikes(_ text: String) {
        #expect(NoticeGrammar.parse(text) == nil)
    }
}

extension NoticeGrammarTests {
    /// The forms named in the project's issue.
    @Test func formsNamedInTheIssue() throws {
        let yonhap = try #require(NoticeGrammar.parse("Copyright (c) Yonhap News Agency"))
        #expect(yonhap.holder == "Yonhap News Agency" && yonhap.reservesRightsOnly)
        let mbn = try #require(NoticeGrammar.parse("Copyright ⓒ MBN(매일방송) 무단전재 및 재배포 금지"))
        #expect(mbn.holder == "MBN" && mbn.prohibits == [.reproduction, .redistribution])
        let tvc = try #require(NoticeGrammar.parse("Copyrights ⓒ TV조선. 무단전재 및 재배포 금지"))
        #expect(tvc.holder == "TV조선" && tvc.prohibits == [.reproduction, .redistribution])
        let ytn = try #require(NoticeGrammar.parse("[저작권자(c) YTN 무단전재 및 재배포 금지]"))
        #expect(ytn.holder == "YTN" && ytn.prohibits == [.reproduction, .redistribution])
        let mt = try #require(NoticeGrammar.parse("<저작권자 © ‘돈이 보이는 리얼타임 뉴스’ 머니투데이, 무단전재 및 재배포 금지>"))
        #expect(mt.holder == "머니투데이")
        let yna = try #require(NoticeGrammar.parse("<저작권자 ⓒ 1980-2022 ㈜연합뉴스. 무단 전재 재배포 금지.>"))
        #expect(yna.holder == "연합뉴스")
        let news1 = try #require(NoticeGrammar.parse("© 뉴스1코리아(news1.kr), 무단 전재 및 재배포 금지"))
        #expect(news1.holder == "뉴스1코리아", "the name as written, without its address")
        let ai = try #require(NoticeGrammar.parse("무단 복제 및 AI 학습 이용 금지"))
        #expect(ai.prohibits == [.copying, .aiTraining])
        let reserved = try #require(NoticeGrammar.parse("All rights reserved"))
        #expect(reserved.reservesRightsOnly && reserved.prohibits.isEmpty)
        let ytnFooter = try #require(NoticeGrammar.parse(
            "Copyright (c) YTN. All rights reserved. 모든 컨텐츠(기사)는 저작권법의 보호를 받은바, 무단 전재·복사·배포를 금합니다"))
        #expect(ytnFooter.holder == "YTN" && ytnFooter.prohibits == [.reproduction, .redistribution, .copying])
        let collection = try #require(NoticeGrammar.parse("ⓒ 한빛일보 무단 전재, 수집, 크롤링, 스크래핑 및 변형·편집·가공 금지"))
        #expect(collection.prohibits == [.reproduction, .collection, .modification])
    }
}

extension NoticeGrammarTests {
    @Test func findsANoticeFollowedByFooterTextOnlyWhenAsked() throws {
        let footer = "회사소개 | 이용약관\nCopyright © 한빛방송. All Rights Reserved. 주소: 서울특별시 중구 한빛로 1"
        #expect(NoticeGrammar.find(in: footer) == nil)
        let match = try #require(NoticeGrammar.find(in: footer, allowTrailingText: true))
        #expect(match.notice.holder == "한빛방송")
        let scalars = Array(footer.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[match.range])) == "Copyright © 한빛방송. All Rights Reserved.")
        // A sentence that only mentions a notice is still not one, with or without trailing text.
        #expect(NoticeGrammar.find(in: "신문사들은 기사 끝에 '무단 전재 및 재배포 금지'라는 문구를 붙인다.", allowTrailingText: true) == nil)
    }
}

extension NoticeGrammarTests {
    /// More orders and dresses: name in brackets before or after the clause, no spaces with a
    /// period, "by", company suffixes, all capitals, sentence forms with 저작권은 / 저작권법.
    static let moreForms: [Case] = [
        Case(text: "<한빛일보> 무단 전재 및 재배포 금지", holder: "한빛일보", acts: [.reproduction, .redistribution]),
        Case(text: "무단전재 및 재배포 금지 <한빛일보>", holder: "한빛일보", acts: [.reproduction, .redistribution]),
        Case(text: "ⓒ한빛일보.무단전재및재배포금지", holder: "한빛일보", acts: [.reproduction, .redistribution]),
        Case(text: "저작권자ⓒ한빛일보무단전재및재배포금지", holder: "한빛일보", acts: [.reproduction, .redistribution]),
        Case(text: "이 기사의 저작권은 한빛일보에 있습니다. 무단 전재 및 재배포를 금합니다.", holder: "한빛일보",
             acts: [.reproduction, .redistribution]),
        Case(text: "한빛일보의 모든 기사는 저작권법에 의해 보호받으며 무단 전재를 금합니다.", holder: "한빛일보",
             acts: [.reproduction]),
        Case(text: "© 2024 Hanbit News. Unauthorized reproduction prohibited.", holder: "Hanbit News", acts: [.reproduction]),
        Case(text: "무단 전재, 재배포 금지 ⓒ한빛일보", holder: "한빛일보", acts: [.reproduction, .redistribution]),
        Case(text: "ⓒ 한빛일보 무단 전재 및 재배포 엄금", holder: "한빛일보", acts: [.reproduction, .redistribution]),
        Case(text: "<저작권자ⓒ '세계로 나아가는' 한빛일보. 무단전재 및 재배포 금지>", holder: "한빛일보",
             acts: [.reproduction, .redistribution]),
    ]

    static let moreReservations: [Case] = [
        Case(text: "Copyright ⓒ 2024 by 한빛일보", holder: "한빛일보", acts: []),
        Case(text: "Copyright © Hanbit Co., Ltd. All rights reserved.", holder: "Hanbit", acts: []),
        Case(text: "Copyright © 2024 Hanbit Media Inc. All rights reserved.", holder: "Hanbit Media", acts: []),
        Case(text: "COPYRIGHT © HANBIT DAILY. ALL RIGHTS RESERVED.", holder: "HANBIT DAILY", acts: []),
    ]

    @Test(arguments: moreForms) func readsMoreForms(_ c: Case) throws {
        let parsed = try #require(NoticeGrammar.parse(c.text))
        #expect(parsed.prohibits == c.acts.sorted())
        #expect(parsed.holder == c.holder)
    }

    @Test(arguments: moreReservations) func readsMoreReservations(_ c: Case) throws {
        let parsed = try #require(NoticeGrammar.parse(c.text))
        #expect(parsed.reservesRightsOnly && parsed.prohibits.isEmpty)
        #expect(parsed.holder == c.holder)
    }

    @Test func trailingContactLinesEndTheNoticeInFooters() throws {
        for text in ["ⓒ 한빛일보 무단전재 및 재배포 금지 - 기사문의 02-123-4567",
                     "저작권자 ⓒ 한빛일보, 무단전재 및 재배포, AI학습 금지 / 기사 제보: news@hanbit.kr"] {
            #expect(NoticeGrammar.parse(text) == nil)
            let match = try #require(NoticeGrammar.find(in: text, allowTrailingText: true))
            #expect(match.notice.holder == "한빛일보")
            #expect(match.range.lowerBound == 0 && match.range.upperBound < text.unicodeScalars.count)
        }
    }
}

@Suite("Notice grammar: outlet names that contain notice words")
struct NoticeHolderWordTests {
    @Test("an outlet ending in 신문 before 의 is a holder, not an inquiry (문의)", arguments: ["물결신문", "한빛신문", "새벽신문"])
    func possessiveNewspaper(name: String) throws {
        let parsed = try #require(NoticeGrammar.parse("\(name)의 모든 콘텐츠는 저작권법의 보호를 받으며, 무단 전재·복사·배포를 금합니다."))
        #expect(parsed.holder == name)
        #expect(parsed.prohibits == [.reproduction, .redistribution, .copying])
    }
}
