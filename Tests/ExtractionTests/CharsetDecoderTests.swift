import Glibc
import Testing
@testable import Extraction

/// Encodes text with glibc iconv, independently of the decoder under test. Nil when iconv
/// cannot represent the text in that encoding.
func iconvEncode(_ text: String, to encoding: String) -> [UInt8]? {
    guard let cd = iconv_open(encoding, "UTF-8"), cd != iconv_t(bitPattern: -1) else { return nil }
    defer { iconv_close(cd) }
    var input = Array(text.utf8)
    var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
    let inCount = input.count, outCount = output.count
    var ok = false
    var produced = 0
    input.withUnsafeMutableBytes { inRaw in
        output.withUnsafeMutableBytes { outRaw in
            var inPtr = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
            var outPtr = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
            var inLeft = inCount, outLeft = outCount
            ok = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1 && inLeft == 0
            produced = outCount - outLeft
        }
    }
    return ok ? Array(output[0..<produced]) : nil
}

@Suite("Charset decoding")
struct CharsetDecoderTests {
    static let korean = "서울의 한 식당 주인 똠방각하는 햏 소리를 내며 웃었다."

    @Test func cp949OnlySyllablesAreNotInPlainEUCKR() {
        // The premise of the CP949 tests: 똠 and 햏 exist only in CP949's extension.
        #expect(iconvEncode("똠", to: "EUC-KR") == nil)
        #expect(iconvEncode("햏", to: "EUC-KR") == nil)
        #expect(iconvEncode("똠", to: "CP949") != nil)
    }

    @Test func declaredEUCKRPageWithCP949SyllablesDecodesFully() throws {
        let html = "<html><head><meta charset=\"euc-kr\"><title>시험</title></head><body><p>\(Self.korean)</p><p>뒤따르는 문단도 남아야 한다.</p></body></html>"
        let bytes = try #require(iconvEncode(html, to: "CP949"))
        let (utf8, sniffed) = CharsetDecoder.decode(bytes)
        #expect(sniffed.charset == .cp949)
        #expect(sniffed.reason == .declared)
        let text = String(decoding: utf8, as: UTF8.self)
        #expect(text.contains(Self.korean))
        #expect(text.contains("뒤따르는 문단도 남아야 한다."))
        #expect(!text.contains("\u{FFFD}"))
    }

    @Test func ksc5601LabelInHTTPEquivMeansCP949() throws {
        let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ks_c_5601-1987\"></head><body><p>\(Self.korean)</p></body></html>"
        let bytes = try #require(iconvEncode(html, to: "CP949"))
        #expect(CharsetSniffer.sniff(bytes).declared == .cp949)
        #expect(CharsetDecoder.decodeString(bytes).contains(Self.korean))
    }

    @Test func undeclaredEUCKRIsRecognisedByItsBytes() throws {
        let html = "<html><body><p>대한민국 헌법 제1조 대한민국은 민주공화국이다. 대한민국의 주권은 국민에게 있고, 모든 권력은 국민으로부터 나온다.</p></body></html>"
        let bytes = try #require(iconvEncode(html, to: "EUC-KR"))
        let sniffed = CharsetSniffer.sniff(bytes)
        #expect(sniffed.declared == nil)
        #expect(sniffed.charset == .cp949)
        #expect(sniffed.reason == .statistics)
        #expect(CharsetDecoder.decodeString(bytes).contains("대한민국은 민주공화국이다"))
    }

    @Test func pageDeclaredUTF8ButEncodedInEUCKRIsReadAsCP949() throws {
        let html = "<html><head><meta charset=\"utf-8\"></head><body><p>\(Self.korean)</p></body></html>"
        let bytes = try #require(iconvEncode(html, to: "CP949"))
        let sniffed = CharsetSniffer.sniff(bytes)
        #expect(sniffed.declared == .utf8)
        #expect(sniffed.charset == .cp949)
        #expect(CharsetDecoder.decodeString(bytes).contains(Self.korean))
    }

    @Test func pageDeclaredEUCKRButEncodedInUTF8IsReadAsUTF8() {
        let html = "<html><head><meta charset=\"euc-kr\"></head><body><p>\(Self.korean)</p></body></html>"
        let sniffed = CharsetSniffer.sniff(Array(html.utf8))
        #expect(sniffed.declared == .cp949)
        #expect(sniffed.charset == .utf8)
        #expect(CharsetDecoder.decodeString(Array(html.utf8)).contains(Self.korean))
    }

    @Test func pageDeclaredLatin1ButEncodedInEUCKRIsReadAsCP949() throws {
        let html = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>\(Self.korean)</p></body></html>"
        let bytes = try #require(iconvEncode(html, to: "CP949"))
        #expect(CharsetSniffer.sniff(bytes).charset == .cp949)
    }

