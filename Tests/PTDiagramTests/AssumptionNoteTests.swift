import PTDiagram
import Testing

@Suite("Assumptions on several arrows")
struct AssumptionNoteTests {
    @Test("An assumption that applies to two links is written out once; the second arrow shows only its heading")
    func onceInFull() throws {
        let model = try DiagramTestSupport.model(text: """
            programteori: T
            slutmål S1: Job
            delmål D1: Møder op
              fører til: S1
            aktivitet A1: Mentor
              fører til: D1
            antagelse AN1: Tillid til mentoren bærer hele forløbet
              gælder: A1 -> D1, D1 -> S1
              kritisk: ja
            """)
        let diagram = Diagram.build(from: model, options: DiagramOptions())
        let notes = diagram.edges.flatMap(\.assumptions)
        #expect(notes.count == 2)
        #expect(notes.map(\.repeatsEarlier) == [false, true])
        let dot = diagram.dot()
        #expect(dot.components(separatedBy: "Tillid til mentoren").count == 2, "the text should appear once")
        #expect(dot.components(separatedBy: "Kritisk antagelse AN1").count == 3, "the heading on both arrows")
    }
}

import Foundation
