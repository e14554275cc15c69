import Testing
@testable import Scanning
import Policy

@Suite("Configuration (copyscan.toml)")
struct ConfigurationTests {
    @Test("a full file is read into policy, licences, ignores and fail-on")
    func full() throws {
        let c = try Configuration.parse("""
            [policy]
            min_chars = 200
            min_coverage = 0.4
            own_outlets = ["한빛일보", "한빛경제"]
            fail_on = "reuse"

            [[licences]]
            licensor = "한빛통신"
            licensees = ["*"]
            note = "wire"

            [scan]
            max_candidates = 10

            [ignore]
            paths = ["drafts/*"]
            sources = ["*/press/*"]
            """)
        #expect(c.policy.minCopiedCharacters == 200)
        #expect(c.policy.minCoverage == 0.4)
        #expect(c.policy.ownOutlets == ["한빛일보", "한빛경제"])
        #expect(c.policy.licences == [Licence(licensor: "한빛통신", licensees: ["*"], note: "wire")])
        #expect(c.failOn == .reuse)
        #expect(c.maxCandidates == 10)
        #expect(Configuration.matches("drafts/a.txt", c.ignorePaths))
        #expect(!Configuration.matches("final/a.txt", c.ignorePaths))
    }

    @Test("unknown keys and bad values are errors that name them", arguments: [
        ("[policy]\nmin_char = 3", "policy.min_char"),
        ("[polcy]\nmin_chars = 3", "polcy"),
        ("[policy]\nmin_chars = \"many\"", "policy.min_chars"),
        ("[policy]\nmin_coverage = 2.0", "policy.min_coverage"),
        ("[policy]\nfail_on = \"sometimes\"", "fail_on"),
        ("[[licences]]\nlicensor = \"A\"", "licensees"),
        ("[policy\nmin_chars = 3", "line 1"),
    ])
    func errors(text: String, named: String) {
        #expect {
            _ = try Configuration.parse(text, path: "test.toml")
        } throws: { error in
            let message = "\(error)"
            return message.contains(named) && message.contains("test.toml")
        }
    }
}
