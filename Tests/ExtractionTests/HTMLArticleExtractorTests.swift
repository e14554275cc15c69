import Articles
import Foundation
import Testing
@testable import Extraction

/// Synthetic pages written for these tests (no outlet's text).
enum SyntheticPage {
    static let p1 = "시험용 기사의 첫 문단이다. 구청은 올해 봄부터 공원 산책로를 넓히는 공사를 시작했다고 밝혔다."
    static let p2 = "두 번째 문단에서는 주민들이 공사 소음에 대해 여러 차례 민원을 넣었다는 사실을 다룬다."
    static let p3 = "마지막 문단은 공사가 가을에 끝날 예정이라는 구청 관계자의 말로 마무리된다."

    static func extract(_ html: String, source: String = "test.html") throws -> Article {
        try HTMLArticleExtractor.extract(bytes: Array(html.utf8), source: source)
    }

    /// A typical Korean news page: navigation, header, the article, a copyright box, related
    /// lists, a sidebar and a footer.
    static func newsPage(articleBody: String, extraHead: String = "", afterBody: String = "", footer: String = "") -> String {
        """
        <!doctype html><html lang="ko"><head><meta charset="utf-8">
        <title>공원 산책로 넓힌다 - 시험뉴스</title>\(extraHead)
        <style>.x { color: red }</style><script>var tracking = "ignored script text";</script>
        </head><body>
        <nav class="gnb"><ul><li><a href="/politics">정치</a></li><li><a href="/society">사회</a></li></ul></nav>
        <header id="header"><a href="/">시험뉴스 홈</a><div class="search">검색</div></header>
        <div id="container"><div class="article_view">
        <h1 class="title">공원 산책로 넓힌다</h1>
        <div class="share_area"><button>공유하기</button><a href="#">페이스북</a></div>
        \(articleBody)
        \(afterBody)
        <div class="related_news"><h3>관련기사</h3><ul><li><a href="/1">다른 기사 제목 하나가 여기에 있다</a></li><li><a href="/2">다른 기사 제목 둘이 여기에 있다</a></li></ul></div>
        </div>
        <aside class="sidebar"><h3>많이 본 뉴스</h3><ol><li><a href="/3">인기 기사 제목이 여기에 길게 있다</a></li></ol></aside>
        <div id="comment_area">댓글 쓰기: 로그인 후 이용해 주세요. 주민 한 사람의 긴 의견이 여기에 들어간다고 해도 본문은 아니다.</div>
        </div>
        <footer class="site_footer"><p>주소: 서울 어딘가 | 대표전화 000-0000</p>\(footer)</footer>
        </body></html>
        """
    }
}

@Suite("HTML article extraction")
struct HTMLArticleExtractorTests {
    @Test func knownContainerYieldsOnlyTheArticleParagraphs() throws {
        let body = """
        <div itemprop="articleBody">\(SyntheticPage.p1)<br><br>\(SyntheticPage.p2)<br>
        <div class="ad_box"><iframe src="/ad"></iframe>광고 문구가 여기에 있다</div>
        <script>document.write("스크립트가 쓰는 글")</script>
        <p>\(SyntheticPage.p3)</p></div>
        """
        let article = try SyntheticPage.extract(SyntheticPage.newsPage(articleBody: body))
        #expect(article.body == [SyntheticPage.p1, SyntheticPage.p2, SyntheticPage.p3].joined(separator: "\n\n"))
        #expect(article.id == ContentHash.hex(article.body))
        #expect(article.source == "test.html")
    }

