import Alignment
import Articles

/// Decides a verdict for each suspect–source pair, with its reasons spelled out.
public struct PolicyEngine: Sendable {
    public var configuration: PolicyConfiguration

    public init(_ configuration: PolicyConfiguration = PolicyConfiguration()) {
        self.configuration = configuration
    }

    public func isSubstantial(_ alignment: AlignmentResult) -> Bool {
        !alignment.passages.isEmpty
            && (alignment.copiedCharacters >= configuration.minCopiedCharacters || alignment.coverage >= configuration.minCoverage)
    }

    public func judge(suspect: Article, source: Article, alignment: AlignmentResult) -> Verdict {
        let copied = alignment.copiedCharacters
        let share = percent(alignment.coverage)
        guard isSubstantial(alignment) else {
            if alignment.passages.isEmpty {
                return Verdict(.clean, reasons: [Reason("no-shared-passage", "no passage of the source was found in the article")])
            }
            return Verdict(.clean, reasons: [Reason("below-threshold",
                "\(copied) characters shared (\(share) of the source): below the substantial-reuse threshold of \(configuration.minCopiedCharacters) characters or \(percent(configuration.minCoverage)) of the source")])
        }
        let amount = Reason("substantial-reuse", "\(copied) characters in \(alignment.passages.count) passage\(alignment.passages.count == 1 ? "" : "s") copied, \(share) of the source")
        if let notice = source.notices.first(where: \.forbidsRepublication) {
            let acts = notice.prohibits.map(\.rawValue).joined(separator: ", ")
            let holder = notice.holder.map { " of \($0)" } ?? ""
            return Verdict(.violation, reasons: [
                amount,
                Reason("notice-prohibits", "the source's notice\(holder) forbids \(acts): “\(notice.text)”"),
            ])
        }
        if let notice = source.notices.first {
            return Verdict(.reuse, reasons: [
                amount,
                Reason("notice-without-prohibition", "the source's notice reserves rights but forbids no reproduction or redistribution: “\(notice.text)”"),
            ])
        }
        return Verdict(.reuse, reasons: [amount, Reason("no-notice", "the source carries no copyright notice")])
    }

    private func percent(_ x: Double) -> String {
        "\(Int((x * 100).rounded()))%"
    }
}
