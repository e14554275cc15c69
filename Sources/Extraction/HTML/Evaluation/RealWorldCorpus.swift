import Articles
import Foundation

/// The third-party pages in `../shared/realworld` (see its README.md) as evaluation cases. The
/// pages belong to their outlets: they are read in place and never copied.
public enum RealWorldCorpus {
    /// What the README says about a site's notices.
    public enum NoticeExpectation: Sendable, Hashable {
        /// The README says nothing.
        case unspecified
        /// No notice anywhere on the page (MBC).
        case none
        /// At least one notice at one of these locations.
        case at(Set<NoticeLocation>)
    }

    public struct Case: Sendable, Hashable {
        /// `ko` or `other`.
        public var group: String
        /// The site folder (`crwsbsnews`, `newspaper4k`, …).
        public var site: String
        /// Path relative to the corpus root, for tables.
        public var name: String
        public var path: String
        /// The expected main text, when the corpus has one.
        public var expectedText: String?
        public var notices: NoticeExpectation
    }

    /// Where the README says each Korean site puts its notice.
    public static let noticeExpectations: [String: NoticeExpectation] = [
        "crwytnonline": .at([.bodyTail, .body, .copyrightBox]),
        "crwmbnnewsonline": .at([.bodyTail, .body, .copyrightBox]),
        "crwtvchosun": .at([.bodyTail, .body, .copyrightBox]),
        "crwkbs": .at([.altText]),
        "crwchosunIboOnline": .at([.script]),
        "crwsbsnews": .at([.footer]),
        "crwyohapnews": .at([.footer]),
        "crwmbcnews": .none,
        "any1004k-git": .at([.bodyTail, .body]),
    ]

    /// `../shared/realworld` next to the repository that contains `file` (pass `#filePath`).
    public static func defaultRoot(relativeTo file: String) -> String? {
        var url = URL(fileURLWithPath: file)
        for _ in 0..<8 {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                let root = url.deletingLastPathComponent().appendingPathComponent("shared/realworld").standardizedFileURL.path
                return FileManager.default.fileExists(atPath: root + "/README.md") ? root : nil
            }
        }
        return nil
    }

    /// All cases under `root`, sorted by name.
    public static func cases(root: String) -> [Case] {
        var found: [Case] = []
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: root) else { return [] }
        for case let relative as String in walker {
            let lower = relative.lowercased()
            guard lower.hasSuffix(".html") || lower.hasSuffix(".jsp") else { continue }
            let parts = relative.split(separator: "/").map(String.init)
            guard parts.count >= 3, parts[0] == "html" else { continue }
            let group = parts[1]
            let path = root + "/" + relative
            let stem = String(path.dropLast(lower.hasSuffix(".jsp") ? 4 : 5))
            let site = parts[2] == "scrapping-webs" && parts.count >= 5 ? parts[3] : parts[2]
            var expected: String?
            if let data = fm.contents(atPath: stem + ".expected.json"),
               let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
               let parsed = json["parsed_data"] as? [String: Any] {
                expected = joined(parsed["text"])
            } else if parts[2] == "newspaper4k", let name = parts.last {
                let txt = root + "/html/" + group + "/newspaper4k/txt/" + name.dropLast(5) + ".txt"
                expected = fm.contents(atPath: txt).map { String(decoding: $0, as: UTF8.self) }
            } else if parts[2] == "goose3", let data = fm.contents(atPath: stem + ".json"),
                      let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                      let inner = json["expected"] as? [String: Any] {
                expected = inner["cleaned_text"] as? String
            }
            // Scraper output keeps some character references undecoded (`문빈&amp;산하`).
            expected = expected.map(HTMLEntities.decode).flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0 }
            found.append(Case(group: group, site: site, name: relative, path: path, expectedText: expected,
                              notices: noticeExpectations[site] ?? .unspecified))
        }
        return found.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
    }

    private static func joined(_ value: Any?) -> String? {
        if let s = value as? String { return s }
        if let a = value as? [Any] { return a.compactMap { $0 as? String }.joined(separator: "\n") }
        return nil
    }
}
