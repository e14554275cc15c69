import Articles
import Foundation
import Testing
@testable import CorpusIndex
import Fingerprinting

@Suite("Stored article records and the version 1 conversion")
struct ArticleRecordTests {
    static let full = Article(
        id: "id-😀", source: "/archive/feed.jsonl#a1", url: "https://x.example/a1", outlet: "한빛일보", title: "제목 \"따옴표\"",
        published: "2026-01-01T09:00:00+09:00", modified: nil, author: "홍길동", body: "",
        notices: [
            Notice(text: "[저작권자ⓒ 한빛일보. 무단전재-재배포 금지]", holder: "한빛일보", prohibits: [.redistribution, .reproduction],
                   location: .bodyTail, range: TextRange(start: 120, end: 145), confidence: 0.95),
            Notice(text: "All rights reserved", holder: nil, prohibits: [], reservesRightsOnly: true, location: .footer,
                   range: nil, confidence: 0.1 + 0.2),
            Notice(text: "x", holder: "", prohibits: ProhibitedAct.allCases, location: .input, confidence: 1),
        ],
        credits: [
            Credit(text: "(서울=연합뉴스) 홍길동 기자 =", kind: .dateline, names: "연합뉴스", range: TextRange(start: 0, end: 18)),
            Credit(text: "hong@example.com", kind: .byline),
        ],
        excluded: [TextRange(start: 0, end: 18), TextRange(start: 120, end: 1_000_000)])

    @Test("a record reads back as the article it was made from, every field and enum case included")
    func roundTrip() throws {
        var articles = [Self.full, Article(id: "", source: "", body: "")]
        for location in [NoticeLocation.bodyTail, .body, .copyrightBox, .footer, .altText, .script, .metadata, .input] {
            articles.append(Article(id: "n", source: "s", body: "", notices: [Notice(text: "t", holder: nil, prohibits: [.copying], location: location)]))
        }
        for kind in [Credit.Kind.dateline, .photo, .material, .source, .byline] {
            articles.append(Article(id: "c", source: "s", body: "", credits: [Credit(text: "t", kind: kind, names: nil, range: nil)]))
        }
        for article in articles {
            let bytes = ArticleRecord.encode(article)
            let decoded = bytes.withUnsafeBytes { ArticleRecord.decode($0) }
            #expect(decoded == article)
        }
        // The stored form is several times smaller than the JSON it replaces.
        let json = try JSONEncoder().encode(Self.full)
        #expect(ArticleRecord.encode(Self.full).count * 2 < json.count)
    }

    @Test("damaged records are refused, never read past their end")
    func damaged() {
        let bytes = ArticleRecord.encode(Self.full)
        for length in 0..<bytes.count {
            #expect(Array(bytes.prefix(length)).withUnsafeBytes { ArticleRecord.decode($0) } == nil)
        }
        #expect((bytes + [0]).withUnsafeBytes { ArticleRecord.decode($0) } == nil)
        var rng = SplitMix64(seed: 11)
        for _ in 0..<2_000 {
            var copy = bytes
            copy[Int(rng.next() % UInt64(copy.count))] = UInt8(truncatingIfNeeded: rng.next())
            _ = copy.withUnsafeBytes { ArticleRecord.decode($0) }   // must not trap
        }
        // A count far larger than the record is refused before anything is reserved.
        let huge: [UInt8] = [ArticleRecord.version, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F]
        #expect(huge.withUnsafeBytes { ArticleRecord.decode($0) } == nil)
    }

