import Foundation
import TeukguCore

/// The regulation check's request and answer as the API document describes them. The route reads
/// its body with the engine's own fast reader and writes pre-encoded JSON, so these types are not
/// what it decodes. `APIClientTests` posts through a client generated from the document, whose
/// types decode the real answer, so a field renamed or retyped on either side fails that test.
struct RegulationCheckRequestDoc: Decodable {
    let district: String
    /// The day the rules are read as of.
    let asOf: CalendarDate
    /// A company's own checks name it; its granted exemptions then apply.
    let company: UUID?
    /// Facts by name: strings, numbers and booleans as the district's rulebook declares them.
    let facts: [String: String]
}

struct RegulationCheckAnswerDoc: Decodable {
    struct Words: Decodable {
        let ko: String
        let en: String
    }

    struct Reason: Decodable {
        let id: String
        let effect: String
        let rulebook: String
        let title: Words
    }

    let decisionId: UUID
    let version: Int
    let district: String
    let asOf: CalendarDate
    /// `permitted`, `conditional`, `prohibited` or `indeterminate` (facts are missing).
    let outcome: String
    let basis: Words
    let reasons: [Reason]
}
