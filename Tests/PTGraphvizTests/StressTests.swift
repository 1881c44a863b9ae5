import Foundation
import Testing

@testable import PTGraphviz

extension GraphvizTests {
    /// libgvc crashes when two threads use it at once; the renderer's lock must prevent that.
    @Test func concurrentTasksRenderCorrectly() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for index in 0..<25 {
                        let label = "opgave \(task) nr. \(index) æøå"
                        let dot = "digraph { a [label=\"\(label)\"]; a -> b; }"
                        let rendering = try GraphvizRenderer.shared.render(dot: dot, formats: [.svg, .png])
                        let svg = String(decoding: rendering[.svg] ?? Data(), as: UTF8.self)
                        #expect(svg.contains(">\(label)</text>"))
                        #expect(try PNGImage(rendering[.png] ?? Data()).width > 0)
                    }
                }
            }
            try await group.waitForAll()
        }
    }

    @Test func concurrentThreadsRenderCorrectly() {
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            for index in 0..<10 {
                let label = "tråd \(thread) nr. \(index)"
                let svg = try? GraphvizRenderer.shared.render(dot: "digraph { x [label=\"\(label)\"]; }", format: .svg)
                #expect(String(decoding: svg ?? Data(), as: UTF8.self).contains(">\(label)</text>"))
                // Errors from one thread must not show up in another thread's render.
                #expect(throws: GraphvizError.self) { try GraphvizRenderer.shared.render(dot: "digraph {", format: .svg) }
            }
        }
    }

    /// One reused context and every graph closed: memory stays flat. A bound, not a timing.
    @Test func memoryStaysFlatOverAThousandRenders() throws {
        func renderOnce(_ index: Int) throws {
            let dot = "digraph { a [label=\"nr. \(index)\"]; a -> b -> c; a -> c; }"
            _ = try renderer.render(dot: dot, formats: [.svg, .png, .pdf])
            if index % 10 == 0 {
                _ = try? renderer.render(dot: "digraph { a -> ; }", format: .svg)
                _ = try? renderer.render(dot: "digraph { a [label=<<b>>]; }", format: .svg)
            }
        }
        for index in 0..<100 { try renderOnce(index) }
        let before = try residentBytes()
        for index in 0..<1_000 { try renderOnce(index) }
        let growth = try residentBytes() - before
        #expect(growth < 20 * 1024 * 1024, "resident memory grew by \(growth / 1024) KB")
    }
}

/// The resident set size, from the second field of /proc/self/statm (in pages).
private func residentBytes() throws -> Int {
    let statm = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8)
    let fields = statm.split(separator: " ")
    let pages = try #require(fields.count > 1 ? Int(fields[1]) : nil)
    return pages * sysconf(Int32(_SC_PAGESIZE))
}
