import Fluent
import FluentSQL
import Foundation
import TeukguCore

/// Staff search across records by name, business registration number or receipt number. Each
/// kind of record is searched only where the searcher's role may read it, and narrowed to the
/// searcher's own region, tracks or organisation the same way the record's own page is, so a
/// search never shows what following a link would refuse.
enum RecordSearch {
    enum Kind: String, CaseIterable, Sendable, Codable {
        case designationApplication = "designation-application"
        case collaborationApplication = "collaboration-application"
        case sandboxCase = "sandbox-case"
        case agreement
        case district
    }

    struct Hit: Sendable, Codable, Equatable {
        let kind: Kind
        let title: String
        let detail: String
        let href: String
    }

    /// How many hits of each kind are shown; a narrower term finds the rest.
    static let perKind = 25
    static let minimumLength = 2
    static let maximumLength = 100

    /// The term as matched: trimmed, lower-cased, without LIKE's wildcards; nil when too short.
    static func normalised(_ raw: String) -> String? {
        let cleaned = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            .filter { $0 != "%" && $0 != "_" && $0 != "\\" }
        guard cleaned.count >= minimumLength, cleaned.count <= maximumLength else { return nil }
        return cleaned
    }

    /// A business registration number typed with or without dashes, as stored (ten digits).
    static func registrationDigits(_ term: String) -> String? {
        let digits = term.filter(\.isNumber)
        return digits.count == 10 && term.allSatisfy({ $0.isNumber || $0 == "-" || $0 == " " }) ? digits : nil
    }

    /// The kinds a role may search.
    static func kinds(for role: Role) -> [Kind] {
        switch role {
        case .ministryAdmin, .ministryOfficer: Kind.allCases
        case .regionalOfficial: [.designationApplication, .sandboxCase, .district]
        case .operatingOrganisationStaff, .partnerStaff: [.collaborationApplication, .agreement, .district]
        default: []
        }
    }

    static func search(
        _ raw: String, by account: CurrentAccount, language: String, on database: any Database
    )
        async throws -> [Hit]
    {
        guard let term = normalised(raw) else { return [] }
        let pattern = "%\(term)%"
        let companies = try await matchingCompanies(term, pattern: pattern, on: database)
        var hits: [Hit] = []
        for kind in kinds(for: account.role) {
            switch kind {
            case .designationApplication:
                hits += try await designationApplications(term, account: account, language: language, on: database)
            case .collaborationApplication:
                hits += try await collaborationApplications(
                    pattern, companies: companies, account: account, language: language, on: database)
            case .sandboxCase:
                hits += try await sandboxCases(
                    pattern, companies: companies, account: account, language: language, on: database)
            case .agreement:
                hits += try await agreements(
                    term, companies: companies, account: account, language: language, on: database)
            case .district:
                hits += try await districts(pattern, language: language, on: database)
            }
        }
        return hits
    }

    /// `LOWER(column) LIKE pattern`, the same on SQLite and PostgreSQL.
    static func like(_ column: String, _ pattern: String) -> DatabaseQuery.Filter {
        .sql(embed: "LOWER(\(ident: column)) LIKE \(bind: pattern)")
    }

    /// Companies by name or registration number: id → name.
    private static func matchingCompanies(
        _ term: String, pattern: String, on database: any Database
    ) async throws
        -> [UUID: String]
    {
        let query = CompanyRecord.query(on: database)
        if let digits = registrationDigits(term) {
            query.filter(\.$businessRegistrationNumber == digits)
        } else {
            query.filter(like("name", pattern))
        }
        return try await query.limit(200).all().keyedByID(\.name)
    }

    /// Designation applications are few (tens a round), so they are read whole and matched on
    /// receipt number, applicant and the plan's name, which lives inside the plan document.
    private static func designationApplications(
        _ term: String, account: CurrentAccount, language: String, on database: any Database
    ) async throws -> [Hit] {
        let query = DesignationApplicationRecord.query(on: database)
        if account.role == .regionalOfficial { query.filter(\.$regionID == (account.regionID ?? "")) }
        var hits: [Hit] = []
        for application in try await query.sort(\.$receiptNumber).limit(2_000).all() where hits.count < perKind {
            let name = (try? JSONColumn.decode(DistrictPlan.self, application.planJSON).name) ?? ""
            let texts = [application.receiptNumber ?? "", application.applicantName, name]
            guard texts.contains(where: { $0.lowercased().contains(term) }) else { continue }
            hits.append(
                Hit(
                    kind: .designationApplication,
                    title: [application.receiptNumber, name.isEmpty ? nil : name].compactMap { $0 }.joined(
                        separator: " · "),
                    detail: "\(application.applicantName) · \(application.status.text(language))",
                    href: Endpoints.applicationPage.link([.applicationID: application.id?.uuidString ?? ""])))
        }
        return hits
    }