    @Test("skimming reads the source and excluded ranges a full decode reads, and refuses what it refuses for its structure")
    func skim() throws {
        var articles = [Self.full, Article(id: "", source: "", body: "")]
        articles.append(Article(id: "x", source: "/a/b.html", body: "", excluded: (0..<40).map { TextRange(start: $0 * 100, end: $0 * 100 + 7) }))
        for article in articles {
            let bytes = ArticleRecord.encode(article)
            let skimmed = bytes.withUnsafeBytes { ArticleRecord.skim($0) }
            #expect(skimmed?.source == article.source)
            #expect(skimmed?.excluded == article.excluded)
        }
        let bytes = ArticleRecord.encode(Self.full)
        for length in 0..<bytes.count {
            #expect(Array(bytes.prefix(length)).withUnsafeBytes { ArticleRecord.skim($0) } == nil)
        }
        #expect((bytes + [0]).withUnsafeBytes { ArticleRecord.skim($0) } == nil)
        // A bad enum code in a notice is structure, refused by both.
        var badLocation = ArticleRecord.encode(Article(id: "n", source: "s", body: "", notices: [Notice(text: "t", holder: nil, prohibits: [], location: .input)]))
        let code = ArticleRecord.code(NoticeLocation.input)
        badLocation[try #require(badLocation.lastIndex(of: code))] = 200
        #expect(badLocation.withUnsafeBytes { ArticleRecord.decode($0) } == nil)
        #expect(badLocation.withUnsafeBytes { ArticleRecord.skim($0) } == nil)
        // A title that is not UTF-8 is only a full decode's concern; the source is always checked.
        var badTitle = ArticleRecord.encode(Article(id: "i", source: "s", title: "ab", body: ""))
        badTitle[try #require(badTitle.lastIndex(of: UInt8(ascii: "b")))] = 0xFF
        #expect(badTitle.withUnsafeBytes { ArticleRecord.decode($0) } == nil)
        #expect(badTitle.withUnsafeBytes { ArticleRecord.skim($0) }?.source == "s")
        var badSource = ArticleRecord.encode(Article(id: "i", source: "s", body: ""))
        badSource[try #require(badSource.lastIndex(of: UInt8(ascii: "s")))] = 0xFF
        #expect(badSource.withUnsafeBytes { ArticleRecord.skim($0) } == nil)
    }

    /// An index laid out as copyscan's format version 1 wrote it.
    func versionOneIndex(at path: String, articles: [Article]) throws {
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let db = try SQLiteDatabase(path: path, readOnly: false)
        try db.execute(CorpusIndex.schema + "CREATE TABLE buckets(prefix INTEGER PRIMARY KEY, entries BLOB NOT NULL);")
        let parameters = FingerprintParameters()
        let meta = try db.prepare("INSERT INTO meta(key, value) VALUES(?, ?)")
        let encoded = String(decoding: try JSONEncoder().encode(parameters), as: UTF8.self)
        for (k, v) in [("format", "copyscan-index"), ("formatVersion", "1"), ("parameters", encoded), ("identifier", parameters.identifier)] {
            meta.bind(1, k)
            meta.bind(2, v)
            try meta.run()
        }
        let fingerprinter = Fingerprinter(parameters)
        let insert = try db.prepare("INSERT INTO documents(doc, file, meta, body) VALUES(?, ?, ?, ?)")
        var keys: [UInt64] = []
        var docs: [UInt32] = []
        for (i, article) in articles.enumerated() {
            var stored = article
            stored.body = ""
            insert.bind(1, Int64(i + 1))
            insert.bind(2, article.source)
            insert.bind(3, [UInt8](try JSONEncoder().encode(stored)))
            insert.bind(4, article.body)
            try insert.run()
            let k = fingerprinter.fingerprint(article.body).allKeys
            keys += k
            docs += Array(repeating: UInt32(i + 1), count: k.count)
        }
        let groups = PostingGroups(keys: keys, documents: docs)
        let bucket = try db.prepare("INSERT INTO buckets(prefix, entries) VALUES(?, ?)")
        for p in 0..<PostingKey.prefixCount where !groups.group(p).isEmpty {
            bucket.bind(1, Int64(p))
            bucket.bind(2, PostingBlob.encode(groups.group(p)))
            try bucket.run()
        }
    }

    @Test("a version 1 index is refused read-only with how to convert it, and converted when opened for writing")
    func migration() throws {
        let path = NSTemporaryDirectory() + "copyscan-v1-\(UUID().uuidString)/index.sqlite"
        var articles: [Article] = []
        for i in 0..<30 {
            var a = Self.full
            a.id = "a\(i)"
            a.source = "/archive/\(i).txt"
            a.body = SegmentTests.body(i)
            articles.append(a)
        }
        try versionOneIndex(at: path, articles: articles)
        #expect {
            _ = try CorpusIndex.open(at: path)
        } throws: { error in
            guard let e = error as? IndexError, case .formatVersion(found: 1, supported: CorpusIndex.formatVersion) = e.kind else { return false }
            return e.description.contains("converted in place")
        }
        let converted = try CorpusIndex.open(at: path, readOnly: false)
        #expect(converted.documentCount == 30)
        #expect(converted.segmentCount == 1)
        let reopened = try CorpusIndex.open(at: path)
        let fresh = try CorpusIndex.openOrCreate(at: path + ".fresh", parameters: FingerprintParameters())
        var batch = IndexBatch()
        for a in articles { batch.additions.append(.init(file: a.source, contentHash: "h", documents: [(a, fresh.fingerprinter.fingerprint(a.body).allKeys)])) }
        try fresh.apply(batch)
        #expect(reopened.postingCount == fresh.postingCount)
        for i in 0..<30 {
            let keys = reopened.fingerprinter.fingerprint(SegmentTests.body(i), windowStride: 25).allKeys
            #expect(try reopened.candidates(for: keys) == fresh.candidates(for: keys))
            let stored = try reopened.document(i + 1)
            var expected = articles[i]
            expected.paragraphs = []
            #expect(stored.article == expected)
        }
    }
}
