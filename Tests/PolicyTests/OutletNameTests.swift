import Testing
import Policy

@Suite("Outlet name keys")
struct OutletNameTests {
    /// The key as first written: every alphabetic or numeric scalar but ㈜, lower-cased one by
    /// one. The fast paths for ASCII and Hangul syllables must give the same keys.
    static func reference(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        for s in name.unicodeScalars where s.properties.isAlphabetic || s.properties.numericType != nil {
            if s == "㈜" { continue }
            out.append(contentsOf: String(s).lowercased().unicodeScalars)
        }
        return String(out)
    }

    @Test("keys ignore spaces, punctuation, case and ㈜, as the reference does, for every kind of text")
    func sameAsReference() {
        let names = ["㈜한빛일보", "한빛 일보", "KBS뉴스", "Yonhap News TV", "MBC (문화방송)", "ＳＢＳ", "Ünïcödé Presse",
                     "ΑΘΗΝΑ", "İstanbul", "ß-Zeitung", "東亞日報", "ㅋㅋ 뉴스", "ᄒᆞᆫ빛", "①②③ 신문", "Ⅻ Times", "", "   ", "2024년 12월 3일",
                     "[저작권자ⓒ 메가경제. 무단전재-재배포 금지]", "\u{0}\u{7F}\u{80}\u{AC00}\u{D7A3}\u{D7A4}\u{ABFF}"]
        for name in names {
            #expect(OutletName.key(name) == Self.reference(name), "\(name)")
        }
        // Every ASCII scalar and the edges of the syllable block, one at a time.
        for v in Array(0..<0x80) + [0xABFF, 0xAC00, 0xAC01, 0xD7A3, 0xD7A4, 0x2163, 0xFF21, 0xFF41, 0x0130] {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let s = "가" + String(scalar) + "Z"
            #expect(OutletName.key(s) == Self.reference(s), "U+\(String(v, radix: 16))")
        }
        #expect(OutletName.key("㈜Han Bit 일보!") == "hanbit일보")
    }
}
