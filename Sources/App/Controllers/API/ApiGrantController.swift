import Fluent
import Foundation
import TeukguCore
import Vapor

/// Grant agreements and their ledger over JSON. Every write takes an `Idempotency-Key` and runs in
/// one transaction with its ledger entries, its audit row and the stored answer for retries.
struct ApiGrantController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(Endpoints.apiGrantAgreements, use: list)
        routes.on(Endpoints.apiDraftGrantAgreement, use: draft)
        routes.on(Endpoints.apiGrantAgreement, use: show)
        routes.on(Endpoints.apiGrantAgreementEvent, use: step)
        routes.on(Endpoints.apiGrantInstalmentEvent, use: instalmentStep)
        routes.on(Endpoints.apiGrantSpendings, use: recordSpending)
        routes.on(Endpoints.apiGrantSpendingReview, use: reviewSpending)
        routes.on(Endpoints.apiGrantReallocations, use: requestReallocation)
        routes.on(Endpoints.apiGrantReallocationDecision, use: decideReallocation)
        routes.on(Endpoints.apiGrantClawbacks, use: openClawback)
        routes.on(Endpoints.apiGrantClawbackRecovery, use: recoverClawback)
        routes.on(Endpoints.apiGrantEntryReversal, use: reverseEntry)
        routes.on(Endpoints.apiCallBudget, use: callBudget)
        routes.on(Endpoints.apiGrantBenefits, use: recordBenefit)
        routes.on(Endpoints.apiGrantOutcomes, use: reportOutcome)
        routes.on(Endpoints.apiGrantOutcomeReview, use: reviewOutcome)
        routes.on(Endpoints.apiGrantCohortReport, use: cohort)
        routes.on(Endpoints.apiGrantCohortReportCSV, use: cohortCSV)
        routes.on(Endpoints.apiTrackTerms, use: trackTerms)
    }

    @Sendable func trackTerms(_ request: Request) async throws -> TrackTermsDTO {
        let input = try request.decodeStrictJSON(TrackTermsInput.self)
        let account = try request.requireAccount()
        let now = request.now
        let trackID = request.parameters.get("trackID")
        return try await request.db.transaction { database in
            try await GrantTrackTerms.set(input, trackID: trackID, by: account, now: now, on: database)
        }
    }

    static func reportYear(_ request: Request) throws -> Int {
        guard let text = try? request.query.get(String.self, at: "year") else { return request.today.year }
        guard let year = Int(text), (2020...2100).contains(year) else {
            throw AppError.invalid("invalid_year", "year is a programme year from 2020 to 2100.")
        }
        return year
    }

    @Sendable func cohort(_ request: Request) async throws -> GrantCohortReport {
        try await GrantCohortReport.load(
            year: try Self.reportYear(request), for: try request.requireAccount(), on: request.db)
    }

    @Sendable func cohortCSV(_ request: Request) async throws -> Response {
        let report = try await GrantCohortReport.load(
            year: try Self.reportYear(request), for: try request.requireAccount(), on: request.db)
        let response = Response(status: .ok, body: .init(string: report.csv))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(
            name: .contentDisposition, value: "attachment; filename=\"teukgu-cohort-\(report.year).csv\"")
        return response
    }

    struct AgreementList: Content {
        struct Item: Content {
            let id: UUID
            let number: String
            let status: AgreementStatus
            let companyID: UUID
            let trackID: UUID?
            let awardWon: Int64
        }

        let agreements: [Item]
    }

    @Sendable func list(_ request: Request) async throws -> AgreementList {
        let account = try request.requireAccount()
        return AgreementList(
            agreements: try await GrantAccess.visible(to: account, on: request.db).map {
                .init(
                    id: try $0.requireID(), number: $0.number, status: $0.status, companyID: $0.companyID,
                    trackID: $0.trackID, awardWon: $0.awardWon)
            })
    }

    @Sendable func show(_ request: Request) async throws -> GrantAgreementDTO {
        let account = try request.requireAccount()
        let loaded = try await GrantAccess.load(request.parameters.get("agreementID"), for: account, on: request.db)
        return try await GrantAgreementDTO.load(loaded, viewer: account, on: request.db)
    }

    @Sendable func callBudget(_ request: Request) async throws -> CallBudgetFigures {
        guard let id = request.parameters.get("callID").flatMap(UUID.init(uuidString:)),
            let call = try await CollaborationCallRecord.find(id, on: request.db)
        else { throw AppError.notFound("call") }
        return try await CallBudgetFigures.load(call, on: request.db)
    }

    // MARK: Writes

    @Sendable func draft(_ request: Request) async throws -> Response {
        let input = try request.decodeStrictJSON(AgreementDraftInput.self)
        let account = try request.requireAccount()
        let now = request.now
        return try await idempotent(request, status: .created) { database in
            let agreement = try await GrantAgreements.draft(input, by: account, now: now, on: database)
            let loaded = try await GrantAccess.load(agreement.id?.uuidString, for: account, on: database)
            return try await GrantAgreementDTO.load(loaded, viewer: account, on: database)
        }
    }

    @Sendable func step(_ request: Request) async throws -> Response {
        let input = try request.decodeStrictJSON(AgreementEventInput.self)
        let (account, loaded) = try await readable(request)
        let (now, today) = (request.now, request.today)
        return try await idempotent(request) { database in
            _ = try await GrantAgreements.step(input, on: loaded, by: account, now: now, today: today, on: database)
            let fresh = try await GrantAccess.load(loaded.agreement.id?.uuidString, for: account, on: database)
            return try await GrantAgreementDTO.load(fresh, viewer: account, on: database)
        }
    }

    @Sendable func instalmentStep(_ request: Request) async throws -> Response {
        let input = try request.decodeStrictJSON(InstalmentEventInput.self)
        let account = try request.requireAccount()
        let now = request.now
        if input.event == .pay {
            guard let sequence = request.parameters.get("number").flatMap(Int.init), (1...12).contains(sequence) else {
                throw AppError.notFound("instalment")
            }
            let context = try await GrantPaymentContext.load(
                request.parameters.get("agreementID"), instalment: sequence, for: account, on: request.db)
            return try await idempotent(request) { database in
                try await GrantInstalments.payment(
                    amountWon: input.amountWon, sequence: sequence, on: context, by: account, now: now, on: database)
            }
        }
        let loaded = try await GrantAccess.load(request.parameters.get("agreementID"), for: account, on: request.db)
        guard let sequence = request.parameters.get("number").flatMap(Int.init), (1...12).contains(sequence) else {
            throw AppError.notFound("instalment")
        }
        return try await idempotent(request) { database in
            let instalment = try await GrantInstalments.step(
                input, sequence: sequence, on: loaded, by: account, now: now, on: database)
            return try await GrantStepResult.after(
                loaded, record: instalment.id, state: instalment.state, by: account, at: now, on: database)
        }
    }

    // MARK: Money steps on an agreement

    @Sendable func recordSpending(_ request: Request) async throws -> Response {
        let input = try request.decodeStrictJSON(SpendingInput.self)
        return try await moneyStep(request, status: .created) { step, database in
            let spending = try await GrantSpending.record(
                input, on: step.loaded, by: step.account, now: step.now, today: step.today, on: database)
            return (spending.id, spending.state)
        }
    }

    @Sendable func reviewSpending(_ request: Request) async throws -> Response {
        let input = try request.decodeStrictJSON(SpendingReviewInput.self)
        let spendingID = request.parameters.get("spendingID")
        return try await moneyStep(request) { step, database in
            let spending = try await GrantSpending.review(
                input, spendingID: spendingID, on: step.loaded, by: step.account, now: step.now, today: step.today,
                on: database)
            return (spending.id, spending.state)
        }
    }

    @Sendable func requestReallocation(_ request: Request) async throws -> Response {
        let input = try request.decodeStrictJSON(ReallocationInput.self)
        return try await moneyStep(request, status: .created) { step, database in
            let reallocation = try await GrantSpending.requestReallocation(
                input, on: step.loaded, by: step.account, now: step.now, on: database)
            return (reallocation.id, reallocation.state)
        }
    }

    @Sendable func decideReallocation(_ request: Request) async throws -> Response {
        let input = try request.decodeStrictJSON(ReallocationDecisionInput.self)
        let reallocationID = request.parameters.get("reallocationID")
        return try await moneyStep(request) { step, database in
            let reallocation = try await GrantSpending.decideReallocation(
                input, reallocationID: reallocationID, on: step.loaded, by: step.account, now: step.now, on: database)
            return (reallocation.id, reallocation.state)
        }
    }

    @Sendable func openClawback(_ request: Request) async throws -> Response {
        let input = try request.decodeStrictJSON(ClawbackInput.self)
        return try await moneyStep(request, status: .created) { step, database in
            let clawback = try await GrantClawbacks.open(
                input, on: step.loaded, by: step.account, now: step.now, today: step.today, on: database)
            return (clawback.id, clawback.state)
        }
    }

    @Sendable func recoverClawback(_ request: Request) async throws -> Response {
        let clawbackID = request.parameters.get("clawbackID")
        return try await moneyStep(request) { step, database in
            let clawback = try await GrantClawbacks.recover(
                clawbackID: clawbackID, on: step.loaded, by: step.account, now: step.now, on: database)
            return (clawback.id, clawback.state)
        }
    }

    @Sendable func reverseEntry(_ request: Request) async throws -> Response {
        let input = try request.decodeStrictJSON(ReasonInput.self)
        let entryID = request.parameters.get("entryID")
        return try await moneyStep(request, status: .created) { step, database in
            let mirror = try await GrantClawbacks.reverse(
                entryID: entryID, reason: input.reason, on: step.loaded, by: step.account, now: step.now, on: database)
            return (mirror.id, "reversal")
        }
    }

    @Sendable func recordBenefit(_ request: Request) async throws -> Response {
        let input = try request.decodeStrictJSON(BenefitInput.self)
        return try await moneyStep(request, status: .created) { step, database in
            let benefit = try await GrantOutcomes.recordBenefit(
                input, on: step.loaded, by: step.account, now: step.now, on: database)
            return (benefit.id, benefit.kind.rawValue)
        }
    }

    @Sendable func reportOutcome(_ request: Request) async throws -> Response {
        let input = try request.decodeStrictJSON(OutcomeInput.self)
        return try await moneyStep(request, status: .created) { step, database in
            let outcome = try await GrantOutcomes.report(
                input, on: step.loaded, by: step.account, now: step.now, on: database)
            return (outcome.id, outcome.state)
        }
    }

    @Sendable func reviewOutcome(_ request: Request) async throws -> Response {
        let input = try request.decodeStrictJSON(OutcomeReviewInput.self)
        let outcomeID = request.parameters.get("outcomeID")
        return try await moneyStep(request) { step, database in
            let outcome = try await GrantOutcomes.review(
                input, outcomeID: outcomeID, on: step.loaded, by: step.account, now: step.now, on: database)
            return (outcome.id, outcome.state)
        }
    }

    /// Who takes a step on which agreement, and when.
    struct Step: Sendable {
        let account: CurrentAccount
        let loaded: GrantAccess.Loaded
        let now: Date
        let today: CalendarDate
    }

    /// The plumbing every step on an agreement shares: the caller may read the agreement, the write
    /// is idempotent, and the answer names the record changed, the entries written and the balances.
    private func moneyStep(
        _ request: Request, status: HTTPResponseStatus = .ok,
        _ change: @escaping @Sendable (Step, any Database) async throws -> (UUID?, String)
    ) async throws -> Response {
        let (account, loaded) = try await readable(request)
        let step = Step(account: account, loaded: loaded, now: request.now, today: request.today)
        return try await idempotent(request, status: status) { database in
            let (record, state) = try await change(step, database)
            return try await GrantStepResult.after(
                loaded, record: record, state: state, by: account, at: step.now, on: database)
        }
    }

    // MARK: Helpers

    private func readable(_ request: Request) async throws -> (CurrentAccount, GrantAccess.Loaded) {
        let account = try request.requireAccount()
        let loaded = try await GrantAccess.load(request.parameters.get("agreementID"), for: account, on: request.db)
        return (account, loaded)
    }

    private func idempotent<Output: Content>(
        _ request: Request, status: HTTPResponseStatus = .ok,
        _ write: @escaping @Sendable (any Database) async throws -> Output
    ) async throws -> Response {
        let account = try request.requireAccount()
        let outcome = try await IdempotentWrites.perform(
            key: request.headers.first(name: IdempotentWrites.header), caller: account.id,
            fingerprint: request.idempotencyFingerprint, now: request.now, on: request.db,
            groupCommit: request.application.sqliteGroupCommit, write)
        let response = Response(status: status, body: .init(data: outcome.body))
        response.headers.contentType = .json
        if outcome.replayed { response.headers.replaceOrAdd(name: IdempotentWrites.replayedHeader, value: "true") }
        return response
    }
}

