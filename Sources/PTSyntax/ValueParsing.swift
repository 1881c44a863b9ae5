/// The language's value parsers for other stages (a measurements file writes numbers and dates
/// the way a model does, so both read them alike).
public enum ValueParsing {
    /// `2025-12-31`, `2025-12`, `2025`, `31.12.2025`.
    public static func date(_ text: String) -> DateValue? {
        ValueParser.date(Substring(text))
    }

    /// `55`, `55,5`, `55.5`, `-3`, optionally followed by `%`.
    public static func quantity(_ text: String) -> Quantity? {
        ValueParser.quantity(Substring(text))
    }
}
