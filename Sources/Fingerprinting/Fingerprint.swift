/// One text's fingerprint: the normalised text, its shingles in order, the whole-document
/// MinHash signature and the LSH keys the index stores or looks up.
public struct Fingerprint: Sendable {
    public var shingleLength: Int
    public var normalized: NormalizedText
    /// `shingles[i]` is the hash of the shingle starting at normalised position `i`.
    public var shingles: [UInt64]
    public var signature: [UInt32]
    /// Band keys of the whole-document signature.
    public var documentKeys: [UInt64]
    /// Band keys of the windows (without repeats).
    public var windowKeys: [UInt64]
    /// Every window's band keys, window after window (`windowBanding.bands` a window), repeats
    /// kept: which keys come from one window, for candidates that must share two bands of one.
    /// Only for queries (`keepWindowOrder`); empty otherwise (the index stores distinct keys).
    public var windowKeysInOrder: [UInt64] = []

    public var allKeys: [UInt64] { documentKeys + windowKeys }
}

/// Turns text into fingerprints with one set of parameters.
public struct Fingerprinter: Sendable {
    public let parameters: FingerprintParameters
    public let shingler: Shingler
    public let documentHasher: MinHasher
    public let windowHasher: MinHasher
    public let documentBanding: LSHBanding
    public let windowBanding: LSHBanding

    static let documentSalt: UInt64 = 0xd0c0
    static let windowSalt: UInt64 = 0x3141_5926

    public init(_ parameters: FingerprintParameters = FingerprintParameters()) {
        self.parameters = parameters
        shingler = Shingler(length: parameters.shingleLength)
        documentHasher = MinHasher(permutations: parameters.permutations, seed: parameters.seed, scheme: parameters.scheme)
        // Windows hold ~100 shingles and need only a few values: k independent permutations
        // (the SIMD kernel) are cheaper there than one permutation with densification.
        windowHasher = MinHasher(permutations: parameters.windowPermutations, seed: parameters.seed ^ 0xa5a5_a5a5,
                                 scheme: .kPermutations)
        documentBanding = parameters.documentBanding
        windowBanding = parameters.windowBanding
    }

    /// Fingerprints `text`, ignoring the `excluded` code point ranges. Windows start every
    /// `windowStride` characters (the index uses the parameters' stride; queries a finer one,
    /// so a copied passage always lies close to one of the query's windows).
    public func fingerprint(_ text: String, excluding excluded: [TextSpan] = [], windowStride: Int? = nil,
                            keepWindowOrder: Bool = false) -> Fingerprint {
        let normalized = TextNormalizer.normalize(text, excluding: excluded)
        let (shingles, signature) = normalized.scalars.withUnsafeBufferPointer {
            documentHasher.shinglesAndSignature(of: $0, shingler: shingler)
        }
        guard !shingles.isEmpty else {
            return Fingerprint(shingleLength: shingler.length, normalized: normalized, shingles: [], signature: [], documentKeys: [], windowKeys: [])
        }
        let documentKeys = documentBanding.keys(signature, salt: Fingerprinter.documentSalt)
        let (windowKeys, inOrder) = self.windowKeys(shingles, stride: windowStride ?? parameters.windowStride, keepOrder: keepWindowOrder)
        return Fingerprint(shingleLength: shingler.length, normalized: normalized, shingles: shingles, signature: signature,
                           documentKeys: documentKeys, windowKeys: windowKeys, windowKeysInOrder: inOrder)
    }

    /// Normalised text and shingles only, without signatures or keys: all that exact
    /// verification of a candidate needs.
    public func shingled(_ text: String, excluding excluded: [TextSpan] = []) -> Fingerprint {
        var text = text
        return text.withUTF8 { shingled(utf8: $0, excluding: excluded) }
    }

    /// `shingled` of the String that valid UTF-8 `bytes` spell (see `TextNormalizer.normalize(utf8:excluding:)`).
    public func shingled(utf8 bytes: UnsafeBufferPointer<UInt8>, excluding excluded: [TextSpan] = []) -> Fingerprint {
        let normalized = TextNormalizer.normalize(utf8: bytes, excluding: excluded)
        return Fingerprint(shingleLength: shingler.length, normalized: normalized, shingles: shingler.hashes(normalized.scalars),
                           signature: [], documentKeys: [], windowKeys: [])
    }

    /// Band keys of the window signatures, sorted and without repeats: windows of
    /// `windowLength` characters starting every `stride` shingles, the last one ending at the
    /// text's end so a copy at the very end is whole.
    public func windowKeys(_ shingles: [UInt64], stride: Int, keepOrder: Bool = false) -> (distinct: [UInt64], inOrder: [UInt64]) {
        let perWindow = max(1, parameters.windowLength - parameters.shingleLength + 1)
        let windows = Self.windows(count: shingles.count, length: perWindow, stride: stride)
        return shingles.withUnsafeBufferPointer {
            Self.windowKeys($0, windows: windows, hasher: windowHasher, banding: windowBanding, salt: Fingerprinter.windowSalt,
                            keepOrder: keepOrder)
        }
    }

    static func windows(count: Int, length: Int, stride: Int) -> [Range<Int>] {
        let step = max(1, stride)
        var windows: [Range<Int>] = []
        windows.reserveCapacity(count / step + 2)
        var start = 0
        while true {
            let end = min(count, start + length)
            windows.append(start..<end)
            if end >= count { break }
            start += step
            if start + length > count { start = max(0, count - length) }
        }
        return windows
    }

    /// The keys of every band of every window's signature, sorted, each once. Written into one
    /// array and sorted there: a set of keys cost more in hashing and allocation than the
    /// signatures themselves.
    static func windowKeys(_ shingles: UnsafeBufferPointer<UInt64>, windows: [Range<Int>], hasher: MinHasher,
                           banding: LSHBanding, salt: UInt64, keepOrder: Bool = false) -> (distinct: [UInt64], inOrder: [UInt64]) {
        let k = hasher.permutations, bands = banding.bands
        let total = windows.count * bands
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: max(1, windows.count * k)) { signatures in
            signatures.initialize(repeating: .max)
            hasher.signatures(ofWindows: windows, in: shingles, into: signatures)
            var keys = [UInt64](unsafeUninitializedCapacity: total) { keys, count in
                banding.keys(ofSignatures: UnsafeBufferPointer(signatures), length: k, salt: salt, into: keys)
                count = total
            }
            // (A copy only when asked for: the index path does not pay for it.)
            let inOrder = keepOrder ? keys : []
            let unique = keys.withUnsafeMutableBufferPointer { KeySort.sortUnique($0) }
            keys.removeLast(keys.count - unique)
            return (keys, inOrder)
        }
    }
}
