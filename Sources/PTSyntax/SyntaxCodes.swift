import PTDiagnostics

/// Codes for what the parser finds. Stable: documented in docs/regler.md, never reused.
public enum SyntaxCode {
    public static let invalidUTF8 = DiagnosticCode("PT001", "fil.ugyldig-utf8", .error)
    public static let tabIndentation = DiagnosticCode("PT002", "indrykning.tabulator", .warning)
    public static let unknownKeyword = DiagnosticCode("PT003", "noegleord.ukendt", .error)
    public static let misplacedProperty = DiagnosticCode("PT004", "egenskab.forkert-sted", .error)
    public static let invalidIdentifier = DiagnosticCode("PT005", "id.ugyldigt", .error)
    public static let missingValue = DiagnosticCode("PT006", "vaerdi.mangler", .error)
    public static let invalidNumber = DiagnosticCode("PT007", "tal.ugyldigt", .error)
    public static let invalidDate = DiagnosticCode("PT008", "dato.ugyldig", .error)
    public static let unknownValue = DiagnosticCode("PT009", "vaerdi.ukendt", .error)
    public static let includeNotFound = DiagnosticCode("PT010", "brug.fil-findes-ikke", .error)
    public static let includeCycle = DiagnosticCode("PT011", "brug.kredsloeb", .error)
    public static let header = DiagnosticCode("PT012", "programteori.hoved", .error)
    public static let unexpectedIndentation = DiagnosticCode("PT013", "indrykning.uventet", .error)
    public static let fileTooLarge = DiagnosticCode("PT014", "fil.for-stor", .error)
    public static let headerInIncludedFile = DiagnosticCode("PT015", "brug.fil-med-hoved", .error)
    public static let invalidReference = DiagnosticCode("PT016", "reference.ugyldig", .error)
    public static let emptyFile = DiagnosticCode("PT017", "fil.tom", .error)
    public static let repeatedProperty = DiagnosticCode("PT018", "egenskab.gentaget", .error)
    public static let tooManyFindings = DiagnosticCode("PT019", "fil.for-mange-fund", .error)
    public static let binaryFile = DiagnosticCode("PT020", "fil.binaer", .error)
    public static let missingColon = DiagnosticCode("PT021", "linje.mangler-kolon", .error)

    public static let all: [DiagnosticCode] = [
        invalidUTF8, tabIndentation, unknownKeyword, misplacedProperty, invalidIdentifier, missingValue,
        invalidNumber, invalidDate, unknownValue, includeNotFound, includeCycle, header, unexpectedIndentation,
        fileTooLarge, headerInIncludedFile, invalidReference, emptyFile, repeatedProperty, tooManyFindings,
        binaryFile, missingColon,
    ]
}
