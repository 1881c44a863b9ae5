import PTDiagnostics
import PTMeasurements
import PTModel
import PTSource
import PTSyntax

/// Writes the rule reference (docs/regler.md, `programteori regler`, `programteori forklar`)
/// from the catalogue itself, so the documentation cannot drift from the code.
public enum RuleDocumentation {
    /// Codes that are not rules: the model's structure is broken, so they are always errors
    /// (PT002 excepted) and cannot be configured.
    public static let structuralCodes: [(code: DiagnosticCode, summary: LocalizedText)] = [
        (SyntaxCode.invalidUTF8, LocalizedText(da: "Filen er ikke gyldig UTF-8 (linje og byte nævnes).", en: "The file is not valid UTF-8 (line and byte are named).")),
        (SyntaxCode.tabIndentation, LocalizedText(da: "Indrykning med tabulator (accepteres; mellemrum anbefales).", en: "Indentation with tabs (accepted; spaces recommended).")),
        (SyntaxCode.unknownKeyword, LocalizedText(da: "Ukendt nøgleord; det tilladte listes.", en: "Unknown keyword; what is allowed is listed.")),
        (SyntaxCode.misplacedProperty, LocalizedText(da: "En egenskab står et sted, hvor den ikke hører til.", en: "A property stands where it does not belong.")),
        (SyntaxCode.invalidIdentifier, LocalizedText(da: "Ugyldigt ID.", en: "Invalid ID.")),
        (SyntaxCode.missingValue, LocalizedText(da: "Værdi eller titel mangler.", en: "A value or title is missing.")),
        (SyntaxCode.invalidNumber, LocalizedText(da: "Ugyldigt tal (baseline, mål).", en: "Invalid number (baseline, target).")),
        (SyntaxCode.invalidDate, LocalizedText(da: "Ugyldig dato.", en: "Invalid date.")),
        (SyntaxCode.unknownValue, LocalizedText(da: "Ukendt fast værdi (frekvens, type, retning, kritisk, status).", en: "Unknown fixed value.")),
        (SyntaxCode.includeNotFound, LocalizedText(da: "»brug:« peger på en fil, der ikke kan læses.", en: "»use:« names a file that cannot be read.")),
        (SyntaxCode.includeCycle, LocalizedText(da: "»brug:« danner en ring.", en: "»use:« forms a cycle.")),
        (SyntaxCode.header, LocalizedText(da: "»programteori:«-linjen mangler, står forkert eller står to gange.", en: "The »program theory:« line is missing, misplaced or repeated.")),
        (SyntaxCode.unexpectedIndentation, LocalizedText(da: "Uventet indrykning.", en: "Unexpected indentation.")),
        (SyntaxCode.fileTooLarge, LocalizedText(da: "Filen er over størrelsesgrænsen (32 MB).", en: "The file is over the size limit (32 MB).")),
        (SyntaxCode.headerInIncludedFile, LocalizedText(da: "En fil brugt med »brug:« har en »programteori:«-linje.", en: "A file pulled in with »use:« has a »program theory:« line.")),
        (SyntaxCode.invalidReference, LocalizedText(da: "En liste eller forbindelse er skrevet forkert.", en: "A list or link is written wrongly.")),
        (SyntaxCode.emptyFile, LocalizedText(da: "Filen er tom.", en: "The file is empty.")),
        (SyntaxCode.repeatedProperty, LocalizedText(da: "En egenskab, der kun må stå én gang, står flere gange.", en: "A single property is repeated.")),
        (SyntaxCode.tooManyFindings, LocalizedText(da: "Over 500 fund i én fil; resten vises ikke.", en: "Over 500 findings in one file; the rest are not shown.")),
        (SyntaxCode.binaryFile, LocalizedText(da: "Filen er binær, ikke tekst.", en: "The file is binary, not text.")),
        (SyntaxCode.missingColon, LocalizedText(da: "Kolon mangler efter nøgleordet.", en: "The colon after the keyword is missing.")),
        (DiagnosticCode("PT022", "undertrykkelse.uden-begrundelse", .error), LocalizedText(da: "En »# programteori: ignorer …« mangler begrundelse.", en: "A suppression has no reason.")),
        (DiagnosticCode("PT023", "undertrykkelse.ubrugt", .warning), LocalizedText(da: "En undertrykkelse dækker intet fund.", en: "A suppression covers no finding.")),
        (DiagnosticCode("PT024", "undertrykkelse.ukendt-regel", .error), LocalizedText(da: "En undertrykkelse nævner en ukendt regel.", en: "A suppression names an unknown rule.")),
        (DiagnosticCode("PT030", "konfiguration.ugyldig", .error), LocalizedText(da: "programteori.toml er ugyldig.", en: "programteori.toml is invalid.")),
        (ModelCode.unknownID, LocalizedText(da: "Ukendt ID, med »mente du …?«.", en: "Unknown ID, with »did you mean …?«.")),
        (ModelCode.duplicateID, LocalizedText(da: "Samme ID to steder (begge vises).", en: "The same ID in two places (both shown).")),
        (ModelCode.wrongLinkKind, LocalizedText(da: "En forbindelse går den forkerte vej eller mellem forkerte slags elementer.", en: "A link goes the wrong way or joins the wrong kinds.")),
        (ModelCode.unknownLink, LocalizedText(da: "»understøtter«/»gælder« nævner en forbindelse, der ikke findes.", en: "»supports«/»applies to« names a link that does not exist.")),
    ] + MeasurementCode.all

