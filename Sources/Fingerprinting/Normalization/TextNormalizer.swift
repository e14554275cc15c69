import Foundation
import NormalizerAVX2

/// Normalises text for shingling: NFKC (Hangul kept precomposed), lower case, letters and digits
/// only, boilerplate ranges dropped, with an offset map back to the original code points.
///
/// Foundation's normaliser runs at ≈ 35 MB/s and is quadratic on long decomposed Hangul, so the
/// text that is already normal takes a fast path: ASCII and Hangul syllables are decoded and
/// classified without a branch on which of the two a character is (news text alternates between
/// them at every space, and a mispredicted branch per word cost more than the work), other
/// common scripts are recognised by range, conjoining jamo are composed arithmetically,
/// fullwidth ASCII is folded by subtraction, a lone symbol (ⓒ, ㎜, ∼, ①) is looked up in a
/// per-process cache of its normal form, and only the remaining short runs go through
/// Foundation. On AVX2 CPUs the ASCII/Hangul/punctuation loop takes 32 bytes a step
/// (`scanBlocks`).
///
/// The output — scalars, offset map and length — is bit-identical to that of the normaliser
/// before the fast path (`LegacyTextNormalizer` in the tests is that code, frozen, and the
/// tests compare the two on adversarial text), so `version` is unchanged.
public enum TextNormalizer {
    /// Stamped into every index: change it whenever the output for some input changes.
    public static let version = "nfkc-alnum-lower-v1"

    /// Normalises `text`; code points inside `excluded` ranges (original offsets) are dropped.
    public static func normalize(_ text: String, excluding excluded: [TextSpan] = []) -> NormalizedText {
        var text = text
        return text.withUTF8 { normalize(utf8: $0, excluding: excluded) }
    }

    /// Normalises UTF-8 bytes as `normalize(_:excluding:)` normalises the String they spell,
    /// without making one: a String validates its bytes, which cost more than normalising them
    /// for a stored source that is aligned and dropped. Bytes that are not valid UTF-8 are read
    /// without overrunning them, but their offsets need not match those of the repaired String:
    /// a caller that reports offsets must check the bytes first.
    public static func normalize(utf8 bytes: UnsafeBufferPointer<UInt8>, excluding excluded: [TextSpan] = []) -> NormalizedText {
        normalize(utf8: bytes, excluding: excluded, blocks: decodesBlocks)
    }

    /// Whether the fast path reads 32 bytes a step with AVX2 (`NormalizerAVX2`): when the CPU
    /// has it and `COPYSCAN_KERNEL` does not force a kernel without it. Decided once.
    static let decodesBlocks = MinHashKernel.selected == .avx2

    /// As `normalize(utf8:excluding:)`, with the block decoder on or off (the tests compare them).
    static func normalize(utf8 bytes: UnsafeBufferPointer<UInt8>, excluding excluded: [TextSpan], blocks: Bool) -> NormalizedText {
        let ranges = ExcludedRanges(excluded)
        // The output arrays are written in place with a fixed capacity. The fast path emits at
        // most one scalar per UTF-8 byte; only NFKC expansions (ﷺ is 18 scalars from 3 bytes)
        // can need more, and then the text is normalised again with more room.
        var capacity = bytes.count + 16
        while true {
            if let normalized = normalize(bytes, excluding: ranges, capacity: capacity, blocks: blocks) { return normalized }
            capacity *= 4
        }
    }

