import PTDiagram
import PTGraphviz
import PTSyntax
import ProgramteoriKit
import Testing

/// With measurements the diagram colours each indicator by status and the legend says so.
@Suite("Indicator status in the diagram")
struct IndicatorStatusTests {
    static let model = """
        programteori: Status
        delmål D1: Møder op
          indikator D1.1: Fremmøde
            baseline: 50 (2025-12)
            mål: 80 senest 2026-12-31
          indikator D1.2: Fravær
            mål: 5
        aktivitet A1: Mentor
          fører til: D1

        """

    @Test("Status word and colour on the indicator; a legend entry only when statuses are given")
    func statuses() {
        let model = Checker(today: DateValue(year: 2026, month: 11, day: 23)).check(text: Self.model, path: "s.pt").models[0].model
        var options = DiagramOptions()
        let plain = Diagram.build(from: model, options: options)
        #expect(!plain.legend.contains(.indicatorStatus))
        #expect(!plain.dot().contains("●"))
        options.indicatorStatuses = ["D1.1": .behind, "D1.2": .reached]
        let diagram = Diagram.build(from: model, options: options)
        #expect(diagram.legend.contains(.indicatorStatus))
        let dot = diagram.dot()
        #expect(dot.contains("● bagud") && dot.contains("● nået"))
        #expect(dot.contains("#B3261E") && dot.contains("#1F7A3A"))
        #expect(dot.contains("indikatorstatus fra målingerne"))
        #expect(diagram.node(key: "D1")?.accessibleTitle.contains("(bagud)") == true)
    }

    @Test("With statuses, Graphviz lays every view and theme out without a warning (the legend's sample fits its cell)")
    func noGraphvizWarning() throws {
        let model = Checker(today: DateValue(year: 2026, month: 11, day: 23)).check(text: Self.model, path: "s.pt").models[0].model
        for view in [DiagramView.detailed, .overview] {
            for theme in ThemeName.allCases {
                var options = DiagramOptions(view: view, theme: theme)
                options.indicatorStatuses = ["D1.1": .behind, "D1.2": .reached]
                let warnings = try PTGraphvizBridge.render(Diagram.build(from: model, options: options).dot())
                #expect(warnings.isEmpty, "\(view) \(theme): \(warnings)")
            }
        }
    }
}
