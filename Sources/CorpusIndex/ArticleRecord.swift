import Articles

/// The stored form of an article's metadata: a compact binary record instead of JSON.
///
/// JSON cost ≈ 40 µs to encode and ≈ 100 µs to decode per article on this corpus (Foundation's
/// coders), which was most of the index write and of a scan's source fetch. The body is stored
/// apart (its own column) and paragraphs are not stored: neither verification nor reports need
/// them.
///
/// Layout: a version byte, then the fields in declaration order. Integers are LEB128 varints,
/// strings a varint byte count and UTF-8, optionals a 0/1 byte, arrays a varint count. Enums
/// are one byte each, from the tables below: a new case is a compile error here, not a silent
/// mismatch. `confidence` is the Double's bit pattern, so it round-trips exactly.
enum ArticleRecord {
    static let version: UInt8 = 1

    static func encode(_ article: Article) -> [UInt8] {
        var w = Writer()
        w.bytes.reserveCapacity(256 + article.source.utf8.count)
        w.byte(version)
        w.string(article.id)
        w.string(article.source)
        w.optional(article.url)
        w.optional(article.outlet)
        w.optional(article.title)
        w.optional(article.published)
        w.optional(article.modified)
        w.optional(article.author)
        w.varint(UInt64(article.notices.count))
        for n in article.notices {
            w.string(n.text)
            w.optional(n.holder)
            var acts: UInt64 = 0
            for act in n.prohibits { acts |= 1 << UInt64(code(act)) }
            w.varint(acts)
            w.byte(n.reservesRightsOnly ? 1 : 0)
            w.byte(code(n.location))
            w.range(n.range)
            w.varint(n.confidence.bitPattern)
        }
        w.varint(UInt64(article.credits.count))
        for c in article.credits {
            w.string(c.text)
            w.byte(code(c.kind))
            w.optional(c.names)
            w.range(c.range)
        }
        w.varint(UInt64(article.excluded.count))
        for r in article.excluded { w.range(r) }
        return w.bytes
    }

