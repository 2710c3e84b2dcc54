import Fluent
import Foundation
import TeukguCore
import Vapor

/// An agreement as the API shows it, with every balance its money depends on.
struct GrantAgreementDTO: Content {
    struct Instalment: Content {
        let sequence: Int
        let milestone: String
        let amountWon: Int64
        let due: String
        /// `planned`, `scheduled`, `reported`, `returned`, `approved` or `cancelled`.
        let state: String
        let scheduledWon: Int64
        let payableWon: Int64
        let paidWon: Int64
        let report: String?
        let reviewNote: String?
    }

    struct PlanLine: Content {
        let category: GrantBudgetCategory
        let plannedWon: Int64
        let spentWon: Int64
        let remainingWon: Int64
    }

    struct Spending: Content {
        let id: UUID
        let category: GrantBudgetCategory
        let amountWon: Int64
        let spentOn: String
        let description: String
        let documentIDs: [UUID]
        let state: String
        let reviewNote: String?
    }

    struct Reallocation: Content {
        let id: UUID
        let from: GrantBudgetCategory
        let to: GrantBudgetCategory
        let amountWon: Int64
        let reason: String
        let state: String
        let decisionNote: String?
    }

    struct Clawback: Content {
        let id: UUID
        let amountWon: Int64
        let reason: String
        let due: String
        let dueRule: String
        let dueRuleKorean: String
        let state: String
        let ledgerEntryID: UUID
    }

    struct Amendment: Content {
        let sequence: Int
        let reason: String
        let oldTerms: AgreementTerms
        let newTerms: AgreementTerms
        let at: String?
    }

    struct Benefit: Content {
        let id: UUID
        let kind: PartnerBenefitKind
        let description: String
        let value: Int64?
        let currency: String?
        let sessions: Int?
        let providedOn: String
    }

    struct Outcome: Content {
        let id: UUID
        let period: String
        let hires: Int
        let followOnInvestmentWon: Int64
        let revenueWon: Int64
        let overseasRevenueWon: Int64
        let acquisitions: Int
        let patents: Int
        let partnerPocs: Int
        /// `reported`, `confirmed` or `returned`.
        let state: String
        let reviewNote: String?
    }

    struct Entry: Content {
        let id: UUID
        let kind: LedgerEntryKind
        let from: String
        let to: String
        let amountWon: Int64
        let reference: String?
        let memo: String
        let reverses: UUID?
        let at: String?
    }

    let id: UUID
    let number: String
    let status: AgreementStatus
    let callID: UUID
    let trackID: UUID?
    let applicationID: UUID
    let companyID: UUID
    let terms: AgreementTerms
    let grantCapWon: Int64
    let grantCapCitation: String
    let ratios: CostShareRatios
    let totalCostWon: Int64
    let selfCashWon: Int64
    let selfInKindWon: Int64
    let projectAccount: String
    let signedAt: String?
    let terminationReason: String?
    let figures: AgreementFigures
    let callBudget: CallBudgetFigures
    let instalments: [Instalment]
    let plan: [PlanLine]
    let spendings: [Spending]
    let reallocations: [Reallocation]
    let clawbacks: [Clawback]
    let amendments: [Amendment]
    let entries: [Entry]
    let benefits: [Benefit]
    let outcomes: [Outcome]
    /// The steps the viewer may take now.
    let actions: [String]

