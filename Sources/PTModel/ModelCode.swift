import PTDiagnostics

/// Codes for what resolution finds: the model's structure is broken, so these are errors and
/// cannot be switched off.
public enum ModelCode {
    public static let unknownID = DiagnosticCode("PT201", "id.ukendt", .error)
    public static let duplicateID = DiagnosticCode("PT202", "id.dublet", .error)
    public static let wrongLinkKind = DiagnosticCode("PT203", "forbindelse.forkert-retning", .error)
    public static let unknownLink = DiagnosticCode("PT206", "forbindelse.findes-ikke", .error)
    public static let missingHeader = DiagnosticCode("PT012", "programteori.hoved", .error)

    public static let all: [DiagnosticCode] = [unknownID, duplicateID, wrongLinkKind, unknownLink]
}
