import Foundation
import TeukguCore
import Vapor

/// One instalment as a client sends it.
struct InstalmentInput: Codable, Sendable {
    var milestone: String
    var amountWon: Int64
    var due: String
}

/// Terms as a client sends them: the award, the period, the instalments, and the plan by category.
struct AgreementTermsInput: Codable, Sendable {
    var awardWon: Int64
    var starts: String
    var ends: String
    var instalments: [InstalmentInput]
    /// Category (`personnel`, `materials`, …) to won; adds up to the award.
    var plan: [String: Int64]

    /// The core terms, or every problem with the input as field issues (nothing half-read).
    func terms(cap: Money) throws -> AgreementTerms {
        var issues: [FieldIssue] = []
        func day(_ text: String, _ field: String) -> CalendarDate {
            guard let parsed = CalendarDate(iso: text) else {
                issues.append(.init(field: field, korean: "날짜는 YYYY-MM-DD로 씁니다.", english: "Dates are YYYY-MM-DD."))
                return CalendarDate(year: 2000, month: 1, day: 1)!
            }
            return parsed
        }
        let starts = day(starts, "starts")
        let ends = day(ends, "ends")
        var categories: [GrantBudgetCategory: Money] = [:]
        for (key, won) in plan {
            guard let category = GrantBudgetCategory(rawValue: key) else {
                issues.append(
                    .init(
                        field: "plan", korean: "알 수 없는 비목 '\(key)'입니다.",
                        english: "Unknown budget category '\(key)' (one of "
                            + GrantBudgetCategory.allCases.map(\.rawValue).joined(separator: ", ") + ")."))
                continue
            }
            categories[category] = Money(won: won)
        }
        let instalments = self.instalments.enumerated().map { index, input in
            AgreementTerms.Instalment(
                milestone: input.milestone, amount: Money(won: input.amountWon),
                due: day(input.due, "instalments[\(index)].due"))
        }
        guard awardWon <= Money.maximumWon, self.instalments.allSatisfy({ $0.amountWon <= Money.maximumWon }),
            categories.values.allSatisfy({ $0.won <= Money.maximumWon })
        else { throw LedgerError.invalidAmount }
        let terms = AgreementTerms(
            award: Money(won: awardWon), starts: starts, ends: ends, instalments: instalments, plan: categories)
        if issues.isEmpty {
            issues = terms.problems(cap: cap).map { GrantTexts.issue($0.field, $0.code, cap: cap) }
        }
        guard issues.isEmpty else { throw AppError(.unprocessableEntity, "invalid_terms", issues: issues) }
        return terms
    }
}

/// An operating organisation's draft agreement for a selected startup.
struct AgreementDraftInput: StrictJSONInput, Content {
    var applicationID: UUID
    var terms: AgreementTermsInput
    var bankName: String
    var accountHolder: String
    /// The dedicated project account's number: only its last four digits are kept.
    var accountNumber: String

    static let fields: Set<String> = ["applicationID", "terms", "bankName", "accountHolder", "accountNumber"]
}

/// A step on an agreement: `sign`, `amend` (with `reason` and new `terms`), `terminate` (with
/// `reason`), `withdraw`, `open-settlement`, `close-settlement`.
struct AgreementEventInput: StrictJSONInput, Content {
    var event: AgreementStatus.Event
    var reason: String?
    var terms: AgreementTermsInput?

    static let fields: Set<String> = ["event", "reason", "terms"]
}

extension AgreementStatus.Event: Codable {}

/// A step on an instalment: `report` (with `report`, `documentIDs`), `approve`, `return` (with
/// `note`), `pay` (with `amountWon`).
struct InstalmentEventInput: StrictJSONInput, Content {
    enum Event: String, Codable, Sendable, CaseIterable {
        case report, approve
        case sendBack = "return"
        case pay
    }

    var event: Event
    var report: String?
    var note: String?
    var amountWon: Int64?
    var documentIDs: [UUID]?

    static let fields: Set<String> = ["event", "report", "note", "amountWon", "documentIDs"]
}

/// A spending from the project account.
struct SpendingInput: StrictJSONInput, Content {
    var category: GrantBudgetCategory
    var amountWon: Int64
    var spentOn: String
    var description: String
    var documentIDs: [UUID]?

    static let fields: Set<String> = ["category", "amountWon", "spentOn", "description", "documentIDs"]
}

/// The operating organisation's review of a spending: `accept` or `reject` (clawed back).
struct SpendingReviewInput: StrictJSONInput, Content {
    enum Decision: String, Codable, Sendable, CaseIterable { case accept, reject }
    var decision: Decision
    var note: String?

    static let fields: Set<String> = ["decision", "note"]
}

/// A request to move planned money between categories.
struct ReallocationInput: StrictJSONInput, Content {
    var from: GrantBudgetCategory
    var to: GrantBudgetCategory
    var amountWon: Int64
    var reason: String

    static let fields: Set<String> = ["from", "to", "amountWon", "reason"]
}

/// The decision on a reallocation: `approve` or `refuse`.
struct ReallocationDecisionInput: StrictJSONInput, Content {
    enum Decision: String, Codable, Sendable, CaseIterable { case approve, refuse }
    var decision: Decision
    var note: String?

    static let fields: Set<String> = ["decision", "note"]
}

/// A clawback: `source` is `unspent` (from the project account) or `misspent` (from what was spent).
struct ClawbackInput: StrictJSONInput, Content {
    enum Source: String, Codable, Sendable, CaseIterable { case unspent, misspent }
    var source: Source
    var amountWon: Int64
    var reason: String

    static let fields: Set<String> = ["source", "amountWon", "reason"]
}

/// A reason, for a reversal or a recovery.
struct ReasonInput: StrictJSONInput, Content {
    var reason: String

    static let fields: Set<String> = ["reason"]
}
