import Fluent
import Foundation
import RegulationEngine
import TeukguCore
import Vapor

/// Grants of demonstration exemptions and temporary permits: set at the grant within the longest
/// validity in force on the grant day and never beyond the district's term, then applied to the
/// company's own checks in that district.
enum SandboxGrants {
    /// Fills the grant's terms on `record` or refuses them, naming the limit.
    static func settle(
        _ input: SandboxEventInput, on record: SandboxCaseRecord, grantDay: CalendarDate, app: Application,
        database: any Database
    ) async throws {
        let exempts = (input.exempts ?? []).map(\.trimmed).filter { !$0.isEmpty }
        guard !exempts.isEmpty, exempts.count <= 20 else {
            throw AppError.invalid(
                "grant_exempts_required", "Name the national rules (1–20 rule ids) the grant switches off.")
        }
        let national = Set(
            (app.rulebooks.live?.set.rulebooks ?? []).filter { $0.scope == .national }.flatMap(\.rules).map(\.id))
        if let unknown = exempts.first(where: { !national.contains($0) }) {
            throw AppError(
                .unprocessableEntity, "unknown_rule", "'\(unknown)' is not a national rule of the rulebooks in force.")
        }
        let conditions = (input.conditions ?? []).map(\.trimmed).filter { !$0.isEmpty }
        guard conditions.count <= 20, conditions.allSatisfy({ $0.count <= 1_000 }) else {
            throw AppError.invalid("invalid_conditions", "At most 20 conditions of up to 1,000 characters each.")
        }
        let latest = try await latestValidDay(record, grantDay: grantDay, on: database)
        let until = try DateInput.optional(input.validUntil, field: "validUntil") ?? latest
        guard until >= grantDay, until <= latest else {
            throw AppError.invalid(
                "invalid_validity",
                "The grant is valid from \(grantDay.iso) to at most \(latest.iso) (the longest validity in force on the "
                    + "grant day, within the district's term).")
        }
        record.grantExemptsJSON = try JSONColumn.encode(exempts)
        record.grantConditionsJSON = try JSONColumn.encode(conditions)
        record.validFrom = grantDay.iso
        record.validUntil = until.iso
    }

    /// The last day a grant made on `grantDay` may run: its longest validity then (arts. 86(10),
    /// 90(11), with the 부칙 dates in the parameters), cut at the district's last day.
    static func latestValidDay(
        _ record: SandboxCaseRecord, kind: SandboxCaseKind? = nil, grantDay: CalendarDate, on database: any Database
    ) async throws -> CalendarDate {
        guard let key = (kind ?? record.kind).validityKey else {
            throw AppError.conflict("no_validity", "A rapid confirmation grants nothing.")
        }
        let catalog = try await LegalTimeStore.catalog(on: database)
        let length = try SandboxValidity.required(catalog, key, at: grantDay)
        // The validity counts from the grant day itself, which it includes, and ends the day before
        // the corresponding day (Civil Act art. 160); a validity's end is not moved off a holiday.
        let end = length.added(to: grantDay).adding(days: -1)
        guard let district = try await DistrictRecord.find(record.districtID, on: database),
            let districtEnd = CalendarDate(iso: district.endsOn)
        else { return end }
        return min(end, districtEnd)
    }

    /// The company's grants in use for a district, as the engine takes them, from the grant cache.
    static func active(company: UUID, district: String, app: Application) async throws -> [CompanyGrant] {
        try await app.companyGrants.grants(company: company, district: district) {
            try await active(company: company, on: app.db)
        }
    }

    /// The company's grants in use in every district: a grant applies only once the company
    /// started using it, which needs sufficient insurance on file.
    static func active(company: UUID, on database: any Database) async throws -> [CompanyGrant] {
        try await SandboxCaseRecord.query(on: database).filter(\.$companyID == company)
            .filter(\.$status == .inUse).all()
            .compactMap { record in
                guard let from = record.validFrom.flatMap(CalendarDate.init(iso:)),
                    let until = record.validUntil.flatMap(CalendarDate.init(iso:)),
                    let exempts = record.grantExemptsJSON.flatMap({ try? JSONColumn.decode([String].self, $0) })
                else { return nil }
                let conditions = record.grantConditionsJSON.flatMap { try? JSONColumn.decode([String].self, $0) } ?? []
                // A permit deemed extended (art. 90(12)) holds until the law's revision is recorded.
                let last = record.openUntilRevision == true ? CalendarDate.lastRepresentable : until
                return CompanyGrant(
                    caseNumber: record.number, district: record.districtID, exempts: exempts, validFrom: from,
                    validUntil: last, conditions: conditions)
            }
    }
}
