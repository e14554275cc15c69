import Foundation
import Testing
@testable import CorpusIndex

@Suite("A serial stage: work beside the caller, in order, with its buffers reused")
struct SerialStageTests {
    struct Failed: Error, Equatable { let item: Int }

    /// What the stage's thread saw, in order.
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [[Int]] = []
        func append(_ item: [Int]) { lock.withLock { seen.append(item) } }
        var items: [[Int]] { lock.withLock { seen } }
    }

    func address(_ array: [Int]) -> UInt { array.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) } }

    func stage(_ log: Log, failing: Set<Int> = []) -> SerialStage<[Int], Failed> {
        SerialStage(label: "copyscan.test",
                    make: {
                        var item: [Int] = []
                        item.reserveCapacity(16)
                        return item
                    },
                    empty: { $0.removeAll(keepingCapacity: true) },
                    work: { item in
                        log.append(item.map { $0 })   // a copy: holding the item would make emptying it reallocate
                        return item.first.flatMap { failing.contains($0) ? Failed(item: $0) : nil }
                    })
    }

    @Test("items are worked on in the order submitted, and come back emptied with their storage")
    func orderAndReuse() {
        let log = Log()
        let stage = stage(log)
        var storages: Set<UInt> = []
        var item = stage.item()
        for n in 0..<200 {
            item.append(contentsOf: [n, n + 1])
            storages.insert(address(item))
            stage.submit(&item)
            #expect(item.isEmpty, "an empty item is left in place")
        }
        #expect(stage.wait() == nil)
        #expect(log.items == (0..<200).map { [$0, $0 + 1] })
        // At most two submitted and one in hand at a time: no more buffers than that were made.
        #expect(storages.count <= 3, "\(storages.count) buffers")
        let reused = stage.item()
        #expect(reused.isEmpty && storages.contains(address(reused)))
    }

    @Test("after a failure the later items are skipped, and the first failure is kept")
    func failureStopsTheStage() {
        let log = Log()
        let stage = stage(log, failing: [3, 5])
        for n in 0..<10 {
            var item = [n]
            stage.submit(&item)
        }
        #expect(stage.wait() == Failed(item: 3))
        #expect(stage.firstFailure == Failed(item: 3))
        #expect(log.items == (0...3).map { [$0] })
    }
}
