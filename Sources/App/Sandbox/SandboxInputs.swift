import Foundation
import TeukguCore
import Vapor

/// A company's filing: which instrument, in which district, for what.
struct SandboxFilingInput: StrictJSONInput, DocumentedLimits, Content {
    var kind: SandboxCaseKind
    var districtID: String
    var title: String
    var activity: String
    var question: String
    var documentIDs: [UUID]?
    /// A company outside the zone taking part in its business may ask for a demonstration
    /// exemption (art. 86(1)); it says how it takes part.
    var outsideZoneParticipation: String? = nil

    static let fields: Set<String> = [
        "kind", "districtID", "title", "activity", "question", "documentIDs", "outsideZoneParticipation",
    ]
    static let limits: [String: FieldLimit] = [
        "title": .text(1...200), "activity": .text(1...4_000), "question": .text(1...4_000),
        "outsideZoneParticipation": .text(0...2_000),
    ]
}

/// One step on a case: the event, its note, and for some events a day or a length.
struct SandboxEventInput: StrictJSONInput, Content {
    var event: SandboxCaseStatus.Event
    var note: String?
    /// The legal day of the step where it is not today (the day the ministries were notified).
    var on: String?
    /// Days of a review extension (at most the parameter in force).
    var days: Int?
    var documentIDs: [UUID]?
    /// For a grant: the national rule ids it switches off, its last valid day and its conditions.
    var exempts: [String]? = nil
    var validUntil: String? = nil
    var conditions: [String]? = nil
    /// On notification: the competent ministries; for their answers: which one, and what it said.
    var ministries: [String]? = nil
    var ministry: String? = nil
    var answer: String? = nil

    static let fields: Set<String> = [
        "event", "note", "on", "days", "documentIDs", "exempts", "validUntil", "conditions", "ministries",
        "ministry", "answer",
    ]
}

extension SandboxCaseStatus.Event: Codable {}
