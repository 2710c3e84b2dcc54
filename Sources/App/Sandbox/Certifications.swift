import Fluent
import Foundation
import TeukguCore
import Vapor

/// A company's certifications to Korean and global standards (KC, UL, CE, IEC-based schemes), with
/// scope, issuer and validity, so a verdict's certification condition shows as met or outstanding.
final class CertificationRecord: Model, @unchecked Sendable {
    static let schema = "company_certifications"
    @ID(key: .id) var id: UUID?
    @Field(key: "company_id") var companyID: UUID
    /// The scheme as the rulebooks name it, e.g. `KC`, `UL Solutions`, `CE`.
    @Field(key: "scheme") var scheme: String
    @Field(key: "scope") var scope: String
    @Field(key: "issuer") var issuer: String
    @Field(key: "number") var number: String
    @Field(key: "valid_from") var validFrom: String
    @Field(key: "valid_until") var validUntil: String
    @OptionalField(key: "document_id") var documentID: UUID?
    @Field(key: "filed_at") var filedAt: Date

    init() {}

    struct Migration: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(CertificationRecord.schema).id()
                .field("company_id", .uuid, .required).field("scheme", .string, .required)
                .field("scope", .string, .required).field("issuer", .string, .required)
                .field("number", .string, .required).field("valid_from", .string, .required)
                .field("valid_until", .string, .required).field("document_id", .uuid)
                .field("filed_at", .datetime, .required).create()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(CertificationRecord.schema).delete()
        }
    }
}

struct CertificationInput: StrictJSONInput, Content {
    var scheme: String
    var scope: String
    var issuer: String
    var number: String
    var validFrom: String
    var validUntil: String
    var documentID: UUID?

    static let fields: Set<String> = ["scheme", "scope", "issuer", "number", "validFrom", "validUntil", "documentID"]
}

struct CertificationDTO: Content {
    let id: UUID
    let scheme: String
    let scope: String
    let issuer: String
    let number: String
    let validFrom: String
    let validUntil: String
    let documentID: UUID?

    init(_ record: CertificationRecord) throws {
        id = try record.requireID()
        scheme = record.scheme
        scope = record.scope
        issuer = record.issuer
        number = record.number
        validFrom = record.validFrom
        validUntil = record.validUntil
        documentID = record.documentID
    }
}

enum Certifications {
    static func list(company: UUID, on database: any Database) async throws -> [CertificationRecord] {
        try await CertificationRecord.query(on: database).filter(\.$companyID == company).sort(\.$validUntil).all()
    }

    static func file(
        _ input: CertificationInput, by account: CurrentAccount, now: Date, on database: any Database
    ) async throws -> CertificationRecord {
        guard account.role == .companyMember, let company = account.companyID else {
            throw AppError(.forbidden, "forbidden_role", "Only a company's members file its certifications.")
        }
        var issues: [FieldIssue] = []
        for (field, value, limit) in [
            ("scheme", input.scheme, 100), ("scope", input.scope, 1_000), ("issuer", input.issuer, 200),
            ("number", input.number, 100),
        ] where value.trimmed.isEmpty || value.count > limit {
            issues.append(
                FieldIssue(
                    field: field, korean: "이 칸을 1~\(limit)자로 적어 주세요.",
                    english: "Fill in \(field) with 1–\(limit) characters."))
        }
        guard issues.isEmpty else { throw AppError(.badRequest, "invalid_certification", issues: issues) }
        let from = try DateInput.required(input.validFrom, field: "validFrom")
        let until = try DateInput.required(input.validUntil, field: "validUntil")
        guard until >= from else {
            throw AppError.invalid("invalid_validity", "A certification ends on or after the day it starts.")
        }
        if let document = input.documentID {
            try await AttachableDocuments.validate(
                [document.uuidString], previously: [], uploader: account.id, on: database)
        }
        let record = CertificationRecord()
        record.companyID = company
        record.scheme = input.scheme.trimmed
        record.scope = input.scope.trimmed
        record.issuer = input.issuer.trimmed
        record.number = input.number.trimmed
        record.validFrom = from.iso
        record.validUntil = until.iso
        record.documentID = input.documentID
        record.filedAt = now
        try await database.transaction { transaction in
            try await record.create(on: transaction)
            try await AuditLog.record(
                on: transaction, actor: account.auditActor, action: "certification.filed", targetType: "company",
                targetID: company.uuidString, after: ["scheme": record.scheme, "number": record.number], at: now)
        }
        return record
    }

    /// Whether a valid certification on `day` matches a condition's scheme: the same scheme name,
    /// ignoring case and spacing, or one naming the other (`UL` and `UL Solutions`).
    static func match(
        scheme: String, in certifications: [CertificationRecord], on day: CalendarDate
    ) -> CertificationRecord? {
        func key(_ text: String) -> String { text.lowercased().filter { $0.isLetter || $0.isNumber } }
        let wanted = key(scheme)
        guard !wanted.isEmpty else { return nil }
        return certifications.first { certification in
            guard let from = CalendarDate(iso: certification.validFrom),
                let until = CalendarDate(iso: certification.validUntil), from <= day, day <= until
            else { return false }
            let have = key(certification.scheme)
            return have == wanted || wanted.hasPrefix(have) || have.hasPrefix(wanted)
        }
    }
}

extension Optional {
    /// `map` for an async transform (an optional company's records, when there is a company).
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
