import Foundation

/// The JSON format: the report value itself, keys sorted so output is stable across runs.
public enum JSONReport {
    public static func render(_ report: ScanReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(report)
        return (String(data: data, encoding: .utf8) ?? "") + "\n"
    }

    public static func parse(_ data: Data) throws -> ScanReport {
        try JSONDecoder().decode(ScanReport.self, from: data)
    }
}
