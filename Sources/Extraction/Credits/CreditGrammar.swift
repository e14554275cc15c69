import Articles

/// Reads credit fragments. PLACEHOLDER: replaced by the full grammar of datelines and credits.
public enum CreditGrammar {
    /// The credits inside one line, with `range` relative to the line (code points).
    public static func credits(in line: String) -> [Credit] { [] }
}