    /// The article (with an empty body) or nil when the bytes are not a record this code wrote.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> Article? {
        decode(bytes, skimming: false)
    }

    /// What verification needs of a record: the article's source path and excluded ranges.
    /// Every field is still read and bounds-checked, so the record's structure is checked, but
    /// no other string is built nor its UTF-8 validated, and no notice or credit is made: a
    /// scan fetches ≈ 5 candidate sources a suspect, most without a passage, and the full
    /// decode was ≈ 16,000 instructions a source (callgrind; ≈ 3% of a scan's). `decode` reads
    /// the rest for the sources that are reported.
    static func skim(_ bytes: UnsafeRawBufferPointer) -> (source: String, excluded: [TextRange])? {
        decode(bytes, skimming: true).map { ($0.source, $0.excluded) }
    }

    /// With `skimming`, every string but the source is read as empty and the notices and
    /// credits are left out (see `skim`).
    private static func decode(_ bytes: UnsafeRawBufferPointer, skimming: Bool) -> Article? {
        var r = Reader(bytes: bytes, skimming: skimming)
        guard r.byte() == version,
              let id = r.string(), let source = r.string(always: true),
              let url = r.optional(), let outlet = r.optional(), let title = r.optional(),
              let published = r.optional(), let modified = r.optional(), let author = r.optional(),
              let noticeCount = r.count() else { return nil }
        var notices: [Notice] = []
        notices.reserveCapacity(skimming ? 0 : noticeCount)
        for _ in 0..<noticeCount {
            guard let text = r.string(), let holder = r.optional(), let acts = r.varint(),
                  let reserves = r.byte(), reserves <= 1,
                  let locationCode = r.byte(), let location = location(locationCode),
                  let range = r.range(), let confidence = r.varint() else { return nil }
            if skimming { continue }
            let prohibits = ProhibitedAct.allCases.filter { acts & (1 << UInt64(code($0))) != 0 }
            notices.append(Notice(text: text, holder: holder, prohibits: prohibits, reservesRightsOnly: reserves == 1,
                                  location: location, range: range, confidence: Double(bitPattern: confidence)))
        }
        guard let creditCount = r.count() else { return nil }
        var credits: [Credit] = []
        credits.reserveCapacity(skimming ? 0 : creditCount)
        for _ in 0..<creditCount {
            guard let text = r.string(), let kindCode = r.byte(), let kind = creditKind(kindCode),
                  let names = r.optional(), let range = r.range() else { return nil }
            if skimming { continue }
            credits.append(Credit(text: text, kind: kind, names: names, range: range))
        }
        guard let excludedCount = r.count() else { return nil }
        var excluded: [TextRange] = []
        excluded.reserveCapacity(excludedCount)
        for _ in 0..<excludedCount {
            guard let range = r.range(), let range else { return nil }
            excluded.append(range)
        }
        guard r.atEnd else { return nil }
        return Article(id: id, source: source, url: url, outlet: outlet, title: title, published: published,
                       modified: modified, author: author, body: "", notices: notices, credits: credits, excluded: excluded)
    }

    // MARK: Enum codes (stored: never renumber, only add)

    static func code(_ act: ProhibitedAct) -> UInt8 {
        switch act {
        case .reproduction: 0
        case .redistribution: 1
        case .copying: 2
        case .collection: 3
        case .aiTraining: 4
        case .modification: 5
        }
    }

    static func code(_ location: NoticeLocation) -> UInt8 {
        switch location {
        case .bodyTail: 0
        case .body: 1
        case .copyrightBox: 2
        case .footer: 3
        case .altText: 4
        case .script: 5
        case .metadata: 6
        case .input: 7
        }
    }

    static func location(_ code: UInt8) -> NoticeLocation? {
        let all: [NoticeLocation] = [.bodyTail, .body, .copyrightBox, .footer, .altText, .script, .metadata, .input]
        return all.first { self.code($0) == code }
    }

    static func code(_ kind: Credit.Kind) -> UInt8 {
        switch kind {
        case .dateline: 0
        case .photo: 1
        case .material: 2
        case .source: 3
        case .byline: 4
        }
    }

    static func creditKind(_ code: UInt8) -> Credit.Kind? {
        let all: [Credit.Kind] = [.dateline, .photo, .material, .source, .byline]
        return all.first { self.code($0) == code }
    }

    // MARK: Bytes

    struct Writer {
        var bytes: [UInt8] = []

        mutating func byte(_ b: UInt8) { bytes.append(b) }

        mutating func varint(_ value: UInt64) {
            var v = value
            while v >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
                v >>= 7
            }
            bytes.append(UInt8(v))
        }

        mutating func string(_ s: String) {
            var s = s
            s.withUTF8 { utf8 in
                varint(UInt64(utf8.count))
                bytes.append(contentsOf: utf8)
            }
        }

        mutating func optional(_ s: String?) {
            guard let s else { byte(0); return }
            byte(1)
            string(s)
        }

        /// A present range as start and length (both small numbers, so one or two bytes each).
        mutating func range(_ r: TextRange?) {
            guard let r else { byte(0); return }
            byte(1)
            varint(UInt64(max(0, r.start)))
            varint(UInt64(max(0, r.length)))
        }
    }

    /// Reads what `Writer` wrote; every read is bounds-checked and returns nil past the end.
    struct Reader {
        let bytes: UnsafeRawBufferPointer
        /// Strings are bounds-checked and passed over, read as empty (`ArticleRecord.skim`).
        var skimming = false
        var offset = 0

        var atEnd: Bool { offset == bytes.count }

        mutating func byte() -> UInt8? {
            guard offset < bytes.count else { return nil }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func varint() -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while shift < 64 {
                guard let b = byte() else { return nil }
                value |= UInt64(b & 0x7F) << shift
                if b < 0x80 { return value }
                shift += 7
            }
            return nil
        }

        /// An element count, refused when it could not fit in the remaining bytes (a damaged
        /// record must not make the reader reserve gigabytes).
        mutating func count() -> Int? {
            guard let v = varint(), v <= UInt64(bytes.count - offset) else { return nil }
            return Int(v)
        }

        /// The next string; when skimming, an empty one unless `always`.
        mutating func string(always: Bool = false) -> String? {
            guard let n = count() else { return nil }
            let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + n)])
            offset += n
            if skimming && !always { return "" }
            return String(validating: slice.assumingMemoryBound(to: UInt8.self), as: UTF8.self)
        }

        /// nil when unreadable; `.some(nil)` when the field is absent.
        mutating func optional() -> String?? {
            switch byte() {
            case 0: return .some(nil)
            case 1: return string().map { .some($0) }
            default: return nil
            }
        }

        mutating func range() -> TextRange?? {
            switch byte() {
            case 0: return .some(nil)
            case 1:
                guard let start = varint(), let length = varint(), start < 1 << 40, length < 1 << 40 else { return nil }
                return .some(TextRange(start: Int(start), end: Int(start + length)))
            default: return nil
            }
        }
    }
}
