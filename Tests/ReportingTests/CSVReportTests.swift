import Policy
import Testing
@testable import Reporting

@Suite("CSV report")
struct CSVReportTests {
    /// An RFC 4180 reader, written independently of the renderer, to read its output back.
    static func parse(_ csv: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(csv.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars = chars.dropFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\r", chars.first == "\n" {
                chars = chars.dropFirst()
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    @Test("one row per suspect–source pair, an article without matches gets one row with empty source fields")
    func rows() throws {
        let rows = Self.parse(CSVReport.render(Fixtures.ordinary))
        #expect(rows.first == CSVReport.header)
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { $0.count == 13 })
        let violation = rows[1]
        #expect(violation[0] == "crawled/a.txt" && violation[2] == "violation")
        #expect(violation[3] == "archive/hanbit/bus.txt" && violation[5] == "한빛일보")
        #expect(violation[7] == Fixtures.prohibiting)
        #expect(violation[8] == "0.7312" && violation[9] == "0.6104" && violation[10] == "0.5521")
        let p = Fixtures.ordinary.articles[0].matches[0].passages[0]
        #expect(violation[12] == "\(p.suspect.start)-\(p.suspect.end):\(p.source.start)-\(p.source.end)")
        let clean = rows[3]
        #expect(clean[0] == "crawled/c.txt" && clean[2] == "clean")
        #expect(clean[3...].allSatisfy { $0.isEmpty })
    }

    @Test("commas, quotes and line breaks in fields are quoted and read back unchanged")
    func quoting() throws {
        let tricky = "제목, \"인용\"\n둘째 줄\r\n셋째"
        let source = Fixtures.source(path: "archive/a,b.txt", id: "q\"1", outlet: tricky, notice: "[저작권자ⓒ \"따옴표\", 신문]")
        let report = Fixtures.report([Fixtures.article("crawled/x\ny.txt", id: "x", title: nil, verdict: .reuse,
                                                        matches: [Fixtures.match(source, .reuse, passages: [])])])
        let csv = CSVReport.render(report)
        #expect(csv.contains("\"제목, \"\"인용\"\"\n둘째 줄\r\n셋째\""))
        let rows = Self.parse(csv)
        #expect(rows.count == 2)
        #expect(rows[1][0] == "crawled/x\ny.txt")
        #expect(rows[1][3] == "archive/a,b.txt")
        #expect(rows[1][4] == "q\"1")
        #expect(rows[1][5] == tricky)
        #expect(rows[1][7] == "[저작권자ⓒ \"따옴표\", 신문]")
        #expect(csv.hasSuffix("\r\n"))
    }

    @Test("a field that a spreadsheet would run as a formula is defused; numbers are left alone")
    func formulas() {
        #expect(CSVReport.field("=HYPERLINK(\"http://x\")", isText: true) == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(CSVReport.field("@SUM(A1)", isText: true) == "'@SUM(A1)")
        #expect(CSVReport.field("-1", isText: false) == "-1")
        #expect(CSVReport.field("한빛일보", isText: true) == "한빛일보")
    }

    @Test("a byte order mark only on request")
    func bom() {
        #expect(CSVReport.render(Fixtures.ordinary, byteOrderMark: true).unicodeScalars.first == "\u{FEFF}")
        #expect(CSVReport.render(Fixtures.ordinary).hasPrefix("suspect_path,"))
    }
}