    /// One attempt with output room for `capacity` scalars; nil when that was not enough.
    private static func normalize(_ bytes: UnsafeBufferPointer<UInt8>, excluding excluded: ExcludedRanges, capacity: Int, blocks: Bool) -> NormalizedText? {
        var length = 0
        var overflowed = false
        var origins: [Int32] = []
        let scalars = [UInt32](unsafeUninitializedCapacity: capacity) { scalarBuffer, scalarCount in
            origins = [Int32](unsafeUninitializedCapacity: capacity) { originBuffer, originCount in
                var out = Output(scalars: scalarBuffer, origins: originBuffer)
                length = scan(bytes, into: &out, excluded: excluded, blocks: blocks)
                if !excluded.isEmpty { out.removeOrigins(in: excluded) }
                overflowed = out.overflowed
                originCount = out.count
            }
            scalarCount = origins.count
        }
        return overflowed ? nil : NormalizedText(scalars: scalars, origins: origins, originalLength: length)
    }

    /// Decodes and normalises `bytes` into `out` (excluded ranges are removed afterwards; they
    /// only matter here for recomposing a combining mark with the character before it) and
    /// returns the number of code points read.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout Output, excluded: ExcludedRanges, blocks: Bool) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let n = bytes.count
        var i = 0
        var index = 0
        var slowRun: [Unicode.Scalar] = []
        var slowStart = 0
        var jamo = JamoComposer()
        // True while a slow run or a jamo sequence is open: then every character takes the
        // general path, in order.
        var pending = false

