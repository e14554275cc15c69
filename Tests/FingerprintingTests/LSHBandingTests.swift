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
        let topics = ["서울 교통 정책과 관련된 상세한 설명을 담고 있으며 시민 반응도 소개한다",
                      "지역 농산물 직거래 장터가 주말마다 열려 소비자와 생산자를 잇는다고 밝혔다",
                      "국립박물관은 올해 가을 특별전에서 조선 후기 회화 작품을 선보일 예정이다",
                      "항만 물류 자동화 사업이 내년 상반기 착공을 앞두고 막바지 설계에 들어갔다",
                      "청소년 체육 프로그램 예산이 늘어나 학교 운동장 개방 시간도 길어질 전망이다",
                      "도서관 야간 개관이 시범 운영 기간 동안 하루 평균 삼백 명의 이용객을 모았다",
                      "하천 정비 공사로 산책로가 새로 열리면서 인근 상권에도 활기가 돌고 있다",
                      "공공 와이파이 확대 계획은 전통시장과 버스 정류장을 우선 대상으로 삼았다",
                      "기후 적응 대책 보고서는 폭염 쉼터 운영 시간을 늘려야 한다고 권고했다",
                      "중소기업 수출 상담회에는 동남아 바이어 마흔 곳이 참여해 계약을 논의했다",
                      "노인 일자리 사업 참여자 모집이 다음 달 초까지 주민센터에서 진행된다",
                      "해양 쓰레기 수거 행사에 자원봉사자 이백여 명이 모여 해변을 청소했다"]
        let paragraphs = topics.enumerated().map { n, topic in "제\(n)문단 \(topic) 번호\(n * 37)" }
        let source = paragraphs.joined(separator: "\n\n")
        let copied = paragraphs[5] + "\n\n" + paragraphs[6]
        let suspect = "전혀 다른 주제의 글이 앞에 길게 놓여 있다 농업 기술과 스마트팜 확산에 관한 이야기다.\n\n" + copied + "\n\n뒤에도 무관한 문장이 이어진다 기상 예보와 주말 날씨 전망에 대한 이야기다."
        let a = Set(f.fingerprint(source).windowKeys)
        let b = Set(f.fingerprint(suspect, windowStride: 25).windowKeys)
        #expect(!a.isDisjoint(with: b))
        // Whole-document LSH alone would miss it: the documents are far below the threshold
        // (at J ≈ 0.1 the 42×3 bands make them candidates with probability ≈ 0.04).
        let (sourceShingles, suspectShingles) = (Set(f.fingerprint(source).shingles), Set(f.fingerprint(suspect).shingles))
        let jaccard = Double(sourceShingles.intersection(suspectShingles).count) / Double(sourceShingles.union(suspectShingles).count)
        #expect(jaccard < 0.15, "J = \(jaccard)")
        #expect(Set(f.fingerprint(source).documentKeys).isDisjoint(with: Set(f.fingerprint(suspect).documentKeys)))
    }

    /// The key formula written out once more, independently of the fast paths: per band, the
    /// salted band number folded with its rows' values, two rows at a time as the halves of a
    /// 64-bit word, through MurmurHash3's finaliser; a band without rows is its salt mixed once.
    static func referenceKeys(_ signature: [UInt32], bands: Int, rows: Int, salt: UInt64) -> [UInt64] {
        func fmix(_ x: UInt64) -> UInt64 {
            var z = x
            z = (z ^ (z >> 33)) &* 0xff51_afd7_ed55_8ccd
            z = (z ^ (z >> 33)) &* 0xc4ce_b9fe_1a85_ec53
            return z ^ (z >> 33)
        }
        return (0..<bands).map { band in
            let salted = salt &+ UInt64(band) &* 0x9e37_79b9_7f4a_7c15
            let present = (0..<rows).map { band * rows + $0 }.filter { $0 < signature.count }
            guard !present.isEmpty else { return fmix(salted) }
            var h = salted
            for first in stride(from: 0, to: present.count, by: 2) {
                var word = UInt64(signature[present[first]])
                if first + 1 < present.count { word |= UInt64(signature[present[first + 1]]) << 32 }
                h = fmix(h ^ word)
            }
            return h
        }
    }

    @Test("two-row bands with different values never share a key")
    func twoRowKeysAreDistinct() {
        // fmix64 is a bijection, so any two different (band, values) of one band differ.
        let banding = LSHBanding(bands: 4, rows: 2)
        var state: UInt64 = 0x2B0
        var seen: [UInt64: [UInt32]] = [:]
        for _ in 0..<5_000 {
            // Values from a small range, so bands repeat and near-equal pairs are common.
            let signature = (0..<8).map { _ in UInt32(splitMix64(&state) % 40) }
            for (band, key) in banding.keys(signature, salt: 7).enumerated() {
                let values = [UInt32(band), signature[2 * band], signature[2 * band + 1]]
                if let earlier = seen[key] { #expect(earlier == values, "key \(key)") }
                seen[key] = values
            }
        }
        #expect(seen.count > 4_000)
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
