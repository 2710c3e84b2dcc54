import TeukguCore

/// Who may call a route. Every route declares one; a route without a declaration is refused.
enum Access: Sendable, Equatable {
    /// Anyone, signed in or not (the public).
    case anyone
    /// Any signed-in account.
    case signedIn
    /// Only these roles.
    case roles(Set<Role>)

    func permits(_ role: Role?) -> Bool {
        switch self {
        case .anyone: return true
        case .signedIn: return role != nil
        case .roles(let allowed): return role.map(allowed.contains) ?? false
        }
    }

    static let admin = Access.roles([.ministryAdmin])
    static let ministry = Access.roles([.ministryAdmin, .ministryOfficer])
}

/// Which records a permitted caller sees through the route; the handlers enforce it with
/// `RecordScope` queries, and the declaration documents it for reviewers and the OpenAPI text.
enum Visibility: String, Sendable {
    /// Public reference data.
    case publicData = "public data"
    /// Only the caller's own records (their tokens, messages, uploads).
    case ownRecords = "own records"
    /// Everything; ministry only.
    case everything = "everything"
    /// Records of the caller's region, company, partner track or organisation, or assigned to them.
    case boundRecords = "records bound to the caller"
}