    @Test func genuineLatin1PageStaysLatin1() throws {
        let html = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Le café était fermé à Noël, déjà.</p></body></html>"
        let bytes = try #require(iconvEncode(html, to: "ISO-8859-1"))
        let sniffed = CharsetSniffer.sniff(bytes)
        #expect(sniffed.charset == .other("iso-8859-1"))
        #expect(CharsetDecoder.decodeString(bytes).contains("Le café était fermé à Noël, déjà."))
    }

    @Test func undeclaredLatin1PageIsReadAsWindows1252() throws {
        let bytes = try #require(iconvEncode("<html><body><p>Le café était fermé à Noël.</p></body></html>", to: "ISO-8859-1"))
        let sniffed = CharsetSniffer.sniff(bytes)
        #expect(sniffed.charset == .other("windows-1252"))
        #expect(CharsetDecoder.decodeString(bytes).contains("Le café était fermé à Noël."))
    }

    @Test func invalidUTF8BytesBecomeReplacementCharactersAndTheRestSurvives() {
        var bytes = Array("<html><body><p>앞부분 문장입니다.</p><p>깨진 바이트".utf8)
        bytes += [0xFF, 0xC3, 0x28, 0xE2, 0x82]
        bytes += Array(" 뒤에도 한국어 문장이 이어진다.</p><p>마지막 문단.</p></body></html>".utf8)
        let (utf8, sniffed) = CharsetDecoder.decode(bytes)
        #expect(sniffed.charset == .utf8)
        let text = String(decoding: utf8, as: UTF8.self)
        #expect(String(validating: utf8, as: UTF8.self) != nil)
        #expect(text.contains("깨진 바이트\u{FFFD}"))
        #expect(text.contains("뒤에도 한국어 문장이 이어진다."))
        #expect(text.contains("마지막 문단."))
    }

    @Test func invalidBytesInCP949BecomeReplacementCharacters() throws {
        var bytes = try #require(iconvEncode("<html><body><p>앞 문장", to: "CP949"))
        bytes += [0xFF, 0x80]
        bytes += try #require(iconvEncode("뒷 문장은 살아남는다</p></body></html>", to: "CP949"))
        let decoded = String(decoding: try #require(CharsetDecoder.iconvToUTF8(bytes[...], from: "CP949")), as: UTF8.self)
        #expect(decoded.contains("앞 문장\u{FFFD}"))
        #expect(decoded.contains("뒷 문장은 살아남는다"))
    }

    @Test func byteOrderMarksDecide() throws {
        let text = "<p>\(Self.korean)</p>"
        let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        #expect(CharsetSniffer.sniff(utf8BOM).reason == .byteOrderMark)
        #expect(CharsetDecoder.decodeString(utf8BOM) == text)

        let utf16 = try #require(iconvEncode(text, to: "UTF-16LE"))
        let marked: [UInt8] = [0xFF, 0xFE] + utf16
        #expect(CharsetSniffer.sniff(marked).charset == .utf16LittleEndian)
        #expect(CharsetDecoder.decodeString(marked) == text)
        // Without a mark, the NUL pattern of ASCII markup gives UTF-16 away.
        #expect(CharsetSniffer.sniff(utf16).charset == .utf16LittleEndian)
        #expect(CharsetDecoder.decodeString(utf16) == text)
    }

    @Test func labelsMapToCharsets() {
        #expect(Charset(label: "EUC-KR") == .cp949)
        #expect(Charset(label: " ks_c_5601-1987 ") == .cp949)
        #expect(Charset(label: "x-windows-949") == .cp949)
        #expect(Charset(label: "UTF8") == .utf8)
        #expect(Charset(label: "Shift_JIS") == .other("shift_jis"))
        #expect(Charset(label: "") == nil)
        #expect(Charset(label: "<script>") == nil)
    }

    @Test func metaInsideCommentsIsIgnoredAndLateMetaIsFound() {
        let blank = String(repeating: "\n", count: 5000)
        let html = "<!-- <meta charset=\"euc-kr\"> -->\(blank)<html><head><meta charset='utf-8'></head></html>"
        #expect(CharsetSniffer.declaredCharset(in: Array(html.utf8)) == .utf8)
    }

    @Test func controlBytesAreReplacedAndBinaryIsRecognised() {
        let (utf8, _) = CharsetDecoder.decode(Array("a\u{0}b\u{7}c\td".utf8))
        #expect(String(decoding: utf8, as: UTF8.self) == "a b c\td")
        var generator = SystemRandomNumberGenerator()
        let random = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(ByteStatistics(random).looksBinary)
        #expect(!ByteStatistics(Array("<p>\(Self.korean)</p>".utf8)).looksBinary)
    }
}
