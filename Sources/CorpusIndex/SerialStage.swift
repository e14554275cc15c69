import Foundation

/// Work done on a thread of its own, item after item in the order submitted, while the caller
/// prepares the next: the posting map's writer runs two such stages beside its caller (merging
/// each prefix's runs, writing the merged pairs). At most two items wait; an item that has been
/// worked on is emptied and handed back for reuse, so a long run allocates a few buffers, not
/// one per item (fresh ones would fault in fresh pages every time). Once an item fails, the
/// later ones are skipped and the failure is kept.
///
/// Unchecked Sendable: `failure` and `free` are read and written under `lock` only, and an item
/// belongs to the stage's thread from `submit` until it is handed back; `work` runs on that
/// thread only.
final class SerialStage<Item, Failure>: @unchecked Sendable {
    private let queue: DispatchQueue
    private let inFlight = DispatchGroup()
    private let slots = DispatchSemaphore(value: 2)
    private let lock = NSLock()
    private var failure: Failure?
    private var free: [Item] = []
    private let make: () -> Item
    private let empty: (inout Item) -> Void
    private let work: (inout Item) -> Failure?

    /// `make`: a new empty item; `empty`: makes a worked item empty, keeping its storage;
    /// `work`: the work, nil or its failure.
    init(label: String, make: @escaping () -> Item, empty: @escaping (inout Item) -> Void,
         work: @escaping (inout Item) -> Failure?) {
        queue = DispatchQueue(label: label)
        self.make = make
        self.empty = empty
        self.work = work
    }

    /// An empty item, one handed back when there is one.
    func item() -> Item {
        lock.withLock { free.popLast() } ?? make()
    }

    /// Takes `item`, leaving an empty one in its place; waits while two are waiting.
    func submit(_ item: inout Item) {
        slots.wait()
        let taken = Taken()
        taken.item = item
        item = self.item()
        queue.async(group: inFlight) { [self] in
            defer { slots.signal() }
            guard lock.withLock({ failure == nil }), var current = taken.item else { return }
            // Out of the box: uniquely held, so emptying it keeps its storage.
            taken.item = nil
            let failed = work(&current)
            empty(&current)
            lock.withLock {
                if failure == nil { failure = failed }
                free.append(current)
            }
        }
    }

    /// The first failure so far, if any.
    var firstFailure: Failure? { lock.withLock { failure } }

    /// Waits until every submitted item has been worked on; the first failure, if any.
    func wait() -> Failure? {
        inFlight.wait()
        return firstFailure
    }

    /// An item on its way to the stage's thread.
    private final class Taken: @unchecked Sendable {
        var item: Item?
    }
}
