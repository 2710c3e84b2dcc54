import Fluent
import Foundation
import SQLKit
import TeukguCore
import Vapor

/// Settles rapid confirmations whose answer period ran out: the case becomes "deemed: no permit
/// needed" (art. 85(5)) on its legal date, the day after the period ended, whenever the settler
/// runs (a clock that ran out while the server was down keeps its legal date). Each case is claimed
/// with a conditional update inside its transaction, so among several instances sharing one
/// database exactly one settles it.
enum SandboxClockSettler {
    /// Settles every due clock as of `today`; answers how many this call settled. Due cases are
    /// claimed in batches: one conditional update per batch, whose returned rows are this instance's
    /// to record (history, audit, the company's message) in the same transaction.
    @discardableResult
    static func settleDue(app: Application, today: CalendarDate, instance: String) async throws -> Int {
        guard app.db is any SQLDatabase else { return 0 }
        let catalog = try await LegalTimeStore.catalog(on: app.db)
        let holidays = try await LegalTimeStore.holidays(on: app.db)
        let open = try await SandboxCaseRecord.query(on: app.db)
            .filter(\.$status == .underReview).filter(\.$kind == .rapidConfirmation).all()
        var due: [(record: SandboxCaseRecord, result: LegalClockResult)] = []
        for record in open {
            let result: LegalClockResult?
            do { result = try clock(record, catalog, holidays, today: today) } catch { result = nil }
            guard let result, SandboxClock.hasRunOut(result, today: today) else { continue }
            due.append((record, result))
        }
        var settled = 0
        var start = 0
        while start < due.count {
            let batch = Array(due[start..<min(start + 500, due.count)])
            start += batch.count
            settled += try await settle(batch, app: app, instance: instance)
        }
        return settled
    }

    private static func settle(
        _ batch: [(record: SandboxCaseRecord, result: LegalClockResult)], app: Application, instance: String
    ) async throws -> Int {
        let now = app.clock.now()
        return try await app.db.transaction { transaction -> Int in
            guard let sql = transaction as? any SQLDatabase else { return 0 }
            struct Claimed: Decodable { let id: UUID }
            // Every case in the batch becomes deemed with its own legal date; only rows still under
            // review change, so a case another instance settled first is not returned here.
            var claimed: Set<UUID> = []
            for group in Dictionary(grouping: batch, by: { SandboxClock.deemedOn($0.result) }) {
                let ids = group.value.compactMap(\.record.id)
                let rows = try await sql.raw(
                    """
                    UPDATE \(ident: SandboxCaseRecord.schema)
                    SET status = \(bind: SandboxCaseStatus.deemedNoPermitNeeded.rawValue), due_on = NULL,
                        answered_on = \(bind: group.key.iso), settled_by = \(bind: instance), updated_at = \(bind: now)
                    WHERE id IN (\(binds: ids)) AND status = \(bind: SandboxCaseStatus.underReview.rawValue)
                    RETURNING id
                    """
                ).all(decoding: Claimed.self)
                claimed.formUnion(rows.map(\.id))
            }
            for (record, result) in batch {
                guard let id = record.id, claimed.contains(id) else { continue }
                let deemedOn = SandboxClock.deemedOn(result)
                record.status = .deemedNoPermitNeeded
                try await SandboxCases.history(
                    record, event: SandboxCaseStatus.Event.deem.rawValue, on: deemedOn,
                    note: "due \(result.due.iso)", documents: [], actor: .system, at: now, on: transaction)
                try await AuditLog.record(
                    on: transaction, actor: .system, action: "sandbox.deem", targetType: "sandbox-case",
                    targetID: id.uuidString, before: ["status": SandboxCaseStatus.underReview.rawValue],
                    after: ["status": SandboxCaseStatus.deemedNoPermitNeeded.rawValue, "on": deemedOn.iso], at: now)
                try await SandboxCases.tellCompany(
                    record, subject: ("신속확인: 허가 불필요로 간주", "Rapid confirmation deemed: no permit needed"),
                    on: transaction)
            }
            return claimed.count
        }
    }

    static func clock(
        _ record: SandboxCaseRecord, _ catalog: ParameterCatalog, _ holidays: HolidayCalendar, today: CalendarDate
    ) throws -> LegalClockResult? {
        guard let notified = record.notifiedOn.flatMap(CalendarDate.init(iso:)) else { return nil }
        let pauses = try JSONColumn.decode([SandboxCases.Pause].self, record.pausesJSON).compactMap { pause in
            CalendarDate(iso: pause.from).map { ClockPause(from: $0, to: pause.to.flatMap(CalendarDate.init(iso:))) }
        }
        let clock = SandboxClock(
            kind: record.kind, notifiedOn: notified, pauses: pauses,
            extensions: record.extensionDays > 0 ? [.days(record.extensionDays)] : [])
        return try clock.result(catalog, holidays: holidays, today: today)
    }
}

/// Runs the settler and the reminders when the server starts and every minute after.
final class SandboxClockLoop: LifecycleHandler, @unchecked Sendable {
    private var task: Task<Void, Never>?
    /// Names this process in `settled_by`.
    let instance = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"

    func didBootAsync(_ app: Application) async throws {
        let instance = self.instance
        task = Task {
            while !Task.isCancelled {
                do {
                    try await SandboxClockSettler.settleDue(app: app, today: app.clock.today(), instance: instance)
                    try await SandboxReminders.send(app: app, today: app.clock.today())
                    try await SandboxDeadlineReminders.send(app: app, today: app.clock.today())
                } catch {
                    app.logger.warning("settling sandbox clocks failed: \(error)")
                }
                try? await Task.sleep(for: .seconds(60))
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        task?.cancel()
        _ = await task?.value
    }
}
