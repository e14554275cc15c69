import Dispatch
import Foundation
import Scanning

/// The article texts of a JSON Lines corpus, loaded into memory before anything is timed.
///
/// Only the `text` field is decoded: this is the body copyscan's reader would hand to the
/// fingerprinter (`ArticleBuilder.build(body: text)` keeps it unchanged).
struct CorpusTexts {
    var texts: [String]
    var utf8Bytes: Int

    enum LoadError: Error, CustomStringConvertible {
        case noFiles(String)
        case unreadable(String)
        case badLine(String, Int)

        var description: String {
            switch self {
            case .noFiles(let p): return "\(p): no .jsonl files found"
            case .unreadable(let p): return "\(p): cannot be read"
            case .badLine(let p, let n): return "\(p):\(n): not a JSON object with a string `text`"
            }
        }
    }

    /// Reads the `.jsonl` files under `paths` in the order copyscan's input collector gives
    /// them: the first `limit` articles, or all.
    static func load(_ paths: [String], limit: Int? = nil) throws -> CorpusTexts {
        let files = InputCollector.collect(paths).files.filter { $0.hasSuffix(".jsonl") }
        guard !files.isEmpty else { throw LoadError.noFiles(paths.joined(separator: " ")) }
        var texts: [String] = []
        // Files are read a few at a time in parallel, so a limit stops the reading early.
        let batch = 8
        var next = 0
        while next < files.count, texts.count < (limit ?? .max) {
            let chunk = Array(files[next..<min(files.count, next + batch)])
            next += chunk.count
            let results = Locked([Result<[String], LoadError>?](repeating: nil, count: chunk.count))
            DispatchQueue.concurrentPerform(iterations: chunk.count) { i in
                let result = readFile(chunk[i])
                results.update { $0[i] = result }
            }
            for result in results.value {
                switch result {
                case .success(let t)?: texts += t
                case .failure(let e)?: throw e
                case nil: throw LoadError.unreadable(chunk.joined(separator: " "))
                }
            }
        }
        if let limit, texts.count > limit { texts.removeLast(texts.count - limit) }
        return CorpusTexts(texts: texts, utf8Bytes: texts.reduce(0) { $0 + $1.utf8.count })
    }

    private struct Line: Decodable { var text: String }

    private static func readFile(_ path: String) -> Result<[String], LoadError> {
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(.unreadable(path)) }
        let decoder = JSONDecoder()
        var texts: [String] = []
        var number = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\t") }) { continue }
            guard let item = try? decoder.decode(Line.self, from: Data(line)) else { return .failure(.badLine(path, number)) }
            texts.append(item.text)
        }
        return .success(texts)
    }
}

/// A value behind a lock, for results written from `concurrentPerform` workers.
final class Locked<Value>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLock()
    init(_ value: Value) { stored = value }
    var value: Value { lock.lock(); defer { lock.unlock() }; return stored }
    func update<R>(_ body: (inout Value) -> R) -> R { lock.lock(); defer { lock.unlock() }; return body(&stored) }
}
