/// A place in a rulebook file.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// A problem found while loading rulebooks, printed like a compiler's.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error, warning
    }

    public enum Kind: String, Sendable {
        case yamlSyntax = "yaml-syntax"
        case structure
        case expressionSyntax = "expression-syntax"
        case unknownFact = "unknown-fact"
        case typeMismatch = "type-mismatch"
        case duplicateRule = "duplicate-rule"
        case missingExemptionTarget = "missing-exemption-target"
        case nonNationalExemptionTarget = "non-national-exemption-target"
        case exemptionCycle = "exemption-cycle"
        case neverHolds = "never-holds"
        case effectiveOutsideRulebook = "effective-outside-rulebook"
        case conflictingFact = "conflicting-fact"
        case unknownArticle = "unknown-article"
    }

    public let severity: Severity
    public let kind: Kind
    public let message: String
    public let location: SourceLocation

    public init(_ severity: Severity, _ kind: Kind, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.kind = kind
        self.message = message
        self.location = location
    }

    /// `Rules/districts/busan.yaml:12:9: error: unknown fact 'site.zoen' [unknown-fact]`
    public var description: String { "\(location): \(severity.rawValue): \(message) [\(kind.rawValue)]" }
}
