import Foundation

/// Unicode normalisation of extracted text.
enum TextNormalizer {
    /// NFC, applied only when the text contains something that can compose: Foundation's
    /// normaliser is slow and grows quadratically on long decomposed Hangul, so callers pass
    /// one paragraph at a time and already-composed text is returned untouched.
    static func nfc(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: mayCompose) else { return text }
        return text.precomposedStringWithCanonicalMapping
    }

    /// Whitespace-free NFKC, for comparing texts regardless of layout.
    static func comparable(_ text: String) -> String {
        let compatible = text.precomposedStringWithCompatibilityMapping
        var out = String.UnicodeScalarView()
        for s in compatible.unicodeScalars where !s.properties.isWhitespace { out.append(s) }
        return String(out)
    }

    private static func mayCompose(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x300 || (0xAC00...0xD7A3).contains(s.value) { return false }
        if (0x1100...0x11FF).contains(s.value) || (0xA960...0xA97F).contains(s.value) || (0xD7B0...0xD7FF).contains(s.value) {
            return true
        }
        guard s.value >= 0x300 else { return false }
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
