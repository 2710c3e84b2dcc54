import Fluent
import TeukguCore
import Vapor

/// One demo account for every role, with demo companies and an operating organisation.
/// Loaded only into a new database outside production.
enum DemoAccounts {
    static let password = "teukgu-demo-2026"

    struct Listing: Encodable {
        let email: String
        let role: String
        let boundTo: String
    }

    static let entries: [(email: String, name: String, role: Role, boundTo: String)] = [
        ("admin@teukgu.demo", "김관리 (Ministry admin)", .ministryAdmin, ""),
        ("officer@teukgu.demo", "이담당 (Ministry officer)", .ministryOfficer, ""),
        ("busan@teukgu.demo", "박부산 (Busan official)", .regionalOfficial, "busan"),
        ("evaluator@teukgu.demo", "최평가 (Evaluator)", .evaluator, ""),
        ("evaluator2@teukgu.demo", "강평가 (Evaluator, Busan University)", .evaluator, ""),
        ("evaluator3@teukgu.demo", "서평가 (Evaluator)", .evaluator, ""),
        ("ulsan@teukgu.demo", "조울산 (Ulsan official)", .regionalOfficial, "ulsan"),
        ("committee@teukgu.demo", "정위원 (Committee member)", .committeeMember, ""),
        ("startup@teukgu.demo", "한창업 (Haeum Marine Robotics)", .companyMember, "Haeum Marine Robotics"),
        ("startup2@teukgu.demo", "오헬스 (Gangwon Care AI)", .companyMember, "Gangwon Care AI"),
        ("startup3@teukgu.demo", "임직류 (Naju DC Grid)", .companyMember, "Naju DC Grid"),
        ("nvidia@teukgu.demo", "Alex Kim (NVIDIA)", .partnerStaff, "nvidia"),
        (
            "operator@teukgu.demo", "윤운영 (Operating organisation)", .operatingOrganisationStaff,
            "Korea Startup Campus (demo)"
        ),
    ]

    static var listings: [Listing] {
        entries.map { Listing(email: $0.email, role: $0.role.rawValue, boundTo: $0.boundTo) }
    }

    /// Demo companies with valid business registration numbers (check digit computed, numbers fictitious).
    static let companies: [(name: String, first9: String, founded: String, sector: String)] = [
        ("Haeum Marine Robotics", "605812345", "2021-03-15", "autonomous ships"),
        ("Gangwon Care AI", "221874321", "2020-09-01", "healthcare AI"),
        ("Naju DC Grid", "412860077", "2020-05-20", "DC power equipment"),
    ]

    static func registrationNumber(_ first9: String) -> String {
        let digits = first9.compactMap(\.wholeNumberValue)
        return first9 + String(BusinessRegistrationNumber.checkDigit(for: digits))
    }

    /// Seeds when the database has no accounts yet; returns whether it did.
    @discardableResult
    static func seedIfNew(on database: any Database, passwordHash: String, now: Date) async throws -> Bool {
        guard try await AccountRecord.query(on: database).count() == 0 else { return false }
        try await database.transaction { transaction in
            var companyIDs: [String: UUID] = [:]
            for company in companies {
                let record = CompanyRecord()
                record.id = UUID()
                record.name = company.name
                record.businessRegistrationNumber = registrationNumber(company.first9)
                record.foundedOn = company.founded
                record.sector = company.sector
                try await record.create(on: transaction)
                companyIDs[company.name] = record.id
            }
            let organisation = OrganisationRecord()
            organisation.id = UUID()
            organisation.name = "Korea Startup Campus (demo)"
            try await organisation.create(on: transaction)
            for entry in entries {
                let account = AccountRecord()
                account.email = entry.email
                account.displayName = entry.name
                account.role = entry.role.rawValue
                account.passwordHash = passwordHash
                account.language = "ko"
                account.isActive = true
                switch entry.role.requiredBinding {
                case .region: account.regionID = entry.boundTo
                case .company: account.companyID = companyIDs[entry.boundTo]
                case .partner: account.partnerID = entry.boundTo
                case .organisation: account.organisationID = organisation.id
                case nil: break
                }
                try await account.create(on: transaction)
                try await Outbox.write(
                    on: transaction, to: account,
                    subject: Strings.pick("특구에 오신 것을 환영합니다", "Welcome to Teukgu", account.language),
                    body: Strings.pick(
                        "데모 계정입니다. 들어 있는 자료는 예시입니다.", "This is a demo account; its data is illustrative.",
                        account.language), relatedType: "account",
                    relatedID: account.id?.uuidString)
            }
            // Evaluator 2 teaches at a Busan university: the system blocks them from Busan's applications.
            if let evaluator = try await AccountRecord.query(on: transaction).filter(
                \.$email == "evaluator2@teukgu.demo"
            ).first() {
                let affiliation = EvaluatorAffiliationRecord()
                affiliation.accountID = try evaluator.requireID()
                affiliation.kind = "region"
                affiliation.value = "busan"
                try await affiliation.create(on: transaction)
            }
            try await CollaborationSeed.seedDemo(organisation: try organisation.requireID(), now: now, on: transaction)
            try await SandboxSeed.seedDemo(now: now, on: transaction)
            try await GrantDemoSeed.seedDemo(organisation: try organisation.requireID(), now: now, on: transaction)
            try await DesignationSeed.seedDemoEvaluations(now: now, on: transaction)
            if try await DesignationCallRecord.query(on: transaction).filter(\.$status == .accepting).count() == 0 {
                try await DesignationSeed.demoCall(now: now).create(on: transaction)
            }
            try await AuditLog.record(
                on: transaction, actor: .system, action: "seed.demo", targetType: "database", targetID: "demo",
                after: ["accounts": String(entries.count), "companies": String(companies.count)])
        }
        return true
    }
}
