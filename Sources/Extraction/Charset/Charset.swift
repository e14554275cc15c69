/// A character encoding a page can be decoded from.
public enum Charset: Sendable, Hashable, CustomStringConvertible {
    case utf8
    case utf16LittleEndian
    case utf16BigEndian
    /// Korean: EUC-KR and its Microsoft superset. Pages labelled `euc-kr` or `ks_c_5601-1987`
    /// are read as CP949 because browsers do the same and the syllables plain EUC-KR lacks
    /// (똠, 햏, …) would otherwise be lost.
    case cp949
    /// Any other encoding, by the name iconv knows it by.
    case other(String)

    /// The charset a page's label (`<meta charset>`, HTTP header) stands for, or nil when the
    /// label is empty or garbage.
    public init?(label: String) {
        let name = String(label.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace })
            .trimmingScalars(in: "\"'")
        guard !name.isEmpty, name.count <= 40,
              name.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.:".unicodeScalars.contains($0)) })
        else { return nil }
        switch name {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8":
            self = .utf8
        case "utf-16le", "utf-16", "unicode", "ucs-2":
            self = .utf16LittleEndian
        case "utf-16be":
            self = .utf16BigEndian
        case "euc-kr", "euckr", "cp949", "ms949", "uhc", "windows-949", "x-windows-949", "ks_c_5601-1987",
             "ks_c_5601-1989", "ksc5601", "ksc_5601", "ks_c_5601", "korean", "csksc56011987", "iso-ir-149",
             "cseuckr", "x-euc-kr":
            self = .cp949
        default:
            self = .other(name)
        }
    }

    /// The name passed to iconv.
    var iconvName: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16LittleEndian: "UTF-16LE"
        case .utf16BigEndian: "UTF-16BE"
        case .cp949: "CP949"
        case .other(let name): Charset.iconvAliases[name] ?? name.uppercased()
        }
    }

    /// Single-byte Western labels that Korean pages are sometimes served with by mistake.
    var isSingleByteLatin: Bool {
        guard case .other(let name) = self else { return false }
        return name.hasPrefix("iso-8859") || name.hasPrefix("windows-125") || name.hasPrefix("cp125")
            || ["latin1", "l1", "us-ascii", "ascii", "iso8859-1", "cp819", "ibm819"].contains(name)
    }

    /// Web labels whose iconv name differs; browsers read Latin-1 labels as windows-1252.
    private static let iconvAliases: [String: String] = [
        "iso-8859-1": "WINDOWS-1252", "latin1": "WINDOWS-1252", "l1": "WINDOWS-1252",
        "us-ascii": "WINDOWS-1252", "ascii": "WINDOWS-1252", "iso8859-1": "WINDOWS-1252",
        "gb2312": "GBK", "x-gbk": "GBK", "x-sjis": "SHIFT_JIS", "sjis": "SHIFT_JIS",
        "ms932": "CP932", "windows-31j": "CP932", "x-euc-jp": "EUC-JP", "big5-hkscs": "BIG5-HKSCS",
        "tis-620": "CP874", "iso-8859-11": "CP874", "windows-874": "CP874",
    ]

    public var description: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16LittleEndian: "UTF-16LE"
        case .utf16BigEndian: "UTF-16BE"
        case .cp949: "CP949"
        case .other(let name): name
        }
    }
}

extension String {
    func trimmingScalars(in set: String) -> String {
        let drop = Set(set.unicodeScalars)
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !drop.contains($0) }),
              let last = scalars.lastIndex(where: { !drop.contains($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
