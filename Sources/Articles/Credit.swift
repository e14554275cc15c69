/// A credit line or fragment: who supplied the text or picture. Credits are not evidence of
/// copying: they are excluded from shingling.
public struct Credit: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable {
        /// `(서울=연합뉴스) 홍길동 기자 =`, `[서울=뉴시스]`.
        case dateline
        /// `[사진=연합뉴스]`, `사진 제공=…`.
        case photo
        /// `○○ 제공`, material supplied by someone.
        case material
        /// `출처:`, `기사제공`.
        case source
        /// `홍길동 기자`, `홍길동 기자 hong@example.com`.
        case byline
    }

    public var text: String
    public var kind: Kind
    /// The outlet or organisation the credit names, if any (`연합뉴스`).
    public var names: String?
    /// The credit's code points in `Article.body`.
    public var range: TextRange?

    public init(text: String, kind: Kind, names: String? = nil, range: TextRange? = nil) {
        self.text = text
        self.kind = kind
        self.names = names
        self.range = range
    }
}
