import ArgumentParser
import Articles
import Extraction
import Foundation
import Scanning

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Show an article as copyscan reads it: text, metadata, notices, credits.",
        discussion: """
            Use it to see why a page was read as it was. The text format marks boilerplate that
            does not count as evidence; JSON gives every field, offsets in code points of `body`.

            Example: copyscan extract --format json page.html
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(name: .shortAndLong, help: "Output format: text or json.")
    var format: Format = .text

    @Argument(help: "The file to read (.txt, .md, .jsonl, .html).")
    var file: String

    func run() throws {
        let results = ArticleReader.read(path: file)
        var articles: [Article] = []
        var failed = false
        for r in results {
            switch r {
            case .success(let a): articles.append(a)
            case .failure(let e):
                Output.note("error: \(e)")
                failed = true
            }
        }
        do {
            switch format {
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let data = articles.count == 1 && ArticleReader.kind(of: file) != .jsonLines
                    ? try encoder.encode(articles[0]) : try encoder.encode(articles)
                StandardStreams.write((String(data: data, encoding: .utf8) ?? "") + "\n")
            case .text:
                StandardStreams.write(articles.map(describe).joined(separator: "\n"))
            }
        } catch {
            throw ExitStatus.fail(error)
        }
        if failed { throw ExitStatus.usage.exitCode }
    }

    private func describe(_ a: Article) -> String {
        var out = "source:    \(a.source)\n"
        for (k, v) in [("id", a.id), ("title", a.title), ("outlet", a.outlet), ("published", a.published),
                       ("modified", a.modified), ("author", a.author), ("url", a.url)] {
            if let v { out += "\(k):\(String(repeating: " ", count: max(1, 10 - k.count)))\(v)\n" }
        }
        let scalars = Array(a.body.unicodeScalars)
        func text(_ r: TextRange) -> String {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars[max(0, min(r.start, scalars.count))..<max(0, min(r.end, scalars.count))])
            return String(v)
        }
        out += "notices:   \(a.notices.count)\n"
        for n in a.notices {
            out += "  [\(n.location.rawValue)] \(n.text)\n    holder: \(n.holder ?? "-"); prohibits: \(n.prohibits.map(\.rawValue).joined(separator: ", "))\(n.reservesRightsOnly ? " (rights reserved only)" : "")\n"
        }
        out += "credits:   \(a.credits.count)\n"
        for c in a.credits { out += "  [\(c.kind.rawValue)] \(c.text)\(c.names.map { " → \($0)" } ?? "")\n" }
        out += "body (\(scalars.count) code points, \(a.paragraphs.count) paragraphs; boilerplate in ⟦ ⟧):\n"
        var cursor = 0
        var body = ""
        for r in a.excluded.merged() where r.start >= cursor {
            body += text(TextRange(start: cursor, end: r.start)) + "⟦" + text(r) + "⟧"
            cursor = r.end
        }
        body += text(TextRange(start: cursor, end: scalars.count))
        out += body.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") + "\n"
        return out
    }
}
