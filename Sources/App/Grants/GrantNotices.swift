import Fluent
import Foundation
import TeukguCore

/// Messages to whoever acts next on an agreement, in each reader's language, written in the step's
/// transaction (the outbox sends them).
enum GrantNotices {
    struct Text {
        let korean: String
        let english: String
    }

    /// The startup's members.
    static func toStartup(
        _ agreement: GrantAgreementRecord, subject: Text, body: Text, on database: any Database
    ) async throws {
        let members = try await AccountRecord.query(on: database).filter(\.$companyID == agreement.companyID)
            .filter(\.$isActive == true).all()
        try await send(members, agreement, subject, body, on: database)
    }

    /// The staff of the track's operating organisation.
    static func toOperators(
        _ agreement: GrantAgreementRecord, track: CollaborationTrackRecord?, subject: Text, body: Text,
        on database: any Database
    ) async throws {
        guard let organisation = track?.organisationID else { return }
        let staff = try await AccountRecord.query(on: database).filter(\.$organisationID == organisation)
            .filter(\.$isActive == true).all()
        try await send(staff, agreement, subject, body, on: database)
    }

    private static func send(
        _ accounts: [AccountRecord], _ agreement: GrantAgreementRecord, _ subject: Text, _ body: Text,
        on database: any Database
    ) async throws {
        let link = Endpoints.grantAgreementPage.link([.agreementID: try agreement.requireID().uuidString])
        for account in accounts {
            try await Outbox.write(
                on: database, to: account, subject: Strings.pick(subject.korean, subject.english, account.language),
                body: Strings.pick(body.korean, body.english, account.language) + "\n\n" + link,
                relatedType: "agreement", relatedID: agreement.id?.uuidString)
        }
    }
}
