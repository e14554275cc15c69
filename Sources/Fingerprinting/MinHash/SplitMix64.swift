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
