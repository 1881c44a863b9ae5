import Foundation
import PTMeasurements
import PTReports
import PTSource
import PTSyntax
import PTXLSX
import ProgramteoriKit
import Testing

@Suite("Indicator plan")
struct IndicatorPlanTests {
    static func plan(measurements: String? = ReportSupport.measurements) -> IndicatorPlan {
        let (_, checked) = ReportSupport.checked(ReportSupport.model, measurements: measurements)
        return IndicatorPlan(model: checked.model, measurements: checked.measurements, today: ReportSupport.today)
    }

    @Test("XLSX read back by openpyxl: same values and types, header, frozen row, autofilter, element sheet")
    func xlsxRoundTrip() throws {
        let plan = Self.plan()
        let data = try plan.xlsx(language: .danish, created: ReportSupport.today)
        let file = try ReportSupport.temporaryFile("plan.xlsx", data)
        let script = """
            import json, sys, datetime, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            def cell(c):
                v = c.value
                if isinstance(v, datetime.datetime): return ["date", v.date().isoformat(), c.number_format]
                if isinstance(v, bool): return ["bool", v]
                if isinstance(v, (int, float)): return ["number", float(v)]
                if v is None: return ["empty"]
                return ["text", v]
            out = {}
            for ws in wb.worksheets:
                out[ws.title] = {"rows": [[cell(c) for c in row] for row in ws.iter_rows()],
                                 "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref,
                                 "bold": ws.cell(1, 1).font.b}
            print(json.dumps(out))
            """
        let output = try ReportSupport.python(script, [file.path])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: [String: Any]])
        #expect(Array(json.keys).sorted() == ["Elementer", "Indikatorer"])
        let sheet = try #require(json["Indikatorer"])
        #expect(sheet["freeze"] as? String == "A2")
        #expect(sheet["filter"] as? String == "A1:T3")
        #expect(sheet["bold"] as? Bool == true)
        let rows = try #require(sheet["rows"] as? [[[Any]]])
        let table = plan.table(language: .danish)
        #expect(rows.count == table.rows.count + 1)
        #expect(rows[0].map { $0[1] as? String } == table.columns.map(\.header))
        for (written, expected) in zip(rows.dropFirst(), table.rows) {
            for (cell, want) in zip(written, expected) {
                let kind = cell[0] as? String
                switch want {
                case .text(let text): #expect(kind == "text" && cell[1] as? String == text)
                case .number(let value): #expect(kind == "number" && cell[1] as? Double == value)
                case .date(let date):
                    #expect(kind == "date" && cell[1] as? String == date.firstDay.description)
                    #expect(cell[2] as? String == (date.day != nil ? "yyyy-mm-dd" : date.month != nil ? "yyyy-mm" : "yyyy"))
                case .empty: #expect(kind == "empty")
                }
            }
        }
        // The S1.1 row: baseline 20,5 as a number, the deadline as a date, status as text.
        let s1 = try #require(rows.first { $0[3][1] as? String == "S1.1" })
        #expect(s1[8][0] as? String == "number" && s1[8][1] as? Double == 20.5)
        #expect(s1[11][1] as? String == "2027-12-31")
        #expect(s1[18][1] as? String == "bagud")
        let elements = try #require(json["Elementer"]?["rows"] as? [[[Any]]])
        #expect(elements.count == 6)
    }

    @Test("The same plan gives the same workbook bytes")
    func xlsxDeterministic() throws {
        let plan = Self.plan()
        #expect(try plan.xlsx(language: .danish, created: ReportSupport.today) == plan.xlsx(language: .danish, created: ReportSupport.today))
    }

    @Test("CSV round-trips through Python's csv module: Danish dialect with BOM and ';', international with ','")
    func csvRoundTrip() throws {
        let table = Self.plan().table(language: .danish)
        let danish = CSVWriter.render(table, dialect: .danish)
        #expect(danish.starts(with: [0xEF, 0xBB, 0xBF]))
        let script = """
            import csv, json, sys
            with open(sys.argv[1], encoding=sys.argv[2], newline="") as f:
                print(json.dumps(list(csv.reader(f, delimiter=sys.argv[3]))))
            """
        for (bytes, encoding, separator, decimal) in [(danish, "utf-8-sig", ";", ","), (CSVWriter.render(table, dialect: .international), "utf-8", ",", ".")] {
            let file = try ReportSupport.temporaryFile("plan.csv", Data(bytes))
            let output = try ReportSupport.python(script, [file.path, encoding, separator])
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String]])
            #expect(rows[0] == table.columns.map(\.header))
            #expect(rows.count == table.rows.count + 1)
            for (read, expected) in zip(rows.dropFirst(), table.rows) {
                #expect(read == expected.map { cell in
                    switch cell {
                    case .text(let text): text.hasPrefix("=") ? "'" + text : text
                    case .number(let value): NumberText.format(value, decimalSeparator: Character(decimal))
                    case .date(let date): date.description
                    case .empty: ""
                    }
                })
            }
            let s1 = try #require(rows.first { $0[3] == "S1.1" })
            #expect(s1[5] == "Andel; med \"citat\" og komma, samt =SUM(A1)")
            #expect(s1[8] == "20\(decimal)5")
        }
    }

    @Test("Without measurements the plan has no measurement columns")
    func withoutMeasurements() {
        let table = Self.plan(measurements: nil).table(language: .english)
        #expect(table.columns.count == 15)
        #expect(table.columns.last?.header == "Owner")
        #expect(table.rows.count == 2)
    }

    @Test("Markdown and JSON carry every indicator")
    func markdownAndJSON() throws {
        let plan = Self.plan()
        let markdown = MarkdownWriter.table(plan.table(language: .danish))
        #expect(markdown.contains("| S1 | slutmål | I uddannelse | S1\\.1 |") == false)
        #expect(markdown.contains("| S1 | slutmål | I uddannelse | S1.1 | Andel i uddannelse |"))
        let json = PlanJSON.render(plan, language: .danish)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let rows = try #require(object["indicators"] as? [[String: Any]])
        #expect(rows.map { $0["indicator_id"] as? String } == ["S1.1", "D1.1"])
        #expect(rows[1]["latest_value"] as? Double == 66.5)
        #expect(rows[1]["deadline"] as? String == "2026-12-31")
    }
}