        while i < n {
            if !pending {
                if blocks { scanBlocks(base, n, &i, &index, &out) }
                asciiKept.withUnsafeBufferPointer { scanFast(base, n, $0, &i, &index, &out) }
                guard i < n else { break }
            }
            guard let (v, width) = decode(base, n, at: i) else { break }
            i += width
            guard let scalar = Unicode.Scalar(v) else {
                index += 1
                continue
            }
            if JamoComposer.isConjoining(v) {
                flushSlow(&slowRun, start: slowStart, into: &out)
                jamo.push(v, at: index) { out.emit($0, origin: $1) }
            } else {
                jamo.flush { out.emit($0, origin: $1) }
                if let fast = fastPath(v) {
                    flushSlow(&slowRun, start: slowStart, into: &out)
                    if fast != 0 { out.emit(fast, origin: index) }
                } else if slowRun.isEmpty, nextIsFast(base, n, at: i), let kept = SymbolCache.shared.kept(scalar) {
                    // A lone symbol between characters of the fast path: the general path would
                    // normalise it as a run of its own, which is what the cache holds.
                    for k in kept { out.emit(k, origin: index) }
                } else {
                    if slowRun.isEmpty {
                        slowStart = index
                        // A combining mark joins the preceding base character (unless that one
                        // is excluded: then it left nothing to join).
                        if scalar.properties.canonicalCombiningClass != .notReordered, index > 0,
                           !excluded.contains(index - 1),
                           let previous = out.retractLast(ifOrigin: index - 1) {
                            slowRun.append(previous)
                            slowStart = index - 1
                        }
                    }
                    slowRun.append(scalar)
                    if slowRun.count >= 64 && scalar.properties.canonicalCombiningClass == .notReordered {
                        // Bound each Foundation call: long runs of other scripts stay linear.
                        let last = slowRun.removeLast()
                        flushSlow(&slowRun, start: slowStart, into: &out)
                        slowRun = [last]
                        slowStart = index
                    }
                }
            }
            index += 1
            pending = !slowRun.isEmpty || !jamo.isEmpty
        }
        jamo.flush { out.emit($0, origin: $1) }
        flushSlow(&slowRun, start: slowStart, into: &out)
        return index
    }

    /// The fast path: ASCII, Hangul syllables and general punctuation, from byte `i`
    /// (character `index`) up to the first other character or the last seven bytes, written
    /// to `out`. An ASCII character's slot is written whether or not it is kept, and the count
    /// advances only if it is.
    ///
    /// Measured alternatives that were slower: a branch-free loop (selecting between the ASCII
    /// and the syllable reading instead of branching on the first byte), and taking any one or
    /// two dropped ASCII characters after a syllable in the same step (looked up in a table).
    /// Both make the next position wait for more arithmetic on loaded bytes, where with a
    /// branch the processor runs ahead on its prediction and pays only at the changes it
    /// mispredicts; a single space, tested with one comparison, is the balance that paid.
    @inline(__always)
    private static func scanFast(_ p: UnsafePointer<UInt8>, _ n: Int, _ asciiKept: UnsafeBufferPointer<UInt8>,
                                 _ i: inout Int, _ index: inout Int, _ out: inout Output) {
        guard let scalars = out.scalars.baseAddress, let origins = out.origins.baseAddress,
              let table = asciiKept.baseAddress, asciiKept.count >= 128 else { return }
        var at = i, character = index, k = out.count
        // A character takes at least one byte and leaves at most one scalar, so stopping
        // `room` bytes from here keeps every write below the capacity.
        let end = min(n &- 7, at &+ (out.capacity &- k))
        while at < end {
            let w = UInt64(littleEndian: UnsafeRawPointer(p + at).loadUnaligned(as: UInt64.self))
            let b0 = Int(truncatingIfNeeded: w & 0xFF)
            if b0 < 0x80 {
                let kept = UInt32(table[b0])
                scalars[k] = kept
                origins[k] = Int32(truncatingIfNeeded: character)
                k &+= Int(bit: kept != 0)
                at &+= 1
                character &+= 1
                continue
            }
            // The first three bytes as one big-endian number: UTF-8 keeps the order of code
            // points, so a range of code points of three bytes is a range of these numbers.
            let sequence = UInt32(truncatingIfNeeded: w).byteSwapped >> 8
            if sequence &- 0xEA_B080 <= 0xED_9EA3 - 0xEA_B080 {          // U+AC00…U+D7A3
                let b = UInt32(truncatingIfNeeded: w)
                scalars[k] = (b & 0x0F) << 12 | (b >> 2) & 0xFC0 | (b >> 16) & 0x3F
                origins[k] = Int32(truncatingIfNeeded: character)
                k &+= 1
                // A space after the syllable goes in the same step, as data rather than as a
                // branch: the branch between syllables and ASCII is the one mispredicted at
                // word ends, and most words end in a space (≈ 10% faster on news text).
                let space = Int(bit: w >> 24 & 0xFF == 0x20)
                at &+= 3 &+ space
                character &+= 1 &+ space
            } else if sequence &- 0xE2_8080 <= 0xE2_819E - 0xE2_8080 {   // U+2000…U+205E, dropped
                at &+= 3
                character &+= 1
            } else {
                break
            }
        }
        i = at
        index = character
        out.count = k
    }

    /// The fast path 32 bytes a step, in C with AVX2 (`copyscan_normalize_fast_avx2`), up to the
    /// first character of another kind, invalid UTF-8 or the last 33 bytes; `scanFast` goes on
    /// from there. Per character the scalar loop pays a mispredicted branch at nearly every
    /// change between ASCII and Hangul (every word end); here the kinds are classified for the
    /// whole block at once and the kept characters of eight positions are packed with one
    /// permutation, with no branch on their kind (1.8× the scalar loop on the bench corpus).
    @inline(__always)
    private static func scanBlocks(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int, _ index: inout Int, _ out: inout Output) {
        #if arch(x86_64)
        guard let scalars = out.scalars.baseAddress, let origins = out.origins.baseAddress,
              i >= 0, n >= i, out.count >= 0, out.capacity >= out.count else { return }
        var at = i, character = Int64(index), count = out.count
        copyscan_normalize_fast_avx2(p, n, &at, &character, scalars, origins, &count, out.capacity)
        i = at
        index = Int(character)
        out.count = count
        #endif
    }

    /// What the fast path keeps of each ASCII character: letters lower-cased, digits, and 0
    /// (dropped) for everything else.
    private static let asciiKept: [UInt8] = (0..<128).map { c -> UInt8 in
        switch c {
        case 0x61...0x7A, 0x30...0x39: return UInt8(c)
        case 0x41...0x5A: return UInt8(c + 0x20)
        default: return 0
        }
    }

    /// The scalar starting at byte `i` and its length in bytes; nil for a sequence cut off by
    /// the end of the text.
    @inline(__always)
    private static func decode(_ p: UnsafePointer<UInt8>, _ n: Int, at i: Int) -> (UInt32, Int)? {
        let b0 = p[i]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        if b0 < 0xE0 {
            guard i + 1 < n else { return nil }
            return ((UInt32(b0 & 0x1F) << 6) | UInt32(p[i + 1] & 0x3F), 2)
        }
        if b0 < 0xF0 {
            guard i + 2 < n else { return nil }
            return ((UInt32(b0 & 0x0F) << 12) | (UInt32(p[i + 1] & 0x3F) << 6) | UInt32(p[i + 2] & 0x3F), 3)
        }
        guard i + 3 < n else { return nil }
        return ((UInt32(b0 & 0x07) << 18) | (UInt32(p[i + 1] & 0x3F) << 12)
                | (UInt32(p[i + 2] & 0x3F) << 6) | UInt32(p[i + 3] & 0x3F), 4)
    }

    /// Whether the scalar at byte `i` ends a slow run (it takes `fastPath`), or the text ends.
    private static func nextIsFast(_ p: UnsafePointer<UInt8>, _ n: Int, at i: Int) -> Bool {
        if i == n { return true }
        guard let (v, _) = decode(p, n, at: i) else { return false }
        return fastPath(v) != nil
    }

    /// The kept value for scalars that NFKC leaves alone (0 = drop), or nil for the slow path.
    @inline(__always)
    static func fastPath(_ v: UInt32) -> UInt32? {
        if v < 0x80 {
            if v >= 0x61 && v <= 0x7A { return v }
            if v >= 0x41 && v <= 0x5A { return v + 0x20 }
            if v >= 0x30 && v <= 0x39 { return v }
            return 0
        }
        if v >= 0xAC00 && v <= 0xD7A3 { return v }          // Hangul syllables
        if v >= 0x4E00 && v <= 0x9FFF { return v }          // CJK unified ideographs
        if v >= 0x3041 && v <= 0x3096 { return v }          // hiragana
        if v >= 0x30A1 && v <= 0x30FA { return v }          // katakana
        if v >= 0x3131 && v <= 0x318E { return v }          // compatibility jamo: kept standalone (NFKC would decompose ㅋ into a conjoining jamo)
        if v >= 0xFF01 && v <= 0xFF5E { return fastPath(v - 0xFEE0) }  // fullwidth ASCII
        if v >= 0xC0 && v <= 0xFF && v != 0xD7 && v != 0xF7 {
            return v <= 0xDE ? v + 0x20 : v                  // Latin-1 letters (ß and ÿ stay)
        }
        if v == 0xA0 || v == 0xFEFF || v == 0xD7 || v == 0xF7 { return 0 }
        if (0x2000...0x205E).contains(v) { return 0 }               // spaces and general punctuation
        if (0x3000...0x3004).contains(v) || (0x3008...0x3020).contains(v) { return 0 }  // CJK spaces and brackets
        if (0xA1...0xBF).contains(v) && !isLatin1Kept(v) { return 0 }  // Latin-1 signs
        return nil
    }

    /// Latin-1 signs NFKC maps to letters or digits (ª º ² ³ ¹ ¼ ½ ¾ µ): the slow path.
    private static func isLatin1Kept(_ v: UInt32) -> Bool {
        switch v {
        case 0xAA, 0xBA, 0xB2, 0xB3, 0xB9, 0xBC, 0xBD, 0xBE, 0xB5: return true
        default: return false
        }
    }

    private static func flushSlow(_ run: inout [Unicode.Scalar], start: Int, into out: inout Output) {
        guard !run.isEmpty else { return }
        normalizeRun(run, start: start) { out.emit($0, origin: $1) }
        run.removeAll(keepingCapacity: true)
    }

    /// The general path: NFKC of a run of scalars that the fast path does not handle, through
    /// Foundation, with the kept scalars and their origins handed to `emit`.
    static func normalizeRun(_ run: [Unicode.Scalar], start: Int, emit: (UInt32, Int) -> Void) {
        var whole = String.UnicodeScalarView()
        whole.append(contentsOf: run)
        let normalized = Array(String(whole).precomposedStringWithCompatibilityMapping.unicodeScalars)
        if normalized.count == run.count {
            for (i, s) in normalized.enumerated() { keep(s, origin: start + i, emit: emit) }
            return
        }
        // Lengths differ: map each character (base + marks) separately so offsets stay exact.
        var i = 0
        while i < run.count {
            var j = i + 1
            while j < run.count && run[j].properties.canonicalCombiningClass != .notReordered { j += 1 }
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: run[i..<j])
            for s in String(piece).precomposedStringWithCompatibilityMapping.unicodeScalars {
                keep(s, origin: start + i, emit: emit)
            }
            i = j
        }
    }

    private static func keep(_ s: Unicode.Scalar, origin: Int, emit: (UInt32, Int) -> Void) {
        if let fast = fastPath(s.value) {
            if fast != 0 { emit(fast, origin) }
            return
        }
        let p = s.properties
        guard p.isAlphabetic || p.numericType != nil else { return }
        if p.changesWhenLowercased {
            for l in p.lowercaseMapping.unicodeScalars { emit(l.value, origin) }
        } else {
            emit(s.value, origin)
        }
    }

    /// The output arrays while they are written: scalars and origins side by side.
    private struct Output {
        let scalars: UnsafeMutableBufferPointer<UInt32>
        let origins: UnsafeMutableBufferPointer<Int32>
        let capacity: Int
        var count = 0
        var overflowed = false

        init(scalars: UnsafeMutableBufferPointer<UInt32>, origins: UnsafeMutableBufferPointer<Int32>) {
            self.scalars = scalars
            self.origins = origins
            capacity = min(scalars.count, origins.count)
        }

        @inline(__always)
        mutating func emit(_ v: UInt32, origin: Int) {
            emit(v, origin: origin, if: true)
        }

        /// Writes the slot whether or not `keep` holds and counts it only if it does: a store
        /// that is overwritten later costs less than a branch the processor cannot predict.
        @inline(__always)
        mutating func emit(_ v: UInt32, origin: Int, if keep: Bool) {
            guard count < capacity else {
                if keep { overflowed = true }
                return
            }
            scalars[count] = v
            origins[count] = Int32(truncatingIfNeeded: origin)
            count &+= keep ? 1 : 0
        }

        /// Takes back the last emitted scalar if it came from `origin` (to recompose it with a
        /// following combining mark).
        mutating func retractLast(ifOrigin origin: Int) -> Unicode.Scalar? {
            guard count > 0, Int(origins[count - 1]) == origin, let s = Unicode.Scalar(scalars[count - 1]) else { return nil }
            count -= 1
            return s
        }

        /// Drops the scalars whose origin lies in `excluded`, keeping the order.
        mutating func removeOrigins(in excluded: ExcludedRanges) {
            guard let s = scalars.baseAddress, let o = origins.baseAddress else { return }
            count = excluded.removeExcluded(scalars: s, origins: o, count: count)
        }
    }
}

