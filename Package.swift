// swift-tools-version: 6.0
// programteori — program theories for Danish kommuner, as text: check, render, report.
//
// One stage per target (see docs/arkitektur.md):
//   PTSource → PTSyntax → PTModel → PTRules → PTDiagnostics   (pure Swift core)
//   PTModel → PTDiagram (DOT) → PTGraphviz (libgvc, the only C)  → SVG/PNG/PDF
//   ProgramteoriKit is the facade the CLI (and later the server) share.
import PackageDescription

let package = Package(
    name: "programteori",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "programteori", targets: ["programteori"]),
        .library(name: "ProgramteoriKit", targets: ["ProgramteoriKit"]),
        // The pure pipeline with its oracles, for the fuzz harness in Fuzz/ (docs/fuzzing.md).
        .library(name: "PTPipelineAudit", targets: ["PTPipelineAudit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // The browser editor's local HTTP server (PTServer).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        // Source text, positions and bilingual text. No dependencies.
        .target(name: "PTSource"),
        // Diagnostics as values and their renderings (text, JSON, …).
        .target(name: "PTDiagnostics", dependencies: ["PTSource"]),
        // Keywords, line scanner, AST with ranges, recovering parser.
        .target(name: "PTSyntax", dependencies: ["PTSource", "PTDiagnostics"]),
        // The resolved program theory: includes, IDs, links, kinds. Serialises to JSON.
        .target(name: "PTModel", dependencies: ["PTSource", "PTDiagnostics", "PTSyntax"]),
        // The rule catalogue: one rule per file.
        .target(name: "PTRules", dependencies: ["PTSource", "PTDiagnostics", "PTSyntax", "PTModel", "PTMeasurements"]),
        // Model → diagram description → DOT text. Pure Swift.
        .target(name: "PTDiagram", dependencies: ["PTSource", "PTModel"]),
        // Graphviz's C library, reached through the system's headers.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]
        ),
        // The one module that imports CGraphviz.
        .target(name: "PTGraphviz", dependencies: ["CGraphviz"]),
        // Monitoring (issue 8): measurements, indicator plans, reports, Excel.
        // A team's measurements (CSV) read against a model, and the status rule. Pure Swift.
        .target(name: "PTMeasurements", dependencies: [
            "PTSource", "PTDiagnostics", "PTSyntax", "PTModel", .product(name: "CSV", package: "CSV.swift"),
        ]),
        // Model (+ measurements) → indicator plan (Markdown, CSV, JSON), JSON export, HTML report. Pure Swift.
        .target(name: "PTReports", dependencies: ["PTSource", "PTDiagnostics", "PTSyntax", "PTModel", "PTMeasurements"]),
        // libxlsxwriter, reached through the system's headers.
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"]), .brew(["libxlsxwriter"])]
        ),
        // The one module that imports CXLSXWriter: report tables → .xlsx workbook.
        .target(name: "PTXLSX", dependencies: ["CXLSXWriter", "PTReports", "PTSource", "PTSyntax"]),

        // Runs the pure pipeline on in-memory files and checks its oracles (DOT audit, titles,
        // ranges, determinism): the fuzz harness's core and the regression test over its finds.
        .target(name: "PTPipelineAudit", dependencies: [
            "PTSource", "PTDiagnostics", "PTSyntax", "PTModel", "PTRules", "PTMeasurements", "PTDiagram",
        ]),

        // The facade shared by the CLI and, later, the editor server.
        .target(
            name: "ProgramteoriKit",
            dependencies: [
                "PTSource", "PTDiagnostics", "PTSyntax", "PTModel", "PTRules", "PTDiagram", "PTGraphviz",
                "PTMeasurements", "PTReports", "PTXLSX",
                "PTFormat", "PTDiff",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // The browser editor: a local HTTP server and its embedded page, over ProgramteoriKit.
        .target(
            name: "PTServer",
            dependencies: [
                "ProgramteoriKit", "PTSource", "PTDiagnostics", "PTModel", "PTReports",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        // The command-line tool: a thin shell over ProgramteoriKit.
        .executableTarget(
            name: "programteori",
            dependencies: [
                "ProgramteoriKit", "PTServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // fmt and diff (issue 10): syntax tree → canonical text; model × model → changes.
        .target(name: "PTFormat", dependencies: ["PTSource", "PTSyntax"]),
        .target(name: "PTDiff", dependencies: ["PTSource", "PTDiagnostics", "PTSyntax", "PTModel"]),
        .testTarget(name: "PTFormatTests", dependencies: ["PTFormat", "PTSyntax", "PTModel", "PTSource", "PTDiagnostics", "ProgramteoriKit"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PTDiffTests", dependencies: ["PTDiff", "PTFormat", "PTModel", "PTSyntax", "PTSource", "PTDiagnostics", "ProgramteoriKit"], resources: [.copy("Fixtures")]),

        .testTarget(name: "PTSyntaxTests", dependencies: ["PTSyntax", "PTSource", "PTDiagnostics"]),
        .testTarget(name: "PTModelTests", dependencies: ["PTModel", "PTSyntax", "PTSource", "PTDiagnostics"]),
        .testTarget(name: "PTRulesTests", dependencies: ["PTRules", "PTModel", "ProgramteoriKit", "PTSource", "PTDiagnostics"]),
        // Fixtures are read from the source folder (#filePath), not bundled.
        .testTarget(name: "PTDiagnosticsTests", dependencies: ["PTDiagnostics", "PTSource"], exclude: ["Fixtures"]),
        .testTarget(name: "PTDiagramTests", dependencies: ["PTDiagram", "PTModelGenerator", "PTModel", "PTSyntax", "PTSource", "PTDiagnostics", "PTGraphviz", "ProgramteoriKit"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PTGraphvizTests", dependencies: ["PTGraphviz"]),
        .testTarget(
            name: "PTServerTests",
            dependencies: ["PTServer", "ProgramteoriKit"]
        ),
        .testTarget(name: "PTMeasurementsTests", dependencies: ["PTMeasurements", "PTModel", "PTSyntax", "PTSource", "PTDiagnostics", "ProgramteoriKit"]),
        .testTarget(name: "PTReportsTests", dependencies: ["PTReports", "PTXLSX", "PTMeasurements", "PTModel", "PTSyntax", "PTSource", "PTDiagnostics", "ProgramteoriKit"]),
        // Random valid models for the property tests (a library only the tests use; docs/egenskabstest.md).
        .target(name: "PTModelGenerator", path: "Tests/PTModelGenerator"),
        .testTarget(name: "PTPropertyTests", dependencies: [
            "PTModelGenerator", "PTPipelineAudit", "ProgramteoriKit", "PTDiagram", "PTModel", "PTSyntax", "PTSource", "PTDiagnostics",
        ]),
        .testTarget(name: "PTPipelineAuditTests", dependencies: ["PTPipelineAudit", "PTDiagram", "PTModel", "PTSyntax", "PTSource"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "CLITests", dependencies: ["ProgramteoriKit", "PTRules", "PTModel", "PTSyntax", "PTSource", "PTDiagnostics"],
                    exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
