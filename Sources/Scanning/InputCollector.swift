import Articles
import Extraction
import Foundation

/// Expands the paths a user gave into the input files to read, in a stable order.
public enum InputCollector {
    public struct Collected: Sendable {
        public var files: [String]
        public var problems: [InputError]
    }

    /// Files are taken as given (any extension); directories are walked recursively for files
    /// with a supported extension, skipping hidden files and folders. Missing paths are problems.
    public static func collect(_ paths: [String]) -> Collected {
        var files: [String] = []
        var problems: [InputError] = []
        var seen = Set<String>()
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(InputError(path: path, "no such file or directory"))
                continue
            }
            if !isDirectory.boolValue {
                if seen.insert(absolute(path)).inserted { files.append(path) }
                continue
            }
            guard let walker = FileManager.default.enumerator(atPath: path) else {
                problems.append(InputError(path: path, "cannot list this directory"))
                continue
            }
            var found: [String] = []
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    walker.skipDescendants()
                    continue
                }
                let full = (path as NSString).appendingPathComponent(relative)
                var dir: ObjCBool = false
                guard FileManager.default.fileExists(atPath: full, isDirectory: &dir), !dir.boolValue else { continue }
                guard ArticleReader.supportedExtensions.contains((name as NSString).pathExtension.lowercased()) else { continue }
                found.append(full)
            }
            for f in found.sorted() where seen.insert(absolute(f)).inserted { files.append(f) }
        }
        return Collected(files: files, problems: problems)
    }

    public static func absolute(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        let full = expanded.hasPrefix("/") ? expanded : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(expanded)
        return (full as NSString).standardizingPath
    }

    /// `path` relative to the working directory when it lies under it, for display.
    public static func display(_ path: String) -> String {
        let cwd = (FileManager.default.currentDirectoryPath as NSString).standardizingPath + "/"
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }
}
