import TeukguCore

/// A value of a fact in a request or a literal in a rule.
public enum FactValue: Hashable, Sendable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case date(CalendarDate)
    case list([FactValue])

    public var typeName: String {
        switch self {
        case .string: "string"
        case .number: "number"
        case .bool: "bool"
        case .date: "date"
        case .list: "list"
        }
    }

    /// The value as JSON-ish text, for diagnostics and explanations.
    public var text: String {
        switch self {
        case .string(let s): return "\"\(s)\""
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .bool(let b): return b ? "true" : "false"
        case .date(let d): return "date(\"\(d.iso)\")"
        case .list(let items): return "[" + items.map(\.text).joined(separator: ", ") + "]"
        }
    }
}

/// The declared type of a fact.
public enum FactType: Hashable, Sendable {
    case string
    case enumeration([String])
    case number(unit: String?)
    case bool
    case date
    /// A list of strings (e.g. fuels on board).
    case list

    public var name: String {
        switch self {
        case .string: "string"
        case .enumeration: "enum"
        case .number: "number"
        case .bool: "bool"
        case .date: "date"
        case .list: "list"
        }
    }

    /// Whether a value fits this type (enum values must be among the declared ones).
    public func accepts(_ value: FactValue) -> Bool {
        switch (self, value) {
        case (.string, .string), (.number, .number), (.bool, .bool), (.date, .date): return true
        case (.enumeration(let values), .string(let s)): return values.contains(s)
        case (.list, .list(let items)): return items.allSatisfy { if case .string = $0 { true } else { false } }
        default: return false
        }
    }
}

/// Korean and English text.
public struct LocalizedText: Hashable, Sendable, Codable {
    public let ko: String
    public let en: String

    public init(ko: String, en: String) {
        self.ko = ko
        self.en = en
    }

    public func text(_ language: String) -> String { language == "ko" ? ko : en }
}

/// One declared fact: its name, type and the words a form uses to ask for it.
public struct FactDeclaration: Hashable, Sendable {
    public let path: String
    public let type: FactType
    public let label: LocalizedText
    public let help: LocalizedText?
    /// What each value means to a reader, for values that are codes (`ammonia-bunkering`).
    public let choices: [String: LocalizedText]
    /// The least a number may be (distances and counts are never negative); checked on every request.
    public let minimum: Double?

    public init(
        path: String, type: FactType, label: LocalizedText, help: LocalizedText?,
        choices: [String: LocalizedText] = [:], minimum: Double? = nil
    ) {
        self.path = path
        self.type = type
        self.label = label
        self.help = help
        self.choices = choices
        self.minimum = minimum
    }

    /// The reader's words for a value, or the value itself when the rulebook gives none.
    public func choiceLabel(_ value: String) -> LocalizedText {
        choices[value] ?? LocalizedText(ko: value, en: value)
    }
}
