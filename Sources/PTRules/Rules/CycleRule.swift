import PTDiagnostics
import PTModel
import PTSource
import PTSyntax

/// PT204: »fører til« must never lead back to where it started.
public struct CycleRule: Rule {
    public static let description = RuleDescription(
        code: "PT204", name: "graf.kredsloeb", defaultSeverity: .error,
        summary: LocalizedText(da: "Forbindelserne danner en ring.", en: "The links form a cycle."),
        rationale: LocalizedText(
            da: "En programteori læses fra målgruppe over aktiviteter og delmål til slutmål (KL's fem trin, S004 l. 415-425). En ring — D1 fører til D2, som fører tilbage til D1 — gør det umuligt at sige, hvad der kommer først, og diagrammet kan ikke tegnes i kolonner.",
            en: "A program theory reads from target group through activities and outcomes to final outcomes (KL's five steps, S004 l. 415-425). A cycle makes it impossible to say what comes first."),
        triggeringExamples: [
            RuleExample.replacing("  fører til: S1\n", with: "  fører til: S1, D2\n") + """
                delmål D2: Den unge har overskud i hverdagen
                  fører til: D1
                  indikator D2.1: Andel der selv vurderer at have overskud
                    enhed: procent
                    baseline: 30 (2025)
                    mål: 50 senest 2028-06-30
                    datakilde: Spørgeskema
                    frekvens: halvårlig

                """,
        ],
        nonTriggeringExamples: [RuleExample.valid])

    // A ring among the links that did resolve is real whatever else is broken, so this rule
    // does not set `readsLinks`.
    public init() {}

    public func check(_ context: RuleContext) -> [Finding] {
        let model = context.model
        var findings: [Finding] = []
        for component in StronglyConnectedComponents.find(edges: context.outgoing) {
            let members = Set(component)
            let start = component.min()!
            let isSelfLoop = component.count == 1 && context.outgoing[start].contains(start)
            guard component.count > 1 || isSelfLoop else { continue }
            let path = cyclePath(from: start, within: members, edges: context.outgoing)
            let names = (path + [start]).map { model.elements[$0].displayName }
            // Point at the link that closes the ring, where the user wrote it.
            let closing = model.links.first { $0.from == path.last! && $0.to == start }
            findings.append(Finding(
                range: closing?.range ?? model.elements[start].titleRange,
                message: LocalizedText(da: "forbindelserne danner en ring: \(names.joined(separator: " → "))",
                                       en: "the links form a cycle: \(names.joined(separator: " → "))"),
                help: LocalizedText(da: "fjern eller vend én af forbindelserne, så kæden går én vej mod slutmålet",
                                    en: "remove or reverse one of the links so the chain runs one way towards the final outcome"),
                notes: path.dropFirst().map {
                    DiagnosticNote(range: model.elements[$0].titleRange, message: LocalizedText(da: "en del af ringen", en: "part of the cycle"))
                }))
        }
        return findings
    }

    /// A shortest path start → … → (an element with a link back to start), inside the component.
    private func cyclePath(from start: Int, within members: Set<Int>, edges: [[Int]]) -> [Int] {
        var parent: [Int: Int] = [start: start]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for next in edges[node] where members.contains(next) {
                if next == start {
                    var path = [node]
                    while path.last! != start { path.append(parent[path.last!]!) }
                    return path.reversed()
                }
                if parent[next] == nil {
                    parent[next] = node
                    queue.append(next)
                }
            }
        }
        return [start]
    }
}
