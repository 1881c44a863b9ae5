import PTDiagram
import PTModel
import PTSource
import Testing

@Suite("What the diagram shows")
struct DiagramBuilderTests {
    @Test("Columns: målgruppe, aktiviteter, delmål by longest chain, slutmål; source order inside")
    func columns() throws {
        let diagram = Diagram.build(from: try DiagramTestSupport.fixture("sprogets-eksempel"))
        #expect(diagram.columns.map(\.kind) == [.targetGroups, .activities, .outcomes, .finalOutcomes])
        #expect(diagram.columns.map(\.ranks) == [[["MG"]], [["A1", "A2"]], [["D1"], ["D2"]], [["S1"]]])
        #expect(diagram.columns.map(\.heading) == ["Målgruppe", "Aktiviteter", "Delmål", "Slutmål"])
    }

    @Test("A delmål stands one rank after the longest chain of delmål leading to it")
    func outcomeRanks() throws {
        let diagram = Diagram.build(from: try DiagramTestSupport.fixture("kaeder"))
        let outcomes = try #require(diagram.columns.first { $0.kind == .outcomes })
        // D1 → D2 → D3, and the unnamed delmål → D3: D3 waits for the longer chain.
        #expect(outcomes.ranks == [["D1", "_outcome_1"], ["D2"], ["D3"]])
        #expect(diagram.columns.first { $0.kind == .targetGroups }?.heading == "Målgrupper")
    }

    @Test("Cycles between delmål (an error) still give finite ranks")
    func cycle() throws {
        let model = try DiagramTestSupport.model(text: """
            programteori: Kreds
            delmål D1: En
              fører til: D2
            delmål D2: To
              fører til: D1
            """)
        let diagram = Diagram.build(from: model)
        #expect(Set(diagram.columns.flatMap(\.nodeKeys)) == ["D1", "D2"])
        #expect(diagram.dot().contains("\"D2\" -> \"D1\""))
    }

    @Test("A model with nothing to draw still shows its title and says why it is empty")
    func empty() throws {
        let diagram = Diagram.build(from: try DiagramTestSupport.model(text: "programteori: Tom model\n  kommune: X\n"))
        #expect(diagram.columns.isEmpty && diagram.legend.isEmpty)
        let dot = diagram.dot()
        #expect(dot.contains("Modellen har endnu ingen målgruppe, aktiviteter, delmål eller slutmål at tegne."))
        #expect(dot.contains("Tom model"))
    }

    @Test("Indicators compactly: ID, name, baseline → mål, deadline")
    func indicators() throws {
        let diagram = Diagram.build(from: try DiagramTestSupport.fixture("sprogets-eksempel"))
        #expect(indicatorValues(diagram, "D1") == ["55 → 80 % senest 31.12.2025"])
        #expect(indicatorValues(diagram, "D2") == ["mål 75 % senest 31.12.2025"])
        let english = Diagram.build(from: try DiagramTestSupport.fixture("sprogets-eksempel"), options: DiagramOptions(language: .english))
        #expect(indicatorValues(english, "D1") == ["55 → 80% by 31 Dec 2025"])
        let chains = Diagram.build(from: try DiagramTestSupport.fixture("kaeder"))
        #expect(indicatorValues(chains, "S1") == ["12,5 → 20 % senest 12.2027"])
        #expect(indicatorValues(chains, "S2") == ["baseline 4 borgere"])
    }

    @Test("Indicators can be hidden")
    func hiddenIndicators() throws {
        let diagram = Diagram.build(from: try DiagramTestSupport.fixture("sprogets-eksempel"), options: DiagramOptions(showIndicators: false))
        #expect(diagram.nodes.allSatisfy { $0.details.allSatisfy { if case .indicator = $0 { false } else { true } } })
        #expect(!diagram.legend.contains(.indicator))
    }

    @Test("Mechanisms: badges on what they support, the full text in the band")
    func mechanisms() throws {
        let diagram = Diagram.build(from: try DiagramTestSupport.fixture("kaeder"))
        #expect(diagram.node(key: "A1")?.badges == ["M1"])
        #expect(diagram.node(key: "A3")?.badges == ["M1", "(3)"])
        #expect(diagram.edges.first { $0.from == "A2" && $0.to == "D3" }?.badges == ["M2"])
        #expect(diagram.edges.first { $0.from == "A4" && $0.to == "S1" }?.badges == ["M2"])
        #expect(diagram.mechanisms.map(\.badge) == ["M1", "M2", "(3)"])
        #expect(diagram.mechanisms.map(\.typeName) == ["ressource", "kompetence", nil])
        #expect(diagram.legend.contains(.mechanism))
    }

    @Test("Assumptions stand on the arrows they concern; critical ones are marked")
    func assumptions() throws {
        let diagram = Diagram.build(from: try DiagramTestSupport.fixture("kaeder"))
        let critical = try #require(diagram.edges.first { $0.from == "D2" && $0.to == "D3" })
        #expect(critical.assumptions.map(\.displayID) == ["AN1"])
        #expect(critical.assumptions.map(\.critical) == [true])
        #expect(critical.classes.contains("pt-critical"))
        let plain = try #require(diagram.edges.first { $0.from == "A4" && $0.to == "S1" })
        #expect(plain.assumptions.map(\.critical) == [false])
        #expect(diagram.legend.contains(.assumption) && diagram.legend.contains(.criticalAssumption))
        #expect(diagram.dot().contains("⚠ Kritisk antagelse AN1"))
    }

