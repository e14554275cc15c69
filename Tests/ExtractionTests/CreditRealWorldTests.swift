import Articles
@testable import Extraction
import Foundation
import Testing

/// Credits and notices in the expected main texts of real pages (`../shared/realworld`, relative to
/// the repository root). Expectations name only kinds, outlets and label words: no article text.
@Suite struct CreditRealWorldTests {
    static var folder: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("../shared/realworld/html/ko/scrapping-webs").standardizedFileURL
    }

    static var isAvailable: Bool { FileManager.default.fileExists(atPath: folder.path) }

    struct Expect: Sendable {
        var kind: Credit.Kind
        var names: String??
        /// A label word or punctuation the credit text starts with, or contains when prefixed by "~".
        var marker: String
    }

    static let expectations: [String: [Expect]] = [
        "crwchosunIboOnline/test_article_1": [Expect(kind: .byline, names: .some("스포츠조선"), marker: "["),
                                              Expect(kind: .byline, names: .some(nil), marker: "~@")],
        "crwchosunIboOnline/test_article_2": [Expect(kind: .byline, names: .some("OSEN"), marker: "[OSEN="),
                                              Expect(kind: .byline, names: .some(nil), marker: "/")],
        "crwkbs/test_article_1": [Expect(kind: .photo, names: nil, marker: "[사진 출처")],
        "crwkbs/test_article_2": [Expect(kind: .byline, names: .some("KBS"), marker: "~입니다."),
                                  Expect(kind: .byline, names: .some(nil), marker: "영상편집")],
        "crwmbcnews/test_article_2": [Expect(kind: .photo, names: .some("MBC"), marker: "/ 화면캡처")],
        "crwmbcnews/test_article_3": [Expect(kind: .photo, names: nil, marker: "/ 사진출처")],
        "crwmbnnewsonline/test_article_1": [Expect(kind: .byline, names: .some("MBN뉴스"), marker: "~@"),
                                            Expect(kind: .byline, names: .some(nil), marker: "영상취재")],
        "crwmbnnewsonline/test_article_2": [Expect(kind: .byline, names: .some("MBN스타"), marker: "[")],
        "crwsbsnews/test_article_1": [Expect(kind: .byline, names: .some(nil), marker: "( 취재")],
        "crwsbsnews/test_article_10": [Expect(kind: .photo, names: .some(nil), marker: "사진="),
                                       Expect(kind: .byline, names: .some("SBS연예뉴스"), marker: "(SBS")],
        "crwsbsnews/test_article_13": [Expect(kind: .photo, names: .some("연합뉴스"), marker: "(사진=")],
        "crwsbsnews/test_article_15": [Expect(kind: .photo, names: .some("연합뉴스"), marker: "(화면 출처")],
        "crwtvchosun/test_article_1": [Expect(kind: .photo, names: .some("연합뉴스"), marker: "/")],
        "crwyohapnews/test_article_1": [Expect(kind: .byline, names: .some("연합뉴스TV"), marker: "~@")],
        "crwyohapnews/test_article_2": [Expect(kind: .byline, names: .some(nil), marker: "~기자 (")],
        "crwyohapnews/test_article_3": [Expect(kind: .byline, names: .some(nil), marker: "~PD (")],
        "crwytnonline/test_article_1": [Expect(kind: .byline, names: .some("YTN"), marker: "YTN ")],
        "crwytnonline/test_article_2": [Expect(kind: .byline, names: .some("YTN"), marker: "YTN ")],
        "crwytnonline/test_article_3": [Expect(kind: .byline, names: .some("YTN"), marker: "YTN ")],
    ]

    /// The scraper's expected text: a string, or a list of paragraphs joined by blank lines.
    static func body(_ name: String) throws -> String? {
        let url = folder.appendingPathComponent(name + ".expected.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        guard var data = (object as? [String: Any])?["parsed_data"] else { return nil }
        if let list = data as? [Any], let first = list.first { data = first }
        let text = (data as? [String: Any])?["text"]
        return (text as? String) ?? (text as? [String])?.joined(separator: "\n\n")
    }

    @Test func skipMessage() {
        if !Self.isAvailable { print("CreditRealWorldTests: \(Self.folder.path) is absent; real-page tests skipped") }
        #expect(Self.expectations.count == 19)
    }

    @Test(.enabled(if: isAvailable)) func findsTheCreditsOfRealPages() throws {
        for (name, expected) in Self.expectations.sorted(by: { $0.key < $1.key }) {
            let body = try #require(try Self.body(name), "\(name)")
            let found = BoilerplateScanner.scan(body: body)
            for e in expected {
                let match = found.credits.first { c in
                    guard c.kind == e.kind else { return false }
                    if let names = e.names, c.names != names { return false }
                    return e.marker.hasPrefix("~") ? c.text.contains(e.marker.dropFirst()) : c.text.hasPrefix(e.marker)
                }
                #expect(match != nil, "\(name): no \(e.kind) credit \(e.marker) in \(found.credits.map(\.text))")
            }
            // Boilerplate is a small part of any of these articles.
            let covered = found.excluded.coveredLength
            #expect(covered * 4 < body.unicodeScalars.count, "\(name): \(covered) code points excluded")
        }
    }

    @Test(.enabled(if: isAvailable)) func noNoticesInTextsWithoutNotices() throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".expected.json") }.map { String($0.dropLast(".expected.json".count)) }
        #expect(files.count >= 40)
        for name in files {
            guard let body = try Self.body(name) else { continue }
            let notices = BoilerplateScanner.scan(body: body).notices
            if name == "crwsbsnews/test_article_12" {
                // "…의 저작권은 SBS 라디오에 있습니다" under an interview transcript.
                #expect(notices.map(\.holder) == ["SBS 라디오"])
                #expect(notices.first?.reservesRightsOnly == true)
            } else {
                #expect(notices.isEmpty, "\(name): \(notices.map(\.text))")
            }
        }
    }
}
