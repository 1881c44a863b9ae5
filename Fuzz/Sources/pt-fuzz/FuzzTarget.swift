import PTPipelineAudit
#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer's callback: one input bundle (see `InputBundle`) through the whole pure
/// pipeline. A violated oracle traps after printing what failed, so libFuzzer keeps the input
/// as a crash file.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let violations = PipelineProbe.run(bytes)
    if !violations.isEmpty {
        let report = "pt-fuzz: oracle violated:\n" + violations.prefix(10).map { "  - " + $0 }.joined(separator: "\n") + "\n"
        fatalError(report)
    }
    return 0
}
