import Articles
import Foundation
import Testing
@testable import CorpusIndex
import Fingerprinting

@Suite("Corpus index")
struct CorpusIndexTests {
    func temporaryPath() -> String {
        NSTemporaryDirectory() + "copyscan-test-\(UUID().uuidString)/index.sqlite"
    }

    func article(_ body: String, _ source: String) -> Article {
        Article(id: ContentHash.hex(body), source: source, outlet: "테스트일보", body: body)
    }

    static let bodies = [
        "첫 번째 기사는 지역 경제와 소상공인 지원 정책의 효과를 분석하며 전통시장 매출이 지난해보다 크게 늘었다고 전한다.",
        "두 번째 기사는 프로야구 개막전 결과를 다루며 신인 투수의 호투와 관중 수 기록 경신 소식을 자세히 소개하고 있다.",
        "세 번째 기사는 기상청 발표를 인용해 이번 주말 전국에 강한 비가 내리고 기온이 큰 폭으로 떨어질 것이라고 예보했다.",
    ]

    func build(at path: String) throws -> CorpusIndex {
        let index = try CorpusIndex.openOrCreate(at: path, parameters: FingerprintParameters())
        var batch = IndexBatch()
        for (i, body) in Self.bodies.enumerated() {
            let a = article(body, "/archive/\(i).txt")
            batch.additions.append(.init(file: "/archive/\(i).txt", contentHash: ContentHash.hex(body),
                                         documents: [(a, index.fingerprinter.fingerprint(body).allKeys)]))
        }
        try index.apply(batch)
        return index
    }

    @Test("documents persist and are found again after reopening, by their own keys")
    func persistence() throws {
        let path = temporaryPath()
        _ = try build(at: path)
        let reopened = try CorpusIndex.open(at: path)
        #expect(reopened.documentCount == 3)
        for (i, body) in Self.bodies.enumerated() {
            let keys = reopened.fingerprinter.fingerprint(body, windowStride: 25).allKeys
            let top = try reopened.candidates(for: keys).first
            let doc = try #require(top)
            let stored = try reopened.document(doc.document)
            #expect(stored.article.body == body)
            #expect(stored.file == "/archive/\(i).txt")
            #expect(stored.article.outlet == "테스트일보")
        }
    }

    @Test("keys from small buckets are counted as rare, and rank a candidate above common ones")
    func rareKeys() throws {
        let path = temporaryPath()
        let index = try build(at: path)
        let keys = index.fingerprinter.fingerprint(Self.bodies[1], windowStride: 25).allKeys
        // Every bucket of a three-article index holds at most three documents.
        let rare = try #require(try index.candidates(for: keys, rareBucketSize: 3).first)
        #expect(rare.sharedKeys > 0)
        #expect(rare.rareKeys == rare.sharedKeys)
        #expect(rare.score == 2 * rare.sharedKeys)
        let common = try #require(try index.candidates(for: keys, rareBucketSize: 0).first)
        #expect(common.rareKeys == 0)
        #expect(common.sharedKeys == rare.sharedKeys)
    }

    @Test("replacing a file removes its old postings; removing a file removes its documents")
    func incremental() throws {
        let path = temporaryPath()
        let index = try build(at: path)
        let oldKeys = index.fingerprinter.fingerprint(Self.bodies[0]).allKeys
        var batch = IndexBatch()
        let newBody = "바뀐 기사는 완전히 다른 내용으로 우주 탐사선 발사 일정과 국제 협력 계획을 다룬다. 발사는 내년 봄이다."
        batch.additions.append(.init(file: "/archive/0.txt", contentHash: "new",
                                     documents: [(article(newBody, "/archive/0.txt"), index.fingerprinter.fingerprint(newBody).allKeys)]))
        batch.removals.append("/archive/1.txt")
        try index.apply(batch)
        #expect(index.documentCount == 2)
        #expect(try index.candidates(for: oldKeys).isEmpty)
        #expect(try index.fileHashes()["/archive/0.txt"] == "new")
        #expect(try index.fileHashes()["/archive/1.txt"] == nil)
    }

    @Test("opening with other fingerprint parameters is a clear error, not wrong answers")
    func parameterMismatch() throws {
        let path = temporaryPath()
        _ = try build(at: path)
        var other = FingerprintParameters()
        other.shingleLength = 4
        #expect {
            _ = try CorpusIndex.open(at: path, parameters: other)
        } throws: { error in
            guard let e = error as? IndexError, case .parameterMismatch = e.kind else { return false }
            return e.description.contains(path) && e.description.contains("k=4")
        }
    }

    @Test("an index of another format version, or a foreign file, is refused")
    func versionAndForeign() throws {
        let path = temporaryPath()
        _ = try build(at: path)
        let db = try SQLiteDatabase(path: path, readOnly: false)
        try db.execute("UPDATE meta SET value = '99' WHERE key = 'formatVersion'")
        #expect {
            _ = try CorpusIndex.open(at: path)
        } throws: { error in
            guard let e = error as? IndexError, case .formatVersion(found: 99, supported: CorpusIndex.formatVersion) = e.kind else { return false }
            return true
        }
        let foreign = NSTemporaryDirectory() + "copyscan-foreign-\(UUID().uuidString).sqlite"
        try "just text".write(toFile: foreign, atomically: true, encoding: .utf8)
        #expect(throws: IndexError.self) { _ = try CorpusIndex.open(at: foreign) }
        #expect(throws: IndexError.self) { _ = try CorpusIndex.open(at: foreign + ".missing") }
    }

    @Test("a failed batch leaves the index as it was (one transaction)")
    func atomicBatch() throws {
        let path = temporaryPath()
        let index = try build(at: path)
        var batch = IndexBatch()
        let body = "새 기사 본문이다. 충분히 긴 문장을 넣어서 지문이 만들어지도록 한다. 반도체 수출이 회복세를 보인다."
        // The same file twice violates the files table's primary key midway through the batch.
        for _ in 0..<2 {
            batch.additions.append(.init(file: "/archive/new.txt", contentHash: "x",
                                         documents: [(article(body, "/archive/new.txt"), index.fingerprinter.fingerprint(body).allKeys)]))
        }
        #expect(throws: IndexError.self) { try index.apply(batch) }
        #expect(index.documentCount == 3)
        #expect(try index.candidates(for: index.fingerprinter.fingerprint(body).allKeys).isEmpty)
    }
}