/// Single symbols and their normal forms (the kept scalars of NFKC of the symbol alone), shared
/// by every normalisation in the process. A Korean article holds one or two of them (ⓒ in the
/// notice, ㎡, ∼ in ranges); asking Foundation each time cost more than the rest of the article.
/// Only scalars with canonical combining class 0 are cached: a combining mark depends on the
/// character before it.
final class SymbolCache: @unchecked Sendable {
    // @unchecked: `entries` is only touched with `lock` held.
    private let lock = NSLock()
    private var entries: [UInt32: [UInt32]] = [:]

    static let shared = SymbolCache()
    /// Bounds the memory an adversarial text of many distinct symbols can take; beyond it
    /// symbols are normalised each time, as before.
    static let limit = 4_096

    /// The kept scalars of `scalar` normalised alone, or nil for a combining mark.
    func kept(_ scalar: Unicode.Scalar) -> [UInt32]? {
        if let cached = lock.withLock({ entries[scalar.value] }) { return cached }
        guard scalar.properties.canonicalCombiningClass == .notReordered else { return nil }
        var kept: [UInt32] = []
        TextNormalizer.normalizeRun([scalar], start: 0) { v, _ in kept.append(v) }
        lock.withLock {
            if entries.count < Self.limit { entries[scalar.value] = kept }
        }
        return kept
    }
}

