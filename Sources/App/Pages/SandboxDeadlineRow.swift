import Foundation
import TeukguCore

/// A deadline as a page lists it: what is owed, by whom, by when, how urgent, and why.
struct SandboxDeadlineRow: Encodable {
    let what: String
    let owner: String
    let due: String
    let daysLeft: Int
    /// `expired` for an overdue duty, `paused` (the amber badge) within 7 days.
    let urgency: String?
    let urgencyText: String?
    let citation: String
    let caseNumber: String
    let caseHref: String

    init(_ deadline: SandboxDeadline, of record: SandboxCaseRecord, today: CalendarDate, language: String) {
        let kindKey = "sandbox.deadline." + deadline.kind.rawValue
        let ownerKey = "sandbox.owner." + deadline.owner.rawValue
        what = Strings.text(kindKey, language) + (deadline.subject.isEmpty ? "" : " · " + deadline.subject)
        owner = Strings.text(ownerKey, language)
        due = deadline.due.iso
        daysLeft = today.days(until: deadline.due)
        citation = CitationWords.text(deadline.citation, language)
        caseNumber = record.number
        caseHref = Endpoints.sandboxCasePage.link([.caseID: record.id?.uuidString ?? ""])
        if daysLeft < 0 {
            urgency = "expired"
            urgencyText = Strings.format("clock.daysOverdue", language, -daysLeft)
        } else if daysLeft <= 7 {
            urgency = "paused"
            urgencyText = Strings.format(daysLeft == 1 ? "clock.dayLeft" : "clock.daysLeft", language, daysLeft)
        } else {
            urgency = nil
            urgencyText = nil
        }
    }

    /// Whether it counts as due soon (within 7 days) or overdue on a party's page.
    var isDueSoon: Bool { daysLeft >= 0 && daysLeft <= 7 }
    var isOverdue: Bool { daysLeft < 0 }
}
