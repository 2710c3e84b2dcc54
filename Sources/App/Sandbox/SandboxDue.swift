import Fluent
import Foundation
import SQLKit
import TeukguCore

/// The deadline a case's queue is ordered and counted by: the answer clock's due day while it
/// runs, the committee's once referred, none while paused for supplementation or when no clock
/// runs. It is stored on the case at every step, so a party's queue and its due-soon and overdue
/// counts are indexed queries over 10,000 cases rather than a clock computed per case per request.
enum SandboxDue {
    static func compute(
        _ record: SandboxCaseRecord, events: [SandboxCaseEventRecord], catalog: ParameterCatalog,
        holidays: HolidayCalendar, today: CalendarDate
    ) -> CalendarDate? {
        // The due day of a running clock does not depend on the day it is asked; a paused one's does.
        let clocks = SandboxClocks.of(record, events: events, catalog: catalog, holidays: holidays, today: today)
        guard let clock = clocks.committee ?? clocks.answer, !clock.isPaused else { return nil }
        return clock.due
    }

    /// Sets `dueOn` from the case as it now stands; `referredOn` is the referral day of a case the
    /// step just sent to the committee (its history row is not written yet).
    static func refresh(
        _ record: SandboxCaseRecord, referredOn: CalendarDate? = nil, today: CalendarDate, on database: any Database
    ) async throws {
        var referral: [SandboxCaseEventRecord] = []
        if record.status == .atCommittee {
            if let referredOn {
                let row = SandboxCaseEventRecord()
                row.caseID = try record.requireID()
                row.event = SandboxCaseStatus.Event.referToCommittee.rawValue
                row.onDay = referredOn.iso
                referral = [row]
            } else {
                referral = try await SandboxCaseEventRecord.query(on: database).filter(\.$caseID == record.requireID())
                    .filter(\.$event == SandboxCaseStatus.Event.referToCommittee.rawValue).all()
            }
        }
        let catalog = try await LegalTimeStore.catalog(on: database)
        let holidays = try await LegalTimeStore.holidays(on: database)
        record.dueOn = compute(record, events: referral, catalog: catalog, holidays: holidays, today: today)?.iso
    }

    /// Adds the column and its index, and fills it for the cases already on file.
    struct Migration: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(SandboxCaseRecord.schema).field("due_on", .string).update()
            try await database.schema(SandboxCaseRecord.schema).field("ministries_json", .string).update()
            try await database.schema(SandboxCaseRecord.schema).field("outside_zone_participation", .string).update()
            if let sql = database as? any SQLDatabase {
                try await sql.create(index: "sandbox_cases_status_due").on(SandboxCaseRecord.schema)
                    .column("status").column("due_on").run()
            }
            let open = try await SandboxCaseRecord.query(on: database)
                .filter(\.$status ~~ [.underReview, .awaitingSupplement, .atCommittee]).all()
            for record in open {
                // A running clock's due day does not depend on the day asked (a paused one has none).
                let asked = record.notifiedOn.flatMap(CalendarDate.init(iso:)) ?? CalendarDate(instant: record.filedAt)
                try await refresh(record, today: asked, on: database)
                try await record.save(on: database)
            }
        }

        func revert(on database: any Database) async throws {
            if let sql = database as? any SQLDatabase {
                try await sql.drop(index: "sandbox_cases_status_due").run()
            }
            try await database.schema(SandboxCaseRecord.schema).deleteField("due_on").update()
            try await database.schema(SandboxCaseRecord.schema).deleteField("ministries_json").update()
            try await database.schema(SandboxCaseRecord.schema).deleteField("outside_zone_participation").update()
        }
    }
}
