import Foundation
import Testing
@testable import Alignment
import Fingerprinting

/// The aligner's seeds and chains were rewritten for speed (counting sort, chains found by
/// their last source position); they must not change. `legacySeeds` and `legacyChains` are
/// that part of the aligner as it was (LegacyAligner.swift); what follows them is shared.
@Suite("Aligner equivalence with the previous chaining")
struct AlignerEquivalenceTests {
    let f = Fingerprinter()
    static let configurations = [
        Aligner(),
        Aligner(minPassageLength: 100, minDensity: 0.6, reorderReach: 300),   // ScanOptions'
        Aligner(maxGap: 8, maxDrift: 2, minPassageLength: 20, minDensity: 0.3, minFragmentLength: 10, maxRepeats: 2),
    ]

    /// Texts from a small vocabulary of stock phrases, so unrelated pairs share many scattered
    /// shingles and repeated ones (the hard case for chaining), with copied, respaced,
    /// reordered and edited stretches between suspect and source.
    static func pair(_ seed: UInt64) -> (suspect: String, source: String) {
        var rng = SplitMix64(seed: seed)
        func next(_ n: Int) -> Int { rng.below(n) }
        let phrases = ["정부는 이날 발표에서", "관계자는 설명했다", "지난해 같은 기간보다", "크게 늘어난 것으로 나타났다",
                       "업계에 따르면", "시장 전문가들은", "올해 하반기부터", "예산 삼천억 원을", "투입할 계획이다",
                       "서울시 관계자는", "주민들의 반응은", "엇갈렸다", "다음 달 중순께", "최종 결정될 예정이다",
                       "수출 실적이", "전년 대비 12% 증가했다", "AI 반도체", "금리 인하 기대감에"]
        func sentence() -> String { (0..<(3 + next(5))).map { _ in phrases[next(phrases.count)] }.joined(separator: " ") + "." }
        var source = (0..<(5 + next(30))).map { _ in sentence() }
        var suspect = (0..<(2 + next(10))).map { _ in sentence() }
        // Copy a stretch of source sentences into the suspect, sometimes respaced or edited.
        if next(4) > 0, !source.isEmpty {
            let start = next(source.count)
            var copied = Array(source[start..<min(source.count, start + 1 + next(8))])
            if next(3) == 0 { copied.shuffle(using: &rng) }
            if next(3) == 0 { copied = copied.map { $0.replacingOccurrences(of: " ", with: "") } }
            if next(3) == 0 { copied = copied.map { $0.replacingOccurrences(of: "는", with: "가") } }
            suspect.insert(contentsOf: copied, at: next(suspect.count + 1))
        }
        if next(5) == 0 { source += source.prefix(3) }   // repeated text in the source
        return (suspect.joined(separator: " "), source.joined(separator: " "))
    }

    /// Whether the current seeds and chains are the previous ones. Chains are compared ordered
    /// by their first seed (one chain per seed at most), the order fragments are sorted in.
    static func matchesLegacy(_ aligner: Aligner, _ prepared: PreparedSuspect, _ source: Fingerprint) -> Bool {
        let seeds = aligner.seeds(prepared, source: source)
        guard seeds == aligner.legacySeeds(prepared, source: source) else { return false }
        let new = aligner.chains(seeds, sourceCount: source.shingles.count).map { [$0.firstI, $0.firstJ, $0.lastI, $0.lastJ, $0.seeds] }
        let old = aligner.legacyChains(seeds).map { [$0.firstI, $0.firstJ, $0.lastI, $0.lastJ, $0.seeds] }
        return new.sorted { $0.lexicographicallyPrecedes($1) } == old.sorted { $0.lexicographicallyPrecedes($1) }
    }

    @Test("generated pairs: every seed and chain is what the previous aligner made")
    func generated() {
        var withPassages = 0
        for seed in 0..<250 as Range<UInt64> {
            let (a, b) = Self.pair(seed)
            let prepared = PreparedSuspect(f.fingerprint(a))
            let source = f.fingerprint(b)
            // Jaccard through the suspect's table is the sorted-merge definition.
            #expect(prepared.jaccard(with: source.shingles) == Aligner.jaccard(prepared.fingerprint.shingles, source.shingles))
            for (n, aligner) in Self.configurations.enumerated() {
                #expect(Self.matchesLegacy(aligner, prepared, source), "seed \(seed), configuration \(n)")
                if !aligner.align(prepared, source: source).passages.isEmpty { withPassages += 1 }
            }
        }
        // The generator must exercise both outcomes, or the comparison proves little.
        #expect(withPassages > 150 && withPassages < 700, "\(withPassages) of 750 alignments had passages")
    }

    @Test("the bundled corpus: every incoming article against every archive article")
    func corpus() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        func texts(_ folder: String) throws -> [String] {
            let dir = root.appendingPathComponent(folder)
            return try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
                .map { try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8) }
        }
        let archive = try texts("Corpus/archive").map { f.fingerprint($0) }
        let incoming = try texts("Corpus/incoming")
        #expect(archive.count >= 20 && incoming.count >= 10)
        var withPassages = 0
        for text in incoming {
            let prepared = PreparedSuspect(f.fingerprint(text))
            for source in archive {
                for aligner in Self.configurations.prefix(2) {
                    #expect(Self.matchesLegacy(aligner, prepared, source))
                    if !aligner.align(prepared, source: source).passages.isEmpty { withPassages += 1 }
                }
            }
        }
        #expect(withPassages > 0)
    }
}
