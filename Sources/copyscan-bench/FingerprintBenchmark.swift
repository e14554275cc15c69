import Dispatch
#if canImport(Glibc)
import Glibc
#endif
import Fingerprinting

/// `copyscan-bench fingerprint --corpus DIR [--jobs N] [--runs R] [--limit N] [--mode M]… [--json]`
/// loads the article texts of a JSON Lines corpus into memory, then times only the
/// fingerprinting of every text, on N threads, R runs after one untimed warm-up run (the modes
/// round-robin, run by run); prints the median with min and max, articles/s and MB/s (UTF-8
/// bytes of the texts).
///
/// Modes (all but `normalize` by default):
/// - `fingerprint`: `Fingerprinter.fingerprint(text)` — normalise, shingle, 128-value
///   signature, LSH band keys and window keys: what indexing and scanning pay per article.
/// - `signature`: normalise, shingle and the bare 128-value signature, no keys: the work
///   the peer libraries do for "text → MinHash".
/// - `normalize`: `TextNormalizer.normalize(text)` alone, the first stage of the others.
/// - `window-hash`: decode the UTF-8, drop what is not a letter or digit and hash every
///   5-character window: a reference limit for any shingle-based fingerprint.
///
/// `--callgrind MODE` runs one pass of MODE on one thread inside
/// `fingerprintCallgrindRegion`, for `Scripts/bench --callgrind`. `--digest` prints digests of
/// every fingerprint output instead of timing (`FingerprintDigest`); `--stages` times each stage
/// of the fingerprint on its own (`FingerprintStages`).
enum FingerprintBenchmark {
    enum Mode: String, CaseIterable {
        case fingerprint, signature, normalize
        case windowHash = "window-hash"

        /// What `Scripts/bench` times; `normalize` is there for profiling by hand.
        static let defaults: [Mode] = [.fingerprint, .signature, .windowHash]
    }

    struct Options {
        var corpus: [String] = []
        var jobs = 1
        var runs = 5
        var limit: Int?
        var modes: [Mode] = []
        var json = false
        var callgrind: Mode?
        var digest = false
        var stages = false
    }

    static let usage = "usage: copyscan-bench fingerprint --corpus DIR [--jobs N] [--runs R] [--limit N] [--mode fingerprint|signature|normalize|window-hash]… [--json] [--callgrind MODE] [--digest] [--stages]\n"

    static func main(_ arguments: [String]) -> Int32 {
        guard let options = parse(arguments) else {
            printError(usage)
            return 2
        }
        let corpus: CorpusTexts
        do {
            corpus = try CorpusTexts.load(options.corpus, limit: options.limit)
        } catch {
            printError("copyscan-bench fingerprint: \(error)\n")
            return 2
        }
        let fingerprinter = Fingerprinter()
        if options.digest {
            print(FingerprintDigest.run(corpus.texts, fingerprinter))
            return 0
        }
        if options.stages {
            print(FingerprintStages.run(corpus.texts, fingerprinter, runs: options.runs))
            return 0
        }
        if let mode = options.callgrind {
            // One article outside the counted region first: the runtime's one-time work (type
            // metadata, conformance lookups: ≈ 0.8 M instructions) is not an article's cost.
            var warmUp = Worker(fingerprinter)
            _ = corpus.texts.first.map { warmUp.run(mode, $0) }
            warmUp.release()
            let checksum = fingerprintCallgrindRegion(mode, corpus.texts, fingerprinter)
            print("{\"mode\": \"\(mode.rawValue)\", \"articles\": \(corpus.texts.count), \"bytes\": \(corpus.utf8Bytes), \"checksum\": \(checksum)}")
            return 0
        }
        let modes = options.modes.isEmpty ? Mode.defaults : options.modes
        if !options.json {
            print("fingerprinting \(corpus.texts.count) articles (\(KernelBenchmark.format(Double(corpus.utf8Bytes) / 1e6, 1)) MB UTF-8) in memory, \(options.jobs) thread(s), median of \(options.runs) run(s) after a warm-up (min–max)")
            print(KernelBenchmark.pad("mode", 14) + KernelBenchmark.pad("seconds", 24) + ["articles/s", "MB/s", "CPU s"].map { KernelBenchmark.pad($0, 14) }.joined())
        }
        var sink: UInt64 = 0
        let agreement = windowHashAgreement(corpus.texts.prefix(1_000), fingerprinter)
        // Runs go round-robin — run 1 of every mode, then run 2… — so that on a shared machine a
        // change of load falls on every mode alike and the ratios between them hold.
        var seconds = [[Double]](repeating: [], count: modes.count)
        var cpu = [[Double]](repeating: [], count: modes.count)
        for mode in modes { sink &+= pass(mode, corpus.texts, fingerprinter, jobs: options.jobs) }   // warm-up
        for _ in 0..<options.runs {
            for (m, mode) in modes.enumerated() {
                let start = KernelBenchmark.now()
                let cpuStart = processCPUTime()
                sink &+= pass(mode, corpus.texts, fingerprinter, jobs: options.jobs)
                seconds[m].append(KernelBenchmark.now() - start)
                cpu[m].append(processCPUTime() - cpuStart)
            }
        }
        for (m, mode) in modes.enumerated() {
            report(mode, seconds[m], cpu[m], corpus, options, agreement: mode == .windowHash ? agreement : nil)
        }
        if !options.json { print("checksum \(sink)") }
        return 0
    }

