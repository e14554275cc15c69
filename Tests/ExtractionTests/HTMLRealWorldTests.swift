import Articles
import Foundation
import Testing
@testable import Extraction

/// The third-party pages in ../shared/realworld (never copied into the repository).
enum RealWorldPages {
    /// COPYSCAN_REALWORLD overrides the default `../shared/realworld` next to the repository.
    static let root: String? = {
        if let given = ProcessInfo.processInfo.environment["COPYSCAN_REALWORLD"], !given.isEmpty {
            return FileManager.default.fileExists(atPath: given + "/README.md") ? given : nil
        }
        return RealWorldCorpus.defaultRoot(relativeTo: #filePath)
    }()
    static var isAvailable: Bool {
        if root == nil {
            let given = ProcessInfo.processInfo.environment["COPYSCAN_REALWORLD"].map { "COPYSCAN_REALWORLD=\($0)" }
            print("SKIP: real pages not found (\(given ?? "../shared/realworld next to the repository")); real-page tests do not run")
        }
        return root != nil
    }
    static let skipReason: Comment = "../shared/realworld is absent next to the repository"
}

@Suite("HTML extraction on real pages")
struct HTMLRealWorldTests {
    /// Prints the per-page and per-site tables and fails when a target is missed. Set
    /// COPYSCAN_EVAL_EXTRACTED to a folder of `copyscan extract --format json` outputs (see
    /// Scripts/eval-extraction) to score those instead of extracting in process.
    @Test(.enabled(if: RealWorldPages.isAvailable, RealWorldPages.skipReason))
    func evaluationMeetsTargets() throws {
        let root = try #require(RealWorldPages.root)
        let cases = RealWorldCorpus.cases(root: root)
        #expect(cases.filter { $0.group == "ko" && $0.expectedText != nil }.count >= 41)
        let extract: ExtractionEvaluation.Extract
        if let folder = ProcessInfo.processInfo.environment["COPYSCAN_EVAL_EXTRACTED"], !folder.isEmpty {
            extract = ExternalExtraction.reader(folder: folder, root: root)
        } else {
            extract = ExtractionEvaluation.inProcess
        }
        let evaluation = ExtractionEvaluation(cases: cases, extract: extract)
        // Line by line: `swift test` loses the tail of one long write.
        for line in evaluation.table.split(separator: "\n", omittingEmptySubsequences: false) {
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
        #expect(evaluation.missedTargets.isEmpty, "\(evaluation.missedTargets.joined(separator: "; "))")
    }
}
