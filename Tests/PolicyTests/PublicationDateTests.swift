import Foundation
import Policy
import Testing

@Suite("Publication dates")
struct PublicationDateTests {
    /// Foundation's parsers are the reference the hand-written one replaces.
    static func reference(_ text: String) -> Date? {
        let iso = ISO8601DateFormatter()
        if let d = iso.date(from: text) { return d }
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = iso.date(from: text) { return d }
        for format in ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy.MM.dd HH:mm", "yyyy-MM-dd", "yyyy.MM.dd"] {
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX")
            f.timeZone = TimeZone(secondsFromGMT: 9 * 3600)
            f.dateFormat = format
            if let d = f.date(from: text) { return d }
        }
        return nil
    }

    @Test("agrees with Foundation's ISO 8601 and date formatters", arguments: [
        "2026-04-03T07:00:00+09:00", "2026-04-03T07:00:00Z", "2026-04-03T07:00:00.250Z", "2026-04-03T07:00:00-05:30",
        "2026-04-03T07:00:00", "2026-04-03 07:00:00", "2026-04-03 07:00", "2026.04.03 07:00", "2026-04-03", "2026.04.03",
        "1999-12-31T23:59:59+14:00", "2024-02-29", "2000-02-29T00:00:00Z", "1970-01-01T00:00:00Z", "2100-03-01",
    ])
    func agrees(_ text: String) throws {
        let ours = try #require(PublicationDate.parse(text))
        let theirs = try #require(Self.reference(text))
        #expect(abs(ours.timeIntervalSince(theirs)) < 0.001)
    }

    @Test("a time without a zone is Korean time")
    func koreanTime() throws {
        let d = try #require(PublicationDate.parse("2026-04-03 09:00"))
        #expect(d == Date(timeIntervalSince1970: 1_775_174_400))   // 2026-04-03T00:00:00Z
    }

    @Test("impossible or malformed dates are nil, not a guess", arguments: [
        "", "2026", "2026-13-01", "2026-02-30", "2023-02-29", "2026-04-03T25:00", "2026-04-03T07:61", "2026-04-03X",
        "어제", "2026-04-03T07:00:00+0900junk", "26-04-03", "2026-04-03T", "2026-04-03T07:00:00.Z",
    ])
    func malformed(_ text: String) {
        #expect(PublicationDate.parse(text) == nil)
    }

    @Test("surrounding spaces and a trailing dot are accepted")
    func lenient() {
        #expect(PublicationDate.parse("  2026.04.03.  ") == PublicationDate.parse("2026-04-03"))
    }
}
