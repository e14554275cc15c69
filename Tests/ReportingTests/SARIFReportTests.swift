import Foundation
import Policy
import Testing
@testable import Reporting

/// Runs Scripts/validate-sarif (Python `jsonschema` against the OASIS schema in ../shared).
enum SARIFValidator {
    static let script = Repository.root.appendingPathComponent("Scripts/validate-sarif")

    static let unavailableReason: String? = {
        guard FileManager.default.fileExists(atPath: Repository.sarifSchema.path) else {
            return "SARIF schema not found at \(Repository.sarifSchema.path)"
        }
        guard let probe = try? run(["python3", "-c", "import jsonschema"]), probe.status == 0 else {
            return "python3 with the jsonschema package is not available"
        }
        return nil
    }()

    static var isAvailable: Bool {
        if let reason = unavailableReason { print("SKIP SARIF schema validation: \(reason)") }
        return unavailableReason == nil
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func validate(_ sarif: String, name: String) throws -> (status: Int32, output: String) {
        let file = try Repository.temporaryFile(name, contents: sarif)
        return try run(["python3", script.path, "--schema", Repository.sarifSchema.path, file.path])
    }
}

@Suite("SARIF report")
struct SARIFReportTests {
    static let suspectFile = "---\ntitle: 한빛시 버스\n---\n머리말 한 줄.\n본문: \(Fixtures.busSuspect)\n"
    /// The violation's passage, at its real place in the body of `suspectFile`.
    static var located: ScanReport {
        var report = Fixtures.ordinary
        let body = "머리말 한 줄.\n본문: \(Fixtures.busSuspect)\n"
        let start = body.unicodeScalars.count - Fixtures.busSuspect.unicodeScalars.count - 1
        report.articles[0].matches[0].passages[0] = Fixtures.passage(start, 0, Fixtures.busSuspect, Fixtures.busSource)
        return report
    }
    static let locator = ArticleLocator.texts(["crawled/a.txt": suspectFile, "archive/hanbit/bus.txt": Fixtures.busSource + "\n"])

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func run(_ sarif: [String: Any]) throws -> [String: Any] {
        try #require((sarif["runs"] as? [[String: Any]])?.first)
    }

    @Test("valid against the OASIS SARIF 2.1.0 schema, hostile text included", .enabled(if: SARIFValidator.isAvailable))
    func schemaValid() throws {
        for (name, report) in [("ordinary", Self.located), ("hostile", Fixtures.hostileReport), ("empty", Fixtures.report([]))] {
            let sarif = SARIFReport.render(report, locator: Self.locator)
            let result = try SARIFValidator.validate(sarif, name: "\(name).sarif")
            #expect(result.status == 0, "\(name): \(result.output)")
            #expect(result.output.contains("valid SARIF 2.1.0"))
        }
    }

    @Test("the validator rejects a log that breaks the schema", .enabled(if: SARIFValidator.isAvailable))
    func validatorRejects() throws {
        let broken = SARIFReport.render(Self.located, locator: Self.locator).replacingOccurrences(of: "\"level\": \"error\"", with: "\"level\": \"fatal\"")
        let result = try SARIFValidator.validate(broken, name: "broken.sarif")
        #expect(result.status == 1, "\(result.output)")
        #expect(result.output.contains("fatal"))
    }

    @Test("a rule per kind of finding with its default level; results carry rule, level and message")
    func rulesAndResults() throws {
        let run = try run(json(SARIFReport.render(Self.located, locator: Self.locator)))
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let levels = Dictionary(uniqueKeysWithValues: rules.compactMap { rule -> (String, String)? in
            guard let id = rule["id"] as? String, let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String else { return nil }
            return (id, level)
        })
        #expect(levels["copyscan/violation"] == "error")
        #expect(levels["copyscan/reuse"] == "warning")
        #expect(levels["copyscan/commonSource"] == "note")
        #expect(levels["copyscan/clean"] == nil)
        for rule in rules {
            #expect(rule["shortDescription"] != nil && rule["fullDescription"] != nil && rule["help"] != nil)
        }
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.map { $0["ruleId"] as? String } == ["copyscan/violation", "copyscan/reuse"])
        #expect(results.map { $0["level"] as? String } == ["error", "warning"])
        for r in results {
            let index = try #require(r["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == r["ruleId"] as? String)
        }
        let text = try #require((results[0]["message"] as? [String: Any])?["text"] as? String)
        #expect(text.contains(Fixtures.prohibiting))
        let properties = try #require(results[0]["properties"] as? [String: Any])
        #expect(properties["containment"] as? Double == 0.7312)
        #expect(properties["coverage"] as? Double == 0.6104)
    }