    @Test func furnitureInsideTheContainerIsDropped() throws {
        let body = """
        <div id="article_body"><p>\(SyntheticPage.p1)</p>
        <div class="sns_share"><a href="#">카카오톡</a><a href="#">페이스북</a><span>공유하기</span></div>
        <p>\(SyntheticPage.p2)</p>
        <div><strong>많이 본 뉴스</strong></div>
        <div><a href="/n1">다른 기사의 제목이 하나 있다</a></div><div><a href="/n2">다른 기사의 제목이 또 있다</a></div>
        <p>최신기사</p><ul><li><a href="/n3">최신 기사 제목이 여기 있다</a></li></ul>
        <div class="reporter_info"><h4>기자의 인기기사</h4><ol><li><a href="/n4">인기 기사 제목</a></li></ol></div>
        <div class="article_relation"><h4>관련 기사</h4><a href="/n5">관련된 기사 제목이 있다</a></div>
        <div id="comments"><p>독자 의견: 이 글은 본문이 아니라 댓글이며 길게 쓰여 있어도 빠져야 한다.</p></div>
        <p>\(SyntheticPage.p3)</p></div>
        """
        let article = try SyntheticPage.extract(SyntheticPage.newsPage(articleBody: body))
        #expect(article.body == [SyntheticPage.p1, SyntheticPage.p2, SyntheticPage.p3].joined(separator: "\n\n"))
    }

    @Test func paragraphRangesAreCodePointsIntoTheBody() throws {
        let body = "<div id=\"articleBody\">\(SyntheticPage.p1)<br>\(SyntheticPage.p2)<br><br><br>\(SyntheticPage.p3) 😀 é</div>"
        let article = try SyntheticPage.extract(SyntheticPage.newsPage(articleBody: body))
        let scalars = Array(article.body.unicodeScalars)
        let texts = article.paragraphs.map { r in String(String.UnicodeScalarView(scalars[r.start..<r.end])) }
        #expect(texts == [SyntheticPage.p1, SyntheticPage.p2, SyntheticPage.p3 + " 😀 é"])
        #expect(article.paragraphs.last?.end == scalars.count)
    }

    @Test func decomposedHangulIsComposed() throws {
        let decomposed = "\u{1112}\u{1161}\u{11AB}\u{1100}\u{1173}\u{11AF} 문장이 조합형으로 들어왔다."
        let article = try SyntheticPage.extract(SyntheticPage.newsPage(articleBody: "<div id=\"articleBody\"><p>\(decomposed)</p></div>"))
        #expect(article.body == "한글 문장이 조합형으로 들어왔다.")
    }

    @Test func metadataComesFromOpenGraphJSONLDAndMarkup() throws {
        let head = """
        <meta property="og:title" content="공원 산책로 넓힌다">
        <meta property="og:site_name" content="시험뉴스">
        <meta property="article:published_time" content="2024-03-01T09:00:00+09:00">
        <link rel="canonical" href="/news/123">
        <meta property="og:url" content="https://news.example.kr/news/123?utm=x">
        <script type="application/ld+json">
        { "@context": "https://schema.org", // comment as real pages write it
          "@type": "NewsArticle", "headline": "&quot;다른&quot; 제목",
          "dateModified": "2024-03-01T10:30:00+09:00",
          "author": [{"@type": "Person", "name": "홍길동"}, {"@type": "Person", "name": "김철수"}],
          "publisher": {"@type": "Organization", "name": "시험뉴스 주식회사"}, }
        </script>
        """
        let article = try SyntheticPage.extract(SyntheticPage.newsPage(
            articleBody: "<div id=\"articleBody\"><p>\(SyntheticPage.p1)</p></div>", extraHead: head))
        #expect(article.title == "공원 산책로 넓힌다")
        #expect(article.outlet == "시험뉴스")
        #expect(article.published == "2024-03-01T09:00:00+09:00")
        #expect(article.modified == "2024-03-01T10:30:00+09:00")
        #expect(article.author == "홍길동, 김철수")
        #expect(article.url == "https://news.example.kr/news/123")
    }

    @Test(arguments: [
        ("공원 산책로 넓힌다 - SBS 뉴스", "SBS 뉴스", "공원 산책로 넓힌다"),
        ("공원 산책로 넓힌다 | 연합뉴스", "", "공원 산책로 넓힌다"),
        ("[사회] 공원 산책로 넓힌다 :: 시험일보", "", "[사회] 공원 산책로 넓힌다"),
        ("Park paths widened - Local section - The Example Times", "The Example Times", "Park paths widened"),
        ("A - B testing explained", "", "A - B testing explained"),
    ])
    func titleLosesTheSiteSuffix(raw: String, site: String, expected: String) {
        #expect(TitleCleaner.clean(raw, siteNames: site.isEmpty ? [] : [site]) == expected)
    }

