import Articles
import Foundation

/// An evaluation set as `Scripts/eval` writes it: `sources/` (indexed), `suspects/` and
/// `truth.json` (schema in Scripts/evalset/__init__.py).
public struct EvaluationSet: Sendable, Codable {
    public var format: Int
    public var seed: Int
    public var size: String
    public var notes: [String]
    public var indexedDocuments: Int
    /// Obfuscations of copies, in table order; `heavy` ones have their own plagdet target.
    public var positive: [String]
    public var heavy: [String]
    public var negative: [String]
    public var cases: [EvaluationCase]

    /// The folder the set was read from (not part of truth.json).
    public var folder: String = ""

    enum CodingKeys: String, CodingKey {
        case format, seed, size, notes, indexedDocuments, positive, heavy, negative, cases
    }

    public static let supportedFormat = 1

    public static func load(folder: String) throws(InputError) -> EvaluationSet {
        let path = (folder as NSString).appendingPathComponent("truth.json")
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(path: path, "cannot be read (build the set with Scripts/eval first)")
        }
        var set: EvaluationSet
        do {
            set = try JSONDecoder().decode(EvaluationSet.self, from: data)
        } catch {
            throw InputError(path: path, "is not an evaluation set's truth file: \(error)")
        }
        guard set.format == supportedFormat else {
            throw InputError(path: path, "has format \(set.format); this copyscan-eval reads format \(supportedFormat)")
        }
        set.folder = folder
        return set
    }

    public func path(_ relative: String) -> String { (folder as NSString).appendingPathComponent(relative) }
}
