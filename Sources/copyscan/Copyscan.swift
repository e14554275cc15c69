import ArgumentParser

struct Copyscan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copyscan",
        abstract: "Find where news text was reused, and flag reuse that the publisher's notice forbids.",
        discussion: """
            Typical use:
              copyscan scan --against ARCHIVE SUSPECTS...   scan suspects against an archive (index cached)
              copyscan index --index DB ARCHIVE...          build or update a persistent index
              copyscan scan --index DB SUSPECTS...          scan against that index
              copyscan check --index DB ARTICLE...          CI gate: exit 1 when a violation is found
              copyscan compare SUSPECT SOURCE               one pair, passages shown
              copyscan extract FILE                         the article as copyscan reads it
              copyscan report SAVED.json --format html      re-render a saved JSON report

            Inputs: .txt/.md articles (optional front matter: title, outlet, published, url, id),
            .jsonl (one article per line: id, url, outlet, title, published, text or html),
            .html pages. Directories are read recursively.

            Exit codes: 0 nothing flagged, 1 a violation was found, 2 usage or input error,
            3 internal error.
            """,
        version: "0.1.0",
        subcommands: [IndexCommand.self, ScanCommand.self, CheckCommand.self, CompareCommand.self, ExtractCommand.self, ReportCommand.self]
    )
}
