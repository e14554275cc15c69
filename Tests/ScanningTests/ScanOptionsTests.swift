import CorpusIndex
import Scanning
import Testing

@Suite("Scan options")
struct ScanOptionsTests {
    @Test("a candidate is verified on enough shared keys with a close window, or enough rare keys, not on a few common ones")
    func verificationRule() {
        let options = ScanOptions()
        #expect(options.minCloseWindows >= 1)
        #expect(options.worthVerifying(Candidate(document: 1, sharedKeys: options.minSharedKeys, closeWindows: options.minCloseWindows)))
        #expect(!options.worthVerifying(Candidate(document: 1, sharedKeys: options.minSharedKeys, closeWindows: options.minCloseWindows - 1)))
        #expect(!options.worthVerifying(Candidate(document: 1, sharedKeys: options.minSharedKeys - 1, closeWindows: 50)))
        #expect(options.worthVerifying(Candidate(document: 1, sharedKeys: options.minRareKeys, rareKeys: options.minRareKeys)))
        #expect(!options.worthVerifying(Candidate(document: 1, sharedKeys: options.minSharedKeys - 1, rareKeys: options.minRareKeys - 1)))
    }

    @Test("no candidate scoring below the floor the index is asked for is worth verifying, and one at the floor can be",
          arguments: [(4, 2), (3, 5), (1, 1), (6, 1)])
    func scoreFloor(minShared: Int, minRare: Int) {
        var options = ScanOptions()
        options.minSharedKeys = minShared
        options.minRareKeys = minRare
        var reachesFloor = false
        // Rare keys are among the shared keys (a rare key adds to both counts).
        for shared in 0...12 {
            for rare in 0...shared {
                for close in 0...2 {
                    let c = Candidate(document: 1, sharedKeys: shared, rareKeys: rare, closeWindows: close)
                    guard options.worthVerifying(c) else { continue }
                    #expect(c.score >= options.minScore, "shared \(shared), rare \(rare), close \(close)")
                    if c.score == options.minScore { reachesFloor = true }
                }
            }
        }
        #expect(reachesFloor, "the floor is the lowest score verified, not below it")
    }
}
