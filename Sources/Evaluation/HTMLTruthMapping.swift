/// Moves an HTML suspect's ground truth from the virtual body it was written in (the copied
/// paragraphs joined by blank lines) onto the body the HTML extractor produced, by finding each
/// copied paragraph, in order, in the extracted text.
///
/// The generator knows the paragraphs it put into `<p>` elements but not what an extractor
/// makes of the page (title, captions, whitespace): locating the paragraphs keeps the scoring
/// independent of the extractor. When a paragraph cannot be found verbatim the mapping fails
/// and the case is scored on its verdict only.
public enum HTMLTruthMapping {
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var paragraph: Int
        public var description: String { "copied paragraph \(paragraph + 1) is not verbatim in the extracted body" }
    }

    public static func map(_ passages: [TruthPassage], paragraphs: [HTMLParagraph], body: String) -> Result<[TruthPassage], Failure> {
        let haystack = Array(body.unicodeScalars)
        // (virtual start, length, extracted start) for each paragraph.
        var segments: [(virtual: Int, length: Int, actual: Int)] = []
        var cursor = 0
        for (n, p) in paragraphs.enumerated() {
            let needle = Array(p.text.unicodeScalars)
            guard let at = find(needle, in: haystack, from: cursor) else { return .failure(Failure(paragraph: n)) }
            segments.append((p.start, needle.count, at))
            cursor = at + needle.count
        }
        var out: [TruthPassage] = []
        for passage in passages {
            let s = passage.suspect
            let inside = segments.filter { $0.virtual < s.end && $0.virtual + $0.length > s.start }
            guard let first = inside.first, let last = inside.last else { continue }
            let start = first.actual + max(0, s.start - first.virtual)
            let end = last.actual + min(last.length, s.end - last.virtual)
            var mapped = passage
            mapped.suspect = Span(start, end)
            out.append(mapped)
        }
        return .success(out)
    }

    static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from start: Int) -> Int? {
        guard !needle.isEmpty else { return start <= haystack.count ? start : nil }
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var i = start
        while i <= haystack.count - needle.count {
            if haystack[i] == needle[0] {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