    @Test("regions are lines and columns of the suspect file, past its front matter; related locations at the source")
    func regions() throws {
        let results = try #require(try run(json(SARIFReport.render(Self.located, locator: Self.locator)))["results"] as? [[String: Any]])
        let location = try #require((results[0]["locations"] as? [[String: Any]])?.first)
        let physical = try #require(location["physicalLocation"] as? [String: Any])
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "crawled/a.txt")
        let region = try #require(physical["region"] as? [String: Any])
        // Line 5 of the file is "본문: " + the passage, so it starts at column 5.
        let length = Fixtures.busSuspect.unicodeScalars.count
        #expect(region["startLine"] as? Int == 5)
        #expect(region["startColumn"] as? Int == 5)
        #expect(region["endLine"] as? Int == 5)
        #expect(region["endColumn"] as? Int == 5 + length)
        #expect((region["snippet"] as? [String: Any])?["text"] as? String == Fixtures.busSuspect)

        let related = try #require((results[0]["relatedLocations"] as? [[String: Any]])?.first)
        let sourcePhysical = try #require(related["physicalLocation"] as? [String: Any])
        #expect((sourcePhysical["artifactLocation"] as? [String: Any])?["uri"] as? String == "archive/hanbit/bus.txt")
        let sourceRegion = try #require(sourcePhysical["region"] as? [String: Any])
        #expect(sourceRegion["startLine"] as? Int == 1 && sourceRegion["startColumn"] as? Int == 1)

        // The reuse's files are not known to the locator: the article's line, no columns.
        let fallback = try #require(((results[1]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any])
        #expect(fallback["startLine"] as? Int == 1)
        #expect(fallback["startColumn"] == nil)
    }

    @Test("partial fingerprints depend on ids and passage ranges, not on paths")
    func fingerprints() throws {
        func fingerprint(_ report: ScanReport) throws -> String {
            let results = try #require(try run(json(SARIFReport.render(report, locator: .pathsOnly)))["results"] as? [[String: Any]])
            return try #require((results.first?["partialFingerprints"] as? [String: Any])?[SARIFReport.fingerprintKey] as? String)
        }
        let original = try fingerprint(Fixtures.ordinary)
        var moved = Fixtures.ordinary
        moved.articles[0].path = "/home/other/machine/crawled/a.txt"
        moved.articles[0].matches[0].source.path = "/srv/archive/bus.txt"
        #expect(try fingerprint(moved) == original)
        var shifted = Fixtures.ordinary
        shifted.articles[0].matches[0].passages[0].suspect.start += 1
        #expect(try fingerprint(shifted) != original)
        var otherSource = Fixtures.ordinary
        otherSource.articles[0].matches[0].source.id = "other"
        #expect(try fingerprint(otherSource) != original)
    }

    @Test("paths become URI references: relative under %SRCROOT%, absolute as file URIs, Korean and spaces encoded")
    func uris() {
        #expect(SARIFReport.uriEncoded("기사 1.txt") == "%EA%B8%B0%EC%82%AC%201.txt")
        #expect(SARIFReport.uriEncoded("a:b/c#d.txt") == "a%3Ab/c%23d.txt")
        let absolute = SARIFReport.artifact("/srv/a b.txt").printed()
        #expect(absolute.contains("\"file:///srv/a%20b.txt\""))
        #expect(!absolute.contains("uriBaseId"))
        #expect(SARIFReport.artifact("x/y.txt").printed().contains("%SRCROOT%"))
    }

    @Test("unreadable inputs become tool execution notifications")
    func notifications() throws {
        let report = Fixtures.report([], errors: [InputProblem(path: "bad.txt", problem: "is empty")])
        let run = try run(json(SARIFReport.render(report, locator: .pathsOnly)))
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        let notes = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect((notes.first?["message"] as? [String: Any])?["text"] as? String == "bad.txt: is empty")
    }

    @Test("the JSON writer escapes control characters and prints non-finite numbers as null")
    func jsonWriter() throws {
        let text = JSONValue.members([("s", .string("a\"b\\c\n\u{1}\u{2028}")), ("x", .double(.nan)), ("n", nil)]).printed()
        let parsed = try json(text)
        #expect(parsed["s"] as? String == "a\"b\\c\n\u{1}\u{2028}")
        #expect(parsed["x"] is NSNull)
        #expect(parsed["n"] == nil)
    }
}