    static func load(
        _ loaded: GrantAccess.Loaded, viewer: CurrentAccount, on database: any Database
    ) async throws -> GrantAgreementDTO {
        let agreement = loaded.agreement
        let id = try agreement.requireID()
        let instalments = try await GrantInstalmentRecord.query(on: database).filter(\.$agreementID == id)
            .sort(\.$sequence).all()
        let (figures, perInstalment) = try await AgreementFigures.load(
            agreement, instalments: instalments, on: database)
        guard let call = try await CollaborationCallRecord.find(agreement.callID, on: database) else {
            throw AppError.notFound("call")
        }
        let lines = try await GrantPlanLineRecord.query(on: database).filter(\.$agreementID == id).all()
            .sorted { $0.category.rawValue < $1.category.rawValue }
        let spendings = try await GrantSpendingRecord.query(on: database).filter(\.$agreementID == id)
            .sort(\.$createdAt).all()
        let reallocations = try await GrantReallocationRecord.query(on: database).filter(\.$agreementID == id)
            .sort(\.$createdAt).all()
        let clawbacks = try await GrantClawbackRecord.query(on: database).filter(\.$agreementID == id)
            .sort(\.$createdAt).all()
        let amendments = try await GrantAmendmentRecord.query(on: database).filter(\.$agreementID == id)
            .sort(\.$sequence).all()
        let entries = try await LedgerEntryRecord.query(on: database).filter(\.$agreementID == id)
            .sort(\.$createdAt).limit(1000).all()
        let benefits = try await GrantBenefitRecord.query(on: database).filter(\.$agreementID == id)
            .sort(\.$providedOn).all()
        let outcomes = try await GrantOutcomeRecord.query(on: database).filter(\.$agreementID == id)
            .sort(\.$period).all()
        return GrantAgreementDTO(
            id: id, number: agreement.number, status: agreement.status, callID: agreement.callID,
            trackID: agreement.trackID, applicationID: agreement.applicationID, companyID: agreement.companyID,
            terms: try GrantAgreements.terms(of: agreement), grantCapWon: agreement.grantCapWon,
            grantCapCitation: agreement.grantCapCitation,
            ratios: (try? JSONColumn.decode(CostShareRatios.self, agreement.ratiosJSON))
                ?? GrantAgreements.defaultRatios,
            totalCostWon: agreement.totalCostWon, selfCashWon: agreement.cashWon, selfInKindWon: agreement.inKindWon,
            projectAccount: "\(agreement.bankName) · \(agreement.accountHolder) · ****\(agreement.accountLastDigits)",
            signedAt: Timestamps.text(agreement.signedAt), terminationReason: agreement.terminationReason,
            figures: figures, callBudget: try await CallBudgetFigures.load(call, on: database),
            instalments: try instalments.map { instalment in
                let held = perInstalment[try instalment.requireID()] ?? (.zero, .zero)
                let paid =
                    instalment.state == "approved" ? instalment.amountWon - held.scheduled.won - held.payable.won : 0
                return Instalment(
                    sequence: instalment.sequence, milestone: instalment.milestone, amountWon: instalment.amountWon,
                    due: instalment.dueOn, state: instalment.state, scheduledWon: held.scheduled.won,
                    payableWon: held.payable.won, paidWon: max(0, paid), report: instalment.report,
                    reviewNote: instalment.reviewNote)
            },
            plan: lines.map {
                PlanLine(
                    category: $0.category, plannedWon: $0.plannedWon, spentWon: $0.spentWon,
                    remainingWon: $0.plannedWon - $0.spentWon)
            },
            spendings: try spendings.map {
                Spending(
                    id: try $0.requireID(), category: $0.category, amountWon: $0.amountWon, spentOn: $0.spentOn,
                    description: $0.description,
                    documentIDs: (try? JSONColumn.decode([UUID].self, $0.documentsJSON)) ?? [], state: $0.state,
                    reviewNote: $0.reviewNote)
            },
            reallocations: try reallocations.map {
                Reallocation(
                    id: try $0.requireID(), from: $0.fromCategory, to: $0.toCategory, amountWon: $0.amountWon,
                    reason: $0.reason, state: $0.state, decisionNote: $0.decisionNote)
            },
            clawbacks: try clawbacks.map {
                Clawback(
                    id: try $0.requireID(), amountWon: $0.amountWon, reason: $0.reason, due: $0.dueOn,
                    dueRule: $0.dueRule, dueRuleKorean: $0.dueRuleKorean, state: $0.state,
                    ledgerEntryID: $0.ledgerEntryID)
            },
            amendments: try amendments.map {
                Amendment(
                    sequence: $0.sequence, reason: $0.reason,
                    oldTerms: try JSONColumn.decode(AgreementTerms.self, $0.oldTermsJSON),
                    newTerms: try JSONColumn.decode(AgreementTerms.self, $0.newTermsJSON),
                    at: Timestamps.text($0.createdAt))
            },
            entries: try entries.map {
                Entry(
                    id: try $0.requireID(), kind: $0.kind, from: $0.fromAccount, to: $0.toAccount,
                    amountWon: $0.amountWon, reference: $0.reference, memo: $0.memo, reverses: $0.reversesID,
                    at: Timestamps.text($0.createdAt))
            },
            benefits: try benefits.map {
                Benefit(
                    id: try $0.requireID(), kind: $0.kind, description: $0.description, value: $0.valueAmount,
                    currency: $0.currency, sessions: $0.sessions, providedOn: $0.providedOn)
            },
            outcomes: try outcomes.map {
                Outcome(
                    id: try $0.requireID(), period: $0.period, hires: $0.hires,
                    followOnInvestmentWon: $0.followOnInvestmentWon, revenueWon: $0.revenueWon,
                    overseasRevenueWon: $0.overseasRevenueWon, acquisitions: $0.acquisitions, patents: $0.patents,
                    partnerPocs: $0.partnerPocs, state: $0.state, reviewNote: $0.reviewNote)
            },
            actions: actions(loaded, viewer))
    }

    static func actions(_ loaded: GrantAccess.Loaded, _ viewer: CurrentAccount) -> [String] {
        let status = loaded.agreement.status
        var actions: [String] = []
        if GrantAccess.isTheStartup(loaded, viewer) {
            if status == .draft { actions.append("sign") }
            if status == .signed { actions += ["report", "record-spending", "request-reallocation"] }
        }
        if GrantAccess.canOperate(loaded, viewer) {
            actions += AgreementStatus.events(from: status).filter { $0 != .sign }.map(\.rawValue)
            if status == .signed { actions += ["approve", "return", "pay", "review-spending", "decide-reallocation"] }
            if status.isRunning { actions += ["clawback", "recover", "reverse"] }
        }
        return actions
    }
}

extension LedgerEntryKind: Content {}
extension GrantBudgetCategory: Content {}