    /// On how many texts the window-hash limit hashes exactly the windows copyscan's shingler
    /// hashes (the XOR of all window hashes is equal): it differs only where the limit's
    /// shortcut normalisation does (squared units such as ㎡), so nearly all should agree.
    static func windowHashAgreement(_ texts: ArraySlice<String>, _ fingerprinter: Fingerprinter) -> (agree: Int, of: Int) {
        var agree = 0
        for text in texts {
            let shingles = fingerprinter.shingler.hashes(TextNormalizer.normalize(text).scalars)
            let xor = shingles.count > 1 ? shingles.reduce(0, ^) : 0
            if xor == WindowHashLimit.hash(text, length: fingerprinter.shingler.length) { agree += 1 }
        }
        return (agree, texts.count)
    }

    /// CPU time of the whole process (all threads): on a shared machine, wall time over CPU
    /// time shows whether the threads really had their cores.
    static func processCPUTime() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }

    static func report(_ mode: Mode, _ seconds: [Double], _ cpu: [Double], _ corpus: CorpusTexts, _ options: Options, agreement: (agree: Int, of: Int)?) {
        let sorted = seconds.sorted()
        let median = sorted[sorted.count / 2]
        let cpuMedian = cpu.sorted()[cpu.count / 2]
        let n = Double(corpus.texts.count)
        let mb = Double(corpus.utf8Bytes) / 1e6
        if options.json {
            let runs = seconds.map { KernelBenchmark.format($0, 6) }.joined(separator: ", ")
            print("{\"mode\": \"\(mode.rawValue)\", \"jobs\": \(options.jobs), \"articles\": \(corpus.texts.count), \"bytes\": \(corpus.utf8Bytes), \"seconds\": [\(runs)], \"median\": \(KernelBenchmark.format(median, 6)), \"cpu_seconds\": \(KernelBenchmark.format(cpuMedian, 6)), \"articles_per_s\": \(KernelBenchmark.format(n / median, 1)), \"mb_per_s\": \(KernelBenchmark.format(mb / median, 2))\(agreement.map { ", \"agrees_with_shingler\": [\($0.agree), \($0.of)]" } ?? "")}")
        } else {
            let range = "\(KernelBenchmark.format(sorted[0], 3))–\(KernelBenchmark.format(sorted[sorted.count - 1], 3))"
            print(KernelBenchmark.pad(mode.rawValue, 14) + KernelBenchmark.pad("\(KernelBenchmark.format(median, 3)) (\(range))", 24)
                  + KernelBenchmark.pad(KernelBenchmark.format(n / median, 0), 14) + KernelBenchmark.pad(KernelBenchmark.format(mb / median, 1), 14)
                  + KernelBenchmark.format(cpuMedian, 3)
                  + (agreement.map { "  (same window hashes as copyscan's shingler on \($0.agree) of \($0.of) texts)" } ?? ""))
        }
    }

    /// One pass over all texts on `jobs` threads; chunks are handed out in order so the
    /// threads finish together.
    static func pass(_ mode: Mode, _ texts: [String], _ fingerprinter: Fingerprinter, jobs: Int) -> UInt64 {
        let chunk = 32
        let chunks = (texts.count + chunk - 1) / chunk
        let next = Locked(0)
        let total = Locked<UInt64>(0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, chunks))) { _ in
            var worker = Worker(fingerprinter)
            defer { worker.release() }
            var local: UInt64 = 0
            while true {
                let c = next.update { v -> Int in defer { v += 1 }; return v }
                if c >= chunks { break }
                for i in (c * chunk)..<min(texts.count, (c + 1) * chunk) {
                    local &+= worker.run(mode, texts[i])
                }
            }
            total.update { $0 &+= local }
        }
        return total.value
    }

    @inline(never)
    static func fingerprintCallgrindRegion(_ mode: Mode, _ texts: [String], _ fingerprinter: Fingerprinter) -> UInt64 {
        var worker = Worker(fingerprinter)
        defer { worker.release() }
        var sum: UInt64 = 0
        for text in texts { sum &+= worker.run(mode, text) }
        return sum
    }

    /// One thread's state: the fingerprinter and a signature buffer reused across articles.
    struct Worker {
        let fingerprinter: Fingerprinter
        let output: UnsafeMutableBufferPointer<UInt32>

        init(_ fingerprinter: Fingerprinter) {
            self.fingerprinter = fingerprinter
            output = .allocate(capacity: max(1, fingerprinter.documentHasher.permutations))
            output.initialize(repeating: 0)
        }

        func release() { output.deallocate() }

        /// A checksum of the result, so the optimiser cannot drop the work.
        @inline(__always)
        mutating func run(_ mode: Mode, _ text: String) -> UInt64 {
            switch mode {
            case .fingerprint:
                let fp = fingerprinter.fingerprint(text)
                return (fp.documentKeys.first ?? 0) &+ UInt64(fp.windowKeys.count)
            case .signature:
                let normalized = TextNormalizer.normalize(text)
                let shingles = fingerprinter.shingler.hashes(normalized.scalars)
                shingles.withUnsafeBufferPointer { fingerprinter.documentHasher.signature($0, into: output) }
                return UInt64(output[0])
            case .normalize:
                let normalized = TextNormalizer.normalize(text)
                return UInt64(normalized.count) &+ UInt64(normalized.scalars.last ?? 0)
            case .windowHash:
                return WindowHashLimit.hash(text, length: fingerprinter.shingler.length)
            }
        }
    }
}

extension FingerprintBenchmark {
    static func parse(_ arguments: [String]) -> Options? {
        var options = Options()
        var i = 0
        while i < arguments.count {
            if arguments[i] == "--json" { options.json = true; i += 1; continue }
            if arguments[i] == "--digest" { options.digest = true; i += 1; continue }
            if arguments[i] == "--stages" { options.stages = true; i += 1; continue }
            guard i + 1 < arguments.count else { return nil }
            let value = arguments[i + 1]
            switch arguments[i] {
            case "--corpus": options.corpus.append(value)
            case "--jobs": guard let v = Int(value), v >= 1 else { return nil }; options.jobs = v
            case "--runs": guard let v = Int(value), v >= 1 else { return nil }; options.runs = v
            case "--limit": guard let v = Int(value), v >= 1 else { return nil }; options.limit = v
            case "--mode": guard let m = Mode(rawValue: value) else { return nil }; options.modes.append(m)
            case "--callgrind": guard let m = Mode(rawValue: value) else { return nil }; options.callgrind = m
            default: return nil
            }
            i += 2
        }
        return options.corpus.isEmpty ? nil : options
    }
}
