import PTModel
import PTSource
import PTSyntax

/// The diagram's own words, Danish and English, and how numbers and dates are written.
struct DiagramWords {
    let language: Language

    private func pick(_ da: String, _ en: String) -> String {
        language == .danish ? da : en
    }

    func kindName(_ kind: ElementKind) -> String {
        let name = language == .danish ? kind.danishKeyword : kind.englishKeyword
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    func columnHeading(_ kind: ElementKind, count: Int) -> String {
        switch kind {
        case .targetGroup: count == 1 ? pick("Målgruppe", "Target group") : pick("Målgrupper", "Target groups")
        case .activity: count == 1 ? pick("Aktivitet", "Activity") : pick("Aktiviteter", "Activities")
        case .outcome: pick("Delmål", count == 1 ? "Outcome" : "Outcomes")
        case .finalOutcome: pick("Slutmål", count == 1 ? "Final outcome" : "Final outcomes")
        default: kindName(kind)
        }
    }

    var emptyModel: String {
        pick("Modellen har endnu ingen målgruppe, aktiviteter, delmål eller slutmål at tegne.",
             "The model has no target group, activities, outcomes or final outcomes to draw yet.")
    }
    var mechanismsHeading: String { pick("Virksomme mekanismer", "Mechanisms of change") }
    var legendHeading: String { pick("Sådan læses diagrammet", "How to read the diagram") }
    var overviewNote: String { pick("Oversigt", "Overview") }
    var size: String { pick("Størrelse", "Size") }
    var scope: String { pick("Afgrænsning", "Scope") }
    var version: String { pick("Version", "Version") }
    var owner: String { pick("Ansvarlig", "Owner") }
    var assumption: String { pick("Antagelse", "Assumption") }
    var criticalAssumption: String { pick("Kritisk antagelse", "Critical assumption") }
    var criticalMark: String { "⚠" }
    var leadsTo: String { pick("fører til", "leads to") }
    var supportedBy: String { pick("Understøttes af", "Supported by") }
    var indicators: String { pick("Indikatorer", "Indicators") }

    func status(_ status: ApprovalStatus) -> String {
        switch status {
        case .draft: pick("Kladde", "Draft")
        case .approved: pick("Godkendt", "Approved")
        }
    }

    func mechanismType(_ type: MechanismType) -> String {
        language == .danish ? type.danish : type.english
    }

    // MARK: Legend

    func legendText(_ item: LegendItem) -> String {
        switch item {
        case .kind(.targetGroup): pick("Målgruppe: hvem indsatsen er for (tyk ramme)", "Target group: who the programme is for (thick border)")
        case .kind(.activity): pick("Aktivitet: hvad der gøres (runde hjørner)", "Activity: what is done (rounded corners)")
        case .kind(.outcome): pick("Delmål: hvad borgeren skal kunne undervejs (tynd ramme)", "Outcome: what the citizen achieves on the way (thin border)")
        case .kind(.finalOutcome): pick("Slutmål: det realistiske mål (dobbelt ramme)", "Final outcome: the realistic end goal (double border)")
        case .kind: ""
        case .leadsTo: pick("fører til", "leads to")
        case .targetGroupEdge: pick("målgruppen deltager i aktiviteterne", "the target group takes part in the activities")
        case .targetGroupEdgeOverview: pick("målgruppen arbejder hen mod delmålene", "the target group works towards the outcomes")
        case .mechanism: pick("virksom mekanisme, der skal være til stede (se listen)", "mechanism of change that must be present (see the list)")
        case .indicator: pick("indikator: baseline → mål senest dato", "indicator: baseline → target by date")
        case .indicatorStatus: pick("indikatorstatus fra målingerne: nået · på sporet · bagud · ingen data", "indicator status from the measurements: reached · on track · behind · no data")
        case .assumption: pick("antagelse om, hvorfor pilen holder", "assumption about why the arrow holds")
        case .criticalAssumption: pick("kritisk antagelse: holder den ikke, holder pilen ikke", "critical assumption: if it fails, the arrow fails")
        case .change(.added): pick("nyt siden den forrige version (element eller pil)", "new since the earlier version (element or arrow)")
        case .change(.changed): pick("ændret siden den forrige version (tekst, egenskaber eller indikatorer)", "changed since the earlier version (text, properties or indicators)")
        case .change(.removed): pick("fjernet siden den forrige version (vist afbleget, stiplet)", "removed since the earlier version (shown faded, dashed)")
        }
    }

    /// The word on a marked box, and before its accessible title.
    func changeMark(_ mark: ChangeMark) -> String {
        switch mark {
        case .added: pick("Ny", "New")
        case .changed: pick("Ændret", "Changed")
        case .removed: pick("Fjernet", "Removed")
        }
    }

    /// The title block's note on a diff diagram.
    func comparedWith(_ label: String) -> String {
        pick("Ændringer siden \(label)", "Changes since \(label)")
    }

    // MARK: Numbers and dates

    /// A number as the user wrote it, with the decimal separator of the language.
    func number(_ quantity: Quantity) -> String {
        var text = quantity.text.filter { $0 != "%" && !$0.isWhitespace }
        if language == .danish {
            text = text.replacingAll(".", with: ",")
        } else {
            text = text.replacingAll(",", with: ".")
        }
        return text
    }

    /// `%` for percent (`80 %` in Danish typography, `80%` in English), otherwise the unit as written.
    func unitSuffix(_ unit: String?, quantities: [Quantity]) -> String {
        let percent = language == .danish ? " %" : "%"
        if let unit {
            let folded = normalizeKeyword(unit)
            if folded == "procent" || folded == "percent" || folded == "pct" || folded == "pct." || folded == "%" { return percent }
            return " " + unit
        }
        return quantities.contains(where: \.isPercent) ? percent : ""
    }

    /// A deadline, compactly: `31.12.2027`, `12.2027`, `2027` (English: `31 Dec 2027`).
    func shortDate(_ date: DateValue) -> String {
        if language == .danish {
            var parts: [String] = []
            if let day = date.day { parts.append(twoDigits(day)) }
            if let month = date.month { parts.append(twoDigits(month)) }
            parts.append(String(date.year))
            return parts.joined(separator: ".")
        }
        var parts: [String] = []
        if let day = date.day { parts.append(String(day)) }
        if let month = date.month, (1...12).contains(month) { parts.append(Self.englishMonthsShort[month - 1]) }
        parts.append(String(date.year))
        return parts.joined(separator: " ")
    }

    /// A date in the title block: `1. marts 2025`, `marts 2025`, `2025`.
    func longDate(_ date: DateValue) -> String {
        guard let month = date.month, (1...12).contains(month) else { return String(date.year) }
        if language == .danish {
            let monthName = Self.danishMonths[month - 1]
            return date.day.map { "\($0). \(monthName) \(date.year)" } ?? "\(monthName) \(date.year)"
        }
        let monthName = Self.englishMonths[month - 1]
        return date.day.map { "\($0) \(monthName) \(date.year)" } ?? "\(monthName) \(date.year)"
    }

    var by: String { pick("senest", "by") }
    var baselineWord: String { pick("baseline", "baseline") }
    var targetWord: String { pick("mål", "target") }

    private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static let danishMonths = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
                                       "september", "oktober", "november", "december"]
    private static let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August",
                                        "September", "October", "November", "December"]
    private static let englishMonthsShort = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}

extension String {
    func replacingAll(_ target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
