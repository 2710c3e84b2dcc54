import Fluent
import Foundation
import TeukguCore

/// Who may see and do what with an agreement. The startup sees its own; the operating organisation
/// runs the agreements of the tracks it operates; partner staff read their own tracks'; the
/// ministry sees and may do everything. Anything else reads as 404.
enum GrantAccess {
    struct Loaded {
        let agreement: GrantAgreementRecord
        let track: CollaborationTrackRecord?
    }

    /// Who an agreement concerns: its startup, and its track's operating organisation and partner.
    struct Parties: Sendable {
        let companyID: UUID
        let organisationID: UUID?
        let partnerID: String?

        func canRead(_ account: CurrentAccount) -> Bool {
            switch account.role {
            case .ministryAdmin, .ministryOfficer: true
            case .companyMember: account.companyID == companyID
            case .operatingOrganisationStaff: account.organisationID != nil && account.organisationID == organisationID
            case .partnerStaff: account.partnerID != nil && account.partnerID == partnerID
            default: false
            }
        }

        /// The operating organisation of the agreement's track, or the ministry.
        func canOperate(_ account: CurrentAccount) -> Bool {
            account.role.isMinistry
                || (account.role == .operatingOrganisationStaff && account.organisationID != nil
                    && account.organisationID == organisationID)
        }

        func isTheStartup(_ account: CurrentAccount) -> Bool {
            account.role == .companyMember && account.companyID == companyID
        }
    }

    static func parties(_ loaded: Loaded) -> Parties {
        Parties(
            companyID: loaded.agreement.companyID, organisationID: loaded.track?.organisationID,
            partnerID: loaded.track?.partnerID)
    }

    static func canRead(_ loaded: Loaded, _ account: CurrentAccount) -> Bool { parties(loaded).canRead(account) }

    static func canOperate(_ loaded: Loaded, _ account: CurrentAccount) -> Bool { parties(loaded).canOperate(account) }

    static func isTheStartup(_ loaded: Loaded, _ account: CurrentAccount) -> Bool {
        parties(loaded).isTheStartup(account)
    }

    static func operates(_ track: CollaborationTrackRecord?, _ account: CurrentAccount) -> Bool {
        account.organisationID != nil && track?.organisationID == account.organisationID
    }

    /// The agreement if the account may read it; 404 otherwise, so another party's agreement
    /// does not reveal that it exists.
    static func load(_ id: String?, for account: CurrentAccount, on database: any Database) async throws -> Loaded {
        guard let id = id.flatMap(UUID.init(uuidString:)),
            let agreement = try await GrantAgreementRecord.find(id, on: database)
        else { throw AppError.notFound("agreement") }
        let track = try await agreement.trackID.asyncFlatMap {
            try await CollaborationTrackRecord.find($0, on: database)
        }
        let loaded = Loaded(agreement: agreement, track: track)
        guard canRead(loaded, account) else { throw AppError.notFound("agreement") }
        return loaded
    }

    static func requireOperator(_ loaded: Loaded, _ account: CurrentAccount) throws {
        guard canOperate(loaded, account) else {
            throw AppError(
                .forbidden, "forbidden_role", "Only the track's operating organisation or the ministry does this.",
                korean: "트랙 운영기관이나 중기부만 할 수 있습니다.")
        }
    }

    static func requireStartup(_ loaded: Loaded, _ account: CurrentAccount) throws {
        guard isTheStartup(loaded, account) else {
            throw AppError(
                .forbidden, "forbidden_role", "Only the startup that holds the agreement does this.",
                korean: "협약을 맺은 스타트업만 할 수 있습니다.")
        }
    }

    /// The agreements an account may see, newest first; `narrowing` adds conditions (a search's).
    static func visible(
        to account: CurrentAccount, on database: any Database,
        narrowing: (QueryBuilder<GrantAgreementRecord>) -> Void = { _ in }
    ) async throws -> [GrantAgreementRecord] {
        let query = GrantAgreementRecord.query(on: database).sort(\.$createdAt, .descending)
        narrowing(query)
        switch account.role {
        case .ministryAdmin, .ministryOfficer: break
        case .companyMember: query.filter(\.$companyID == (account.companyID ?? UUID()))
        case .operatingOrganisationStaff, .partnerStaff:
            let tracks = try await CollaborationTrackRecord.query(on: database).all().filter {
                account.role == .partnerStaff
                    ? account.partnerID != nil && $0.partnerID == account.partnerID : operates($0, account)
            }.compactMap(\.id)
            guard !tracks.isEmpty else { return [] }
            query.filter(\.$trackID ~~ tracks)
        default: return []
        }
        return try await query.limit(500).all()
    }
}

extension Optional {
    func asyncFlatMap<Mapped>(_ transform: (Wrapped) async throws -> Mapped?) async rethrows -> Mapped? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
