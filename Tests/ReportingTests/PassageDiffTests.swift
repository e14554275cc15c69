import Fingerprinting
import Testing
@testable import Reporting

@Suite("Passage highlighting")
struct PassageDiffTests {
    func joined(_ segments: [PassageDiff.Segment]) -> String { segments.map(\.text).joined() }

    @Test("identical passages are one shared segment on each side")
    func identical() {
        let r = PassageDiff.compare(suspect: "같은 문장입니다.", source: "같은 문장입니다.")
        #expect(r.suspect == [.init(text: "같은 문장입니다.", shared: true)])
        #expect(r.source == r.suspect)
        #expect(r.sharedCount == 9)
        #expect(r.exact)
    }

    @Test("a changed word is unmarked on both sides, the rest shared")
    func changedWord() {
        let r = PassageDiff.compare(suspect: "급행 노선 세 개를 새로 만든다.", source: "급행 노선 3개를 새로 만든다.")
        #expect(r.suspect == [.init(text: "급행 노선 ", shared: true), .init(text: "세 ", shared: false),
                              .init(text: "개를 새로 만든다.", shared: true)])
        #expect(r.source == [.init(text: "급행 노선 ", shared: true), .init(text: "3", shared: false),
                             .init(text: "개를 새로 만든다.", shared: true)])
    }

    @Test("segments always reassemble both passages exactly, and shared text is the same on both sides")
    func reassembles() {
        var rng = SplitMix64(seed: 42)
        let alphabet = Array("가나다라 마바사.,\n𝄞ab")
        for _ in 0..<200 {
            let a = String((0..<Int(rng.next() % 60)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            var b = Array(a)
            for _ in 0..<Int(rng.next() % 6) {
                let i = b.isEmpty ? 0 : Int(rng.next() % UInt64(b.count))
                switch rng.next() % 3 {
                case 0 where !b.isEmpty: b.remove(at: i)
                case 1: b.insert(alphabet[Int(rng.next() % UInt64(alphabet.count))], at: i)
                default: if !b.isEmpty { b[i] = alphabet[Int(rng.next() % UInt64(alphabet.count))] }
                }
            }
            let source = String(b)
            let r = PassageDiff.compare(suspect: a, source: source)
            #expect(joined(r.suspect) == a)
            #expect(joined(r.source) == source)
            // A deletion splits a shared run on one side only, so compare the shared text as a whole.
            #expect(joined(r.suspect.filter(\.shared)) == joined(r.source.filter(\.shared)))
            #expect(r.sharedCount == joined(r.suspect.filter(\.shared)).unicodeScalars.count)
        }
    }

    @Test("too many edits: both passages are shown whole, flagged as not compared")
    func givesUp() {
        let r = PassageDiff.compare(suspect: "abcdefghij", source: "klmnopqrst", maxEdits: 4)
        #expect(!r.exact)
        #expect(r.suspect == [.init(text: "abcdefghij", shared: true)])
    }
}
