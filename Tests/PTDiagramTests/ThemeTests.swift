import PTDiagram
import Testing

@Suite("Themes")
struct ThemeTests {
    @Test("Dark mode maps each light colour to one dark colour", arguments: ThemeName.allCases)
    func darkModeIsAFunction(name: ThemeName) {
        var dark: [String: String] = [:]
        for color in name.theme.allColors {
            if let earlier = dark[color.light] {
                #expect(earlier == color.dark, "\(name): \(color.light) maps to both \(earlier) and \(color.dark)")
            }
            dark[color.light] = color.dark
        }
    }

    @Test("Colours are lower-case #rrggbb, as Graphviz writes them into SVG", arguments: ThemeName.allCases)
    func colourSyntax(name: ThemeName) {
        for color in name.theme.allColors {
            for value in [color.light, color.dark] {
                #expect(value.count == 7 && value.first == "#" && value.dropFirst().allSatisfy { "0123456789abcdef".contains($0) }, "\(value)")
            }
        }
    }

    @Test("The print theme uses greys only")
    func printIsGrey() {
        for color in Theme.print.allColors {
            let hex = color.light.dropFirst()
            #expect(hex.prefix(2) == hex.dropFirst(2).prefix(2) && hex.prefix(2) == hex.suffix(2), "\(color.light) is not grey")
        }
    }

    @Test("Names: Danish and English")
    func names() {
        #expect(ThemeName(name: "kontrast") == .contrast)
        #expect(ThemeName(name: "Contrast") == .contrast)
        #expect(ThemeName(name: "print") == .print)
        #expect(ThemeName(name: "neon") == nil)
        #expect(DiagramView(name: "oversigt") == .overview)
        #expect(DiagramView(name: "detailed") == .detailed)
    }
}
