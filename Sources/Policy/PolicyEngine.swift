import Alignment
import Articles
import Foundation

/// Decides a verdict for each suspect–source pair, with its reasons spelled out.
///
/// The questions are asked in this order, and the first that settles it gives the verdict:
/// is the reuse substantial? was the source published later? same rights holder? licensed?
/// a credited quotation? — and only then, what does the source's notice say. `resolve` then
/// looks across all of a suspect's matches for a common earlier source.
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
        guard isSubstantial(alignment) else {
            if alignment.passages.isEmpty {
                return Verdict(.clean, reasons: [Reason("no-shared-passage", "no passage of the source was found in the article")])
            }
            return Verdict(.clean, reasons: [Reason("below-threshold",
                "\(copied) characters shared (\(percent(alignment.coverage)) of the source): below the substantial-reuse threshold of \(configuration.minCopiedCharacters) characters or \(percent(configuration.minCoverage)) of the source")])
        }
        let amount = Reason("substantial-reuse", "\(copied) characters in \(alignment.passages.count) passage\(alignment.passages.count == 1 ? "" : "s") copied, \(percent(alignment.coverage)) of the source")
        let sourceHolder = PolicyEngine.holder(of: source)
        // A copy that kept the source's notice does not thereby belong to the source's holder:
        // the suspect's own outlet, or a notice of its own, says who it belongs to.
        let suspectHolder = suspect.outlet
            ?? suspect.notices.first(where: { n in !source.notices.contains { $0.text == n.text } })?.holder

        if let s = source.published, let t = suspect.published,
           let sourceDate = PublicationDate.parse(s), let suspectDate = PublicationDate.parse(t), sourceDate > suspectDate {
            return Verdict(.sourceIsLater, reasons: [amount, Reason("source-is-later",
                "the source was published \(s), after this article (\(t)): if anything, the copy runs the other way")])
        }
        if OutletName.same(sourceHolder, suspectHolder)
            || (isOwn(sourceHolder) && isOwn(suspectHolder)) {
            return Verdict(.sameRightsHolder, reasons: [amount, Reason("same-rights-holder",
                "the source and this article belong to the same rights holder (\(sourceHolder ?? "?") / \(suspectHolder ?? "?"))")])
        }
        if let licence = configuration.licences.first(where: { covers($0, source: sourceHolder, suspect: suspectHolder) }) {
            let note = licence.note.map { " (\($0))" } ?? ""
            return Verdict(.licensed, reasons: [amount, Reason("licensed",
                "a configured licence lets \(suspectHolder ?? "this outlet") republish \(licence.licensor)\(note)")])
        }
        if let quotation = quotation(suspect: suspect, source: source, holder: sourceHolder, alignment: alignment) {
            return Verdict(.quotedWithCredit, reasons: [amount, quotation])
        }

        if let notice = source.notices.first(where: \.forbidsRepublication) {
            let acts = notice.prohibits.map(\.rawValue).joined(separator: ", ")
            let holder = notice.holder.map { " of \($0)" } ?? ""
            var reasons = [amount, Reason("notice-prohibits", "the source's notice\(holder) forbids \(acts): “\(notice.text)”")]
            reasons += laundering(suspect: suspect, sourceNotice: notice)
            return Verdict(.violation, severity: reasons.count > 2 ? .high : .medium, reasons: reasons)
        }
        if let notice = source.notices.first {
            return Verdict(.reuseOfReservedWork, reasons: [amount, Reason("rights-reserved",
                "the source reserves its rights but names no prohibited act: “\(notice.text)”")])
        }
        return Verdict(.reuse, reasons: [amount, Reason("no-notice", "the source carries no copyright notice")])
    }

    /// Across one suspect's matches: a match whose copied text also came, earlier, from a source
    /// without a prohibition is `commonSource` — neither copied the other.
    public func resolve<M>(_ matches: [M], source: (M) -> Article, alignment: (M) -> AlignmentResult,
                           verdict: (M) -> Verdict, update: (inout M, Verdict) -> Void) -> [M] {
        var out = matches
        for i in out.indices where verdict(out[i]).kind.isUnexplainedReuse {
            let a = source(out[i])
            guard let aDate = a.published.flatMap(PublicationDate.parse) else { continue }
            let mine = alignment(out[i]).passages.map(\.suspect)
            for j in matches.indices where j != i {
                let c = source(matches[j])
                guard !c.notices.contains(where: \.forbidsRepublication),
                      let cDate = c.published.flatMap(PublicationDate.parse), cDate < aDate else { continue }
                let shared = PolicyEngine.overlap(mine, alignment(matches[j]).passages.map(\.suspect))
                let total = mine.reduce(0) { $0 + $1.count }
                guard total > 0, Double(shared) >= 0.8 * Double(total) else { continue }
                var reasons = verdict(out[i]).reasons.filter { $0.code == "substantial-reuse" }
                reasons.append(Reason("common-source",
                    "the same text appears in \(c.title ?? c.source) (\(c.published ?? "earlier")), published before the source and without a prohibition: both drew on it"))
                update(&out[i], Verdict(.commonSource, reasons: reasons))
                break
            }
        }
        return out
    }

    // MARK: Questions

    static func holder(of article: Article) -> String? {
        article.notices.compactMap(\.holder).first ?? article.outlet
    }

    private func isOwn(_ holder: String?) -> Bool {
        configuration.ownOutlets.contains { OutletName.same($0, holder) }
    }

    private func covers(_ licence: Licence, source: String?, suspect: String?) -> Bool {
        guard OutletName.same(licence.licensor, source) else { return false }
        return licence.licensees.contains { $0 == "*" || OutletName.same($0, suspect) }
    }

    /// A credited quotation: every passage stands in quotation marks or the article names the
    /// source, and the quoted text is a small part of both articles.
    private func quotation(suspect: Article, source: Article, holder: String?, alignment: AlignmentResult) -> Reason? {
        guard alignment.coverage <= configuration.quotationMaxCoverage,
              alignment.containment <= configuration.quotationMaxContainment else { return nil }
        let scalars = Array(suspect.body.unicodeScalars)
        let names = [holder, source.outlet].compactMap { $0 }.map(OutletName.key).filter { !$0.isEmpty }
        let bodyKey = OutletName.key(suspect.body)
        let credited = names.contains { bodyKey.contains($0) }
            || suspect.credits.contains { credit in names.contains { OutletName.key(credit.names ?? credit.text).contains($0) } }
        let allQuoted = alignment.passages.allSatisfy { PolicyEngine.isQuoted($0.suspect, in: scalars) }
        guard credited || allQuoted else { return nil }
        let how = allQuoted && credited ? "in quotation marks and credited to \(holder ?? "the source")"
            : allQuoted ? "in quotation marks" : "credited to \(holder ?? "the source")"
        return Reason("quoted-with-credit",
            "the copied text is quoted \(how), \(percent(alignment.coverage)) of the source (at most \(percent(configuration.quotationMaxCoverage)) is treated as justified quotation)")
    }

    static let openingQuotes: Set<Unicode.Scalar> = ["\"", "'", "“", "‘", "「", "『", "«", "〈", "《", "＂"]
    static let closingQuotes: Set<Unicode.Scalar> = ["\"", "'", "”", "’", "」", "』", "»", "〉", "》", "＂"]

    static func isQuoted(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> Bool {
        var before = false
        var i = range.lowerBound - 1
        while i >= 0 && i >= range.lowerBound - 3 {
            if openingQuotes.contains(scalars[i]) { before = true; break }
            if !scalars[i].properties.isWhitespace { break }
            i -= 1
        }
        var after = false
        var j = range.upperBound
        while j < scalars.count && j < range.upperBound + 3 {
            if closingQuotes.contains(scalars[j]) { after = true; break }
            if scalars[j].properties.isAlphabetic { break }
            j += 1
        }
        return before && after
    }

    /// Notice laundering: the copy dropped the source's notice, or put its own on the text.
    private func laundering(suspect: Article, sourceNotice: Notice) -> [Reason] {
        if suspect.notices.isEmpty {
            return [Reason("notice-removed", "the article carries the copied text without the source's notice")]
        }
        if let own = suspect.notices.first(where: { !OutletName.same($0.holder, sourceNotice.holder) }), own.holder != nil {
            return [Reason("notice-replaced", "the article puts its own notice (“\(own.text)”) on copied text")]
        }
        return []
    }

    static func overlap(_ a: [Range<Int>], _ b: [Range<Int>]) -> Int {
        var total = 0
        for x in a {
            var covered: [Range<Int>] = []
            for y in b where x.overlaps(y) { covered.append(max(x.lowerBound, y.lowerBound)..<min(x.upperBound, y.upperBound)) }
            covered.sort { $0.lowerBound < $1.lowerBound }
            var end = Int.min
            for r in covered {
                total += max(0, r.upperBound - max(r.lowerBound, end))
                end = max(end, r.upperBound)
            }
        }
        return total
    }

    private func percent(_ x: Double) -> String {
        "\(Int((x * 100).rounded()))%"
    }
}

/// Publication times as inputs give them: ISO 8601 with or without time and zone, or a date.
public enum PublicationDate {
    public static func parse(_ text: String) -> Date? {
        let t = text.trimmingCharacters(in: .whitespaces)
        let full = ISO8601DateFormatter()
        if let d = full.date(from: t) { return d }
        full.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = full.date(from: t) { return d }
        for format in ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy.MM.dd HH:mm", "yyyy-MM-dd", "yyyy.MM.dd"] {
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX")
            f.timeZone = TimeZone(secondsFromGMT: 9 * 3600)   // Korean news without a zone: KST
            f.dateFormat = format
            if let d = f.date(from: t) { return d }
        }
        return nil
    }
}