    @Test func titleFallsBackToHeadingAndTitleElement() throws {
        let page = "<html><head><title>산책로 기사 - 시험일보</title></head><body><div id=\"articleBody\"><p>\(SyntheticPage.p1)</p></div></body></html>"
        #expect(try SyntheticPage.extract(page).title == "산책로 기사")
        let withHeading = "<html><body><h1>제목 <em>강조</em></h1><div id=\"articleBody\"><p>\(SyntheticPage.p1)</p></div></body></html>"
        #expect(try SyntheticPage.extract(withHeading).title == "제목 강조")
    }

    @Test func timeElementGivesThePublicationDate() throws {
        let page = "<html><body><time datetime=\"2023-05-06T07:08:09Z\">5월 6일</time><div id=\"articleBody\"><p>\(SyntheticPage.p1)</p></div></body></html>"
        #expect(try SyntheticPage.extract(page).published == "2023-05-06T07:08:09Z")
    }

    @Test func densityScorerFindsProseWithoutAKnownContainer() throws {
        let page = """
        <html><body>
        <div class="menu"><a href="/a">메뉴 하나</a> <a href="/b">메뉴 둘</a> <a href="/c">메뉴 셋</a></div>
        <div class="list"><ul>
        <li><a href="/x1">링크로 된 다른 기사 제목이 꽤 길게 적혀 있다 첫째</a></li>
        <li><a href="/x2">링크로 된 다른 기사 제목이 꽤 길게 적혀 있다 둘째</a></li>
        <li><a href="/x3">링크로 된 다른 기사 제목이 꽤 길게 적혀 있다 셋째</a></li></ul></div>
        <div class="cnt"><div class="story">
        <p>\(SyntheticPage.p1)</p><p>\(SyntheticPage.p2)</p><p>\(SyntheticPage.p3)</p>
        </div></div>
        </body></html>
        """
        let report = try HTMLArticleExtractor.extractReport(bytes: Array(page.utf8), source: "d.html")
        #expect(report.bodyMethod == "density")
        #expect(report.article.body == [SyntheticPage.p1, SyntheticPage.p2, SyntheticPage.p3].joined(separator: "\n\n"))
    }

    @Test func brSeparatedProseInADivBecomesParagraphs() throws {
        let page = "<html><body><div class=\"txt\">\(SyntheticPage.p1)<br/>\(SyntheticPage.p2)<br>\n<br>\(SyntheticPage.p3)</div><div><a href=\"/1\">홈</a></div></body></html>"
        let article = try SyntheticPage.extract(page)
        #expect(article.paragraphs.count == 3)
        #expect(article.body.hasPrefix(SyntheticPage.p1 + "\n\n" + SyntheticPage.p2))
    }

    @Test func proseInAContainerNamedLikeAnAdIsKept() throws {
        // A site's article text in `#CmAdContent` ("content with ads") must not be dropped.
        let prose = Array(repeating: [SyntheticPage.p1, SyntheticPage.p2, SyntheticPage.p3], count: 3).flatMap { $0 }
        let body = "<div itemprop=\"articleBody\"><span class=\"subhead\">부제목 한 줄</span><div id=\"CmAdContent\">\(prose.joined(separator: "<br>"))</div><div class=\"ad_box\">광고</div></div>"
        let article = try SyntheticPage.extract(SyntheticPage.newsPage(articleBody: body))
        #expect(article.body == (["부제목 한 줄"] + prose).joined(separator: "\n\n"))
        // Without much prose, the name decides: a short "ad" box is dropped.
        let short = try SyntheticPage.extract(SyntheticPage.newsPage(articleBody:
            "<div itemprop=\"articleBody\"><p>\(SyntheticPage.p1)</p><div id=\"CmAdContent\">짧은 광고 문구</div></div>"))
        #expect(short.body == SyntheticPage.p1)
    }

