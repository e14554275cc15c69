/// A piece of markup found outside the page's own tree (in a script string or a JSON field),
/// read with the same parser and rules as the page.
struct HTMLFragment {
    /// Visible paragraphs.
    let paragraphs: [String]
    /// `alt` and `title` texts of images.
    let imageTexts: [String]

    init(_ markup: String) {
        guard let document = HTMLDocument(utf8: Array("<html><body>\(markup)</body></html>".utf8)),
              let root = document.body else {
            paragraphs = []
            imageTexts = []
            return
        }
        paragraphs = ParagraphCollector(skipsBoilerplate: false).collect(root).map(\.text)
        imageTexts = PageInventory(document).imageTexts
    }
}
