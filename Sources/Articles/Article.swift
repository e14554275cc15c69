/// One article as copyscan reads it: the extracted text and what is known about it.
///
/// `body` is the text every offset refers to (Unicode code points). For a `.txt` input it is the
/// file's text after any front matter; for HTML it is the extracted main text, paragraphs
/// separated by a blank line.
public struct Article: Codable, Sendable, Hashable {
    /// A stable content hash of `body` (hex), unless the input gave an id.
    public var id: String
    /// Path or URL the article was read from (for JSON Lines: `path#line`).
    public var source: String
    public var url: String?
    public var outlet: String?
    public var title: String?
    /// Publication time as given (ISO 8601 when the input used it).
    public var published: String?
    public var modified: String?
    public var author: String?
    public var body: String
    /// The body's paragraphs, in code points.
    public var paragraphs: [TextRange]
    public var notices: [Notice]
    public var credits: [Credit]
    /// Code point ranges of `body` that are boilerplate (notices, credits, bylines, lists of
    /// other headlines) and never count as evidence of copying.
    public var excluded: [TextRange]

    public init(id: String, source: String, url: String? = nil, outlet: String? = nil, title: String? = nil,
                published: String? = nil, modified: String? = nil, author: String? = nil, body: String,
                paragraphs: [TextRange] = [], notices: [Notice] = [], credits: [Credit] = [],
                excluded: [TextRange] = []) {
        self.id = id
        self.source = source
        self.url = url
        self.outlet = outlet
        self.title = title
        self.published = published
        self.modified = modified
        self.author = author
        self.body = body
        self.paragraphs = paragraphs
        self.notices = notices
        self.credits = credits
        self.excluded = excluded
    }

    /// The notice that decides policy: the strongest prohibition found, else any reservation.
    public var decisiveNotice: Notice? {
        notices.first(where: { $0.forbidsRepublication })
            ?? notices.first(where: { !$0.prohibits.isEmpty })
            ?? notices.first
    }
}
