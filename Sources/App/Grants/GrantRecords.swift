import Fluent
import Foundation
import TeukguCore

/// A grant agreement with a selected startup: the terms in force (older terms live on in its
/// amendments), the cost shares, and the dedicated project account (bank and holder; of the account
/// number only the last four digits are kept, and never a card number).
final class GrantAgreementRecord: Model, @unchecked Sendable {
    static let schema = "grant_agreements"
    @ID(key: .id) var id: UUID?
    @Field(key: "number") var number: String
    @Field(key: "call_id") var callID: UUID
    @OptionalField(key: "track_id") var trackID: UUID?
    @Field(key: "application_id") var applicationID: UUID
    @Field(key: "company_id") var companyID: UUID
    @Field(key: "status") var status: AgreementStatus
    @Field(key: "award_won") var awardWon: Int64
    @Field(key: "terms_json") var termsJSON: String
    @Field(key: "ratios_json") var ratiosJSON: String
    @Field(key: "total_cost_won") var totalCostWon: Int64
    @Field(key: "cash_won") var cashWon: Int64
    @Field(key: "in_kind_won") var inKindWon: Int64
    @Field(key: "bank_name") var bankName: String
    @Field(key: "account_holder") var accountHolder: String
    @Field(key: "account_last_digits") var accountLastDigits: String
    @Field(key: "grant_cap_won") var grantCapWon: Int64
    @Field(key: "grant_cap_citation") var grantCapCitation: String
    @Field(key: "amendments") var amendments: Int
    @OptionalField(key: "signed_at") var signedAt: Date?
    @OptionalField(key: "termination_reason") var terminationReason: String?
    @Field(key: "created_by") var createdBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// One amendment: why, by whom, and the terms before and after.
final class GrantAmendmentRecord: Model, @unchecked Sendable {
    static let schema = "grant_amendments"
    @ID(key: .id) var id: UUID?
    @Field(key: "agreement_id") var agreementID: UUID
    @Field(key: "sequence") var sequence: Int
    @Field(key: "reason") var reason: String
    @Field(key: "old_terms_json") var oldTermsJSON: String
    @Field(key: "new_terms_json") var newTermsJSON: String
    @Field(key: "created_by") var createdBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// An instalment tied to a milestone. Its money sits in the ledger (scheduled, then payable once
/// the milestone report is approved, then paid); this row holds the report and its review.
final class GrantInstalmentRecord: Model, @unchecked Sendable {
    static let schema = "grant_instalments"
    @ID(key: .id) var id: UUID?
    @Field(key: "agreement_id") var agreementID: UUID
    @Field(key: "sequence") var sequence: Int
    @Field(key: "milestone") var milestone: String
    @Field(key: "amount_won") var amountWon: Int64
    @Field(key: "due_on") var dueOn: String
    /// `scheduled`, `reported`, `approved`, `returned` (report sent back) or `cancelled`.
    @Field(key: "state") var state: String
    @OptionalField(key: "report") var report: String?
    @Field(key: "documents_json") var documentsJSON: String
    @OptionalField(key: "reported_at") var reportedAt: Date?
    @OptionalField(key: "review_note") var reviewNote: String?
    @OptionalField(key: "reviewed_at") var reviewedAt: Date?

    init() {}
}

/// One entry of the append-only grant ledger: `amount` moved from one account to another.
/// The database refuses to update or delete these rows.
final class LedgerEntryRecord: Model, @unchecked Sendable {
    static let schema = "ledger_entries"
    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: LedgerEntryKind
    @Field(key: "from_account") var fromAccount: String
    @Field(key: "to_account") var toAccount: String
    @Field(key: "amount_won") var amountWon: Int64
    @OptionalField(key: "call_id") var callID: UUID?
    @OptionalField(key: "agreement_id") var agreementID: UUID?
    /// What the entry is about: an instalment, a spending, a clawback.
    @OptionalField(key: "reference") var reference: String?
    @Field(key: "memo") var memo: String
    @OptionalField(key: "reverses_id") var reversesID: UUID?
    @Field(key: "created_by") var createdBy: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// A spending from the project account, by budget category, with its receipts.
final class GrantSpendingRecord: Model, @unchecked Sendable {
    static let schema = "grant_spendings"
    @ID(key: .id) var id: UUID?
    @Field(key: "agreement_id") var agreementID: UUID
    @Field(key: "category") var category: GrantBudgetCategory
    @Field(key: "amount_won") var amountWon: Int64
    @Field(key: "spent_on") var spentOn: String
    @Field(key: "description") var description: String
    @Field(key: "documents_json") var documentsJSON: String
    /// `recorded`, `accepted` or `rejected` (rejected spending is clawed back).
    @Field(key: "state") var state: String
    @OptionalField(key: "review_note") var reviewNote: String?
    @Field(key: "ledger_entry_id") var ledgerEntryID: UUID
    @Field(key: "created_by") var createdBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// What an agreement's plan gives a category, and how much of it is spent. Spending updates it with
/// a conditional write, so concurrent spendings cannot overrun a category.
final class GrantPlanLineRecord: Model, @unchecked Sendable {
    static let schema = "grant_plan_lines"
    @ID(key: .id) var id: UUID?
    @Field(key: "agreement_id") var agreementID: UUID
    @Field(key: "category") var category: GrantBudgetCategory
    @Field(key: "planned_won") var plannedWon: Int64
    @Field(key: "spent_won") var spentWon: Int64

    init() {}
}

/// A request to move planned money between categories, and its decision.
final class GrantReallocationRecord: Model, @unchecked Sendable {
    static let schema = "grant_reallocations"
    @ID(key: .id) var id: UUID?
    @Field(key: "agreement_id") var agreementID: UUID
    @Field(key: "from_category") var fromCategory: GrantBudgetCategory
    @Field(key: "to_category") var toCategory: GrantBudgetCategory
    @Field(key: "amount_won") var amountWon: Int64
    @Field(key: "reason") var reason: String
    /// `requested`, `approved` or `refused`.
    @Field(key: "state") var state: String
    @OptionalField(key: "decision_note") var decisionNote: String?
    @Field(key: "requested_by") var requestedBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// Money claimed back from a startup (환수), due by a day on a legal clock.
final class GrantClawbackRecord: Model, @unchecked Sendable {
    static let schema = "grant_clawbacks"
    @ID(key: .id) var id: UUID?
    @Field(key: "agreement_id") var agreementID: UUID
    @Field(key: "amount_won") var amountWon: Int64
    @Field(key: "reason") var reason: String
    @Field(key: "due_on") var dueOn: String
    @Field(key: "due_rule") var dueRule: String
    @Field(key: "due_rule_korean") var dueRuleKorean: String
    /// `due`, `recovered` or `reversed`.
    @Field(key: "state") var state: String
    @Field(key: "ledger_entry_id") var ledgerEntryID: UUID
    @Field(key: "created_by") var createdBy: UUID
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// A write that took an idempotency key, with what it answered: a retry with the same key and the
/// same request gets the same answer and changes nothing; the same key with another request is refused.
final class IdempotencyRecord: Model, @unchecked Sendable {
    static let schema = "idempotency_keys"
    /// The caller's account and its key, so two callers' keys never collide.
    @ID(custom: "key", generatedBy: .user) var id: String?
    @Field(key: "request_hash") var requestHash: String
    @Field(key: "status") var status: Int
    @Field(key: "body") var body: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
