import Articles
import Foundation
import Glibc

/// Reads the articles in one input file, whatever its kind.
///
/// Kinds by extension: `.txt` and `.md` (one article, optional front matter), `.jsonl` (one
/// article per line), `.html`/`.htm` (a page; main text extracted). A JSON Lines file can hold
/// good and bad lines: each line gives an article or an error naming `path:line`.
public enum ArticleReader {
    /// Changes whenever the same bytes may be read into a different article (body, notices,
    /// credits, boilerplate ranges): indexes re-read their files when it changes.
    public static let version = "articles-v4"

    public static let supportedExtensions: Set<String> = ["txt", "md", "markdown", "jsonl", "ndjson", "html", "htm", "xhtml"]

    public static func read(path: String) -> [Result<Article, InputError>] {
        let bytes: [UInt8]
        do {
            bytes = try readBytes(path)
        } catch {
            return [.failure(error)]
        }
        return read(bytes: bytes, path: path)
    }

    public static func read(bytes: [UInt8], path: String) -> [Result<Article, InputError>] {
        switch kind(of: path) {
        case .jsonLines: return JSONLinesReader.read(bytes: bytes, path: path)
        case .html: return [Result { () throws(InputError) in try HTMLArticleExtractor.extract(bytes: bytes, source: path) }]
        case .text, .markdown:
            return [Result { () throws(InputError) in try TextArticleReader.read(bytes: bytes, path: path, markdown: kind(of: path) == .markdown) }]
        }
    }

    public enum Kind: Sendable { case text, markdown, jsonLines, html }

    public static func kind(of path: String) -> Kind {
        switch (path as NSString).pathExtension.lowercased() {
        case "jsonl", "ndjson": return .jsonLines
        case "html", "htm", "xhtml": return .html
        case "md", "markdown": return .markdown
        default: return .text
        }
    }

    /// The file's bytes, or an error that names the file and says why not.
    public static func readBytes(_ path: String) throws(InputError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(path: path, "no such file or directory")
        }
        if isDirectory.boolValue { throw InputError(path: path, "is a directory, not a file") }
        // Read straight into the array: through `Data` the bytes were read and then copied,
        // and the copy's fresh pages faulted in (a 9 MB JSON Lines file: ≈ 4,300 page faults
        // on one thread before any reading could start on the others).
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw InputError(path: path, "cannot be read: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        let expected = fstat(fd, &info) == 0 ? max(0, Int(info.st_size)) : 0
        var count = 0
        var failure: Int32 = 0
        var atEnd = false
        // Not zeroed first: read(2) writes every byte kept. A big file's buffer asks for huge
        // pages, so its pages fault in 2 MB at a time: reading the 9 MB JSON Lines file of the
        // benchmark's suspects, zeroing and faulting took ≈ 6 ms on one thread before the others
        // could start (perf), and a scan of it took 1,600 page faults fewer this way (perf stat).
        var bytes = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            if buffer.count >= 4 << 20 { Self.adviseHugePages(UnsafeMutableRawPointer(base), buffer.count) }
            while count < buffer.count {
                let n = Glibc.read(fd, base + count, buffer.count - count)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { failure = errno; break }
                if n == 0 { atEnd = true; break }
                count += n
            }
            initialized = count
        }
        if failure != 0 { throw InputError(path: path, "cannot be read: \(String(cString: strerror(failure)))") }
        // One byte of room beyond the expected size tells a file that grew since fstat, or a
        // stream without a size: read on to its end.
        while !atEnd {
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: max(4_096, bytes.count)) }
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress.map { $0 + count }, $0.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError(path: path, "cannot be read: \(String(cString: strerror(errno)))")
            }
            if n == 0 { atEnd = true } else { count += n }
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    /// Transparent huge pages for the whole 2 MB extents of a fresh buffer (a hint: the kernel
    /// may decline, and where THP is off it is a no-op).
    private static func adviseHugePages(_ base: UnsafeMutableRawPointer, _ count: Int) {
        let page = 4_096
        let start = (Int(bitPattern: base) + page - 1) & ~(page - 1)
        let end = (Int(bitPattern: base) + count) & ~(page - 1)
        guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(aligned, end - start, MADV_HUGEPAGE)
    }
}

/// Builds an `Article` from plain text: paragraphs, notices, credits and boilerplate.
public enum ArticleBuilder {
    public static func build(body: String, source: String, id: String? = nil, url: String? = nil, outlet: String? = nil,
                             title: String? = nil, published: String? = nil, author: String? = nil) -> Article {
        let findings = BoilerplateScanner.scan(body: body)
        return Article(id: id ?? ContentHash.hex(body), source: source, url: url, outlet: outlet, title: title,
                       published: published, author: author, body: body, paragraphs: paragraphs(of: body),
                       notices: findings.notices, credits: findings.credits, excluded: findings.excluded.merged())
    }

    /// Paragraphs are runs of non-blank lines, in code points.
    ///
    /// Walks the UTF-8 bytes: a scalar is decoded only while its line is still blank; after
    /// that the line's scalars are just counted up to its newline.
    public static func paragraphs(of body: String) -> [TextRange] {
        var out: [TextRange] = []
        var offset = 0
        var start: Int?
        var lineStart = 0
        var lineBlank = true
        var lastNonBlankEnd = 0
        func endLine(at end: Int) {
            if lineBlank {
                if let s = start { out.append(TextRange(start: s, end: lastNonBlankEnd)); start = nil }
            } else {
                if start == nil { start = lineStart }
                lastNonBlankEnd = end
            }
        }
        var text = body
        text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == 0x0A {
                    endLine(at: offset)
                    offset += 1
                    i += 1
                    lineStart = offset
                    lineBlank = true
                } else if lineBlank {
                    let (value, width) = decode(bytes, at: i)
                    if !isWhitespace(value) { lineBlank = false }
                    offset += 1
                    i += width
                } else {
                    // The rest of a line that has text: count scalars eight bytes at a time up to
                    // the newline.
                    if i + 8 <= bytes.count {
                        let word = ByteScan.load(bytes, i)
                        if !ByteScan.contains(word, 0x0A) {
                            offset += 8 - ByteScan.continuationBytes(word)
                            i += 8
                            continue
                        }
                    }
                    if b & 0xC0 != 0x80 { offset += 1 }
                    i += 1
                }
            }
        }
        endLine(at: offset)
        if let s = start { out.append(TextRange(start: s, end: lastNonBlankEnd)) }
        return out
    }

    /// The scalar starting at `i` of valid UTF-8 (a Swift string's) and its width in bytes.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (b0, 1) }
        let width = b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4
        guard i + width <= bytes.count else { return (0xFFFD, bytes.count - i) }
        var value = b0 & (0xFF >> UInt32(width + 1))
        for k in 1..<width { value = value << 6 | (UInt32(bytes[i + k]) & 0x3F) }
        return (value, width)
    }

    private static func isWhitespace(_ value: UInt32) -> Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        if value >= 0xAC00 && value <= 0xD7A3 { return false }   // Hangul syllables, most of the text
        return Unicode.Scalar(value)?.properties.isWhitespace ?? false
    }
}
