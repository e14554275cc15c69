import Testing
@testable import Fingerprinting

@Suite("Shingles")
struct ShinglerTests {
    @Test("one hash per k-gram; equal k-grams hash equal, different ones differ")
    func counts() {
        let s = Shingler(length: 3)
        let text = TextNormalizer.normalize("가나다가나다라").scalars
        let h = s.hashes(text)
        #expect(h.count == 5)
        #expect(h[0] == h[3])          // 가나다 twice
        #expect(Set(h).count == 4)
    }

    @Test("the rolling hash equals hashing each window from scratch, at every position")
    func rollingMatchesDirect() {
        // The text is hashed as two halves side by side: every count from one window up, odd
        // and even, puts the seam and the odd tail in a different place.
        let whole = TextNormalizer.normalize(String(repeating: "서울시 교통위원회 심의 결과 발표 ", count: 20)).scalars
        for length in [1, 2, 5, 8] {
            let s = Shingler(length: length)
            for n in Array(length...(length + 24)) + [whole.count - 1, whole.count] {
                let text = Array(whole[0..<n])
                let rolled = s.hashes(text)
                let direct = (0...(n - length)).map { s.hashes(Array(text[$0..<($0 + length)]))[0] }
                #expect(rolled == direct, "length \(length), \(n) scalars")
            }
        }
    }

    @Test("the hashes handed on as they are computed are the hashes, each once")
    func eachHashOnce() {
        let s = Shingler(length: 5)
        for n in 0...40 {
            let scalars = (0..<n).map { 0xAC00 + UInt32($0 % 7) }
            var seen: [UInt64] = []
            let hashes = scalars.withUnsafeBufferPointer { s.hashes($0) { seen.append($0) } }
            #expect(seen.sorted() == hashes.sorted(), "\(n) scalars")
        }
    }

    @Test("texts shorter than a shingle still have one; empty text has none")
    func shortTexts() {
        let s = Shingler(length: 5)
        #expect(s.hashes([]).isEmpty)
        #expect(s.hashes([0xAC00, 0xAC01]).count == 1)
        #expect(s.hashes([0xAC00, 0xAC01]) != s.hashes([0xAC01, 0xAC00]))
    }

    @Test("respaced text gives exactly the same shingle set")
    func spacingInvariant() {
        let f = Fingerprinter()
        let a = f.fingerprint("정부는 오늘 새로운 부동산 대책을 발표했다.")
        let b = f.fingerprint("정부는오늘 새로운부동산 대책을 발표 했다")
        #expect(a.shingles == b.shingles)
        #expect(a.signature == b.signature)
    }
}
