import Dispatch
import Foundation

/// Runs `work` for indices 0..<count on `jobs` threads and returns the results in index order,
/// whatever the scheduling. Each thread gets its own worker state from `makeWorker` (an index
/// connection, caches), so workers never share mutable state.
func parallelMap<Worker, T>(count: Int, jobs: Int, makeWorker: @Sendable () throws -> Worker,
                            work: @Sendable (inout Worker, Int) -> T) throws -> [T] {
    guard count > 0 else { return [] }
    let slots = Slots<T>(count: count)
    let next = Counter()
    let failure = FirstError()
    let threads = max(1, min(jobs, count))
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
        var worker: Worker
        do { worker = try makeWorker() } catch { failure.record(error); return }
        while true {
            let i = next.increment()
            if i >= count || failure.error != nil { break }
            slots.set(i, work(&worker, i))
        }
    }
    if let error = failure.error { throw error }
    return try slots.values()
}

private final class Slots<T>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: T) { lock.lock(); storage[i] = value; lock.unlock() }
    func values() throws -> [T] {
        lock.lock(); defer { lock.unlock() }
        return storage.compactMap { $0 }
    }
}

final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func increment() -> Int { lock.lock(); defer { lock.unlock() }; let v = value; value += 1; return v }
}

private final class FirstError: @unchecked Sendable {
    private var stored: Error?
    private let lock = NSLock()
    var error: Error? { lock.lock(); defer { lock.unlock() }; return stored }
    func record(_ e: Error) { lock.lock(); if stored == nil { stored = e }; lock.unlock() }
}

/// Number of cores, the default for `--jobs`.
public var availableCores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
