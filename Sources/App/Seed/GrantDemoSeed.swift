import Fluent
import Foundation
import TeukguCore

/// An illustrative 2025 cohort for the demo: the demo organisation runs three 2025 tracks, and the
/// three demo startups hold agreements in different states, so every party has something to look
/// at and something to do. All of it is marked illustrative; none of it is a real award.
enum GrantDemoSeed {
    static let callTitle = "글로벌 기업 협업 프로그램 2025 (예시 기수)"

    static func seedDemo(organisation: UUID, now: Date, on database: any Database) async throws {
        guard try await CollaborationCallRecord.query(on: database).filter(\.$title == callTitle).count() == 0 else {
            return
        }
        let today = CalendarDate(instant: now)
        let call = CollaborationCallRecord()
        call.year = 2025
        call.title = callTitle
        call.titleEnglish = "Global collaboration programme 2025 (illustrative cohort)"
        call.opensAt = today.adding(days: -400).startInstant
        call.closesAt = today.adding(days: -370).startInstant
        call.eligibilityJSON = try JSONColumn.encode(
            CollaborationEligibility(minimumAgeYears: 0, maximumAgeYears: 7, sectors: []))
        call.grantCapWon = 200_000_000
        call.grantCapCitation = "MSS programme notice call for applications (illustrative)"
        call.budgetWon = 6_000_000_000
        call.choiceMode = "single"
        call.maxChoices = 1
        call.stagesJSON = try JSONColumn.encode(CollaborationStages.standard)
        call.status = .decided
        try await call.create(on: database)
        let callID = try call.requireID()

        guard
            let operatorAccount = try await AccountRecord.query(on: database)
                .filter(\.$email == "operator@teukgu.demo").first(),
            let operatorNow = CurrentAccount(record: operatorAccount, viaToken: false)
        else { return }
        let plan: [(partner: String, email: String, award: Int64, state: String)] = [
            ("nvidia", "startup@teukgu.demo", 180_000_000, "running"),
            ("aws", "startup2@teukgu.demo", 150_000_000, "reported"),
            ("microsoft", "startup3@teukgu.demo", 120_000_000, "draft"),
        ]
        for entry in plan {
            guard
                let track = try await CollaborationTrackRecord.query(on: database).filter(\.$year == 2025)
                    .filter(\.$partnerID == entry.partner).first(),
                let member = try await AccountRecord.query(on: database).filter(\.$email == entry.email).first(),
                let companyID = member.companyID,
                let startup = CurrentAccount(record: member, viaToken: false)
            else { continue }
            track.organisationID = organisation
            track.budgetWon = 2_000_000_000
            try await track.save(on: database)
            let application = CollaborationApplicationRecord()
            application.callID = callID
            application.companyID = companyID
            application.choicesJSON = try JSONColumn.encode([try track.requireID()])
            application.plan = "예시 사업계획 (illustrative plan)"
            application.requestedWon = entry.award
            application.documentsJSON = "[]"
            application.status = .submitted
            application.outcome = .selected
            application.assignedTrackID = try track.requireID()
            application.createdBy = try member.requireID()
            try await application.create(on: database)
            let first = entry.award * 4 / 10
            let draft = try await GrantAgreements.draft(
                AgreementDraftInput(
                    applicationID: try application.requireID(),
                    terms: .init(
                        awardWon: entry.award, starts: today.adding(days: -120).iso, ends: today.adding(days: 240).iso,
                        instalments: [
                            .init(
                                milestone: "PoC on the partner's platform (illustrative)", amountWon: first,
                                due: today.adding(days: -20).iso),
                            .init(
                                milestone: "First paying customer (illustrative)", amountWon: entry.award - first,
                                due: today.adding(days: 200).iso),
                        ],
                        plan: [
                            GrantBudgetCategory.personnel.rawValue: entry.award / 2,
                            GrantBudgetCategory.outsourcing.rawValue: entry.award / 4,
                            GrantBudgetCategory.overseasExpansion.rawValue: entry.award - entry.award / 2 - entry.award
                                / 4,
                        ]),
                    bankName: "IBK기업은행", accountHolder: "\(member.displayName) (예시)",
                    accountNumber: "010-123456-01-\(String(format: "%03d", Int(entry.award / 1_000_000)))"),
                by: operatorNow, now: now, on: database)
            guard entry.state != "draft" else { continue }
            var loaded = GrantAccess.Loaded(agreement: draft, track: track)
            _ = try await GrantAgreements.step(
                .init(event: .sign), on: loaded, by: startup, now: now, today: today, on: database)
            loaded = GrantAccess.Loaded(
                agreement: try await GrantAgreementRecord.find(draft.id, on: database) ?? draft, track: track)
            _ = try await GrantInstalments.step(
                .init(event: .report, report: "예시 결과 보고: PoC를 마쳤습니다. (Illustrative report: the PoC is done.)"),
                sequence: 1, on: loaded, by: startup, now: now, on: database)
            guard entry.state == "running" else { continue }
            _ = try await GrantInstalments.step(
                .init(event: .approve, note: "확인했습니다 (verified)"), sequence: 1, on: loaded, by: operatorNow, now: now,
                on: database)
            _ = try await GrantInstalments.step(
                .init(event: .pay, amountWon: first), sequence: 1, on: loaded, by: operatorNow, now: now, on: database)
            let spending = try await GrantSpending.record(
                .init(
                    category: .personnel, amountWon: 30_000_000, spentOn: today.adding(days: -10).iso,
                    description: "연구원 인건비 (illustrative)"),
                on: loaded, by: startup, now: now, today: today, on: database)
            _ = try await GrantSpending.review(
                .init(decision: .accept, note: nil), spendingID: spending.id?.uuidString, on: loaded, by: operatorNow,
                now: now, today: today, on: database)
            _ = try await GrantSpending.record(
                .init(
                    category: .outsourcing, amountWon: 12_000_000, spentOn: today.adding(days: -3).iso,
                    description: "시제품 외주 제작 (illustrative)"),
                on: loaded, by: startup, now: now, today: today, on: database)
            _ = try await GrantOutcomes.recordBenefit(
                .init(
                    kind: .credits, description: "Cloud credits (illustrative)", value: 100_000, currency: "USD",
                    sessions: nil, providedOn: today.adding(days: -60).iso),
                on: loaded, by: operatorNow, now: now, on: database)
            _ = try await GrantOutcomes.recordBenefit(
                .init(
                    kind: .mentoring, description: "Go-to-market mentoring (illustrative)", value: nil, currency: nil,
                    sessions: 4, providedOn: today.adding(days: -30).iso),
                on: loaded, by: operatorNow, now: now, on: database)
            let half = today.month <= 6 ? "\(today.year - 1)-H2" : "\(today.year)-H1"
            let outcome = try await GrantOutcomes.report(
                .init(
                    period: half, hires: 3, followOnInvestmentWon: 800_000_000, revenueWon: 250_000_000,
                    overseasRevenueWon: 40_000_000, acquisitions: 0, patents: 1, partnerPocs: 1),
                on: loaded, by: startup, now: now, on: database)
            _ = try await GrantOutcomes.review(
                .init(decision: .confirm, note: nil), outcomeID: outcome.id?.uuidString, on: loaded, by: operatorNow,
                now: now, on: database)
        }
    }
}
