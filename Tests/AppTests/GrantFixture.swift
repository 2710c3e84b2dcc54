import Fluent
import Foundation
import Testing
import TeukguCore
import Vapor
import VaporTesting

@testable import App

/// A selected startup on a track the demo operating organisation runs, and helpers to drive its
/// agreement through the API.
struct GrantFixture {
    let app: Application
    let applicationID: UUID
    let trackID: UUID
    let callID: UUID
    let startup: String
    let operatorToken: String
    let officer: String

    static func make(_ app: Application, company email: String = "startup@teukgu.demo") async throws -> GrantFixture {
        let organisation = try #require(
            try await AccountRecord.query(on: app.db).filter(\.$email == "operator@teukgu.demo").first()?.organisationID
        )
        let track = try #require(
            try await CollaborationTrackRecord.query(on: app.db).filter(\.$year == 2026)
                .filter(\.$organisationID == organisation).filter(\.$partnerID == "nvidia").first())
        let call = try #require(try await CollaborationCallRecord.query(on: app.db).filter(\.$year == 2026).first())
        let company = try #require(
            try await AccountRecord.query(on: app.db).filter(\.$email == email).first()?.companyID)
        let application = CollaborationApplicationRecord()
        application.callID = try call.requireID()
        application.companyID = company
        application.choicesJSON = "[]"
        application.plan = "Illustrative plan"
        application.requestedWon = 150_000_000
        application.documentsJSON = "[]"
        application.status = .submitted
        application.outcome = .selected
        application.assignedTrackID = try track.requireID()
        application.createdBy = UUID()
        try await application.create(on: app.db)
        return GrantFixture(
            app: app, applicationID: try application.requireID(), trackID: try track.requireID(),
            callID: try call.requireID(), startup: try await app.bearerToken(for: email),
            operatorToken: try await app.bearerToken(for: "operator@teukgu.demo"),
            officer: try await app.bearerToken(for: "officer@teukgu.demo"))
    }

    /// A fixture for a new startup of its own (a company and a member account), for tests that need
    /// many selected startups in one call.
    static func newStartup(_ app: Application, index: Int) async throws -> GrantFixture {
        let company = CompanyRecord()
        company.name = "Concurrent Startup \(index)"
        company.businessRegistrationNumber = String(format: "9%02d-81-%05d", index % 100, index)
        company.foundedOn = "2024-01-01"
        company.sector = "AI"
        try await company.create(on: app.db)
        let account = AccountRecord()
        account.email = "startup-\(index)@example.test"
        account.displayName = "Startup \(index)"
        account.role = Role.companyMember.rawValue
        account.companyID = try company.requireID()
        account.language = "en"
        account.isActive = true
        try await account.create(on: app.db)
        return try await make(app, company: account.email)
    }

    var today: CalendarDate { app.clock.today() }

    /// Terms of `award` in two instalments (40 % then 60 %), planned as personnel and materials.
    func terms(award: Int64 = 150_000_000) -> String {
        let first = award * 4 / 10
        return """
            {"awardWon":\(award),"starts":"\(today.adding(days: -30).iso)","ends":"\(today.adding(days: 300).iso)",
             "instalments":[{"milestone":"Prototype with the partner's stack","amountWon":\(first),"due":"\(today.adding(days: 60).iso)"},
                            {"milestone":"Pilot with a customer","amountWon":\(award - first),"due":"\(today.adding(days: 250).iso)"}],
             "plan":{"personnel":\(award / 2),"materials":\(award - award / 2)}}
            """
    }

    func draftBody(award: Int64 = 150_000_000) -> String {
        """
        {"applicationID":"\(applicationID)","terms":\(terms(award: award)),"bankName":"IBK",
         "accountHolder":"Demo Startup Inc.","accountNumber":"123-456789-01-234"}
        """
    }

    @discardableResult
    func post(
        _ path: String, _ token: String, _ body: String, key: String? = UUID().uuidString
    ) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders.json(bearer: token)
        if let key { headers.add(name: IdempotentWrites.header, value: key) }
        return try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    func agreement(_ id: UUID, _ token: String? = nil) async throws -> GrantAgreementDTO {
        try await app.testing().sendRequest(
            .GET, Endpoints.apiGrantAgreement.link([.agreementID: id.uuidString]), headers: .bearer(token ?? officer)
        ).content.decode(GrantAgreementDTO.self)
    }

    /// A drafted and signed agreement.
    func signed(award: Int64 = 150_000_000) async throws -> GrantAgreementDTO {
        let drafted = try await post(Endpoints.apiDraftGrantAgreement.link(), operatorToken, draftBody(award: award))
        #expect(drafted.status == .created, "\(drafted.body.string)")
        let draft = try drafted.content.decode(GrantAgreementDTO.self)
        let signing = try await post(event(draft.id), startup, #"{"event":"sign"}"#)
        #expect(signing.status == .ok, "\(signing.body.string)")
        return try signing.content.decode(GrantAgreementDTO.self)
    }

    func event(_ id: UUID) -> String { Endpoints.apiGrantAgreementEvent.link([.agreementID: id.uuidString]) }

    func instalment(_ id: UUID, _ number: Int) -> String {
        Endpoints.apiGrantInstalmentEvent.link([.agreementID: id.uuidString, .number: String(number)])
    }

    /// Reports and approves instalment `number`, leaving it payable.
    func approve(_ id: UUID, _ number: Int) async throws {
        let reported = try await post(
            instalment(id, number), startup, #"{"event":"report","report":"Done, with evidence."}"#)
        #expect(reported.status == .ok, "\(reported.body.string)")
        let approved = try await post(instalment(id, number), operatorToken, #"{"event":"approve","note":"Verified."}"#)
        #expect(approved.status == .ok, "\(approved.body.string)")
    }
}
