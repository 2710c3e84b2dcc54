import Fluent
import Foundation
import TeukguCore
import Vapor

/// `teukgu bench grant-payments --agreements N`: signs N illustrative agreements on the demo
/// organisation's track, each with its first instalment approved and payable (199,999,000 won), and
/// prints their ids, for a load test of payments over HTTP (`scripts/grant-load.sh`). Use an empty
/// database.
struct GrantPaymentSeedCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "agreements", help: "How many agreements to sign (default 32)")
        var agreements: Int?
    }

    var help: String { "Signs N agreements with a payable instalment each, for a payments load test." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let count = max(1, min(1000, signature.agreements ?? 32))
        try await prepareForServing(app)
        guard
            let operatorAccount = try await AccountRecord.query(on: app.db).filter(\.$email == "operator@teukgu.demo")
                .first(),
            let organisation = operatorAccount.organisationID,
            // The open demo year's track (the illustrative 2025 cohort's track has a budget of its own).
            let track = try await CollaborationTrackRecord.query(on: app.db).filter(\.$organisationID == organisation)
                .filter(\.$partnerID == "nvidia").sort(\.$year, .descending).first(),
            let call = try await CollaborationCallRecord.query(on: app.db).filter(\.$year == track.year).first(),
            let operatorRecord = CurrentAccount(record: operatorAccount, viaToken: true)
        else { throw RulesFailed(description: "the demo data is missing") }
        let now = app.clock.now()
        let today = app.clock.today()
        var ids: [UUID] = []
        for index in 0..<count {
            let company = CompanyRecord()
            company.name = "Load Startup \(index) (illustrative)"
            company.businessRegistrationNumber = String(format: "8%02d-86-%05d", index % 100, index)
            company.foundedOn = "2024-01-01"
            company.sector = "AI"
            try await company.create(on: app.db)
            let member = AccountRecord()
            member.email = "load-\(index)@example.test"
            member.displayName = "Load \(index)"
            member.role = Role.companyMember.rawValue
            member.companyID = try company.requireID()
            member.language = "en"
            member.isActive = false
            try await member.create(on: app.db)
            let application = CollaborationApplicationRecord()
            application.callID = try call.requireID()
            application.companyID = try company.requireID()
            application.choicesJSON = "[]"
            application.plan = "Load test"
            application.requestedWon = 200_000_000
            application.documentsJSON = "[]"
            application.status = .submitted
            application.outcome = .selected
            application.assignedTrackID = try track.requireID()
            application.createdBy = try operatorAccount.requireID()
            try await application.create(on: app.db)
            let terms = AgreementTermsInput(
                awardWon: 200_000_000, starts: today.adding(days: -10).iso, ends: today.adding(days: 300).iso,
                instalments: [
                    .init(milestone: "Load milestone", amountWon: 199_999_000, due: today.adding(days: 30).iso),
                    .init(milestone: "Last", amountWon: 1_000, due: today.adding(days: 200).iso),
                ],
                plan: ["personnel": 200_000_000])
            let input = AgreementDraftInput(
                applicationID: try application.requireID(), terms: terms, bankName: "IBK",
                accountHolder: company.name, accountNumber: "123-456789-01-\(1000 + index)")
            let agreement = try await GrantAgreements.draft(input, by: operatorRecord, now: now, on: app.db)
            let startup = CurrentAccount(
                id: try member.requireID(), email: member.email, displayName: member.displayName, role: .companyMember,
                regionID: nil, companyID: member.companyID, partnerID: nil, organisationID: nil, language: "en",
                viaToken: true)
            let loaded = GrantAccess.Loaded(agreement: agreement, track: track)
            try await app.db.transaction { database in
                _ = try await GrantAgreements.step(
                    .init(event: .sign), on: loaded, by: startup, now: now, today: today, on: database)
            }
            let signed = GrantAccess.Loaded(
                agreement: try await GrantAgreementRecord.find(agreement.id, on: app.db) ?? agreement, track: track)
            try await app.db.transaction { database in
                _ = try await GrantInstalments.step(
                    .init(event: .report, report: "Done"), sequence: 1, on: signed, by: startup, now: now, on: database)
                _ = try await GrantInstalments.step(
                    .init(event: .approve), sequence: 1, on: signed, by: operatorRecord, now: now, on: database)
            }
            ids.append(try agreement.requireID())
        }
        for id in ids { print(id.uuidString) }
    }
}
