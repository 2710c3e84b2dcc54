import Fluent
import Foundation
import SQLKit
import TeukguCore
import Vapor

/// Reminds whoever a case waits on 7 days and 1 day before its answer or committee deadline, once
/// each: the reminder row's unique key (case, due day, lead) is the claim, so among several
/// instances only the one whose insert lands sends it. A reminder missed while the server was down
/// is sent when it comes back, if the deadline has not passed.
enum SandboxReminders {
    static let leads = [7, 1]

    final class ReminderRecord: Model, @unchecked Sendable {
        static let schema = "sandbox_reminders"
        @ID(key: .id) var id: UUID?
        @Field(key: "case_id") var caseID: UUID
        @Field(key: "due_on") var dueOn: String
        @Field(key: "lead_days") var leadDays: Int
        @Field(key: "sent_at") var sentAt: Date

        init() {}
    }

    struct Migration: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(ReminderRecord.schema).id()
                .field("case_id", .uuid, .required, .references(SandboxCaseRecord.schema, "id"))
                .field("due_on", .string, .required).field("lead_days", .int, .required)
                .field("sent_at", .datetime, .required)
                .unique(on: "case_id", "due_on", "lead_days").create()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(ReminderRecord.schema).delete()
        }
    }

    /// The lead whose reminder is due on `today` for a deadline `due`: the nearest lead not yet
    /// passed (7 days before until 2 days before, then 1 day before until the day itself).
    static func lead(due: CalendarDate, today: CalendarDate) -> Int? {
        let left = today.days(until: due)
        guard left >= 0 else { return nil }
        return leads.sorted().first { left <= $0 }
    }

    @discardableResult
    static func send(app: Application, today: CalendarDate) async throws -> Int {
        let catalog = try await LegalTimeStore.catalog(on: app.db)
        let holidays = try await LegalTimeStore.holidays(on: app.db)
        let open = try await SandboxCaseRecord.query(on: app.db).filter(\.$status ~~ [.underReview, .atCommittee]).all()
        let ids = open.compactMap(\.id)
        let referrals =
            ids.isEmpty
            ? []
            : try await SandboxCaseEventRecord.query(on: app.db).filter(\.$caseID ~~ ids)
                .filter(\.$event == SandboxCaseStatus.Event.referToCommittee.rawValue).all()
        var sent = 0
        for record in open {
            guard let id = record.id else { continue }
            let clocks = SandboxClocks.of(
                record, events: referrals.filter { $0.caseID == id }, catalog: catalog, holidays: holidays,
                today: today)
            guard let clock = clocks.committee ?? clocks.answer, !clock.isPaused,
                let lead = lead(due: clock.due, today: today)
            else { continue }
            let now = app.clock.now()
            do {
                try await app.db.transaction { transaction in
                    let row = ReminderRecord()
                    row.caseID = id
                    row.dueOn = clock.due.iso
                    row.leadDays = lead
                    row.sentAt = now
                    try await row.create(on: transaction)
                    let roles: [Role] = record.status == .atCommittee ? [.committeeMember] : [.ministryOfficer]
                    let subject = (
                        "기한 \(lead)일 전: \(clock.due.iso)", "\(lead) day(s) to the deadline: \(clock.due.iso)"
                    )
                    try await SandboxCases.tell(roles: roles, about: record, subject: subject, on: transaction)
                }
                sent += 1
            } catch let error as any DatabaseError where error.isConstraintFailure {
                continue  // Sent already, by this instance or another.
            }
        }
        return sent
    }
}
