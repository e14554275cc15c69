import Foundation

/// Merges the segments' runs of each prefix and hands them to a `PostingMap.Writer` on a thread
/// of its own, while the caller reads the next prefixes out of SQLite: on the 1,000,000-article
/// benchmark index (eight segments) sorting the runs took 1.2 s of the map's 3.4 s on the
/// reading thread (perf), beside 1.1 s of reading.
///
/// The caller fills a `Batch` with whole prefixes in ascending order, each the runs of every
/// segment one after another, and submits it; batches are merged and written in the order
/// submitted, at most two waiting. Written batches are handed back for reuse.
///
/// Unchecked Sendable: the writer is used only on `queue` from the first `submit` until
/// `finish` returns; `failure` and `free` are read and written under `lock` only.
final class PostingMapFeed: @unchecked Sendable {
    struct Batch {
        var pairs: [UInt64] = []
        /// Each prefix's range in `pairs`, prefixes ascending.
        var groups: [(prefix: Int, range: Range<Int>)] = []
        var isEmpty: Bool { groups.isEmpty }
    }

    private let writer: PostingMap.Writer
    private let merging: Bool
    private let queue = DispatchQueue(label: "copyscan.posting-map.merge")
    private let inFlight = DispatchGroup()
    private let slots = DispatchSemaphore(value: 2)
    private let lock = NSLock()
    private var failure: IndexError?
    private var free: [Batch] = []

    /// `merging`: whether a prefix's pairs are several runs to sort into one (more than one
    /// segment), or one sorted run already.
    init(_ writer: PostingMap.Writer, merging: Bool) {
        self.writer = writer
        self.merging = merging
    }

    /// An empty batch, reusing the storage of a written one when there is one.
    func batch() -> Batch {
        lock.withLock { free.popLast() } ?? Batch()
    }

    /// Takes the batch, leaving an empty one in its place; throws the error of a batch before.
    func submit(_ batch: inout Batch) throws(IndexError) {
        if let failure = lock.withLock({ failure }) { throw failure }
        guard !batch.isEmpty else { return }
        slots.wait()
        let taken = Taken()
        swap(&taken.batch, &batch)
        batch = self.batch()
        queue.async(group: inFlight) { [self] in
            defer { slots.signal() }
            guard lock.withLock({ failure == nil }) else { return }
            var done = Batch()
            swap(&done, &taken.batch)
            let error = write(&done)
            done.pairs.removeAll(keepingCapacity: true)
            done.groups.removeAll(keepingCapacity: true)
            lock.withLock {
                if let error, failure == nil { failure = error }
                free.append(done)
            }
        }
    }

    /// Waits until every submitted batch is written; throws the first error.
    func finish() throws(IndexError) {
        inFlight.wait()
        if let failure = lock.withLock({ failure }) { throw failure }
    }

    /// Waits until no batch is being written, whatever became of them: before the writer is
    /// abandoned on an error of the caller's.
    func drain() { inFlight.wait() }

    private func write(_ batch: inout Batch) -> IndexError? {
        let merging = self.merging
        let groups = batch.groups
        return batch.pairs.withUnsafeMutableBufferPointer { pairs -> IndexError? in
            for (prefix, range) in groups {
                var group = UnsafeMutableBufferPointer(rebasing: pairs[range])
                if merging { group = UnsafeMutableBufferPointer(rebasing: group[..<MergedSegments.sortUnique(group)]) }
                do throws(IndexError) {
                    try writer.append(prefix: prefix, UnsafeBufferPointer(group))
                } catch {
                    return error
                }
            }
            return nil
        }
    }

    /// A batch on its way to the merging thread. Unchecked Sendable: only that thread touches
    /// it once submitted.
    private final class Taken: @unchecked Sendable {
        var batch = Batch()
    }
}
