import Policy

/// SARIF 2.1.0, for code-scanning tools and CI: one rule per kind of finding, one result per
/// suspect–source pair that is not clean, located at the copied passages of the suspect file
/// with the source's passages as related locations.
///
/// Report offsets count code points of the article body; the locator turns them into lines and
/// columns of the file (`columnKind: unicodeCodePoints`). The renderer reads nothing itself.
public enum SARIFReport {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    public static let fingerprintKey = "copyscanMatch/v1"

    /// Renders with regions read from the files on disk (paths relative to the current directory).
    public static func render(_ report: ScanReport) -> String {
        render(report, locator: .fileSystem())
    }

    public static func render(_ report: ScanReport, locator: ArticleLocator) -> String {
        var locations = LocationCache(locator: locator)
        let findings = ReportDigest.findings(report)
        let rules = ruleKinds(findings)
        let ruleIndex = Dictionary(rules.enumerated().map { ($1.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
        let results = findings.map { result($0, ruleIndex: ruleIndex[$0.presentation.rawValue] ?? 0, policy: report.policy, locations: &locations) }

        let driver = JSONValue.members([
            ("name", .string(report.tool.name)),
            ("version", .string(report.tool.version)),
            ("semanticVersion", .string(report.tool.version)),
            ("rules", .array(rules.map(rule))),
        ])
        let notifications = report.errors.map { problem in
            JSONValue.members([
                ("level", .string("error")),
                ("message", message("\(problem.path): \(problem.problem)")),
                ("locations", .array([.members([("physicalLocation", .members([("artifactLocation", artifact(ArticleLocator.split(problem.path).file))]))])])),
            ])
        }
        let run = JSONValue.members([
            ("tool", .members([("driver", driver)])),
            ("invocations", .array([.members([
                ("executionSuccessful", .bool(true)),
                ("toolExecutionNotifications", notifications.isEmpty ? nil : .array(notifications)),
            ])])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(results)),
            ("properties", runProperties(report)),
        ])
        return JSONValue.members([
            ("$schema", .string(schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ]).printed()
    }

    /// Every known kind of finding, most severe first, then unknown kinds met in the report.
    static func ruleKinds(_ findings: [Finding]) -> [VerdictPresentation] {
        var kinds = VerdictPresentation.knownRawValues.map(VerdictPresentation.of(rawValue:)).filter(\.isFinding)
        let known = Set(kinds.map(\.rawValue))
        let extra = Set(findings.map(\.presentation.rawValue)).subtracting(known).sorted()
        kinds += extra.map(VerdictPresentation.of(rawValue:))
        return kinds
    }

    static func ruleID(_ p: VerdictPresentation) -> String { "copyscan/\(p.rawValue)" }

    static func rule(_ p: VerdictPresentation) -> JSONValue {
        let name = p.english.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        let help = """
            \(p.explanationEnglish) \(p.explanationKorean)
            Compare the highlighted passages with the source, check the source's notice quoted in the result, \
            and remove the copied text or obtain permission from the rights holder.
            """
        return .members([
            ("id", .string(ruleID(p))),
            ("name", .string(name)),
            ("shortDescription", message("\(p.english) (\(p.korean))")),
            ("fullDescription", message("\(p.explanationEnglish) / \(p.explanationKorean)")),
            ("help", message(help)),
            ("defaultConfiguration", .members([("level", .string(p.level.rawValue))])),
            ("properties", .members([("tags", .array([.string("copyright"), .string("copyscan")]))])),
        ])
    }

    static func result(_ f: Finding, ruleIndex: Int, policy: ScanReport.PolicySummary, locations: inout LocationCache) -> JSONValue {
        let match = f.match
        let suspect = locations[f.article.path]
        let source = locations[match.source.path]

        var primary: [JSONValue] = []
        for (n, p) in match.passages.enumerated() {
            guard let region = suspect.region(of: p.suspect, text: p.suspectText) else { continue }
            primary.append(location(suspect.file, region: regionJSON(region, snippet: p.suspectText),
                                    message: "Copied passage \(n + 1) (code points \(p.suspect.start)–\(p.suspect.end) of the body)"))
        }
        if primary.isEmpty {
            primary = [location(suspect.file, region: .members([("startLine", .int(suspect.articleLine))]), message: nil)]
        }
        let related = match.passages.enumerated().map { n, p in
            let region = source.region(of: p.source, text: p.sourceText).map { regionJSON($0, snippet: p.sourceText) }
                ?? .members([("startLine", .int(source.articleLine))])
            return location(source.file, region: region, id: n,
                            message: "Source passage \(n + 1) in \(Localization.sourceName(match.source)) (code points \(p.source.start)–\(p.source.end) of the body)")
        }

        return .members([
            ("ruleId", .string(ruleID(f.presentation))),
            ("ruleIndex", .int(ruleIndex)),
            ("level", .string(f.presentation.level.rawValue)),
            ("message", message(resultText(f, policy: policy))),
            ("locations", .array(primary)),
            ("relatedLocations", related.isEmpty ? nil : .array(related)),
            ("partialFingerprints", .members([(fingerprintKey, .string(ReportDigest.fingerprint(article: f.article, match: match)))])),
            ("properties", resultProperties(f)),
        ])
    }

    static func resultText(_ f: Finding, policy: ScanReport.PolicySummary) -> String {
        var text = "\(f.presentation.english): \(f.article.path) copies \(Localization.sourceName(f.match.source))."
        for reason in f.match.reasons {
            text += " " + Localization.wording(reason, in: .match(f.match), policy: policy).english
        }
        if let notice = f.match.source.notice { text += " Notice: “\(notice)”" }
        return text
    }

    static func resultProperties(_ f: Finding) -> JSONValue {
        let m = f.match
        let s = m.source
        return .members([
            ("verdict", .string(m.verdict.rawValue)),
            ("containment", .double(m.containment)),
            ("coverage", .double(m.coverage)),
            ("jaccard", .double(m.jaccard)),
            ("copiedCharacters", .int(m.copiedCharacters)),
            ("suspect", .members([
                ("path", .string(f.article.path)), ("id", .string(f.article.id)),
                ("title", f.article.title.map(JSONValue.string)), ("outlet", f.article.outlet.map(JSONValue.string)),
                ("published", f.article.published.map(JSONValue.string)),
            ])),
            ("source", .members([
                ("path", .string(s.path)), ("id", .string(s.id)), ("title", s.title.map(JSONValue.string)),
                ("outlet", s.outlet.map(JSONValue.string)), ("published", s.published.map(JSONValue.string)),
                ("notice", s.notice.map(JSONValue.string)), ("holder", s.holder.map(JSONValue.string)),
                ("prohibits", .array(s.prohibits.map(JSONValue.string))),
            ])),
            ("reasons", .array(m.reasons.map { .members([("code", .string($0.code)), ("message", .string($0.message))]) })),
            ("passages", .array(m.passages.map {
                .members([
                    ("suspect", .array([.int($0.suspect.start), .int($0.suspect.end)])),
                    ("source", .array([.int($0.source.start), .int($0.source.end)])),
                ])
            })),
        ])
    }

    static func runProperties(_ report: ScanReport) -> JSONValue {
        let s = report.summary
        return .members([
            ("copyscanSchemaVersion", .int(report.schemaVersion)),
            ("policy", .members([
                ("minCopiedCharacters", .int(report.policy.minCopiedCharacters)),
                ("minCoverage", .double(report.policy.minCoverage)),
            ])),
            ("summary", .members([
                ("articles", .int(s.articles)), ("violation", .int(s.violation)), ("reuse", .int(s.reuse)),
                ("clean", .int(s.clean)), ("errors", .int(s.errors)),
            ])),
        ])
    }

    static func regionJSON(_ r: SourceRegion, snippet: String) -> JSONValue {
        .members([
            ("startLine", .int(r.startLine)), ("startColumn", .int(r.startColumn)),
            ("endLine", .int(r.endLine)), ("endColumn", .int(r.endColumn)),
            ("snippet", .members([("text", .string(snippet))])),
        ])
    }

    static func location(_ file: String, region: JSONValue, id: Int? = nil, message text: String?) -> JSONValue {
        .members([
            ("id", id.map(JSONValue.int)),
            ("physicalLocation", .members([("artifactLocation", artifact(file)), ("region", region)])),
            ("message", text.map(message)),
        ])
    }

    /// Relative paths are relative to the checkout (`%SRCROOT%`); absolute ones become `file:` URIs.
    static func artifact(_ file: String) -> JSONValue {
        if file.hasPrefix("/") { return .members([("uri", .string("file://" + uriEncoded(file)))]) }
        return .members([("uri", .string(uriEncoded(file))), ("uriBaseId", .string("%SRCROOT%"))])
    }

    /// Percent-encodes everything but unreserved characters and `/`, byte by byte of UTF-8, so
    /// Korean names and spaces make valid URI references and a `:` never reads as a scheme.
    static func uriEncoded(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }

    static func message(_ text: String) -> JSONValue { .members([("text", .string(text))]) }
}

/// Asks the locator once per path in a render: a source quoted by many articles is read once.
struct LocationCache {
    let locator: ArticleLocator
    private var cache: [String: ArticleLocation] = [:]

    init(locator: ArticleLocator) { self.locator = locator }

    subscript(path: String) -> ArticleLocation {
        mutating get {
            if let hit = cache[path] { return hit }
            let found = locator(path)
            cache[path] = found
            return found
        }
    }
}
