/// The terms of a grant agreement: the award, how the project's cost is shared, the instalments
/// tied to milestones, and the spending plan by category. Checked as a whole before anything is
/// stored, so a draft, a signature or an amendment never holds terms that do not add up.
public struct AgreementTerms: Hashable, Sendable, Codable {
    public struct Instalment: Hashable, Sendable, Codable {
        public var milestone: String
        public var amount: Money
        /// The day the milestone report is due.
        public var due: CalendarDate

        public init(milestone: String, amount: Money, due: CalendarDate) {
            self.milestone = milestone
            self.amount = amount
            self.due = due
        }
    }

    public var award: Money
    public var starts: CalendarDate
    public var ends: CalendarDate
    public var instalments: [Instalment]
    /// The government share's plan by category; it adds up to the award.
    public var plan: [GrantBudgetCategory: Money]

    public init(
        award: Money, starts: CalendarDate, ends: CalendarDate, instalments: [Instalment],
        plan: [GrantBudgetCategory: Money]
    ) {
        self.award = award
        self.starts = starts
        self.ends = ends
        self.instalments = instalments
        self.plan = plan
    }

    /// What is wrong with the terms, as (field, code) pairs; empty when they hold together.
    /// `cap` is the grant cap in force for the call.
    public func problems(cap: Money) -> [(field: String, code: String)] {
        var found: [(String, String)] = []
        if award.won <= 0 { found.append(("award", "invalid_amount")) }
        if award > cap { found.append(("award", "over_grant_cap")) }
        if ends <= starts { found.append(("ends", "invalid_period")) }
        if instalments.isEmpty || instalments.count > 12 { found.append(("instalments", "invalid_instalments")) }
        for (index, instalment) in instalments.enumerated() {
            let trimmed = instalment.milestone.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.count > 200 {
                found.append(("instalments[\(index)].milestone", "invalid_text"))
            }
            if instalment.amount.won <= 0 { found.append(("instalments[\(index)].amount", "invalid_amount")) }
            if instalment.due < starts || instalment.due > ends {
                found.append(("instalments[\(index)].due", "outside_agreement_period"))
            }
        }
        if instalments.map(\.amount.won).reduce(0, &+) != award.won {
            found.append(("instalments", "instalments_do_not_add_up"))
        }
        if plan.values.contains(where: { $0.won < 0 }) { found.append(("plan", "invalid_amount")) }
        if plan.values.map(\.won).reduce(0, &+) != award.won { found.append(("plan", "plan_does_not_add_up")) }
        return found
    }
}

/// How a project's cost is shared between the grant and the startup, in percent of the whole. The
/// public sources do not state the ratios, so each track configures its own.
public struct CostShareRatios: Hashable, Sendable, Codable {
    public var governmentPercent: Int
    public var cashPercent: Int
    public var inKindPercent: Int

    public init(governmentPercent: Int, cashPercent: Int, inKindPercent: Int) {
        self.governmentPercent = governmentPercent
        self.cashPercent = cashPercent
        self.inKindPercent = inKindPercent
    }

    public var isValid: Bool {
        // Each is checked to be a percent before they are added, so no input can overflow the sum.
        (1...100).contains(governmentPercent) && (0...100).contains(cashPercent) && (0...100).contains(inKindPercent)
            && governmentPercent + cashPercent + inKindPercent == 100
    }

    /// The startup's contributions for an award: the whole cost is award ÷ government share; cash
    /// is its share of that, rounded down, and in-kind takes the rest so the parts add up exactly.
    public func contributions(for award: Money) -> (total: Money, cash: Money, inKind: Money) {
        let (hundredfold, overflow) = award.won.multipliedReportingOverflow(by: 100)
        // An award beyond any cap a call can hold has no shares worth showing rather than a trap.
        guard isValid, !overflow, award.won >= 0, hundredfold <= Int64.max - 100 else { return (award, .zero, .zero) }
        let total = (hundredfold + Int64(governmentPercent) - 1) / Int64(governmentPercent)
        let cash = total / 100 * Int64(cashPercent) + total % 100 * Int64(cashPercent) / 100
        return (Money(won: total), Money(won: cash), Money(won: total - award.won - cash))
    }
}
