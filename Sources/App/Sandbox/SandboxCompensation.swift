import Fluent
import Foundation
import TeukguCore

/// An operator that cannot take out liability insurance arranges, before it starts, a plan to
/// compensate users, agreed with its region in a separate consultation (arts. 88(2), 90(15) 단서):
/// it files why it cannot be insured and the plan, with its compensation standards, method and
/// procedure (Decree art. 61(1)), at amounts comparable to the insurance minimums (art. 61(2)).
enum SandboxCompensation {
    static let citation = Citation(law: Citation.specialZonesDecree, article: "art. 61(1)")

    static func check(
        _ event: SandboxCaseStatus.Event, _ record: SandboxCaseRecord, note: String, input: SandboxEventInput,
        on database: any Database
    ) async throws {
        let events = try await SandboxCaseEventRecord.query(on: database).filter(\.$caseID == record.requireID())
            .filter(
                \.$event ~~ [
                    SandboxCaseStatus.Event.fileCompensationPlan.rawValue,
                    SandboxCaseStatus.Event.agreeCompensationPlan.rawValue,
                ]
            )
            .sort(\.$at).all()
        switch event {
        case .fileCompensationPlan:
            guard !note.isEmpty, !(input.documentIDs ?? []).isEmpty else {
                throw AppError.invalid(
                    "compensation_plan_incomplete",
                    "Say why the operation cannot be insured and attach the compensation plan (Decree art. 61(1)).")
            }
        default:
            guard events.last?.event == SandboxCaseStatus.Event.fileCompensationPlan.rawValue else {
                throw AppError.conflict(
                    "no_compensation_plan", "There is no compensation plan waiting for the region's agreement.")
            }
            guard !note.isEmpty else {
                throw AppError.invalid("note_required", "Record what was agreed in the consultation.")
            }
        }
    }

    /// The day the region agreed the plan now in force, if it did (a plan filed again after an
    /// agreement needs agreeing again).
    static func agreedPlan(_ record: SandboxCaseRecord, on database: any Database) async throws -> CalendarDate? {
        let events = try await SandboxCaseEventRecord.query(on: database).filter(\.$caseID == record.requireID())
            .filter(
                \.$event ~~ [
                    SandboxCaseStatus.Event.fileCompensationPlan.rawValue,
                    SandboxCaseStatus.Event.agreeCompensationPlan.rawValue,
                ]
            )
            .sort(\.$at).all()
        return agreedPlan(in: events)
    }

    static func agreedPlan(in events: [SandboxCaseEventRecord]) -> CalendarDate? {
        let plans = events.filter {
            $0.event == SandboxCaseStatus.Event.fileCompensationPlan.rawValue
                || $0.event == SandboxCaseStatus.Event.agreeCompensationPlan.rawValue
        }
        guard let last = plans.last, last.event == SandboxCaseStatus.Event.agreeCompensationPlan.rawValue else {
            return nil
        }
        return CalendarDate(iso: last.onDay)
    }
}
