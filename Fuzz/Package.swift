// swift-tools-version: 6.0
// The libFuzzer harness over programteori's pure pipeline. Built only by scripts/fuzz.sh, with
// `-sanitize=fuzzer,address`, into its own scratch folder, so `swift build`/`swift test` of the
// main package never see it. See docs/fuzzing.md.
import PackageDescription

let package = Package(
    name: "programteori-fuzz",
    dependencies: [
        .package(name: "programteori", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "pt-fuzz",
            dependencies: [.product(name: "PTPipelineAudit", package: "programteori")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
