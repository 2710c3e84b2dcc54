import TeukguCore

/// A demonstration exemption or temporary permit granted to one company: inside its district and
/// validity, the national rules it names do not bind that company, and its conditions apply instead.
/// The App supplies a checking company's grants with each request; they are part of what is logged,
/// so a replay reproduces the decision.
public struct CompanyGrant: Hashable, Sendable {
    /// The case that granted it (its receipt number), named in the verdict.
    public let caseNumber: String
    public let district: String
    /// Rule ids the grant switches off for this company.
    public let exempts: [String]
    public let validFrom: CalendarDate
    public let validUntil: CalendarDate
    /// The conditions attached to the grant, as written on its certificate.
    public let conditions: [String]

    public init(
        caseNumber: String, district: String, exempts: [String], validFrom: CalendarDate, validUntil: CalendarDate,
        conditions: [String]
    ) {
        self.caseNumber = caseNumber
        self.district = district
        self.exempts = exempts
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.conditions = conditions
    }

    public func covers(district: String, on day: CalendarDate) -> Bool {
        self.district == district && validFrom <= day && day <= validUntil
    }
}

/// A grant that switched rules off in a decision: the case, the rules that would otherwise have
/// applied, and its conditions.
public struct AppliedGrant: Hashable, Sendable {
    public let caseNumber: String
    public let exempts: [String]
    public let conditions: [String]

    public init(caseNumber: String, exempts: [String], conditions: [String]) {
        self.caseNumber = caseNumber
        self.exempts = exempts
        self.conditions = conditions
    }
}
