import PTDiagnostics
import PTMeasurements
import PTModel
import PTSource
import PTSyntax
import ProgramteoriKit
import Testing

enum Support {
    static let today = DateValue(year: 2026, month: 11, day: 23)

    /// A small model with indicators D1.1 (op, 50 → 80 by 2026-12-31), D2.1 (ned, 40 → 20) and S1.1.
    static let modelText = """
        programteori: Målinger i test
        målgruppe MG: Unge
          kendetegn: Ledige
          størrelse: 10 borgere
        slutmål S1: I uddannelse
          indikator S1.1: Andel i uddannelse
            enhed: procent
            baseline: 20 (2025-01)
            mål: 40 senest 2027-12-31
            datakilde: jobindsats.dk
            frekvens: kvartalsvis
        delmål D1: Møder op
          fører til: S1
          indikator D1.1: Fremmøde
            enhed: procent
            baseline: 50 (2025-12)
            mål: 80 senest 2026-12-31
            datakilde: Fagsystemet
            frekvens: månedlig
        delmål D2: Færre afbrud
          fører til: S1
          indikator D2.1: Afbrudte forløb
            enhed: procent
            baseline: 40 (2025-12)
            mål: 20 senest 2026-12-31
            datakilde: Fagsystemet
            frekvens: månedlig
            retning: ned
        aktivitet A1: Mentor
          fører til: D1, D2
        mekanisme M1: Relation
          type: tilgang
          understøtter: A1

        """

    static var model: ProgramTheory {
        Checker(today: today).check(text: modelText, path: "model.pt").models[0].model
    }

    static func read(_ text: String, path: String = "maalinger.csv") -> MeasurementReading {
        MeasurementReader.read(SourceFile(path: path, text: text), model: model, today: today)
    }

    static func read(bytes: [UInt8], path: String = "maalinger.csv") -> MeasurementReading {
        MeasurementReader.read(SourceFile(path: path, bytes: bytes), model: model, today: today)
    }

    /// `file:line:col` of each diagnostic, as a person reads it.
    static func places(_ reading: MeasurementReading) -> [String] {
        reading.diagnostics.map { diagnostic in
            let place = reading.measurements.file.location(of: diagnostic.range.start)
            return "\(diagnostic.range.path):\(place.line):\(place.column) \(diagnostic.code)"
        }
    }
}
