/// SplitMix64 (Steele, Lea, Flood 2014): expands a seed into the hash parameters. Its outputs
/// are a bijection of the state, so one stream never repeats a value within 2⁶⁴ steps.
@inlinable
public func splitMix64(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    var z = state
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
}

/// The same generator as a `RandomNumberGenerator`: a reproducible stream for tests and
/// benchmarks (one generator for the whole project, not one per test file).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 { splitMix64(&state) }
    /// A number in 0..<n (n ≥ 1); the modulo bias is immaterial for test data.
    public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
}
