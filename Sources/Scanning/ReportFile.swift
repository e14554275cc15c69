import Articles
import Foundation

/// Writes a report (or a baseline) to a path, whole or not at all where that can be had.
///
/// A regular file, or a path where nothing is yet, is replaced atomically: the bytes go to a
/// temporary file beside it, which is synced and renamed over it, so a reader never sees half a
/// report and a failed write leaves the old one. Anything else is written into, not replaced:
/// `-o /dev/null`, a named pipe or a terminal must stay what they are (Foundation's atomic
/// write renamed its temporary file over `/dev/null`, which a scan run as root turned into a
/// regular file). A symbolic link is followed, so the file it names is replaced and the link
/// stays.
public enum ReportFile {
    /// Writes `chunks`, one after the other, to `path`. Errors name the path, what failed
    /// and the system's reason, and say what was being written (`what`: "report", "baseline").
    public static func write(_ chunks: [[UInt8]], to path: String, what: String = "report") throws(InputError) {
        do {
            try write(chunks, path)
        } catch {
            throw InputError(path: error.path, "cannot write the \(what): \(error.problem)")
        }
    }

    private static func write(_ chunks: [[UInt8]], _ path: String) throws(InputError) {
        guard !path.isEmpty else { throw InputError(path: path, "no file name was given") }
        var target = path
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
            // A dangling link is written through: opening it creates the file it names.
            guard let resolved = realpath(path, nil) else { return try writeInto(chunks, path, create: true) }
            target = String(cString: resolved)
            free(resolved)
        }
        var mode: mode_t?
        if stat(target, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: mode = info.st_mode & 0o7777
            case S_IFDIR: throw InputError(path: path, "it is a directory")
            default: return try writeInto(chunks, target, create: false)
            }
        }
        try replace(target, with: chunks, mode: mode, shownAs: path)
    }

    /// The temporary file, synced, then renamed over `target`; a replaced file's permissions
    /// carry over.
    private static func replace(_ target: String, with chunks: [[UInt8]], mode: mode_t?, shownAs path: String) throws(InputError) {
        let directory = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let temporary = (directory.isEmpty ? "" : directory + "/") + ".\(name).copyscan-\(getpid())-\(UInt32.random(in: 0 ... .max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw failure(path, "cannot create a file in its directory") }
        var done = false
        defer { if !done { unlink(temporary) } }
        do throws(InputError) {
            if let mode, fchmod(fd, mode) != 0 { throw failure(path, "cannot give the new file the old one's permissions") }
            try writeAll(chunks, to: fd, path)
        } catch {
            close(fd)
            throw error
        }
        guard fsync(fd) == 0 else { let e = failure(path, "cannot sync it"); close(fd); throw e }
        guard close(fd) == 0 else { throw failure(path, "cannot close it") }
        guard rename(temporary, target) == 0 else { throw failure(path, "cannot move the new report into place") }
        done = true
    }

    private static func writeInto(_ chunks: [[UInt8]], _ target: String, create: Bool) throws(InputError) {
        let fd = open(target, O_WRONLY | O_CLOEXEC | (create ? O_CREAT | O_TRUNC : 0), 0o666)
        guard fd >= 0 else { throw failure(target, "cannot open it") }
        defer { close(fd) }
        try writeAll(chunks, to: fd, target)
    }

    private static func writeAll(_ chunks: [[UInt8]], to fd: Int32, _ path: String) throws(InputError) {
        for chunk in chunks {
            let code = chunk.withUnsafeBytes { FullWrite.write($0, to: fd) }
            if code != 0 { throw failure(path, "cannot write it", code) }
        }
    }

    private static func failure(_ path: String, _ what: String, _ code: Int32 = errno) -> InputError {
        InputError(path: path, "\(what) (\(String(cString: strerror(code))))")
    }
}
