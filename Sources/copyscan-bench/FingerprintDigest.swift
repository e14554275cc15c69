import Fingerprinting

/// `copyscan-bench fingerprint --corpus DIR --digest` prints one 64-bit digest per output of
/// `Fingerprinter.fingerprint` over every text — normalised scalars, offset map, shingles,
/// signature, document keys, window keys — for plain texts, for texts with excluded ranges and
/// for the query's finer window stride. Two builds that print the same digests produce the same
/// fingerprints on the corpus: the check that a speed change altered no output.
enum FingerprintDigest {
    /// FNV-1a over 64-bit words, folded through the shingler's finaliser: order-sensitive, so
    /// a value moved to another position changes the digest.
    struct Digest {
        var state: UInt64 = 0xcbf2_9ce4_8422_2325
        mutating func add(_ v: UInt64) {
            state = (state ^ v) &* 0x100_0000_01b3
            state ^= state >> 29
        }
        mutating func add<S: Sequence>(_ values: S) where S.Element: FixedWidthInteger {
            var n: UInt64 = 0
            for v in values { add(UInt64(truncatingIfNeeded: v)); n += 1 }
            add(n)
        }
    }

    static func run(_ texts: [String], _ fingerprinter: Fingerprinter) -> String {
        var lines: [String] = []
        let variants: [(name: String, excluded: (Int) -> [TextSpan], stride: Int?)] = [
            ("plain", { _ in [] }, nil),
            // Two ranges like a credit line and a tail notice, derived from the length only.
            ("excluded", { n in [TextSpan(start: n / 3, end: n / 3 + 40), TextSpan(start: max(0, n - 60), end: n)] }, nil),
            ("query-stride-25", { _ in [] }, 25),
        ]
        for variant in variants {
            var d = [Digest](repeating: Digest(), count: 7)
            for text in texts {
                let fp = fingerprinter.fingerprint(text, excluding: variant.excluded(text.unicodeScalars.count), windowStride: variant.stride)
                d[0].add(fp.normalized.scalars)
                d[1].add(fp.normalized.origins)
                d[2].add([fp.normalized.originalLength])
                d[3].add(fp.shingles)
                d[4].add(fp.signature)
                d[5].add(fp.documentKeys)
                d[6].add(fp.windowKeys)
            }
            let names = ["scalars", "origins", "length", "shingles", "signature", "documentKeys", "windowKeys"]
            let fields = zip(names, d).map { "\"\($0)\": \"\(String($1.state, radix: 16))\"" }
            lines.append("{\"variant\": \"\(variant.name)\", \"articles\": \(texts.count), \(fields.joined(separator: ", "))}")
        }
        return lines.joined(separator: "\n")
    }
}
