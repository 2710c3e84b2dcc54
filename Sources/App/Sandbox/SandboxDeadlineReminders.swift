import Fluent
import Foundation
import TeukguCore
import Vapor

/// Reminds whoever owes a granted case's deadline (the company, or the ministry for a revision
/// plan) 7 days and 1 day before it, once each: as with the clock reminders, the row's unique key
/// (case, deadline, due day, lead) is the claim among several instances.
enum SandboxDeadlineReminders {
    final class ReminderRecord: Model, @unchecked Sendable {
        static let schema = "sandbox_deadline_reminders"
        @ID(key: .id) var id: UUID?
        @Field(key: "case_id") var caseID: UUID
        @Field(key: "deadline") var deadline: String
        @Field(key: "due_on") var dueOn: String
        @Field(key: "lead_days") var leadDays: Int
        @Field(key: "sent_at") var sentAt: Date

        init() {}
    }

    struct Migration: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(ReminderRecord.schema).id()
                .field("case_id", .uuid, .required, .references(SandboxCaseRecord.schema, "id"))
                .field("deadline", .string, .required).field("due_on", .string, .required)
                .field("lead_days", .int, .required).field("sent_at", .datetime, .required)
                .unique(on: "case_id", "deadline", "due_on", "lead_days").create()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(ReminderRecord.schema).delete()
        }
    }

    @discardableResult
    static func send(app: Application, today: CalendarDate) async throws -> Int {
        let catalog = try await LegalTimeStore.catalog(on: app.db)
        // Granted cases, and those whose grant ended with claims still owing (claims outlive grants).
        let claimed = try await SandboxClaimRecord.query(on: app.db).filter(\.$reportedOn == nil).all().map(\.caseID)
        let granted = try await SandboxCaseRecord.query(on: app.db).group(.or) { group in
            group.filter(\.$status ~~ [.granted, .inUse])
            if !claimed.isEmpty { group.filter(\.$id ~~ Array(Set(claimed))) }
        }.all()
        var sent = 0
        for (record, deadline) in try await SandboxDeadlines.of(granted, catalog: catalog, today: today, on: app.db) {
            guard let id = record.id, let lead = SandboxReminders.lead(due: deadline.due, today: today) else {
                continue
            }
            let now = app.clock.now()
            do {
                try await app.db.transaction { transaction in
                    let row = ReminderRecord()
                    row.caseID = id
                    row.deadline =
                        deadline.subject.isEmpty
                        ? deadline.kind.rawValue : "\(deadline.kind.rawValue):\(deadline.subject)"
                    row.dueOn = deadline.due.iso
                    row.leadDays = lead
                    row.sentAt = now
                    try await row.create(on: transaction)
                    let key = "sandbox.deadline." + deadline.kind.rawValue
                    let what = (Strings.text(key, "ko"), Strings.text(key, "en"))
                    let subject = (
                        "\(what.0) \(lead)일 전: \(deadline.due.iso)",
                        "\(lead) day(s) to go: \(what.1.lowercased()), \(deadline.due.iso)"
                    )
                    switch deadline.owner {
                    case .company: try await SandboxCases.tellCompany(record, subject: subject, on: transaction)
                    case .ministry:
                        try await SandboxCases.tell(
                            roles: [.ministryOfficer], about: record, subject: subject, on: transaction)
                    }
                }
                sent += 1
            } catch let error as any DatabaseError where error.isConstraintFailure {
                continue  // Sent already, by this instance or another.
            }
        }
        return sent
    }
}
