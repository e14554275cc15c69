import Foundation
import Policy
import TOMLKit

/// `copyscan.toml`: thresholds, licences, the user's own outlets and paths to ignore.
///
/// ```toml
/// [policy]
/// min_chars = 150                 # copied characters that make reuse substantial
/// min_coverage = 0.5              # …or this share of the source
/// quotation_max_coverage = 0.25   # a credited quotation may take up to this share of the source
/// quotation_max_containment = 0.5 # …and of the quoting article
/// own_outlets = ["한빛일보", "한빛경제"]
/// fail_on = "violation"           # check: violation | reuse | never
///
/// [[licences]]
/// licensor = "한빛통신"            # a wire service…
/// licensees = ["*"]               # …whose subscribers may republish ("*" = any outlet)
/// note = "wire subscription"
///
/// [scan]
/// max_candidates = 25
///
/// [ignore]
/// paths = ["drafts/*"]            # suspects never scanned (shell patterns, * crosses /)
/// sources = ["*/press-releases/*"]# archive files never reported as sources
/// ```
/// An unknown table or key, or a value of the wrong type, is an error naming it.
public struct Configuration: Sendable {
    public enum FailOn: String, Sendable, CaseIterable {
        case violation, reuse, never
    }

    public var policy = PolicyConfiguration()
    public var failOn = FailOn.violation
    public var maxCandidates: Int?
    public var ignorePaths: [String] = []
    public var ignoreSources: [String] = []
    /// The file it came from, if any.
    public var path: String?

    public init() {}

    public static let defaultFileName = "copyscan.toml"

    /// `explicit` when given (it must exist), else `copyscan.toml` in the working directory when
    /// present, else the defaults.
    public static func load(explicit: String?) throws -> Configuration {
        if let explicit { return try load(path: explicit) }
        if FileManager.default.fileExists(atPath: defaultFileName) { return try load(path: defaultFileName) }
        return Configuration()
    }

