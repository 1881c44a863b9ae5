import Testing
@testable import PTSyntax

@Suite("Values: numbers, dates, baseline, mål, fixed words, lists and links")
struct ValueParsingTests {
    @Test("Numbers with , or . are the same number; % means procent", arguments: [
        ("55", 55.0, false), ("55,5", 55.5, false), ("55.5", 55.5, false), ("40%", 40.0, true),
        ("22,5 %", 22.5, true), ("-3", -3.0, false),
    ])
    func numbers(text: String, value: Double, percent: Bool) throws {
        let quantity = try #require(ValueParser.quantity(Substring(text)))
        #expect(quantity.value == value)
        #expect(quantity.isPercent == percent)
    }

    @Test("Not numbers", arguments: ["", "abc", "1.000.000", "5,", ",5", "5 borgere", "%"])
    func notNumbers(text: String) {
        #expect(ValueParser.quantity(Substring(text)) == nil)
    }

    @Test("A combining mark after a blank in a value is not read past: the value is refused, not taken without the mark")
    func combiningMarkAfterBlankInValue() {
        // " \u{301}" is one Character whose first scalar is a space; it used to count as a blank.
        #expect(ValueParser.quantity("55 \u{301}%") == nil)
        #expect(ValueParser.quantity("55 %") != nil)
        #expect(ValueParser.target("55 \u{301}senest 2027-12") == nil)
        #expect(ValueParser.target("55 senest 2027-12") != nil)
    }

    @Test("The byte path for numbers gives what the Character walk gives")
    func numbersByBytesMatchCharacters() {
        // Every string of up to four of these pieces: signs, separators, digits, blanks, %, \r\n.
        let pieces = ["", "5", "0", "-", "+", ",", ".", " ", "\t", "%", "1e3", "x", "\r\n", "12"]
        var checked = 0
        var differing: [String] = []
        for a in pieces { for b in pieces { for c in pieces { for d in pieces {
            let text = a + b + c + d
            checked += 1
            if ValueParser.quantity(Substring(text)) != ValueParser.quantityByCharacters(Substring(text)) {
                differing.append(text)
            }
        } } } }
        #expect(checked == 14 * 14 * 14 * 14)
        #expect(differing.isEmpty)
        #expect(ValueParser.quantity("22,5 %")?.text == "22,5 %")
    }

    @Test("Every date form of language.md", arguments: [
        ("2025-12-31", DateValue(year: 2025, month: 12, day: 31)),
        ("2025-12", DateValue(year: 2025, month: 12)),
        ("2025", DateValue(year: 2025)),
        ("31.12.2025", DateValue(year: 2025, month: 12, day: 31)),
        ("1.2.2026", DateValue(year: 2026, month: 2, day: 1)),
        ("2024-02-29", DateValue(year: 2024, month: 2, day: 29)),
    ])
    func dates(text: String, date: DateValue) {
        #expect(ValueParser.date(Substring(text)) == date)
    }

    @Test("Impossible dates are refused", arguments: ["2025-13-01", "2025-02-30", "2023-02-29", "31.12.25", "12/31/2025", "20251231", "2025-1-"])
    func badDates(text: String) {
        #expect(ValueParser.date(Substring(text)) == nil)
    }

    @Test("A deadline covers its whole period")
    func deadlinePeriods() {
        #expect(DateValue(year: 2025, month: 2).lastDay == DateValue(year: 2025, month: 2, day: 28))
        #expect(DateValue(year: 2025).lastDay == DateValue(year: 2025, month: 12, day: 31))
        #expect(DateValue(year: 2025, month: 6).firstDay == DateValue(year: 2025, month: 6, day: 1))
    }

    @Test("baseline: number, optional % and date in parentheses")
    func baselines() throws {
        let plain = try #require(ValueParser.baseline("55"))
        #expect(plain.quantity.value == 55 && plain.date == nil)
        let dated = try #require(ValueParser.baseline("22,5% (2024-06)"))
        #expect(dated.quantity.value == 22.5 && dated.quantity.isPercent && dated.date == DateValue(year: 2024, month: 6))
        #expect(ValueParser.baseline("55 (juni)") == nil)
    }

