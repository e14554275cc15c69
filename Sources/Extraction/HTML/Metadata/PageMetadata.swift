import Foundation

/// What a page says about its article: title, outlet, times, author, address. Sources in order
/// of trust: Open Graph and article meta tags, JSON-LD, other common meta names, the markup.
struct PageMetadata: Hashable {
    var title: String?
    var outlet: String?
    var published: String?
    var modified: String?
    var author: String?
    var url: String?

    init(_ page: PageInventory) {
        let ld = page.articleObjects
        func ldString(_ key: String) -> String? {
            for object in ld {
                if let s = object[key] as? String, !s.trimmingWhitespace().isEmpty { return PageMetadata.clean(s) }
            }
            return nil
        }

        outlet = page.firstMeta(["og:site_name"]).map(PageMetadata.clean)
            ?? ld.lazy.compactMap { PageMetadata.names(in: $0["publisher"]).first }.first
            ?? page.firstMeta(["dd:publisher", "application-name", "publisher", "dc.publisher"]).map(PageMetadata.clean)

        var siteNames = [outlet].compactMap { $0 }
        siteNames += page.meta["og:site_name"] ?? []
        siteNames += ld.flatMap { PageMetadata.names(in: $0["publisher"]) }
        if let twitterSite = page.firstMeta(["twitter:site"]), !twitterSite.hasPrefix("@") { siteNames.append(twitterSite) }

        let rawTitle = page.firstMeta(["og:title", "twitter:title"])
            ?? ldString("headline")
            ?? page.firstMeta(["title", "dc.title", "dable:title", "dd:title"])
            ?? page.firstHeading
            ?? page.titleText
        title = rawTitle.map { TitleCleaner.clean($0, siteNames: siteNames) }.flatMap { $0.isEmpty ? nil : $0 }

        published = page.firstMeta(["article:published_time", "og:article:published_time", "article:published",
                                    "dd:published_time"]).map(PageMetadata.clean)
            ?? ldString("datePublished")
            ?? page.firstMeta(["datepublished", "pubdate", "publishdate", "publish-date", "article.published",
                               "dcterms.created", "dc.date.issued", "date", "dc.date", "nextweb:createdate"]).map(PageMetadata.clean)
            ?? page.firstTimeDatetime.map(PageMetadata.clean)

        modified = page.firstMeta(["article:modified_time", "og:article:modified_time", "article:modified",
                                   "og:updated_time", "dd:modified_time"]).map(PageMetadata.clean)
            ?? ldString("dateModified")
            ?? page.firstMeta(["datemodified", "lastmod", "last-modified", "dcterms.modified", "dc.date.modified",
                               "nextweb:moddate"]).map(PageMetadata.clean)

        let outletKey = outlet.map(ParagraphFilter.compact)
        let authorCandidates: [String?] = [
            ld.lazy.map { PageMetadata.names(in: $0["author"]).joined(separator: ", ") }.first { !$0.isEmpty },
            page.firstMeta(["author", "dable:author", "dd:author", "article:author", "byl", "byline", "sailthru.author"]),
        ]
        author = authorCandidates.lazy.compactMap { $0.map(PageMetadata.clean) }.first { value in
            !value.isEmpty && !TextSearch.contains(value, "://") && ParagraphFilter.compact(value) != outletKey
        }

        let ogURL = page.firstMeta(["og:url", "twitter:url", "url"])
        if let canonical = page.canonical.map(PageMetadata.clean) {
            if TextSearch.contains(canonical, "://") {
                url = canonical
            } else if let base = ogURL.flatMap({ URL(string: $0) }), let resolved = URL(string: canonical, relativeTo: base) {
                url = resolved.absoluteString
            } else {
                url = ogURL ?? canonical
            }
        } else {
            url = ogURL
        }
    }

    /// Names in a JSON-LD person/organisation value: a string, an object with `name`, or an
    /// array of either.
    static func names(in value: Any?) -> [String] {
        if let s = value as? String { return [clean(s)].filter { !$0.isEmpty } }
        if let d = value as? [String: Any] { return names(in: d["name"]) }
        if let a = value as? [Any] { return a.prefix(20).flatMap { names(in: $0) } }
        return []
    }

    static func clean(_ s: String) -> String { TitleCleaner.normalizeSpaces(HTMLEntities.decode(s)) }
}