/// What a money step answers: the record it changed, the ledger entries it wrote, and the balances
/// of the accounts those entries touched, as they stand after it.
struct GrantStepResult: Content {
    let agreementID: UUID
    let status: AgreementStatus
    let recordID: UUID?
    let state: String
    let entries: [GrantAgreementDTO.Entry]
    let balances: [String: Int64]

    static func after(
        _ loaded: GrantAccess.Loaded, record: UUID?, state: String, by account: CurrentAccount, at now: Date,
        on database: any Database
    ) async throws -> GrantStepResult {
        let agreementID = try loaded.agreement.requireID()
        let entries = try await LedgerEntryRecord.query(on: database).filter(\.$agreementID == agreementID)
            .filter(\.$createdBy == account.id)
            // PostgreSQL keeps microseconds: the step's instant, give or take a millisecond.
            .filter(\.$createdAt >= now.addingTimeInterval(-0.001)).filter(
                \.$createdAt <= now.addingTimeInterval(0.001)
            )
            .sort(\.$createdAt).all()
        let accounts = Set(entries.flatMap { [$0.fromAccount, $0.toAccount] }).compactMap(LedgerAccount.init(key:))
            .filter { $0 != .appropriation && $0 != .returned }
        let balances = try await LedgerStore.balances(accounts, on: database)
        let status = try await GrantAgreementRecord.find(agreementID, on: database)?.status ?? loaded.agreement.status
        return GrantStepResult(
            agreementID: agreementID, status: status, recordID: record, state: state,
            entries: try entries.map {
                .init(
                    id: try $0.requireID(), kind: $0.kind, from: $0.fromAccount, to: $0.toAccount,
                    amountWon: $0.amountWon, reference: $0.reference, memo: $0.memo, reverses: $0.reversesID,
                    at: Timestamps.text($0.createdAt))
            },
            balances: Dictionary(uniqueKeysWithValues: balances.map { ($0.key.key, $0.value.won) }))
    }
}