    @Test("mål: number with senest (or by) and a date")
    func targets() throws {
        let danish = try #require(ValueParser.target("80 senest 2025-12-31"))
        #expect(danish.quantity.value == 80 && danish.deadline == DateValue(year: 2025, month: 12, day: 31))
        let english = try #require(ValueParser.target("80% by 31.12.2025"))
        #expect(english.quantity.isPercent && english.deadline == DateValue(year: 2025, month: 12, day: 31))
        #expect(try #require(ValueParser.target("40")).deadline == nil)
        #expect(ValueParser.target("flere i job") == nil)
    }

    @Test("Fixed words in Danish, without æøå, and in English")
    func fixedWords() {
        #expect(Frequency.allCases.allSatisfy { ValueParser.frequency(Substring($0.danish)) == $0 })
        #expect(Frequency.allCases.allSatisfy { ValueParser.frequency(Substring($0.english)) == $0 })
        #expect(ValueParser.frequency("aarlig") == .yearly)
        #expect(ValueParser.frequency("Maanedlig") == .monthly)
        #expect(ValueParser.frequency("halvaarlig") == .halfYearly)
        #expect(MechanismType.allCases.allSatisfy { ValueParser.mechanismType(Substring($0.danish)) == $0 })
        #expect(MechanismType.allCases.allSatisfy { ValueParser.mechanismType(Substring($0.english)) == $0 })
        #expect(ValueParser.direction("OP") == .up && ValueParser.direction("down") == .down)
        #expect(ValueParser.flag("Ja") == true && ValueParser.flag("no") == false)
        #expect(ValueParser.status("kladde") == .draft && ValueParser.status("approved") == .approved)
    }

    @Test("A bad fixed value is an error that suggests and lists the allowed words")
    func badFixedValue() {
        let (_, diagnostics) = parse("programteori: T\ndelmål D1: x\n  indikator I: y\n    frekvens: kvartalvis\n")
        #expect(diagnostics.codes == ["PT009"])
        #expect(diagnostics[0].help?.da.hasPrefix("mente du »kvartalsvis«?") == true)
    }

    @Test("Bad numbers and dates in properties point at the value")
    func badValuesInProperties() {
        let text = """
            programteori: T
              dato: 2025-02-30
            delmål D1: x
              indikator I: y
                baseline: mange
                mål: 80 senest 2025-13-01
            """
        let (_, diagnostics) = parse(text)
        #expect(diagnostics.codes == ["PT008", "PT007", "PT008"])
        #expect(diagnostics.map { line(of: $0, in: text) } == [2, 5, 6])
    }

    @Test("Lists and links: fører til takes IDs, understøtter IDs or links, gælder links")
    func references() throws {
        let (tree, diagnostics) = parse("""
            programteori: T
            aktivitet A1: x
              fører til: D1, D2
            mekanisme M1: y
              understøtter: A1, A1 -> D1
            antagelse AN: z
              gælder: A1 -> D1
            """)
        #expect(diagnostics.isEmpty)
        let leads = tree.elements[0].property(.leadsTo)?.value.references ?? []
        #expect(leads.count == 2)
        guard case .link(let from, let to) = tree.elements[1].property(.supports)?.value.references.last else {
            Issue.record("no link"); return
        }
        #expect(from.name == "A1" && to.name == "D1")
    }

    @Test("Wrong reference shapes are errors", arguments: [
        "aktivitet A1: x\n  fører til: A1 -> D1\n",
        "antagelse AN: x\n  gælder: D1\n",
        "mekanisme M1: x\n  understøtter: A1 -> D1 -> S1\n",
        "aktivitet A1: x\n  fører til: D1,, D2\n",
        "aktivitet A1: x\n  fører til: -> D1\n",
    ])
    func wrongReferences(text: String) {
        let (_, diagnostics) = parse("programteori: T\n" + text)
        #expect(diagnostics.codes == ["PT016"])
    }
}
