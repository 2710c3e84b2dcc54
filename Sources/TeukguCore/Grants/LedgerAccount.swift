import Foundation

/// An account of the grant ledger. Money flows down the chain: the appropriation funds a call's
/// budget, which may be allocated to tracks; a signed agreement commits part of it; the commitment
/// is scheduled as instalments, approved instalment by instalment when a milestone is approved,
/// paid into the startup's project account, spent, and what is misspent or left unspent is clawed
/// back and returned.
///
/// Every account but the appropriation is a balance of money that exists, so none may go below
/// zero: that one rule is what keeps commitments within the budget and payments within the award
/// and the approved instalments.
public enum LedgerAccount: Hashable, Sendable, CustomStringConvertible {
    /// The public money voted for the programme: the source of every budget (runs negative).
    case appropriation
    /// A call's budget not yet allocated to a track nor committed.
    case callAvailable(UUID)
    /// A track's share of its call's budget not yet committed.
    case trackAvailable(UUID)
    /// An agreement's award not yet scheduled as instalments.
    case agreementCommitted(UUID)
    /// An instalment scheduled whose milestone is not yet approved.
    case instalmentScheduled(UUID)
    /// An approved instalment not yet paid.
    case instalmentPayable(UUID)
    /// The startup's dedicated project account for the agreement: paid and not yet spent.
    case projectAccount(UUID)
    /// What the startup has spent from the project account.
    case agreementSpent(UUID)
    /// Money the startup owes back (환수): misspent or unspent.
    case clawbackDue(UUID)
    /// Money returned to the Treasury.
    case returned

    /// Whether the balance may run below zero (only the appropriation, the source of everything).
    public var mayRunNegative: Bool { self == .appropriation }

    /// The stable text stored in the database: `call/<uuid>/available`.
    public var key: String {
        switch self {
        case .appropriation: "appropriation"
        case .callAvailable(let id): "call/\(id.uuidString.lowercased())/available"
        case .trackAvailable(let id): "track/\(id.uuidString.lowercased())/available"
        case .agreementCommitted(let id): "agreement/\(id.uuidString.lowercased())/committed"
        case .instalmentScheduled(let id): "instalment/\(id.uuidString.lowercased())/scheduled"
        case .instalmentPayable(let id): "instalment/\(id.uuidString.lowercased())/payable"
        case .projectAccount(let id): "agreement/\(id.uuidString.lowercased())/project-account"
        case .agreementSpent(let id): "agreement/\(id.uuidString.lowercased())/spent"
        case .clawbackDue(let id): "agreement/\(id.uuidString.lowercased())/clawback-due"
        case .returned: "returned"
        }
    }

    public init?(key: String) {
        if key == "appropriation" {
            self = .appropriation
            return
        }
        if key == "returned" {
            self = .returned
            return
        }
        let parts = key.split(separator: "/").map(String.init)
        guard parts.count == 3, let id = UUID(uuidString: parts[1]) else { return nil }
        switch (parts[0], parts[2]) {
        case ("call", "available"): self = .callAvailable(id)
        case ("track", "available"): self = .trackAvailable(id)
        case ("agreement", "committed"): self = .agreementCommitted(id)
        case ("instalment", "scheduled"): self = .instalmentScheduled(id)
        case ("instalment", "payable"): self = .instalmentPayable(id)
        case ("agreement", "project-account"): self = .projectAccount(id)
        case ("agreement", "spent"): self = .agreementSpent(id)
        case ("agreement", "clawback-due"): self = .clawbackDue(id)
        default: return nil
        }
    }

    public var description: String { key }

    /// The account's kind without its id, for the rules on which kind of entry may move money where.
    public var kind: Kind {
        switch self {
        case .appropriation: .appropriation
        case .callAvailable: .callAvailable
        case .trackAvailable: .trackAvailable
        case .agreementCommitted: .agreementCommitted
        case .instalmentScheduled: .instalmentScheduled
        case .instalmentPayable: .instalmentPayable
        case .projectAccount: .projectAccount
        case .agreementSpent: .agreementSpent
        case .clawbackDue: .clawbackDue
        case .returned: .returned
        }
    }

    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case appropriation, callAvailable, trackAvailable, agreementCommitted, instalmentScheduled
        case instalmentPayable, projectAccount, agreementSpent, clawbackDue, returned
    }
}
