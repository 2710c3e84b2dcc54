import Fluent
import Foundation
import TeukguCore
import Vapor

/// Damage claims on a case's page: the company records a claim on receipt, then its payment or
/// refusal, then the report of the result; each form returns to the case.
struct SandboxClaimPagesController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(Endpoints.sandboxClaimForm, use: receive)
        routes.on(Endpoints.sandboxClaimSettlementForm, use: settle)
        routes.on(Endpoints.sandboxClaimReportForm, use: report)
    }

    @Sendable func receive(_ request: Request) async throws -> Response {
        struct Form: Decodable {
            let claimant: String?
            let address: String?
            let relation: String?
            let accidentOn: String?
            let accident: String?
            let amountWon: String?
            let basis: String?
            let receivedOn: String?
        }
        let form = try request.decodeForm(Form.self)
        return try await SandboxPagesController.actOnCase(request) { record, account in
            _ = try await SandboxClaimSteps.receive(
                ClaimInput(
                    claimant: form.claimant ?? "", address: form.address ?? "", relation: form.relation,
                    accidentOn: form.accidentOn ?? "", accident: form.accident ?? "",
                    amountWon: try Self.won(form.amountWon), basis: form.basis ?? "",
                    receivedOn: form.receivedOn ?? ""),
                on: record, by: account, now: request.now, database: request.db)
        }
    }

    @Sendable func settle(_ request: Request) async throws -> Response {
        struct Form: Decodable {
            let outcome: String?
            let on: String?
            let paidWon: String?
            let reason: String?
        }
        let form = try request.decodeForm(Form.self)
        return try await SandboxPagesController.actOnCase(request) { record, account in
            guard let outcome = form.outcome.flatMap(SandboxClaimStatus.init(rawValue:)) else {
                throw AppError.invalid("invalid_outcome", "Choose paid or refused.")
            }
            let claim = try await SandboxClaimSteps.find(request.parameters.get("claimID"), in: record, on: request.db)
            try await SandboxClaimSteps.settle(
                ClaimSettlementInput(
                    outcome: outcome, on: form.on ?? "",
                    paidWon: outcome == .paid ? try Self.won(form.paidWon) : nil, reason: form.reason),
                claim: claim, on: record, by: account, now: request.now, database: request.db)
        }
    }

    @Sendable func report(_ request: Request) async throws -> Response {
        struct Form: Decodable {
            let on: String?
        }
        let form = try request.decodeForm(Form.self)
        return try await SandboxPagesController.actOnCase(request) { record, account in
            let claim = try await SandboxClaimSteps.find(request.parameters.get("claimID"), in: record, on: request.db)
            try await SandboxClaimSteps.report(
                ClaimReportInput(on: form.on ?? ""), claim: claim, on: record, by: account, now: request.now,
                database: request.db)
        }
    }

    /// Whole won as people type them, commas allowed.
    static func won(_ text: String?) throws -> Int64 {
        guard let value = Int64((text ?? "").replacingOccurrences(of: ",", with: "").trimmed) else {
            throw AppError.invalid("invalid_amount", "Write the amount as a whole number of won.")
        }
        return value
    }
}

/// A claim as the case page lists it, with the forms its company may use next.
struct SandboxClaimRow: Encodable {
    let number: String
    let claimant: String
    let accident: String
    let amount: String
    let receivedOn: String
    let status: String
    let settlement: String?
    let reportedOn: String?
    let settleAction: String?
    let reportAction: String?

    init(_ claim: SandboxClaimRecord, caseID: UUID, company: Bool, language: String) {
        let path = [PathParameter.caseID: caseID.uuidString, .claimID: claim.id?.uuidString ?? ""]
        let statusKey = "sandbox.claim." + claim.status
        number = claim.number
        claimant = claim.claimant + (claim.relation.map { " (\($0))" } ?? "")
        accident = "\(claim.accidentOn) · \(claim.accident)"
        amount = Money(won: claim.amountWon).grouped + " " + Strings.unit("won", language)
        receivedOn = claim.receivedOn
        status = Strings.text(statusKey, language)
        if let paid = claim.paidWon, let day = claim.settledOn {
            settlement = "\(day) · " + Money(won: paid).grouped + " " + Strings.unit("won", language)
        } else if let reason = claim.refusalReason, let day = claim.settledOn {
            settlement = "\(day) · \(reason)"
        } else {
            settlement = nil
        }
        reportedOn = claim.reportedOn
        let received = claim.status == SandboxClaimStatus.received.rawValue
        settleAction = company && received ? Endpoints.sandboxClaimSettlementForm.link(path) : nil
        reportAction =
            company && !received && claim.reportedOn == nil ? Endpoints.sandboxClaimReportForm.link(path) : nil
    }
}
