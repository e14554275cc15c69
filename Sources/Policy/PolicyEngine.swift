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

/// Publication times as inputs give them: ISO 8601 with or without time and zone, or a date
/// (`-`, `.` or `/` between its parts). A time without a zone is Korean time, as Korean news
/// gives it.
///
/// Parsed by hand: the policy compares the dates of every judged pair, and Foundation's
/// formatters, made per call, took ≈ 5% of a whole scan (perf; the policy stage of
/// `copyscan-bench scan-profile` fell from 0.46 to 0.11 ms a suspect).
public enum PublicationDate {
    static let koreanOffset = 9 * 3600

    public static func parse(_ text: String) -> Date? {
        var bytes = Array(text.utf8)[...]
        while let f = bytes.first, f == 0x20 || f == 0x09 { bytes = bytes.dropFirst() }
        while let l = bytes.last, l == 0x20 || l == 0x09 { bytes = bytes.dropLast() }
        var scanner = DateScanner(bytes)
        return scanner.date()
    }

    /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (Howard Hinnant's
    /// days_from_civil).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

private struct DateScanner {
    var rest: ArraySlice<UInt8>
    init(_ bytes: ArraySlice<UInt8>) { rest = bytes }

    mutating func number(minDigits: Int, maxDigits: Int) -> Int? {
        var value = 0, digits = 0
        while digits < maxDigits, let b = rest.first, b >= 0x30, b <= 0x39 {
            value = value * 10 + Int(b - 0x30)
            digits += 1
            rest = rest.dropFirst()
        }
        return digits >= minDigits ? value : nil
    }

    mutating func take(_ byte: UInt8) -> Bool {
        guard rest.first == byte else { return false }
        rest = rest.dropFirst()
        return true
    }

    mutating func date() -> Date? {
        guard let year = number(minDigits: 4, maxDigits: 4), let separator = rest.first,
              separator == 0x2D || separator == 0x2E || separator == 0x2F else { return nil }   // - . /
        rest = rest.dropFirst()
        guard let month = number(minDigits: 1, maxDigits: 2), take(separator),
              let day = number(minDigits: 1, maxDigits: 2),
              (1...12).contains(month), (1...PublicationDate.daysInMonth(year: year, month: month)).contains(day) else { return nil }
        _ = take(separator)   // "2026.04.03." as Korean sites write it
        var seconds = 0.0
        var offset = PublicationDate.koreanOffset
        if take(0x54) || take(0x20) {   // T or a space
            guard let hour = number(minDigits: 1, maxDigits: 2), take(0x3A), let minute = number(minDigits: 2, maxDigits: 2),
                  hour < 24, minute < 60 else { return nil }
            var second = 0
            if take(0x3A) {
                guard let s = number(minDigits: 2, maxDigits: 2), s <= 60 else { return nil }
                second = s
            }
            var fraction = 0.0
            if take(0x2E) || take(0x2C) {
                var scale = 0.1
                var digits = 0
                while let b = rest.first, b >= 0x30, b <= 0x39 {
                    fraction += Double(b - 0x30) * scale
                    scale /= 10
                    digits += 1
                    rest = rest.dropFirst()
                }
                guard digits > 0 else { return nil }
            }
            seconds = Double(hour * 3600 + minute * 60 + second) + fraction
            if take(0x5A) || take(0x7A) {   // Z
                offset = 0
            } else if let sign = rest.first, sign == 0x2B || sign == 0x2D {
                rest = rest.dropFirst()
                guard let h = number(minDigits: 2, maxDigits: 2), h <= 18 else { return nil }
                _ = take(0x3A)
                let m = number(minDigits: 2, maxDigits: 2) ?? 0
                guard m < 60 else { return nil }
                offset = (sign == 0x2B ? 1 : -1) * (h * 3600 + m * 60)
            }
        }
        guard rest.isEmpty else { return nil }
        let day0 = PublicationDate.days(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: Double(day0 * 86_400 - offset) + seconds)
    }
}
