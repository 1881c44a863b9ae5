import PTSyntax

extension DateValue {
    /// Days since 1970-01-01 of the date's last day (`2025-06` → 2025-06-30): a figure for a
    /// month or a year is known when the period ends, and a deadline lasts through its period.
    public var endDayNumber: Int { lastDay.civilDayNumber }

    /// Days since 1970-01-01 of the date's first day.
    public var startDayNumber: Int { firstDay.civilDayNumber }

    /// Days from 1970-01-01 to this (complete) date in the proleptic Gregorian calendar
    /// (H. Hinnant's days-from-civil).
    var civilDayNumber: Int {
        let month = self.month ?? 1
        let day = self.day ?? 1
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The complete date of a day number (inverse of `civilDayNumber`).
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }
}

extension Frequency {
    /// How old, in days, the latest measurement may be before it is out of date: two periods —
    /// one for the period itself and one for the figure to arrive (jobindsats.dk and most
    /// fagsystemer publish a month or a quarter late). `løbende` is treated as weekly-or-better.
    public var allowedAgeInDays: Int {
        switch self {
        case .continuous: 14
        case .weekly: 14
        case .monthly: 62
        case .quarterly: 184
        case .halfYearly: 366
        case .yearly: 731
        }
    }
}
