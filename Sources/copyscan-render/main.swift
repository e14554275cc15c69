import Foundation
import Reporting

// Renders a saved JSON report (`copyscan scan --format json`) in another format, without
// rescanning: `copyscan-render FORMAT REPORT.json [BASE_DIR]`. BASE_DIR is where relative
// paths in the report resolve (the directory the scan ran in; default: the current one).
let usage = "usage: copyscan-render html|sarif|csv|markdown|github|text|json REPORT.json [BASE_DIR]\n"
let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count == 2 || arguments.count == 3 else {
    FileHandle.standardError.write(Data(usage.utf8))
    exit(2)
}
let format = arguments[0]
let path = arguments[1]
let locator = ArticleLocator.fileSystem(baseDirectory: arguments.count == 3 ? arguments[2] : nil)
guard let data = FileManager.default.contents(atPath: path) else {
    FileHandle.standardError.write(Data("copyscan-render: \(path): cannot be read\n".utf8))
    exit(2)
}
do {
    let report = try JSONReport.parse(data)
    let output: String
    switch format {
    case "html": output = HTMLReport.render(report)
    case "sarif": output = SARIFReport.render(report, locator: locator)
    case "csv": output = CSVReport.render(report)
    case "markdown": output = MarkdownReport.render(report)
    case "github": output = GitHubAnnotations.render(report, locator: locator)
    case "text": output = TextReport.render(report)
    case "json": output = try JSONReport.render(report)
    default:
        FileHandle.standardError.write(Data(usage.utf8))
        exit(2)
    }
    FileHandle.standardOutput.write(Data(output.utf8))
} catch {
    FileHandle.standardError.write(Data("copyscan-render: \(path): not a copyscan JSON report (\(error))\n".utf8))
    exit(2)
}
