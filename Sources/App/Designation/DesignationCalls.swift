import Fluent
import Foundation
import TeukguCore
import Vapor

/// Opening and reading designation calls.
enum DesignationCalls {
    static func isAccepting(_ call: DesignationCallRecord, now: Date) -> Bool {
        call.isAccepting(now: now)
    }

    static func find(_ id: String?, on database: any Database) async throws -> DesignationCallRecord {
        try await DesignationCallRecord.find(text: id, on: database, what: "call")
    }

    static func open(
        _ input: CallInput, actor: AuditLog.Actor, on database: any Database
    ) async throws -> DesignationCallRecord {
        let (opens, closes, balance) = try input.validated()
        let call = DesignationCallRecord()
        call.round = input.round
        call.title = input.title.trimmed
        call.description = input.description?.trimmed ?? ""
        call.titleEnglish = input.titleEnglish?.trimmed.nilIfEmpty
        call.descriptionEnglish = input.descriptionEnglish?.trimmed.nilIfEmpty
        call.opensAt = opens
        call.closesAt = closes
        call.localGovernmentsEligible = input.localGovernmentsEligible ?? (input.round >= 2)
        call.cap = input.cap
        call.stagesJSON = try JSONColumn.encode(input.stages)
        call.balanceJSON = try JSONColumn.encode(balance)
        call.status = .accepting
        call.stageIndex = 0
        try await database.transaction { transaction in
            try await call.create(on: transaction)
            try await AuditLog.record(
                on: transaction, actor: actor, action: "designation.call-opened", targetType: "designation-call",
                targetID: try call.requireID().uuidString,
                after: [
                    "round": String(call.round), "title": call.title, "cap": String(call.cap),
                    "closesAt": Timestamps.text(closes) ?? "",
                ])
        }
        return call
    }

    /// Moves the closing minute, only while the call is still accepting; an extension is audited.
    static func changeWindow(
        _ call: DesignationCallRecord, closesAt text: String, actor: AuditLog.Actor, now: Date,
        on database: any Database
    ) async throws {
        guard call.status == .accepting else {
            throw AppError.conflict("call_not_accepting", "This call no longer accepts applications.")
        }
        guard let closes = Timestamps.parse(text), closes > call.opensAt else {
            throw AppError.invalid("invalid_date", "closesAt must be a date-time after the opening.")
        }
        let before = Timestamps.text(call.closesAt) ?? ""
        call.closesAt = closes
        try await database.transaction { transaction in
            try await call.save(on: transaction)
            try await AuditLog.record(
                on: transaction, actor: actor, action: "designation.call-window-changed",
                targetType: "designation-call",
                targetID: try call.requireID().uuidString, before: ["closesAt": before],
                after: ["closesAt": Timestamps.text(closes) ?? ""])
        }
    }

    static func stages(of call: DesignationCallRecord) throws -> [EvaluationStage] {
        try JSONColumn.decode([EvaluationStage].self, call.stagesJSON)
    }

    static func submittedCount(_ call: DesignationCallRecord, on database: any Database) async throws -> Int {
        try await DesignationApplicationRecord.query(on: database)
            .filter(\.$callID == call.requireID()).filter(\.$submittedAt != nil).filter(\.$status != .withdrawn).count()
    }
}
