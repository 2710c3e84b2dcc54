import Fluent
import Foundation
import TeukguCore

/// What a programme declares to use the shared application component (`ApplicationWorkflow`):
/// its records, names, receipt numbers, who owns and who may read an application, what must be
/// there before it is submitted, and the rules in which it differs. Everything else (drafts in the
/// window, the explicit submit with receipt and confirmation, requests for more information,
/// withdrawal, audit) is written once, in the extension of this protocol.
protocol ApplicationProgramme: Sendable {
    associatedtype Record: ApplicationRecord
    associatedtype Call: ApplicationCallRecord

    /// Prefix of audit actions, e.g. `designation` gives `designation.application-submitted`.
    static var auditPrefix: String { get }
    /// The target and outbox type of an application, e.g. `designation-application`.
    static var recordType: String { get }
    /// The receipt number of the `order`-th submission to `call`.
    static func receiptNumber(call: Call, order: Int) -> String
    /// The applicant's own people (a region's officials, a company's members).
    static func isOwner(_ application: Record, _ account: CurrentAccount) -> Bool
    /// Readers besides the ministry and the owner (evaluators, partners, committee members).
    static func mayAlsoRead(
        _ application: Record, by account: CurrentAccount, on database: any Database
    ) async throws -> Bool
    /// What still stops a submission, or nil when it may go in.
    static func submissionRefusal(
        _ application: Record, call: Call, account: CurrentAccount, context: SubmissionContext,
        on database: any Database
    ) async throws -> AppError?
    /// The name the applicant knows the application by (the plan's or the company's), for messages.
    static func title(of application: Record, on database: any Database) async throws -> String
    /// Who hears that the ministry asked for more information.
    static func applicantAccounts(of application: Record, on database: any Database) async throws -> [AccountRecord]
    /// Whether withdrawing needs the call still accepting (true), or only an undecided application.
    static var withdrawalNeedsOpenCall: Bool { get }
    /// Called inside the transaction of every change, e.g. to keep a revision of the plan.
    static func recordChange(
        _ application: Record, change: ApplicationChange, by account: UUID, on database: any Database) async throws
}

/// What a submission check may need beyond the records (the rule ids a plan may cite).
struct SubmissionContext: Sendable {
    var knownRuleIDs: Set<String> = []
}

extension ApplicationProgramme {
    static func recordChange(
        _ application: Record, change: ApplicationChange, by account: UUID, on database: any Database
    ) async throws {}
}

/// A change to an application, as kept in revisions and named in the audit log.
enum ApplicationChange: String, Sendable {
    case created
    case saved
    case submitted
    case resubmitted
    case informationRequested = "information-requested"
    case withdrawn
}
