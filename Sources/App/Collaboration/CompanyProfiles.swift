import Fluent
import Foundation
import TeukguCore
import Vapor

/// A startup's company profile, kept by its members and read by the applications it makes.
enum CompanyProfiles {
    struct ProfileDTO: Content {
        let id: UUID
        let name: String
        let businessRegistrationNumber: String
        let foundedOn: String
        let sector: String
        let employees: Int?
        let revenueWon: Int64?
    }

    static func own(_ account: CurrentAccount, on database: any Database) async throws -> CompanyRecord {
        guard account.role == .companyMember, let id = account.companyID,
            let company = try await CompanyRecord.find(id, on: database)
        else {
            throw AppError.forbiddenRole
        }
        return company
    }

    static func dto(_ company: CompanyRecord) throws -> ProfileDTO {
        ProfileDTO(
            id: try company.requireID(), name: company.name,
            businessRegistrationNumber: BusinessRegistrationNumber(company.businessRegistrationNumber)?.description
                ?? company.businessRegistrationNumber,
            foundedOn: company.foundedOn, sector: company.sector, employees: company.employees,
            revenueWon: company.revenueWon)
    }

    static func update(
        _ company: CompanyRecord, _ input: ProfileInput, account: CurrentAccount, today: CalendarDate,
        on database: any Database
    ) async throws {
        if let name = input.name {
            guard ProfileInput.limits["name"]!.admitsTrimmed(name) else {
                throw AppError.invalid("invalid_name", "The company name must be 1–200 characters.")
            }
            company.name = name.trimmed
        }
        let changesIdentity =
            (input.businessRegistrationNumber.map {
                BusinessRegistrationNumber($0)?.digits != company.businessRegistrationNumber
            } ?? false)
            || (input.foundedOn.map { $0 != company.foundedOn } ?? false)
        if changesIdentity, try await hasOpenApplication(company, on: database) {
            throw AppError.conflict(
                "profile_locked",
                "The registration number and founding date are fixed while an application is under way "
                    + "(they decide eligibility and conflicts of interest); ask the ministry to correct them.")
        }
        try await applyIdentity(
            registrationNumber: input.businessRegistrationNumber, foundedOn: input.foundedOn, to: company, today: today,
            on: database)
        if let sector = input.sector {
            guard ProfileInput.limits["sector"]!.admitsTrimmed(sector) else {
                throw AppError.invalid("invalid_sector", "The sector must be 1–100 characters.")
            }
            company.sector = sector.trimmed
        }
        if let employees = input.employees {
            guard ProfileInput.limits["employees"]!.admits(employees) else {
                throw AppError.invalid("invalid_employees", "employees must be 0 or more.")
            }
            company.employees = employees
        }
        if let revenue = input.revenueWon {
            guard revenue >= 0, revenue <= Money.maximumWon else {
                throw AppError.invalid("invalid_revenue", "revenueWon must be 0 or more.")
            }
            company.revenueWon = revenue
        }
        try await database.transaction { transaction in
            try await company.save(on: transaction)
            try await AuditLog.record(
                on: transaction, actor: account.auditActor, action: "company.profile-updated", targetType: "company",
                targetID: try company.requireID().uuidString)
        }
    }

    /// Checks and sets the identity facts given: a registration number with a valid check digit that
    /// no other company holds, a founding date in the past.
    private static func applyIdentity(
        registrationNumber: String?, foundedOn: String?, to company: CompanyRecord, today: CalendarDate,
        on database: any Database
    ) async throws {
        if let text = registrationNumber {
            guard let number = BusinessRegistrationNumber(text) else {
                throw AppError.invalid(
                    "invalid_business_registration_number",
                    "'\(text)' is not a valid business registration number (check digit).")
            }
            let clash = try await CompanyRecord.query(on: database).filter(
                \.$businessRegistrationNumber == number.digits
            )
            .filter(\.$id != company.requireID()).count()
            guard clash == 0 else {
                throw AppError.conflict("registration_number_taken", "Another company holds this registration number.")
            }
            company.businessRegistrationNumber = number.digits
        }
        if let text = foundedOn {
            guard let day = CalendarDate(iso: text), day <= today else {
                throw AppError.invalid("invalid_date", "foundedOn must be a past date such as 2021-03-15.")
            }
            company.foundedOn = day.iso
        }
    }

    /// Whether the company has an application submitted and not yet finally refused or withdrawn.
    static func hasOpenApplication(_ company: CompanyRecord, on database: any Database) async throws -> Bool {
        try await CollaborationApplicationRecord.query(on: database).filter(\.$companyID == company.requireID())
            .filter(\.$status ~~ [ApplicationStatus.submitted, .informationRequested]).all()
            .contains { $0.outcome != .notSelected && $0.outcome != .withdrawn }
    }

    /// The ministry's correction of a company's registration number or founding date, with its
    /// reason in the audit log; the one way to change them while an application is under way.
    static func correctIdentity(
        _ company: CompanyRecord, _ input: IdentityCorrectionInput, actor: CurrentAccount, today: CalendarDate,
        on database: any Database
    ) async throws {
        let reason = input.reason.trimmed
        guard (10...2000).contains(reason.count) else {
            throw AppError.invalid("reason_required", "Give the reason for the correction in 10–2,000 characters.")
        }
        let before = ["businessRegistrationNumber": company.businessRegistrationNumber, "foundedOn": company.foundedOn]
        try await applyIdentity(
            registrationNumber: input.businessRegistrationNumber, foundedOn: input.foundedOn, to: company, today: today,
            on: database)
        try await database.transaction { transaction in
            try await company.save(on: transaction)
            try await AuditLog.record(
                on: transaction, actor: actor.auditActor, action: "company.identity-corrected", targetType: "company",
                targetID: try company.requireID().uuidString, before: before,
                after: [
                    "businessRegistrationNumber": company.businessRegistrationNumber, "foundedOn": company.foundedOn,
                    "reason": reason,
                ])
        }
    }
}

/// The ministry's correction of a company's identity facts.
struct IdentityCorrectionInput: StrictJSONInput, Content {
    var businessRegistrationNumber: String?
    var foundedOn: String?
    var reason: String

    static let fields: Set<String> = ["businessRegistrationNumber", "foundedOn", "reason"]
}
