import Fluent
import Foundation
import TeukguCore
import Vapor

/// Art. 87(8): once the revision of the law an exemption works around has started, the ministry may
/// grant a temporary permit for the same business. The permit is a case of its own, granted at once
/// on its own terms (within the permit's longest validity and the district's term), and must be
/// insured before use like any grant; the exemption gives way when the company starts using it.
enum SandboxConversion {
    /// The permit the conversion grants, not yet stored; refused unless the revision has started.
    static func permit(
        from exemption: SandboxCaseRecord, terms input: SandboxEventInput, note: String, today: CalendarDate,
        now: Date, app: Application, database: any Database
    ) async throws -> SandboxCaseRecord {
        guard try await SandboxValidity.hasEvent(.requestRevision, exemption, on: database) else {
            throw AppError.conflict(
                "revision_not_started",
                "A temporary permit replaces an exemption only once the law's revision has started (art. 87(8)).")
        }
        let existing = try await SandboxCaseRecord.query(on: database)
            .filter(\.$convertedFromID == exemption.requireID()).count()
        guard existing == 0 else {
            throw AppError.conflict("already_converted", "This exemption was converted to a temporary permit already.")
        }
        guard !note.isEmpty else {
            throw AppError.invalid("answer_required", "Write the decision, with its reasons, in the note.")
        }
        let permit = SandboxCaseRecord()
        permit.kind = .temporaryPermit
        permit.status = .granted
        permit.companyID = exemption.companyID
        permit.districtID = exemption.districtID
        permit.regionID = exemption.regionID
        permit.title = exemption.title
        permit.activity = exemption.activity
        permit.question = exemption.question
        permit.documentsJSON = "[]"
        permit.filedAt = now
        permit.pausesJSON = "[]"
        permit.extensionDays = 0
        permit.convertedFromID = try exemption.requireID()
        // The exemption's rules, unless the ministry names others for the permit.
        var terms = input
        if (terms.exempts ?? []).isEmpty, let json = exemption.grantExemptsJSON {
            terms.exempts = try JSONColumn.decode([String].self, json)
        }
        try await SandboxGrants.settle(terms, on: permit, grantDay: today, app: app, database: database)
        permit.answer = note
        permit.answeredOn = today.iso
        return permit
    }

    /// Stores the permit with its receipt number and its first step, inside the exemption's step.
    static func store(
        _ permit: SandboxCaseRecord, from exemption: SandboxCaseRecord, today: CalendarDate, note: String,
        actor: AuditLog.Actor, now: Date, on transaction: any Database
    ) async throws {
        permit.number = try await SandboxCases.nextNumber(year: today.year, on: transaction)
        try await permit.create(on: transaction)
        try await SandboxCases.history(
            permit, event: SandboxCaseStatus.Event.grant.rawValue, on: today,
            note: "\(exemption.number) → \(permit.number) (art. 87(8)): \(note)", documents: [], actor: actor, at: now,
            on: transaction)
        try await AuditLog.record(
            on: transaction, actor: actor, action: "sandbox.converted", targetType: "sandbox-case",
            targetID: try permit.requireID().uuidString,
            after: ["number": permit.number, "from": exemption.number, "validUntil": permit.validUntil ?? ""], at: now)
    }

    /// When the company starts using a converted permit, the exemption it replaces ends the day
    /// before (or keeps its shorter validity).
    static func retireExemption(
        replacedBy permit: SandboxCaseRecord, today: CalendarDate, on database: any Database
    ) async throws {
        guard let id = permit.convertedFromID, let exemption = try await SandboxCaseRecord.find(id, on: database),
            let from = exemption.validFrom.flatMap(CalendarDate.init(iso:)),
            let until = exemption.validUntil.flatMap(CalendarDate.init(iso:))
        else { return }
        let last = max(from, today.adding(days: -1))
        guard last < until else { return }
        exemption.validUntil = last.iso
        try await exemption.save(on: database)
    }
}
