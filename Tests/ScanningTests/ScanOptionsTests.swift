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
}