    public static func load(path: String) throws -> Configuration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(path: path, "cannot be read (no such file?)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(path: path, "is not UTF-8 text")
        }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String = defaultFileName) throws -> Configuration {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError(path: path, "line \(error.source.begin.line), column \(error.source.begin.column): \(error.description)")
        } catch {
            throw ConfigurationError(path: path, "is not valid TOML: \(error)")
        }
        var config = Configuration()
        config.path = path
        let reader = Reader(path: path)
        try reader.allow(table, keys: ["policy", "licences", "licenses", "scan", "ignore"], in: nil)

        if let policy = try reader.table(table, "policy") {
            try reader.allow(policy, keys: ["min_chars", "min_coverage", "quotation_max_coverage", "quotation_max_containment", "own_outlets", "fail_on"], in: "policy")
            if let v = try reader.int(policy, "min_chars", in: "policy", range: 1...1_000_000) { config.policy.minCopiedCharacters = v }
            if let v = try reader.share(policy, "min_coverage", in: "policy") { config.policy.minCoverage = v }
            if let v = try reader.share(policy, "quotation_max_coverage", in: "policy") { config.policy.quotationMaxCoverage = v }
            if let v = try reader.share(policy, "quotation_max_containment", in: "policy") { config.policy.quotationMaxContainment = v }
            if let v = try reader.strings(policy, "own_outlets", in: "policy") { config.policy.ownOutlets = v }
            if let v = try reader.string(policy, "fail_on", in: "policy") {
                guard let f = FailOn(rawValue: v) else {
                    throw ConfigurationError(path: path, "policy.fail_on must be one of \(FailOn.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(v)\"")
                }
                config.failOn = f
            }
        }
        for name in ["licences", "licenses"] {
            guard let value = table[name] else { continue }
            guard let array = value.array else {
                throw ConfigurationError(path: path, "\(name) must be an array of tables ([[\(name)]])")
            }
            for (n, item) in array.enumerated() {
                let where_ = "\(name)[\(n)]"
                guard let t = item.table else { throw ConfigurationError(path: path, "\(where_) must be a table") }
                try reader.allow(t, keys: ["licensor", "licensees", "note"], in: where_)
                guard let licensor = try reader.string(t, "licensor", in: where_) else {
                    throw ConfigurationError(path: path, "\(where_) needs licensor = \"…\"")
                }
                guard let licensees = try reader.strings(t, "licensees", in: where_), !licensees.isEmpty else {
                    throw ConfigurationError(path: path, "\(where_) needs licensees = [\"…\"] (\"*\" for any outlet)")
                }
                config.policy.licences.append(Licence(licensor: licensor, licensees: licensees, note: try reader.string(t, "note", in: where_)))
            }
        }
        if let scan = try reader.table(table, "scan") {
            try reader.allow(scan, keys: ["max_candidates"], in: "scan")
            config.maxCandidates = try reader.int(scan, "max_candidates", in: "scan", range: 1...10_000)
        }
        if let ignore = try reader.table(table, "ignore") {
            try reader.allow(ignore, keys: ["paths", "sources"], in: "ignore")
            config.ignorePaths = try reader.strings(ignore, "paths", in: "ignore") ?? []
            config.ignoreSources = try reader.strings(ignore, "sources", in: "ignore") ?? []
        }
        return config
    }

    /// True when `path` matches one of `patterns` (shell patterns; `*` also crosses `/`; a
    /// pattern matches the path as given or its absolute form).
    public static func matches(_ path: String, _ patterns: [String]) -> Bool {
        let absolute = InputCollector.absolute(path)
        return patterns.contains { fnmatch($0, path, 0) == 0 || fnmatch($0, absolute, 0) == 0 || fnmatch("*/" + $0, absolute, 0) == 0 }
    }

    private struct Reader {
        let path: String

        func name(_ key: String, _ section: String?) -> String { section.map { "\($0).\(key)" } ?? key }

        func allow(_ table: TOMLTable, keys: Set<String>, in section: String?) throws {
            for key in table.keys.sorted() where !keys.contains(key) {
                let known = keys.sorted().joined(separator: ", ")
                throw ConfigurationError(path: path, "unknown key `\(name(key, section))` (known here: \(known))")
            }
        }

        func table(_ t: TOMLTable, _ key: String) throws -> TOMLTable? {
            guard let v = t[key] else { return nil }
            guard let table = v.table else { throw ConfigurationError(path: path, "`\(key)` must be a table ([\(key)])") }
            return table
        }

        func int(_ t: TOMLTable, _ key: String, in section: String, range: ClosedRange<Int>) throws -> Int? {
            guard let v = t[key] else { return nil }
            guard let i = v.int, range.contains(i) else {
                throw ConfigurationError(path: path, "`\(name(key, section))` must be a whole number from \(range.lowerBound) to \(range.upperBound), not \(v.debugDescription)")
            }
            return i
        }

        func share(_ t: TOMLTable, _ key: String, in section: String) throws -> Double? {
            guard let v = t[key] else { return nil }
            let d = v.double ?? v.int.map(Double.init)
            guard let d, d > 0, d <= 1 else {
                throw ConfigurationError(path: path, "`\(name(key, section))` must be a number greater than 0 and at most 1, not \(v.debugDescription)")
            }
            return d
        }

        func string(_ t: TOMLTable, _ key: String, in section: String) throws -> String? {
            guard let v = t[key] else { return nil }
            guard let s = v.string else { throw ConfigurationError(path: path, "`\(name(key, section))` must be a string, not \(v.debugDescription)") }
            return s
        }

        func strings(_ t: TOMLTable, _ key: String, in section: String) throws -> [String]? {
            guard let v = t[key] else { return nil }
            guard let array = v.array else {
                throw ConfigurationError(path: path, "`\(name(key, section))` must be an array of strings, not \(v.debugDescription)")
            }
            return try array.map { item in
                guard let s = item.string else {
                    throw ConfigurationError(path: path, "`\(name(key, section))` must hold only strings, not \(item.debugDescription)")
                }
                return s
            }
        }
    }
}

public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var problem: String
    public init(path: String, _ problem: String) {
        self.path = path
        self.problem = problem
    }
    public var description: String { "\(path): \(problem)" }
}
