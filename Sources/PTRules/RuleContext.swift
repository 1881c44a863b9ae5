import PTMeasurements
import PTModel
import PTSource
import PTSyntax

/// The model plus the graph views most rules need, computed once per model.
public struct RuleContext: Sendable {
    public let model: ProgramTheory
    /// Today's date, for deadline rules (passed in so tests and golden files are stable).
    public let today: DateValue
    /// Link targets and sources per element index, in source order.
    public let outgoing: [[Int]]
    public let incoming: [[Int]]
    /// Per element: how many `understøtter` name it, directly or as a link end.
    public let supportCount: [Int]
    /// Per element: how many assumptions concern a link it is an end of.
    public let assumptionCount: [Int]
    /// The team's measurements (`--målinger`), when given; rules about them are silent without.
    public let measurements: MeasurementSet?
    /// Each element's kind, by index (the rules pick their elements from here without copying).
    public let kinds: [ElementKind]

    public init(model: ProgramTheory, today: DateValue, measurements: MeasurementSet? = nil) {
        self.model = model
        self.today = today
        self.measurements = measurements
        let elements = model.elements
        self.kinds = elements.indices.map { elements[$0].kind }
        let count = elements.count
        var outgoing = [[Int]](repeating: [], count: count)
        var incoming = [[Int]](repeating: [], count: count)
        for link in model.links {
            outgoing[link.from].append(link.to)
            incoming[link.to].append(link.from)
        }
        var supportCount = [Int](repeating: 0, count: count)
        for support in model.supports {
            supportCount[support.mechanism] += 1
            switch support.target {
            case .element(let target): supportCount[target] += 1
            case .link(let from, let to):
                supportCount[from] += 1
                supportCount[to] += 1
            }
        }
        var assumptionCount = [Int](repeating: 0, count: count)
        for link in model.assumptionLinks {
            assumptionCount[link.assumption] += 1
            assumptionCount[link.from] += 1
            assumptionCount[link.to] += 1
        }
        self.outgoing = outgoing
        self.incoming = incoming
        self.supportCount = supportCount
        self.assumptionCount = assumptionCount
    }

    /// Every indikator with the delmål or slutmål it measures, in source order.
    public var indicators: [(owner: Element, indicator: Indicator)] {
        model.elements.flatMap { element in element.indicators.map { (element, $0) } }
    }

    /// Calls `body` with every indikator and the index of the element it stands under, in
    /// source order, without copying elements (the rules walk every indikator).
    public func forEachIndicator(_ body: (_ owner: Int, _ indicator: Indicator) -> Void) {
        let elements = model.elements
        for owner in elements.indices where !elements[owner].indicators.isEmpty {
            let indicators = elements[owner].indicators
            for position in indicators.indices { body(owner, indicators[position]) }
        }
    }

    /// The indices of the elements of one kind, in source order.
    public func indices(of kind: ElementKind) -> [Int] {
        kinds.indices.filter { kinds[$0] == kind }
    }

    /// Whether the model has an element of this kind.
    public func has(_ kind: ElementKind) -> Bool {
        kinds.contains(kind)
    }

    /// The elements of `kind` for which `isMatch` (given the element's index) holds, in source
    /// order. Only those are copied: a rule on a clean model copies nothing.
    public func elements(_ kind: ElementKind, where isMatch: (Int) -> Bool) -> [Element] {
        kinds.indices.filter { kinds[$0] == kind && isMatch($0) }.map { model.elements[$0] }
    }

    /// Where a finding about the whole model points: the `programteori:` line, else the top of
    /// the file.
    public var modelRange: SourceRange {
        model.header?.range ?? SourceRange(path: model.files.first ?? "", start: 0, end: 0)
    }

    /// True when nothing at all joins the element to the rest of the model.
    public func isIsolated(_ index: Int) -> Bool {
        outgoing[index].isEmpty && incoming[index].isEmpty && supportCount[index] == 0 && assumptionCount[index] == 0
    }

    /// Every element from which `targets` can be reached along links (the targets included).
    /// Linear: one breadth-first walk backwards.
    public func reaching(_ targets: [Int]) -> [Bool] {
        walk(from: targets, along: incoming)
    }

    /// Every element that can be reached from `sources` along links (the sources included).
    public func reachable(from sources: [Int]) -> [Bool] {
        walk(from: sources, along: outgoing)
    }

    private func walk(from starts: [Int], along edges: [[Int]]) -> [Bool] {
        var seen = [Bool](repeating: false, count: model.elements.count)
        var queue = starts
        for start in starts { seen[start] = true }
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for next in edges[node] where !seen[next] {
                seen[next] = true
                queue.append(next)
            }
        }
        return seen
    }
}
