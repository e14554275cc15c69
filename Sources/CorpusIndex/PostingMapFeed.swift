import Fingerprinting

/// Merges the segments' runs of each prefix and hands them to a `PostingMap.Writer` on a thread
/// of its own, while the caller reads the next prefixes out of SQLite: on the 1,000,000-article
/// benchmark index (eight segments) sorting the runs took 1.2 s of the map's 3.4 s on the
/// reading thread (perf), beside ≈ 1 s of reading.
///
/// The caller fills a `Batch` with whole prefixes in ascending order, each the runs of every
/// segment one after another, and submits it to the stage; the writer is used on the stage's
/// thread only, from the first submission until the stage has been waited for.
enum PostingMapFeed {
    struct Batch {
        var pairs: [UInt64] = []
        /// Each prefix's range in `pairs`, prefixes ascending.
        var groups: [(prefix: Int, range: Range<Int>)] = []
    }

    /// `merging`: whether a prefix's pairs are several runs to sort into one (more than one
    /// segment), or one sorted run already.
    static func stage(_ writer: PostingMap.Writer, merging: Bool) -> SerialStage<Batch, IndexError> {
        SerialStage(label: "copyscan.posting-map.merge",
                    make: { Batch() },
                    empty: { batch in
                        batch.pairs.removeAll(keepingCapacity: true)
                        batch.groups.removeAll(keepingCapacity: true)
                    },
                    work: { batch in write(&batch, to: writer, merging: merging) })
    }

    private static func write(_ batch: inout Batch, to writer: PostingMap.Writer, merging: Bool) -> IndexError? {
        let groups = batch.groups
        return batch.pairs.withUnsafeMutableBufferPointer { pairs -> IndexError? in
            for (prefix, range) in groups {
                var group = UnsafeMutableBufferPointer(rebasing: pairs[range])
                if merging { group = UnsafeMutableBufferPointer(rebasing: group[..<KeySort.sortUnique(group)]) }
                do throws(IndexError) {
                    try writer.append(prefix: prefix, UnsafeBufferPointer(group))
                } catch {
                    return error
                }
            }
            return nil
        }
    }
}
