import PTSource

/// What the user reads when Graphviz warned while drawing a diagram.
///
/// programteori writes the DOT itself, so a warning is never the user's mistake: it is a bug in
/// programteori (a box too small for its text, say). The diagram is still written — it may just
/// look a little off — and the user is asked to send the model along in a bug report.
public enum GraphvizWarningText {
    /// The message without the warnings' own words (which Graphviz writes in English).
    public static func message(count: Int) -> LocalizedText {
        LocalizedText(
            da: "Graphviz advarede \(count == 1 ? "én gang" : "\(count) gange") om diagrammet. Det er tegnet, men kan se forkert ud et sted; det er en fejl i programteori, ikke i modellen — send gerne modellen med i en fejlrapport",
            en: "Graphviz warned \(count == 1 ? "once" : "\(count) times") about the diagram. It was drawn, but may look wrong somewhere; this is a bug in programteori, not in the model — please include the model in a bug report")
    }

    /// `advarsel: model.pt: …` and then Graphviz's words, indented, one warning per line.
    public static func text(path: String, warnings: [String], language: Language) -> String {
        let word = language == .danish ? "advarsel" : "warning"
        let said = language == .danish ? "Graphviz sagde" : "Graphviz said"
        var text = "\(word): \(path): \(message(count: warnings.count).text(in: language))\n  \(said):\n"
        for warning in warnings {
            text += warning.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") + "\n"
        }
        return text
    }
}
