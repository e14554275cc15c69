/// Why an index could not be opened, read or written. Always names the index file.
public struct IndexError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case cannotOpen(String)
        case notAnIndex
        case formatVersion(found: Int, supported: Int)
        case parameterMismatch(stored: String, requested: String)
        case storage(String)
        case corrupt(String)
    }

    public var path: String
    public var kind: Kind

    public init(path: String, _ kind: Kind) {
        self.path = path
        self.kind = kind
    }

    public var description: String {
        switch kind {
        case .cannotOpen(let m): return "\(path): cannot open the index: \(m)"
        case .notAnIndex: return "\(path): not a copyscan index"
        case .formatVersion(let found, let supported) where IndexMigration.canMigrate(from: found):
            return "\(path): index format version \(found); this copyscan reads version \(supported). Update it once with `copyscan index --index \(path) ARCHIVE...` (it is converted in place), or rebuild it with `copyscan index --rebuild`."
        case .formatVersion(let found, let supported):
            return "\(path): index format version \(found); this copyscan reads version \(supported). Rebuild it with `copyscan index --rebuild`."
        case .parameterMismatch(let stored, let requested):
            return "\(path): the index was built with other fingerprint parameters; its answers would be wrong for these.\n  index:     \(stored)\n  requested: \(requested)\nRebuild it (`copyscan index --rebuild`) or query it with the parameters it was built with."
        case .storage(let m): return "\(path): \(m)"
        case .corrupt(let m): return "\(path): damaged index: \(m)"
        }
    }
}
