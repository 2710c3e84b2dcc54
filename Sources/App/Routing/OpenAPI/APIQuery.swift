import Foundation
import RegulationEngine

/// A query parameter an operation reads, as its handler reads it: the name, what it does and the
/// values it accepts (the handler refuses others with a 400).
struct APIQuery: Sendable {
    enum Kind: Sendable {
        case text(minLength: Int?, maxLength: Int?)
        case day
        case integer(ClosedRange<Int>)
        case boolean
        case choice([String])
    }

    let name: String
    let about: String
    let kind: Kind
    var required = false

    var openAPI: [String: Any] {
        var schema: [String: Any]
        switch kind {
        case .text(let minimum, let maximum):
            schema = ["type": "string"]
            if let minimum { schema["minLength"] = minimum }
            if let maximum { schema["maxLength"] = maximum }
        case .day: schema = ["type": "string", "format": "date"]
        case .integer(let range):
            schema = ["type": "integer", "minimum": range.lowerBound, "maximum": range.upperBound]
        case .boolean: schema = ["type": "boolean"]
        case .choice(let values): schema = ["type": "string", "enum": values]
        }
        return ["name": name, "in": "query", "required": required, "description": about, "schema": schema]
    }

    // The sets handlers share; each names the reader that enforces it.

    /// `ApiPaging.read`.
    static let paging = [
        APIQuery(name: "page", about: "The page, from 1", kind: .integer(1...1_000_000)),
        APIQuery(name: "perPage", about: "Items per page (default 50)", kind: .integer(1...500)),
    ]

    /// `DecisionFilter`.
    static let decisionFilter = [
        APIQuery(
            name: "district", about: "Only this district's decisions", kind: .text(minLength: nil, maxLength: nil)),
        APIQuery(name: "outcome", about: "Only this outcome", kind: .choice(Outcome.allCases.map(\.rawValue))),
        APIQuery(name: "from", about: "Decided on or after this Seoul day", kind: .day),
        APIQuery(name: "to", about: "Decided on or before this Seoul day", kind: .day),
    ]

    /// `RegulationStatistics`: the last 30 days unless given.
    static let period = [
        APIQuery(name: "from", about: "The first Seoul day (default: 29 days before today)", kind: .day),
        APIQuery(name: "to", about: "The last Seoul day (default: today)", kind: .day),
    ]

    /// `ApiLegalTimeController.asOf`.
    static let asOf = [APIQuery(name: "asOf", about: "The day values are read as of (default: today)", kind: .day)]

    /// `ApiGrantController.reportYear`.
    static let reportYear = [
        APIQuery(name: "year", about: "The programme year (default: this year)", kind: .integer(2020...2100))
    ]

    /// `AuditFilter`, exact matches.
    static let auditFilter = ["action", "actor", "targetType", "targetID"].map {
        APIQuery(
            name: $0, about: "Only entries whose \($0) is exactly this", kind: .text(minLength: nil, maxLength: nil))
    }
}
