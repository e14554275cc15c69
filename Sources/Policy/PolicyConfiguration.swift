/// The rules that turn measured overlap into verdicts (the `[policy]`, `[[licences]]` and
/// `own_outlets` parts of `copyscan.toml`).
///
/// Reuse is *substantial* when the copied passages cover at least `minCopiedCharacters` code
/// points of the suspect, or at least `minCoverage` of the source's text (a short brief copied
/// whole). Below that, shared text is treated as coincidence.
public struct PolicyConfiguration: Codable, Sendable, Hashable {
    public var minCopiedCharacters: Int = 150
    public var minCoverage: Double = 0.5
    /// A quotation with credit is justified up to this share of the source…
    public var quotationMaxCoverage: Double = 0.25
    /// …and while it is at most this share of the suspect (the quote serves the new text).
    public var quotationMaxContainment: Double = 0.5
    /// The user's own outlets: reuse among them is `sameRightsHolder`.
    public var ownOutlets: [String] = []
    public var licences: [Licence] = []

    public init(minCopiedCharacters: Int = 150, minCoverage: Double = 0.5) {
        self.minCopiedCharacters = minCopiedCharacters
        self.minCoverage = minCoverage
    }
}

/// Permission for `licensees` to republish `licensor`'s articles. A wire service whose
/// subscribers may republish lists its subscribers, or `*` for any outlet.
public struct Licence: Codable, Sendable, Hashable {
    public var licensor: String
    public var licensees: [String]
    public var note: String?

    public init(licensor: String, licensees: [String], note: String? = nil) {
        self.licensor = licensor
        self.licensees = licensees
        self.note = note
    }
}

/// Outlet names compare without spaces, punctuation, case or a leading company mark, so
/// `㈜한빛일보`, `한빛 일보` and `한빛일보` are one holder.
public enum OutletName {
    public static func key(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        for s in name.unicodeScalars {
            // ASCII and Hangul syllables directly: the policy keys whole bodies (is the source
            // credited anywhere in the suspect?), and a lower-cased String per scalar was ≈ 9% of
            // a scan's instructions (callgrind). Same keys: ASCII letters and digits are its only
            // alphabetic and numeric scalars, and a syllable is alphabetic without case.
            let v = s.value
            if v < 0x80 {
                if (0x41...0x5A).contains(v) {
                    out.append(Unicode.Scalar(UInt8(v + 0x20)))
                } else if (0x61...0x7A).contains(v) || (0x30...0x39).contains(v) {
                    out.append(s)
                }
                continue
            }
            if (0xAC00...0xD7A3).contains(v) {
                out.append(s)
                continue
            }
            guard s.properties.isAlphabetic || s.properties.numericType != nil, s != "㈜" else { continue }
            out.append(contentsOf: String(s).lowercased().unicodeScalars)
        }
        return String(out)
    }

    public static func same(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return false }
        let ka = key(a), kb = key(b)
        return !ka.isEmpty && ka == kb
    }
}
