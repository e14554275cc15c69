import Testing
@testable import Fingerprinting

@Suite("LSH banding")
struct LSHBandingTests {
    @Test("the chosen shape meets the recall target at the threshold, with as many rows as possible")
    func choice() {
        let shape = LSHBanding.choose(permutations: 128, threshold: 0.5, recall: 0.99)
        #expect(shape.candidateProbability(0.5) >= 0.99)
        let more = LSHBanding(bands: 128 / (shape.rows + 1), rows: shape.rows + 1)
        #expect(more.candidateProbability(0.5) < 0.99)
        #expect(shape.bands * shape.rows <= 128)
    }

    @Test("datasketch's 9×13 at 0.8 finds only ≈ 40% of pairs at 0.8; our choice finds ≥ 99%")
    func notTheAreaRule() {
        #expect(abs(LSHBanding(bands: 9, rows: 13).candidateProbability(0.8) - 0.40) < 0.05)
        #expect(LSHBanding.choose(permutations: 128, threshold: 0.8, recall: 0.99).candidateProbability(0.8) >= 0.99)
    }

    @Test("empirical candidate rate at the threshold matches 1 − (1 − sʳ)ᵇ")
    func empiricalRecall() {
        let params = FingerprintParameters()
        let banding = params.documentBanding
        let hasher = MinHasher(permutations: params.permutations, seed: 7, scheme: params.scheme)
        var state: UInt64 = 42
        let trials = 400
        var found = 0
        for _ in 0..<trials {
            // Two sets of 300 with 200 shared: Jaccard 200/400 = 0.5.
            let shared = (0..<200).map { _ in splitMix64(&state) }
            let a = shared + (0..<100).map { _ in splitMix64(&state) }
            let b = shared + (0..<100).map { _ in splitMix64(&state) }
            let ka = Set(banding.keys(hasher.signature(a)))
            let kb = Set(banding.keys(hasher.signature(b)))
            if !ka.isDisjoint(with: kb) { found += 1 }
        }
        let expected = banding.candidateProbability(0.5)
        let rate = Double(found) / Double(trials)
        // Binomial sd at p≈0.99 over 400 trials ≈ 0.005; allow 4 sd.
        #expect(rate >= expected - 0.03, "candidate rate \(rate), expected \(expected)")
    }

    @Test("band keys differ between bands and salts")
    func salted() {
        let b = LSHBanding(bands: 4, rows: 2)
        let sig: [UInt32] = [1, 2, 1, 2, 1, 2, 1, 2]
        #expect(Set(b.keys(sig)).count == 4)
        #expect(Set(b.keys(sig, salt: 1)).isDisjoint(with: Set(b.keys(sig, salt: 2))))
    }

    @Test("a paragraph copied into unrelated text shares window keys with its source")
    func windowsFindPartialCopies() {
        let f = Fingerprinter()
        let source = (0..<12).map { n in "제\(n)문단 원문 기사 내용은 서울 교통 정책과 관련된 상세한 설명을 담고 있으며 시민 반응도 소개한다 번호\(n * 37)" }.joined(separator: "\n\n")
        let copied = "제5문단 원문 기사 내용은 서울 교통 정책과 관련된 상세한 설명을 담고 있으며 시민 반응도 소개한다 번호185\n\n제6문단 원문 기사 내용은 서울 교통 정책과 관련된 상세한 설명을 담고 있으며 시민 반응도 소개한다 번호222"
        let suspect = "전혀 다른 주제의 글이 앞에 길게 놓여 있다 농업 기술과 스마트팜 확산에 관한 이야기다.\n\n" + copied + "\n\n뒤에도 무관한 문장이 이어진다 기상 예보와 주말 날씨 전망에 대한 이야기다."
        let a = Set(f.fingerprint(source).windowKeys)
        let b = Set(f.fingerprint(suspect, windowStride: 25).windowKeys)
        #expect(!a.isDisjoint(with: b))
        let docA = Set(f.fingerprint(source).documentKeys)
        let docB = Set(f.fingerprint(suspect).documentKeys)
        // Whole-document LSH alone would miss it: the documents are far below the threshold.
        #expect(docA.isDisjoint(with: docB))
    }

    /// The key formula written out once more, independently of the fast paths: per band, the
    /// salted band number folded with each row's value through MurmurHash3's finaliser.
    static func referenceKeys(_ signature: [UInt32], bands: Int, rows: Int, salt: UInt64) -> [UInt64] {
        func fmix(_ x: UInt64) -> UInt64 {
            var z = x
            z = (z ^ (z >> 33)) &* 0xff51_afd7_ed55_8ccd
            z = (z ^ (z >> 33)) &* 0xc4ce_b9fe_1a85_ec53
            return z ^ (z >> 33)
        }
        return (0..<bands).map { band in
            var h = salt &+ UInt64(band) &* 0x9e37_79b9_7f4a_7c15
            for r in 0..<rows where band * rows + r < signature.count { h = fmix(h ^ UInt64(signature[band * rows + r])) }
            return fmix(h)
        }
    }

    @Test("band keys follow the formula for every shape, short signatures included")
    func keysFollowTheFormula() {
        var state: UInt64 = 0xBA4D
        for (bands, rows) in [(1, 1), (4, 1), (42, 3), (8, 2), (3, 5)] {
            for length in [0, 1, bands * rows - 1, bands * rows, bands * rows + 3] where length >= 0 {
                let signature = (0..<length).map { _ in UInt32(truncatingIfNeeded: splitMix64(&state)) }
                let banding = LSHBanding(bands: bands, rows: rows)
                #expect(banding.keys(signature, salt: 0x3141_5926) == Self.referenceKeys(signature, bands: bands, rows: rows, salt: 0x3141_5926),
                        "\(bands)×\(rows), \(length) values")
            }
        }
    }
}
