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
}