    /// The whole reference as Markdown (docs/regler.md).
    public static func markdown() -> String {
        var out = """
            # Regler

            <!-- Genereret af `programteori regler --markdown` fra regelkataloget. Ret ikke i hånden:
                 ret reglen i Sources/PTRules/Rules/ og kør `PT_ACCEPT=1 swift test`. -->

            `programteori check` tjekker hver model mod reglerne herunder. Hver regel har en fast kode
            (`PT101`), et fast navn (`delmaal.uden-indikator`), et standardniveau og en begrundelse fra
            metoden. Niveauet kan ændres, og en regel kan slås fra, i `programteori.toml`
            (se [konfiguration.md](konfiguration.md)). `programteori forklar PT101` viser én regel.

            | Kode | Navn | Niveau | Finder |
            |---|---|---|---|

            """
        for rule in RuleCatalogue.all {
            let d = rule.description
            out += "| [\(d.code)](#\(d.code.lowercased())) | `\(d.name)` | \(d.defaultSeverity.label(in: .danish)) | \(d.summary.da) |\n"
        }
        out += "\n"
        for rule in RuleCatalogue.all {
            out += section(rule.description)
        }
        out += """
            ## Fejl i modellens opbygning

            Disse koder er ikke regler, men fejl i selve teksten, i henvisningerne eller i målefilen
            (`--målinger`, PT401-PT410). De kan ikke slås fra eller undertrykkes (PT002, PT409 og PT410
            er advarsler).

            | Kode | Navn | Niveau | Betyder |
            |---|---|---|---|

            """
        for entry in structuralCodes.sorted(by: { $0.code.code < $1.code.code }) {
            out += "| \(entry.code.code) | `\(entry.code.name)` | \(entry.code.severity.label(in: .danish)) | \(entry.summary.da) |\n"
        }
        out += """

            ## English summary

            Every rule above has a stable code and dotted name, a default severity, a Danish and an
            English message with a `help:` line, a rationale citing the method (KL's five steps in
            S004, Socialstyrelsen's critical assumptions, SMART indicators), and examples that are also
            its tests. `programteori forklar CODE --lang en` prints one rule in English.

            """
        return out
    }

    static func section(_ d: RuleDescription) -> String {
        var out = "## \(d.code)\n\n"
        out += "**`\(d.name)`** — \(d.summary.da) Standardniveau: **\(d.defaultSeverity.label(in: .danish))**.\n\n"
        out += "*Hvorfor:* \(d.rationale.da)\n\n"
        if d.readsLinks {
            out += "*Bemærk:* Reglen springes over, så længe modellen har ukendte ID'er eller forbindelser (PT201-PT206), så én stavefejl ikke giver en stribe følgefejl.\n\n"
        }
        out += "*Eksempel, der udløser reglen:*\n\n```\n\(d.triggeringExamples[0])```\n\n"
        if let measurements = d.exampleMeasurements {
            out += "*Med målefilen (`--målinger`):*\n\n```\n\(measurements)```\n\n"
        }
        return out
    }

    /// One rule as plain text for the terminal (`programteori forklar`).
    public static func explain(_ d: RuleDescription, language: Language) -> String {
        let danish = language == .danish
        var out = "\(d.code) \(d.name) — \(d.summary.text(in: language))\n"
        out += (danish ? "Standardniveau: " : "Default severity: ") + d.defaultSeverity.label(in: language) + "\n\n"
        out += (danish ? "Hvorfor\n" : "Why\n") + wrap(d.rationale.text(in: language)) + "\n\n"
        out += (danish ? "Eksempel, der udløser reglen\n" : "Example that triggers the rule\n")
        out += indent(d.triggeringExamples[0]) + "\n"
        out += (danish ? "Eksempel, der ikke udløser den\n" : "Example that does not\n")
        out += indent(d.nonTriggeringExamples[0])
        if let measurements = d.exampleMeasurements {
            out += (danish ? "Med målefilen (--målinger)\n" : "With the measurements file (--measurements)\n") + indent(measurements)
        }
        out += "\n" + (danish ? "Slå den fra eller ændr niveau i programteori.toml:\n" : "Switch it off or change its level in programteori.toml:\n")
        out += "  [regler]\n  \(d.code) = \"\(danish ? "fra" : "off")\"\n"
        return out
    }

    /// The list printed by `programteori regler`.
    public static func list(language: Language) -> String {
        var out = ""
        for rule in RuleCatalogue.all {
            let d = rule.description
            let name = d.name.padded(to: 34)
            let severity = d.defaultSeverity.label(in: language).padded(to: 9)
            out += "\(d.code)  \(name)\(severity)\(d.summary.text(in: language))\n"
        }
        return out
    }

    private static func wrap(_ text: String, width: Int = 88) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + word.count + 1 > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.map { "  " + $0 }.joined(separator: "\n")
    }

    private static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
    }
}

extension String {
    /// Left-aligned in a column `width` wide (one blank at least after it).
    func padded(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
