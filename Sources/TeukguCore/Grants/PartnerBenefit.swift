/// What a partner gives a startup on its track besides the grant.
public enum PartnerBenefitKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Cloud or API credits, with a value and a currency.
    case credits
    /// Mentoring, counted in sessions.
    case mentoring
    /// A proof of concept with the partner.
    case proofOfConcept = "poc"
    /// An overseas programme (a bootcamp, a demo day abroad).
    case overseasProgramme = "overseas-programme"
}

/// A benefit as recorded: checked before it is stored.
public struct PartnerBenefit: Hashable, Sendable, Codable {
    public var kind: PartnerBenefitKind
    public var description: String
    /// For credits: the value in whole units of `currency` (an ISO 4217 code such as USD or KRW).
    public var value: Int64?
    public var currency: String?
    /// For mentoring: how many sessions.
    public var sessions: Int?
    public var providedOn: CalendarDate

    public init(
        kind: PartnerBenefitKind, description: String, value: Int64?, currency: String?, sessions: Int?,
        providedOn: CalendarDate
    ) {
        self.kind = kind
        self.description = description
        self.value = value
        self.currency = currency
        self.sessions = sessions
        self.providedOn = providedOn
    }

    /// (field, code) pairs for what is wrong; empty when the benefit holds together.
    public var problems: [(field: String, code: String)] {
        var found: [(String, String)] = []
        let text = description.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty || text.count > 2000 { found.append(("description", "invalid_text")) }
        switch kind {
        case .credits:
            if (value ?? 0) <= 0 || (value ?? 0) > Money.maximumWon { found.append(("value", "invalid_amount")) }
            let code = currency ?? ""
            if code.count != 3 || !code.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                found.append(("currency", "invalid_currency"))
            }
        case .mentoring:
            if !(1...1000).contains(sessions ?? 0) { found.append(("sessions", "invalid_count")) }
        case .proofOfConcept, .overseasProgramme:
            break
        }
        return found
    }
}

/// A startup's results for one half-year, as it reports them and the operating organisation
/// confirms them. Only confirmed outcomes count in cohort reports.
public struct GrantOutcome: Hashable, Sendable, Codable {
    /// `2026-H1` or `2026-H2`.
    public var period: String
    public var hires: Int
    public var followOnInvestment: Money
    public var revenue: Money
    public var overseasRevenue: Money
    /// Mergers and acquisitions closed in the period.
    public var acquisitions: Int
    public var patents: Int
    /// Proofs of concept with the track's partner.
    public var partnerPocs: Int

    public init(
        period: String, hires: Int, followOnInvestment: Money, revenue: Money, overseasRevenue: Money,
        acquisitions: Int, patents: Int, partnerPocs: Int
    ) {
        self.period = period
        self.hires = hires
        self.followOnInvestment = followOnInvestment
        self.revenue = revenue
        self.overseasRevenue = overseasRevenue
        self.acquisitions = acquisitions
        self.patents = patents
        self.partnerPocs = partnerPocs
    }

    public static func isPeriod(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), (2020...2100).contains(year) else { return false }
        return parts[1] == "H1" || parts[1] == "H2"
    }

    public var problems: [(field: String, code: String)] {
        var found: [(String, String)] = []
        if !Self.isPeriod(period) { found.append(("period", "invalid_period")) }
        for (field, count) in [
            ("hires", hires), ("acquisitions", acquisitions), ("patents", patents), ("partnerPocs", partnerPocs),
        ]
        where !(0...100_000).contains(count) {
            found.append((field, "invalid_count"))
        }
        for (field, money) in [
            ("followOnInvestmentWon", followOnInvestment), ("revenueWon", revenue),
            ("overseasRevenueWon", overseasRevenue),
        ] where money.won < 0 || money.won > Money.maximumWon {
            found.append((field, "invalid_amount"))
        }
        if overseasRevenue > revenue { found.append(("overseasRevenueWon", "overseas_above_total")) }
        return found
    }
}
