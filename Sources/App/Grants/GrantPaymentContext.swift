import Fluent
import Foundation
import SQLKit
import TeukguCore

/// What a payment needs to know of its agreement, read in one query: payments are the ledger's
/// busiest write, and loading the whole agreement and track as models costs more than the payment.
struct GrantPaymentContext: Decodable, Sendable {
    let id: UUID
    let number: String
    let status: AgreementStatus
    let call_id: UUID
    let company_id: UUID
    let bank_name: String
    let account_last_digits: String
    let organisation_id: UUID?
    let partner_id: String?
    /// The instalment paid from, read in the same query.
    let instalment_id: UUID?
    let instalment_state: String?

    var parties: GrantAccess.Parties {
        .init(companyID: company_id, organisationID: organisation_id, partnerID: partner_id)
    }

    /// The agreement if the account may read it; 404 otherwise, as for every agreement.
    static func load(
        _ id: String?, instalment sequence: Int, for account: CurrentAccount, on database: any Database
    ) async throws -> Self {
        guard let id = id.flatMap(UUID.init(uuidString:)), let sql = database as? any SQLDatabase,
            let context = try await sql.raw(
                """
                SELECT a.id, a.number, a.status, a.call_id, a.company_id, a.bank_name, a.account_last_digits,
                t.organisation_id, t.partner_id, i.id AS instalment_id, i.state AS instalment_state
                FROM \(ident: GrantAgreementRecord.schema) a
                LEFT JOIN \(ident: CollaborationTrackRecord.schema) t ON t.id = a.track_id
                LEFT JOIN \(ident: GrantInstalmentRecord.schema) i ON i.agreement_id = a.id AND i.sequence = \(bind: sequence)
                WHERE a.id = \(bind: id)
                """
            ).first(decoding: Self.self),
            context.parties.canRead(account)
        else { throw AppError.notFound("agreement") }
        return context
    }
}
