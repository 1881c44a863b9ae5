import PTDiagnostics
import PTSource

/// Codes for what is wrong in a measurements file. Each names the data file's line and column;
/// the row it concerns is not used, every other row is.
public enum MeasurementCode {
    public static let unreadable = DiagnosticCode("PT401", "maaling.fil", .error)
    public static let columns = DiagnosticCode("PT402", "maaling.kolonner", .error)
    public static let unknownIndicator = DiagnosticCode("PT403", "maaling.ukendt-indikator", .error)
    public static let invalidDate = DiagnosticCode("PT404", "maaling.dato-ugyldig", .error)
    public static let dateOutsidePeriod = DiagnosticCode("PT405", "maaling.dato-uden-for-perioden", .error)
    public static let invalidNumber = DiagnosticCode("PT406", "maaling.tal-ugyldigt", .error)
    public static let duplicate = DiagnosticCode("PT407", "maaling.dublet", .error)
    public static let invalidUTF8 = DiagnosticCode("PT408", "maaling.ugyldig-utf8", .error)
    public static let tooManyFindings = DiagnosticCode("PT409", "maaling.for-mange-fund", .warning)
    public static let unusedColumn = DiagnosticCode("PT410", "maaling.kolonne-bruges-ikke", .warning)

    /// Every code with a one-line summary, for docs/regler.md.
    public static let all: [(code: DiagnosticCode, summary: LocalizedText)] = [
        (unreadable, LocalizedText(da: "Målefilen er tom eller kan ikke bruges.", en: "The measurements file is empty or cannot be used.")),
        (columns, LocalizedText(da: "En række i målefilen har ikke felterne indikator, dato og værdi (forkert skilletegn?).", en: "A row lacks the fields indicator, date and value (wrong separator?).")),
        (unknownIndicator, LocalizedText(da: "Målefilen nævner en indikator, modellen ikke har, med »mente du …?«.", en: "The file names an indicator the model does not have, with »did you mean …?«.")),
        (invalidDate, LocalizedText(da: "En dato i målefilen kan ikke læses.", en: "A date in the measurements file cannot be read.")),
        (dateOutsidePeriod, LocalizedText(da: "En måling er dateret i fremtiden eller før år 2000.", en: "A measurement is dated in the future or before 2000.")),
        (invalidNumber, LocalizedText(da: "En værdi i målefilen er ikke et tal.", en: "A value in the measurements file is not a number.")),
        (duplicate, LocalizedText(da: "Samme indikator og dato står to gange i målefilen.", en: "The same indicator and date appear twice.")),
        (invalidUTF8, LocalizedText(da: "En linje i målefilen er ikke gyldig UTF-8.", en: "A line of the measurements file is not valid UTF-8.")),
        (tooManyFindings, LocalizedText(da: "Over 500 fund i målefilen; resten tælles, men vises ikke.", en: "Over 500 findings in the file; the rest are counted, not shown.")),
        (unusedColumn, LocalizedText(da: "En kolonne i målefilens overskrift bruges ikke.", en: "A column in the file's header is not used.")),
    ]
}
