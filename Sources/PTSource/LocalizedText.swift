/// The languages a person can read our messages in. Danish first.
public enum Language: String, Sendable, Codable, CaseIterable {
    case danish = "da"
    case english = "en"

    /// Picks the language from `--lang` first, then `LANG`/`LC_ALL` (only an explicit English
    /// locale switches to English: most servers say `C.UTF-8`, and our users are Danish).
    public static func resolve(flag: String?, environment: [String: String]) -> Language {
        if let flag, let language = Language(code: flag) { return language }
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty {
                return value.lowercased().hasPrefix("en") ? .english : .danish
            }
        }
        return .danish
    }

    /// Accepts `da`, `dansk`, `en`, `english`, `engelsk` in any case.
    public init?(code: String) {
        switch code.lowercased() {
        case "da", "dk", "dansk", "danish": self = .danish
        case "en", "english", "engelsk": self = .english
        default: return nil
        }
    }
}

/// A text a person reads, in every language we speak.
public struct LocalizedText: Hashable, Sendable, Codable {
    public let da: String
    public let en: String

    public init(da: String, en: String) {
        self.da = da
        self.en = en
    }

    public func text(in language: Language) -> String {
        switch language {
        case .danish: da
        case .english: en
        }
    }
}
