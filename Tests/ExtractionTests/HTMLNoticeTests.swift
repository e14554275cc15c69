import Articles
import Testing
@testable import Extraction

/// Notices wherever real sites put them. The notice texts are generic forms (with an invented
/// outlet), not copied from a page; `NoticeGrammar` decides what counts as a notice.
@Suite("Notices on HTML pages")
struct HTMLNoticeTests {
    static let notice = "[저작권자ⓒ 시험뉴스. 무단전재-재배포 금지]"

    func page(body: String = "<div id=\"articleBody\"><p>\(SyntheticPage.p1)</p></div>", afterBody: String = "",
              footer: String = "", head: String = "") -> String {
        SyntheticPage.newsPage(articleBody: body, extraHead: head, afterBody: afterBody, footer: footer)
    }

    @Test func noticeAtTheEndOfTheBodyIsFoundAndExcluded() throws {
        let article = try SyntheticPage.extract(page(body: "<div id=\"articleBody\"><p>\(SyntheticPage.p1)</p><p>\(Self.notice)</p></div>"))
        let notice = try #require(article.notices.first { $0.location == .bodyTail })
        #expect(notice.text == Self.notice)
        let range = try #require(notice.range)
        let scalars = Array(article.body.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[range.start..<range.end])) == Self.notice)
        #expect(article.excluded.contains(range))
        #expect(!article.notices.contains { $0.location == .copyrightBox })
    }

    @Test func copyrightBoxUnderTheBody() throws {
        let article = try SyntheticPage.extract(page(afterBody: "<p class=\"news_copyrights\">Copyrights ⓒ 시험뉴스. 무단전재 및 재배포 금지</p>"))
        #expect(!article.body.contains("무단전재"))
        let notice = try #require(article.notices.first)
        #expect(notice.location == .copyrightBox)
        #expect(notice.text == "Copyrights ⓒ 시험뉴스. 무단전재 및 재배포 금지")
        #expect(notice.range == nil)
    }

    @Test func siteFooterNotice() throws {
        let article = try SyntheticPage.extract(page(footer: "<p class=\"copy\">ⓒ 시험뉴스 all rights reserved.</p>"))
        #expect(article.notices.map(\.location) == [.footer])
        #expect(article.notices.first?.text == "ⓒ 시험뉴스 all rights reserved.")
    }

    @Test func imageAltTextNotice() throws {
        let article = try SyntheticPage.extract(page(afterBody: "<div class=\"copyright\"><img src=\"c.gif\" alt=\"저작권자ⓒ 시험뉴스 무단전재 및 재배포금지\"></div>"))
        #expect(article.notices.map(\.location) == [.altText])
    }

    @Test func altTextInMarkupThatAScriptWritesCounts() throws {
        let script = "<script>var tail = '';\ntail += '<div class=\"copyright\"><img src=\"/c.gif\" alt=\"저작권자C 시험뉴스 무단전재 및 재배포금지\" /></div>';\n</script>"
        let article = try SyntheticPage.extract(page(afterBody: script))
        #expect(article.notices.map(\.location) == [.altText])
        #expect(article.notices.first?.text == "저작권자C 시험뉴스 무단전재 및 재배포금지")
    }

    @Test func jsonStringInAScriptCounts() throws {
        let script = #"<script>window.cfg = {"label1":"주소","copyright":"Copyright 시험일보 All rights reserved. 무단 전재 및 재배포 금지.","next":"\uc2dc\ud5d8"};</script>"#
        let article = try SyntheticPage.extract(page(afterBody: script))
        #expect(article.notices.map(\.location) == [.script])
        #expect(article.notices.first?.text == "Copyright 시험일보 All rights reserved. 무단 전재 및 재배포 금지.")
    }

    @Test func metaTagNotice() throws {
        let article = try SyntheticPage.extract(page(head: "<meta name=\"copyright\" content=\"ⓒ 시험뉴스. 무단 전재 및 재배포 금지\">"))
        #expect(article.notices.map(\.location) == [.metadata])
    }

    @Test func sentencesThatMentionCopyrightAreNotNotices() throws {
        let script = "<script>alert('저작권 관련 서비스 사용이 불가합니다.');</script>"
        let article = try SyntheticPage.extract(page(afterBody: script, footer: "<p>저작권 문의는 고객센터로 연락 바랍니다</p>"))
        #expect(article.notices.isEmpty)
    }

    @Test func theSameNoticeTwiceAtOneLocationIsReportedOnce() throws {
        let box = "<p class=\"copyright\">Copyright ⓒ 시험뉴스 무단전재 및 재배포 금지</p>"
        let article = try SyntheticPage.extract(page(afterBody: box + box))
        #expect(article.notices.count == 1)
    }
}

@Suite("Script strings")
struct HTMLScriptStringTests {
    @Test func literalsAreFoundAndUnescaped() {
        let source = #"var a = "x\"y\u00e9\n"; // it's a comment with 'quotes'"# + "\n" + #"b('\ud55c\uae00 \x41'); /* "not" */ c = `t`"#
        let all = ScriptStrings.literals(in: source) { _ in true }
        #expect(all == ["x\"yé\n", "한글 A", "t"])
    }

    @Test func balancedJSONAfterAMarker() throws {
        let source = #"Fusion.globalContent={"a":{"b":"}{"},"c":[1,2]};Fusion.x={}"#
        let json = try #require(LenientJSON.balancedValue(after: "Fusion.globalContent", in: source))
        #expect(json == #"{"a":{"b":"}{"},"c":[1,2]}"#)
    }

    @Test func lenientJSONAcceptsCommentsTrailingCommasAndRawNewlines() throws {
        let text = "{ \"a\": \"line\nbreak\", // note\n \"b\": [1, 2,], /* block */ }"
        let value = try #require(LenientJSON.parse(text[...]) as? [String: Any])
        #expect(value["a"] as? String == "line break")
        #expect((value["b"] as? [Any])?.count == 2)
    }
}
