import Fluent
import Foundation
import TeukguCore

/// What every programme's application record has, so the shared component can run its lifecycle.
protocol ApplicationRecord: Model where IDValue == UUID {
    var callID: UUID { get }
    var status: ApplicationStatus { get set }
    var outcome: ApplicationOutcome { get set }
    var receiptNumber: String? { get set }
    var submittedAt: Date? { get set }
    /// Order of first submission within the call; the documented tie-break and the receipt's number.
    var submittedOrder: Int? { get set }
    /// The ministry's open request for more information, if any.
    var infoRequest: String? { get set }

    /// How many applications of the call have drawn a receipt number (inside the submit transaction).
    static func receiptCount(callID: UUID, on database: any Database) async throws -> Int
}

/// What every programme's call record has: a lifecycle and a window, in minutes of Seoul time.
protocol ApplicationCallRecord: Model where IDValue == UUID {
    var status: CallStatus { get }
    var opensAt: Date { get }
    var closesAt: Date { get }
    /// A column the submit transaction rewrites unchanged to take the call row's write lock.
    static var lockColumn: String { get }
}

extension ApplicationCallRecord {
    /// Open for drafting and submitting: accepting, and inside its window.
    func isAccepting(now: Date) -> Bool {
        status == .accepting && now >= opensAt && now < closesAt
    }

    /// Why nothing can be submitted or changed now: not yet open, or closed.
    func windowClosedError(now: Date) -> AppError {
        now < opensAt
            ? AppError.conflict("call_not_open", "The call opens at \(Timestamps.seoulMinute(opensAt)).")
            : AppError.conflict(
                "call_closed",
                "The call closed at \(Timestamps.seoulMinute(closesAt)); nothing can be submitted or changed now.")
    }
}

extension DesignationApplicationRecord: ApplicationRecord {
    static func receiptCount(callID: UUID, on database: any Database) async throws -> Int {
        try await query(on: database).filter(\.$callID == callID).filter(\.$submittedOrder != nil).count()
    }
}

extension CollaborationApplicationRecord: ApplicationRecord {
    static func receiptCount(callID: UUID, on database: any Database) async throws -> Int {
        try await query(on: database).filter(\.$callID == callID).filter(\.$submittedOrder != nil).count()
    }
}

extension DesignationCallRecord: ApplicationCallRecord {
    static let lockColumn = "stage_index"
}

extension CollaborationCallRecord: ApplicationCallRecord {
    static let lockColumn = "max_choices"
}
