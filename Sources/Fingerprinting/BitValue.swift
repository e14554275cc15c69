extension FixedWidthInteger {
    /// 1 for true, 0 for false — for counts advanced by a condition in hot loops, where a
    /// branch on an unpredictable condition would cost more than the add.
    @inline(__always)
    init(bit: Bool) { self = bit ? 1 : 0 }
}