    @Test("The overview shows målgruppe, delmål and slutmål only")
    func overview() throws {
        let diagram = Diagram.build(from: try DiagramTestSupport.fixture("kaeder"), options: DiagramOptions(view: .overview))
        #expect(diagram.columns.map(\.kind) == [.targetGroups, .outcomes, .finalOutcomes])
        #expect(diagram.nodes.allSatisfy { $0.kind != .activity })
        #expect(diagram.mechanisms.isEmpty)
        #expect(diagram.nodes.allSatisfy { $0.badges.isEmpty } && diagram.edges.allSatisfy { $0.badges.isEmpty })
        // Assumptions between delmål stay; those on activity arrows go with the arrows.
        #expect(diagram.edges.flatMap(\.assumptions).map(\.displayID) == ["AN1"])
        #expect(diagram.edges.filter { $0.kind == .targetGroup }.map(\.headColumn) == ["pt-column-outcomes", "pt-column-outcomes"])
        #expect(diagram.legend.contains(.targetGroupEdgeOverview) && !diagram.legend.contains(.targetGroupEdge))
        #expect(diagram.titleBlock.viewNote == "Oversigt")
    }

    @Test("The legend explains only what the diagram uses")
    func legend() throws {
        let smallest = Diagram.build(from: try DiagramTestSupport.fixture("kun-slutmaal"))
        #expect(smallest.legend == [.kind(.finalOutcome)])
        let small = Diagram.build(from: try DiagramTestSupport.fixture("sprogets-eksempel"))
        #expect(small.legend == [.kind(.targetGroup), .kind(.activity), .kind(.outcome), .kind(.finalOutcome),
                                 .targetGroupEdge, .leadsTo, .mechanism, .indicator])
    }

    @Test("Title block: title, kommune · ansvarlig, version, date, status")
    func titleBlock() throws {
        let block = Diagram.build(from: try DiagramTestSupport.fixture("kaeder")).titleBlock
        #expect(block.titleLines == ["Jobrettet forløb for borgere over 30 år"])
        #expect(block.subtitleLines == ["Eksempel Kommune"])
        #expect(block.facts == ["Version 2.0", "juni 2026"])
        #expect(block.statusText == "Godkendt")
        let small = Diagram.build(from: try DiagramTestSupport.fixture("sprogets-eksempel")).titleBlock
        #expect(small.subtitleLines == ["Hedensted Kommune · Ungeenheden, Jobcenter Hedensted"])
        #expect(small.facts == ["Version 1.2", "1. marts 2025"])
        let english = Diagram.build(from: try DiagramTestSupport.fixture("sprogets-eksempel"), options: DiagramOptions(language: .english))
        #expect(english.titleBlock.facts == ["Version 1.2", "1 March 2025"])
    }

    @Test("Stable, unique SVG ids and classes per element")
    func ids() throws {
        let diagram = Diagram.build(from: try DiagramTestSupport.fixture("kaeder"))
        let ids = diagram.nodes.map(\.svgID) + diagram.edges.map(\.svgID)
        #expect(Set(ids).count == ids.count)
        #expect(diagram.node(key: "D1")?.svgID == "pt-D1")
        #expect(diagram.node(key: "D1")?.classes == ["pt-element", "pt-outcome"])
        #expect(diagram.node(key: "_outcome_1")?.svgID == "pt-_outcome_1")
        #expect(diagram.edges.first { $0.from == "A1" }?.svgID == "pt-link-A1-D1")
    }

    @Test("Each box has a sentence for screen readers")
    func accessibleTitles() throws {
        let diagram = Diagram.build(from: try DiagramTestSupport.fixture("sprogets-eksempel"))
        let title = try #require(diagram.node(key: "D1")?.accessibleTitle)
        #expect(title.hasPrefix("Delmål D1: Den unge møder stabilt op til aftaler."))
        #expect(title.contains("D1.1 Fremmøde til aftalte aktiviteter: 55 → 80 % senest 31.12.2025"))
        #expect(title.hasSuffix("Fører til D2"))
        #expect(diagram.node(key: "A1")?.accessibleTitle.hasSuffix("Understøttes af M1") == true)
        #expect(diagram.accessibleSummary.contains("1 målgruppe, 2 aktiviteter, 2 delmål, 1 slutmål og 2 virksomme mekanismer"))
    }

    @Test("A documented size cap, with a message a caseworker understands")
    func sizeCap() throws {
        let model = try DiagramTestSupport.fixture("sprogets-eksempel")
        #expect(DiagramLimits().problem(for: model) == nil)
        let elements = try #require(DiagramLimits(maxElements: 3).problem(for: model))
        #expect(elements.da == "modellen er for stor til et diagram: 8 elementer, grænsen er 3")
        let links = try #require(DiagramLimits(maxLinks: 2).problem(for: model))
        #expect(links.da.contains("for mange forbindelser"))
    }

    @Test("Wrap widths are set by Danish or English name")
    func wrapWidths() {
        var widths = WrapWidths()
        #expect(widths.apply("aktivitet=20") == nil)
        #expect(widths.apply("maalgruppe = 50") == nil)
        #expect(widths.apply("final outcome=0") == nil)
        #expect(widths.activity == 20 && widths.targetGroup == 50 && widths.finalOutcome == 0)
        #expect(widths.apply("aktivitet") != nil)
        #expect(widths.apply("farve=3")?.da.hasPrefix("ukendt tekstbredde »farve«") == true)
        #expect(widths.apply("delmål=-1") != nil)
    }

    private func indicatorValues(_ diagram: Diagram, _ key: String) -> [String?] {
        diagram.node(key: key)?.details.compactMap { if case .indicator(let line) = $0 { line.values } else { nil } } ?? []
    }
}