    @Test(arguments: ["<form id=\"form1\" method=\"post\">", "<div id=\"wrap\" class=\"layer_popup\">"])
    func pageWrappedInAFormOrAMisnamedWrapperStillYieldsItsText(wrapper: String) throws {
        let close = wrapper.hasPrefix("<form") ? "</form>" : "</div>"
        let prose = Array(repeating: [SyntheticPage.p1, SyntheticPage.p2, SyntheticPage.p3], count: 2).flatMap { $0 }
        let page = """
        <html><body>\(wrapper)<div class="gnb"><a href="/a">메뉴</a></div>
        <div class="cnt">\(prose.map { "<p>\($0)</p>" }.joined())</div>\(close)</body></html>
        """
        let article = try SyntheticPage.extract(page)
        #expect(article.body == prose.joined(separator: "\n\n"))
    }

    @Test func hiddenTextAndMarkupDebrisAreDropped() throws {
        let body = "<div id=\"articleBody\"><p>\(SyntheticPage.p1)</p><div style=\"display: none\">숨은 글</div><span class=\"blind\">본문 듣기</span></#-- 기자 프로필 끝 --></div>"
        let article = try SyntheticPage.extract(SyntheticPage.newsPage(articleBody: body))
        #expect(article.body == SyntheticPage.p1)
    }

    @Test func arcPublishingPagesReadTheirJSONState() throws {
        let state = """
        {"_id":"X","content_elements":[
          {"type":"text","content":"\(SyntheticPage.p1)"},
          {"type":"image","caption":"사진 설명은 본문이 아니다"},
          {"type":"raw_html","content":"<div>광고</div>"},
          {"type":"text","content":"\(SyntheticPage.p2) <b>굵게</b><br/>줄바꿈 뒤 문장"}]}
        """
        let page = "<html><head><script id=\"fusion-metadata\">window.Fusion=window.Fusion||{};Fusion.globalContent=\(state);Fusion.globalContentConfig={};</script></head><body><div id=\"app\"></div></body></html>"
        let report = try HTMLArticleExtractor.extractReport(bytes: Array(page.utf8), source: "arc.html")
        #expect(report.bodyMethod == "Fusion.globalContent")
        #expect(report.article.body == [SyntheticPage.p1, SyntheticPage.p2 + " 굵게", "줄바꿈 뒤 문장"].joined(separator: "\n\n"))
    }

    @Test func jsonLDArticleBodyIsTheFallbackForEmptyMarkup() throws {
        let page = """
        <html><head><script type="application/ld+json">{"@type":"NewsArticle","articleBody":"\(SyntheticPage.p1)\\n\(SyntheticPage.p2)"}</script></head>
        <body><div id="root"></div></body></html>
        """
        let report = try HTMLArticleExtractor.extractReport(bytes: Array(page.utf8), source: "ld.html")
        #expect(report.bodyMethod == "JSON-LD articleBody")
        #expect(report.article.body == SyntheticPage.p1 + "\n\n" + SyntheticPage.p2)
    }

    @Test func declaredEUCKRPageExtractsCompletely() throws {
        let html = SyntheticPage.newsPage(articleBody: "<div id=\"articleBody\"><p>똠방각하가 햏 하고 웃었다.</p><p>\(SyntheticPage.p2)</p></div>")
            .replacingOccurrences(of: "<meta charset=\"utf-8\">", with: "<meta charset=\"euc-kr\">")
        let bytes = try #require(iconvEncode(html, to: "CP949"))
        let report = try HTMLArticleExtractor.extractReport(bytes: bytes, source: "euckr.html")
        #expect(report.charset == .cp949)
        #expect(report.article.body == "똠방각하가 햏 하고 웃었다.\n\n" + SyntheticPage.p2)
        #expect(report.article.title == "공원 산책로 넓힌다")
    }

    @Test func invalidUTF8InTheMiddleCostsOneCharacter() throws {
        let html = SyntheticPage.newsPage(articleBody: "<div id=\"articleBody\"><p>앞 문장MARK 뒷 문장</p><p>\(SyntheticPage.p2)</p></div>")
        let parts = html.split(separator: "MARK", omittingEmptySubsequences: false)
        #expect(parts.count == 2)
        let bytes = Array(parts[0].utf8) + [0xFF] + Array(parts[1].utf8)
        let article = try HTMLArticleExtractor.extract(bytes: bytes, source: "bad.html")
        #expect(article.body == "앞 문장\u{FFFD} 뒷 문장\n\n" + SyntheticPage.p2)
    }
}
