import Foundation
import TeukguCore
import Vapor

/// A case as a queue lists it: enough to see what it is, where it stands and when it is due, read
/// from the queue's columns alone (its stored due day), so a page of a queue costs one query. The whole
/// case, with history, clocks and steps, is `GET /api/v1/sandbox/cases/{caseID}`.
struct SandboxCaseSummary: Content {
    let id: UUID
    let number: String
    let kind: SandboxCaseKind
    let status: SandboxCaseStatus
    let title: String
    let companyID: UUID
    let districtID: String
    let regionID: String
    let filedAt: String?
    /// The running clock's due day; nil while paused for supplementation or when no clock runs.
    let dueOn: String?
    let daysLeft: Int?
    let paused: Bool

    init(_ record: SandboxQueueEntry, today: CalendarDate) {
        id = record.id
        number = record.number
        kind = record.kind
        status = record.status
        title = record.title
        companyID = record.companyID
        districtID = record.districtID
        regionID = record.regionID
        filedAt = Timestamps.text(record.filedAt)
        dueOn = record.dueOn
        daysLeft = record.dueOn.flatMap(CalendarDate.init(iso:)).map { today.days(until: $0) }
        paused = record.status == .awaitingSupplement
    }
}
