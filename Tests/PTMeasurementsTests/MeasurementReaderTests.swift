import PTDiagnostics
import PTMeasurements
import PTSource
import PTSyntax
import Testing

/// Bad measurement files: a finding with file:line:col for each bad row, every valid row used.
@Suite("Measurements file")
struct MeasurementReaderTests {
    @Test("Danish Excel: BOM, semicolons, quotes, decimal comma, header in any order, comments")
    func danishExcel() throws {
        let text = "\u{FEFF}# kilde: fagsystemet\r\nværdi;Indikator;Dato\r\n\"62,5\";D1.1;2026-03-31\r\n70;\"D1.1\";2026M06\r\n1.234,5;S1.1;2026K2\r\n"
        let reading = Support.read(text)
        #expect(reading.diagnostics.isEmpty, "\(Support.places(reading))")
        #expect(reading.measurements.series["D1.1"]?.map(\.value) == [62.5, 70])
        #expect(reading.measurements.series["D1.1"]?.map(\.line) == [3, 4])
        #expect(reading.measurements.series["S1.1"]?.first?.value == 1234.5)
        #expect(reading.measurements.series["S1.1"]?.first?.date == DateValue(year: 2026, month: 6))
    }

    @Test("Comma-separated without header; dates as people write them")
    func international() {
        let reading = Support.read("D1.1,31.01.2026,55.5\nD1.1,28-02-2026,\"57,5\"\nD2.1,2026-03-31 00:00:00,38\n")
        #expect(reading.diagnostics.isEmpty, "\(Support.places(reading))")
        #expect(reading.measurements.series["D1.1"]?.map(\.value) == [55.5, 57.5])
        #expect(reading.measurements.series["D2.1"]?.first?.date == DateValue(year: 2026, month: 3, day: 31))
    }

    @Test("Wrong separator in a row: PT402 at its line, the other rows used")
    func wrongSeparator() {
        let reading = Support.read("indikator;dato;værdi\nD1.1;2026-01;55\nD1.1,2026-02,56\nD1.1;2026-03;57\n")
        #expect(Support.places(reading) == ["maalinger.csv:3:1 PT402"])
        #expect(reading.diagnostics[0].help?.da.contains("»,«") == true)
        #expect(reading.measurements.series["D1.1"]?.count == 2)
    }

    @Test("A file in no known separator: every row is reported")
    func unknownSeparator() {
        let reading = Support.read("D1.1|2026-01|55\nD1.1|2026-02|56\n")
        #expect(Support.places(reading) == ["maalinger.csv:1:1 PT402", "maalinger.csv:2:1 PT402"])
        #expect(reading.measurements.usedCount == 0)
    }

    @Test("Unknown indicator: PT403 with »mente du«, at the field's column")
    func unknownIndicator() {
        let reading = Support.read("indikator;dato;værdi\nD1.1;2026-01;55\n  D11;2026-02;56\nZZZ;2026-02;1\n")
        #expect(Support.places(reading) == ["maalinger.csv:3:3 PT403", "maalinger.csv:4:1 PT403"])
        #expect(reading.diagnostics[0].help?.da == "mente du »D1.1«?")
        #expect(reading.diagnostics[1].help?.da.contains("modellens indikatorer: S1.1, D1.1, D2.1") == true)
        #expect(reading.measurements.usedCount == 1)
    }

    @Test("Dates outside the period (future, before 2000) and unreadable dates")
    func dates() {
        let reading = Support.read("D1.1;2027-01-31;55\nD1.1;1999-12;55\nD1.1;31/13/2026;55\nD1.1;2026-11;60\n")
        #expect(Support.places(reading) == ["maalinger.csv:1:6 PT405", "maalinger.csv:2:6 PT405", "maalinger.csv:3:6 PT404"])
        #expect(reading.measurements.series["D1.1"]?.map(\.value) == [60])
    }

    @Test("Text where a number belongs: PT406 at the value's column")
    func textForNumber() {
        let reading = Support.read("D1.1;2026-01;ca. 55\nD1.1;2026-02;\nD1.1;2026-03;56 %\n")
        #expect(Support.places(reading) == ["maalinger.csv:1:14 PT406", "maalinger.csv:2:14 PT406"])
        #expect(reading.measurements.series["D1.1"]?.map(\.value) == [56])
    }

    @Test("Duplicate rows: PT407 with a note at the first; the first is used")
    func duplicates() {
        let reading = Support.read("D1.1;2026-01;55\nD1.1;2026-01;55\nD1.1;2026-01;57\n")
        #expect(Support.places(reading) == ["maalinger.csv:2:1 PT407", "maalinger.csv:3:1 PT407"])
        #expect(reading.diagnostics[0].notes.first?.range.start == 0)
        #expect(reading.measurements.series["D1.1"]?.map(\.value) == [55])
    }

    @Test("Invalid UTF-8: PT408 names the line and byte; the other rows used")
    func invalidUTF8() {
        var bytes = Array("D1.1;2026-01;55\nD1.1;2026-02;5".utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array("\nD1.1;2026-03;57\n".utf8)
        let reading = Support.read(bytes: bytes)
        #expect(Support.places(reading) == ["maalinger.csv:2:15 PT408"])
        #expect(reading.diagnostics[0].message.da.contains("0xFF"))
        #expect(reading.measurements.series["D1.1"]?.map(\.line) == [1, 3])
    }

    @Test("A quoted field over two lines keeps the line numbers of later rows")
    func multilineField() {
        let reading = Support.read("indikator;dato;værdi;kommentar\nD1.1;2026-01;55;\"to\nlinjer\"\nD1.1;2026-02;x;\n")
        #expect(Support.places(reading) == ["maalinger.csv:4:14 PT406"])
    }

    @Test("Header without a value column: one PT402, no row used")
    func missingColumn() {
        let reading = Support.read("indikator;dato\nD1.1;2026-01\n")
        #expect(Support.places(reading) == ["maalinger.csv:1:1 PT402"])
        #expect(reading.diagnostics[0].message.da.contains("værdi"))
        #expect(reading.measurements.usedCount == 0)
    }

    @Test("Empty file: PT401")
    func empty() {
        #expect(Support.places(Support.read("\u{FEFF}\n# kun en kommentar\n")) == ["maalinger.csv:1:1 PT401"])
    }

    @Test("100 000 rows: every distinct row used; findings capped with a count")
    func manyRows() {
        var good = "indikator;dato;værdi\n"
        var bad = ""
        for row in 0..<100_000 {
            let day = DateValue(dayNumber: DateValue(year: 2000, month: 1, day: 1).startDayNumber + row % 9_000)
            good += "D\(row % 2 + 1).1;\(day);\(row % 97),5\n"
            if row < 20_000 { bad += "X\(row % 7);\(day);\(row)\n" }
        }
        let reading = Support.read(good)
        // Rows repeat (indicator, date) after 9 000 days per indicator: those are reported as duplicates.
        #expect(reading.measurements.rowCount == 100_000)
        #expect(reading.measurements.usedCount == 9_000)
        #expect(reading.diagnostics.count == MeasurementReader.maxFindings + 1)
        let allBad = Support.read(bad)
        #expect(allBad.diagnostics.count == MeasurementReader.maxFindings + 1)
        #expect(allBad.diagnostics.last?.code == "PT409")
        #expect(allBad.diagnostics.last?.message.da.contains("20000 fund") == true)
    }
}
