/// How wide text is in the diagram's font, from the font's own advance widths.
///
/// Wrapping works in columns (`TextWrapper`): it only decides where lines break, and a box that
/// turns out wider than estimated just grows. A *fixed-size* cell is different: Graphviz asserts
/// and aborts the layout when its text does not fit. Every fixed width the diagram emits
/// therefore comes from `boldWidthBound`, which can only over-estimate.
public enum FontMetrics {
    /// An upper bound of the width of `text` in DejaVu Sans Bold at `pointSize`, in points, as
    /// Graphviz 2.43 measures it.
    ///
    /// Pango measures text that has something to draw: the bound sums the advance of every
    /// Unicode scalar (combining marks included, so a stack of marks only widens it), with the
    /// font's widest advance past the table and for code points the font lacks (drawn from
    /// another font or as a box). Pango rounds each advance to a whole pixel at 96 dpi — up to
    /// 0.375 pt a scalar — and Graphviz's width comes out up to a point above the sum.
    ///
    /// Text with nothing to draw (only format characters such as soft hyphens or zero-width
    /// spaces) Graphviz estimates itself, from a Times table, one Latin-1 width per UTF-8 byte:
    /// at most an em a byte. Measured against `dot -Txdot`, character by character.
    public static func boldWidthBound(_ text: some StringProtocol, pointSize: Double) -> Double {
        var units = 0
        var scalars = 0
        var drawsSomething = false
        for scalar in text.unicodeScalars {
            let value = Int(scalar.value)
            units += value < dejaVuSansBoldAdvances.count ? Int(dejaVuSansBoldAdvances[value]) : dejaVuSansBoldWidestAdvance
            scalars += 1
            if !drawsSomething { drawsSomething = isDrawn(scalar) }
        }
        let measured = Double(units) / Double(dejaVuSansBoldUnitsPerEm) * pointSize + Double(scalars) * 0.375 + 1.5
        guard !drawsSomething else { return measured }
        let estimated = Double(text.utf8.count) * pointSize + 1.5
        return max(measured, estimated)
    }

    /// A letter, digit, punctuation mark or symbol: something Pango lays out a glyph for.
    private static func isDrawn(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value > 0x20 && scalar.value < 0x7F }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}
