import ArgumentParser
import Foundation
import Scanning

// ArgumentParser exits with 64 on usage errors; copyscan promises 2 (see `--help`).
do {
    var command = try Copyscan.parseAsRoot()
    try command.run()
} catch let code as ExitCode {
    exit(code.rawValue)
} catch {
    let code = Copyscan.exitCode(for: error)
    if code == .success { Copyscan.exit(withError: error) }
    StandardStreams.error(Copyscan.fullMessage(for: error) + "\n")
    exit(ExitStatus.usage.rawValue)
}