    private static func collaborationApplications(
        _ pattern: String, companies: [UUID: String], account: CurrentAccount, language: String,
        on database: any Database
    ) async throws -> [Hit] {
        let candidates = try await CollaborationApplicationRecord.query(on: database).group(.or) {
            $0.filter(like("receipt_number", pattern))
            if !companies.isEmpty { $0.filter(\.$companyID ~~ Array(companies.keys)) }
        }.sort(\.$receiptNumber).limit(perKind * 4).all()
        var names = companies
        let missing = Set(candidates.map(\.companyID)).subtracting(names.keys)
        if !missing.isEmpty {
            names.merge(
                try await CompanyRecord.query(on: database).filter(\.$id ~~ Array(missing)).all().keyedByID(\.name)
            ) { a, _ in a }
        }
        var hits: [Hit] = []
        for application in candidates where hits.count < perKind {
            if !account.role.isMinistry {
                guard try await CollaborationApplications.mayAlsoRead(application, by: account, on: database) else {
                    continue
                }
            }
            hits.append(
                Hit(
                    kind: .collaborationApplication,
                    title: [application.receiptNumber, names[application.companyID]].compactMap { $0 }.joined(
                        separator: " · "),
                    detail: "\(application.status.text(language)) · \(application.outcome.text(language))",
                    href: Endpoints.collaborationApplicationPage.link([
                        .applicationID: application.id?.uuidString ?? ""
                    ])))
        }
        return hits
    }

    private static func sandboxCases(
        _ pattern: String, companies: [UUID: String], account: CurrentAccount, language: String,
        on database: any Database
    ) async throws -> [Hit] {
        let query = SandboxCaseRecord.query(on: database).group(.or) {
            $0.filter(like("number", pattern)).filter(like("title", pattern))
            if !companies.isEmpty { $0.filter(\.$companyID ~~ Array(companies.keys)) }
        }
        if account.role == .regionalOfficial { query.filter(\.$regionID == (account.regionID ?? "")) }
        return try await query.sort(\.$number, .descending).limit(perKind).all().map { record in
            Hit(
                kind: .sandboxCase, title: "\(record.number) · \(record.title)",
                detail:
                    "\(Strings.pick(record.kind.titleKorean, record.kind.titleEnglish, language)) · \(record.status.text(language))",
                href: Endpoints.sandboxCasePage.link([.caseID: record.id?.uuidString ?? ""]))
        }
    }

    private static func agreements(
        _ term: String, companies: [UUID: String], account: CurrentAccount, language: String,
        on database: any Database
    ) async throws -> [Hit] {
        let matching = try await GrantAccess.visible(to: account, on: database) { query in
            query.group(.or) {
                $0.filter(like("number", "%\(term)%"))
                if !companies.isEmpty { $0.filter(\.$companyID ~~ Array(companies.keys)) }
            }
        }
        let missing = Set(matching.map(\.companyID)).subtracting(companies.keys)
        var names = companies
        if !missing.isEmpty {
            names.merge(
                try await CompanyRecord.query(on: database).filter(\.$id ~~ Array(missing)).all().keyedByID(\.name)
            ) { a, _ in a }
        }
        return matching.prefix(perKind).map { agreement in
            Hit(
                kind: .agreement, title: "\(agreement.number) · \(names[agreement.companyID] ?? "")",
                detail: agreement.status.text(language),
                href: Endpoints.grantAgreementPage.link([.agreementID: agreement.id?.uuidString ?? ""]))
        }
    }

    private static func districts(_ pattern: String, language: String, on database: any Database) async throws -> [Hit]
    {
        try await DistrictRecord.query(on: database).group(.or) {
            $0.filter(like("name_ko", pattern)).filter(like("name_en", pattern)).filter(like("id", pattern))
        }.limit(perKind).all().map { district in
            Hit(
                kind: .district, title: Strings.pick(district.nameKorean, district.nameEnglish, language),
                detail: "\(district.startsOn) – \(district.endsOn)",
                href: Endpoints.districtPage.link([.districtID: district.id ?? ""]))
        }
    }
}
