import Fingerprinting

/// `copyscan-bench fingerprint --corpus DIR --stages [--runs R]` times each stage of
/// `Fingerprinter.fingerprint` on its own, one thread: every stage is one pass over all texts
/// with its input computed beforehand, so no clock is read inside an article (the `profile`
/// subcommand reads one around every stage of every article, which costs more than the smaller
/// stages). Passes run round-robin — run 1 of every stage, then run 2… — so a change of load on
/// a shared machine touches every stage alike. Prints the median µs per article of each stage,
/// with min and max, and of the whole `fingerprint` call and the window-hashing limit.
enum FingerprintStages {
    static func run(_ texts: [String], _ fingerprinter: Fingerprinter, runs: Int) -> String {
        let normalized = texts.map { TextNormalizer.normalize($0) }
        let shingles = normalized.map { fingerprinter.shingler.hashes($0.scalars) }
        let signatures = shingles.map { $0.isEmpty ? [] : fingerprinter.documentHasher.signature($0) }
        let stride = fingerprinter.parameters.windowStride
        let length = fingerprinter.shingler.length
        let stages: [(name: String, pass: () -> UInt64)] = [
            ("normalisation", { texts.reduce(0) { $0 &+ UInt64(TextNormalizer.normalize($1).count) } }),
            ("shingle hashing", { normalized.reduce(0) { $0 &+ (fingerprinter.shingler.hashes($1.scalars).last ?? 0) } }),
            ("signature (128)", { shingles.reduce(0) { $0 &+ UInt64($1.isEmpty ? 0 : fingerprinter.documentHasher.signature($1)[0]) } }),
            ("document band keys", { signatures.reduce(0) { $0 &+ (fingerprinter.documentBanding.keys($1).first ?? 0) } }),
            ("window keys", { shingles.reduce(0) { $0 &+ ($1.isEmpty ? 0 : UInt64(fingerprinter.windowKeys($1, stride: stride).distinct.count)) } }),
            ("Fingerprinter.fingerprint", { texts.reduce(0) { $0 &+ UInt64(fingerprinter.fingerprint($1).windowKeys.count) } }),
            ("window-hashing limit", { texts.reduce(0) { $0 ^ WindowHashLimit.hash($1, length: length) } }),
        ]
        var seconds = [[Double]](repeating: [], count: stages.count)
        var sink: UInt64 = 0
        for round in 0...runs {
            for (s, stage) in stages.enumerated() {
                let start = KernelBenchmark.now()
                sink &+= stage.pass()
                // Round 0 warms up.
                if round > 0 { seconds[s].append(KernelBenchmark.now() - start) }
            }
        }
        let n = Double(max(1, texts.count))
        var lines = ["fingerprint stages: \(texts.count) articles, one thread, median of \(runs) round-robin run(s) (min–max), µs per article"]
        for (s, stage) in stages.enumerated() {
            let sorted = seconds[s].sorted()
            let us = { (x: Double) in KernelBenchmark.format(x * 1e6 / n, 2) }
            lines.append(KernelBenchmark.pad(stage.name, 30) + KernelBenchmark.pad(us(sorted[sorted.count / 2]), 10) + "(\(us(sorted[0]))–\(us(sorted[sorted.count - 1])))")
        }
        lines.append("checksum \(sink)")
        return lines.joined(separator: "\n")
    }
}