/// Excluded code point ranges, sorted and merged so that membership is a binary search and
/// the scalars of increasing offsets are filtered in stretches.
struct ExcludedRanges {
    private let starts: [Int]
    private let ends: [Int]

    init(_ spans: [TextSpan]) {
        var starts: [Int] = [], ends: [Int] = []
        for span in spans.sorted(by: { $0.start < $1.start }) where span.start < span.end {
            if let last = ends.last, span.start <= last {
                ends[ends.count - 1] = max(last, span.end)
            } else {
                starts.append(span.start)
                ends.append(span.end)
            }
        }
        self.starts = starts
        self.ends = ends
    }

    var isEmpty: Bool { starts.isEmpty }

    func contains(_ offset: Int) -> Bool {
        // The last range starting at or before `offset`.
        var lo = 0, hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid] <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 && offset < ends[lo - 1]
    }

    /// Moves the scalars whose origin lies outside every range to the front, in order, and
    /// returns how many there are. Origins mostly increase, so the kept ones come in stretches
    /// below the next range's start, moved as blocks; an origin that steps back (a recomposed
    /// combining mark) starts a new stretch and looks its range up again. Per scalar this is a
    /// comparison, not a lookup: on an indexed article (credits and a notice excluded) the
    /// lookup per scalar had cost as much as the normalisation itself.
    func removeExcluded(scalars: UnsafeMutablePointer<UInt32>, origins: UnsafeMutablePointer<Int32>, count: Int) -> Int {
        starts.withUnsafeBufferPointer { starts in
            ends.withUnsafeBufferPointer { ends in
                var kept = 0, j = 0, r = 0
                var previous = Int.min
                while j < count {
                    let origin = Int(origins[j])
                    if origin < previous {
                        // The first range that ends after `origin` (ends increase: the ranges
                        // are disjoint and sorted).
                        var lo = 0, hi = ends.count
                        while lo < hi {
                            let mid = (lo + hi) / 2
                            if ends[mid] <= origin { lo = mid + 1 } else { hi = mid }
                        }
                        r = lo
                    }
                    while r < ends.count && ends[r] <= origin { r += 1 }
                    previous = origin
                    if r < starts.count && starts[r] <= origin {
                        j += 1
                        continue
                    }
                    let limit = r < starts.count ? starts[r] : Int.max
                    var end = j + 1
                    while end < count {
                        let next = Int(origins[end])
                        if next >= limit || next < previous { break }
                        previous = next
                        end += 1
                    }
                    if kept != j {
                        // Stretches only move down: memmove copes with the overlap.
                        memmove(scalars + kept, scalars + j, (end - j) * MemoryLayout<UInt32>.stride)
                        memmove(origins + kept, origins + j, (end - j) * MemoryLayout<Int32>.stride)
                    }
                    kept += end - j
                    j = end
                }
                return kept
            }
        }
    }
}

/// A half-open code point range, as `Articles.TextRange` without depending on that module.
public struct TextSpan: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) { self.start = start; self.end = end }
}
