import PTSyntax

/// The order properties stand in once formatted: what an element *is* first (type, kendetegn,
/// enhed), then how it connects (fører til, understøtter, gælder), then the numbers, and the
/// long free text last. It is the order every model in `Models/` already uses, so formatting
/// them moves nothing. Repeated properties (`kendetegn`, `fører til`) keep their own order.
enum CanonicalOrder {
    static func rank(_ key: PropertyKey, in kind: ElementKind) -> Int {
        let order: [PropertyKey]
        switch kind {
        case .programTheory: order = [.municipality, .owner, .version, .date, .status, .description]
        case .targetGroup: order = [.characteristic, .size, .scope, .description]
        case .finalOutcome: order = [.description]
        case .outcome, .activity: order = [.leadsTo, .description]
        case .mechanism: order = [.type, .supports, .description]
        case .indicator: order = [.unit, .definition, .baseline, .target, .dataSource, .frequency, .direction, .owner, .description]
        case .assumption: order = [.appliesTo, .critical, .evidence, .description]
        }
        return order.firstIndex(of: key) ?? (order.count + (kind.allowedProperties.firstIndex(of: key) ?? PropertyKey.allCases.count))
    }

    /// Properties in canonical order; equal ranks keep the source order (a stable sort).
    static func sorted(_ properties: [PropertySyntax], in kind: ElementKind) -> [PropertySyntax] {
        properties.enumerated()
            .sorted { (rank($0.element.key, in: kind), $0.offset) < (rank($1.element.key, in: kind), $1.offset) }
            .map(\.element)
    }
}
