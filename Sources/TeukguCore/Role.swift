/// What an account does in the product; it decides the routes it may call.
public enum Role: String, CaseIterable, Codable, Sendable {
    case ministryAdmin = "ministry-admin"
    case ministryOfficer = "ministry-officer"
    case regionalOfficial = "regional-official"
    case evaluator
    case committeeMember = "committee-member"
    case companyMember = "company-member"
    case partnerStaff = "partner-staff"
    case operatingOrganisationStaff = "operating-organisation-staff"

    /// The ministry sees every record; other roles see only what they are bound to.
    public var isMinistry: Bool { self == .ministryAdmin || self == .ministryOfficer }

    /// The kind of record an account of this role must be bound to, if any.
    public var requiredBinding: RoleBinding? {
        switch self {
        case .regionalOfficial: return .region
        case .companyMember: return .company
        case .partnerStaff: return .partner
        case .operatingOrganisationStaff: return .organisation
        default: return nil
        }
    }
}

/// The record an account acts for.
public enum RoleBinding: String, Sendable {
    case region, company, partner, organisation
}
