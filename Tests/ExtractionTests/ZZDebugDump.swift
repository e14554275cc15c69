import Foundation
import Testing
@testable import Extraction

@Test func zzDebugDump() throws {
    guard let list = ProcessInfo.processInfo.environment["DUMP_PAGES"] else { return }
    for path in list.split(separator: ",") {
        let data = try #require(FileManager.default.contents(atPath: String(path)))
        let report = try HTMLArticleExtractor.extractReport(bytes: [UInt8](data), source: String(path))
        let name = "/tmp/xdump/" + String(path).replacingOccurrences(of: "/", with: "_")
        let enc = JSONEncoder(); enc.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        try enc.encode(report.article).write(to: URL(fileURLWithPath: name + ".json"))
        try report.article.body.write(toFile: name + ".txt", atomically: true, encoding: .utf8)
        print("DUMP", path, report.bodyMethod, report.charset)
    }
}

@Test func zzOverlapDebug() throws {
    guard ProcessInfo.processInfo.environment["DUMP_OVERLAP"] != nil else { return }
    let data = try #require(FileManager.default.contents(atPath: "/work/shared/realworld/html/other/goose3/test_businessWeek1.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let exp = try #require((json["expected"] as? [String: Any])?["cleaned_text"] as? String)
    let body = try String(contentsOfFile: "/tmp/xdump/_work_shared_realworld_html_other_goose3_test_businessWeek1.html.txt", encoding: .utf8)
    let o = TextOverlap(expected: HTMLEntities.decode(exp), extracted: body)
    print("OVERLAP", o.expectedLength, o.extractedLength, o.matched)
    let a = TextNormalizer.comparable(HTMLEntities.decode(exp)).unicodeScalars.map(\.value)
    let b = TextNormalizer.comparable(body).unicodeScalars.map(\.value)
    for blk in TextOverlap.matchingBlocks(a, b) { print("BLK", blk) }
}
