import Fluent
import Foundation
import Testing
import TeukguCore
import Vapor
import VaporTesting

@testable import App

/// A case's documents through the pages: filed with the case, attached to a step, listed on the
/// case page, and readable by whoever may read the case and by nobody else.
@Suite struct SandboxDocumentTests {
    func upload(_ app: Application, _ token: String, _ name: String) async throws -> String {
        let response = try await DocumentTests().upload(app, token: token, body: DocumentTests.pdf, name: name)
        #expect(response.status == .created)
        return try response.content.decode(DocumentDTO.self).id.uuidString
    }

    func download(_ app: Application, _ id: String, _ token: String) async throws -> HTTPStatus {
        try await app.testing().sendRequest(
            .GET, Endpoints.downloadDocument.link([.documentID: id]), headers: .bearer(token)
        ).status
    }

    @Test func documentsFiledAndAttachedThroughThePagesAreReadByTheCasesReadersOnly() async throws {
        try await withTeukgu { app in
            let startup = try await app.bearerToken(for: "startup@teukgu.demo")
            let busan = try await app.bearerToken(for: "busan@teukgu.demo")
            let officer = try await app.bearerToken(for: "officer@teukgu.demo")
            let stranger = try await app.bearerToken(for: "startup2@teukgu.demo")
            let plan = try await upload(app, startup, "bunkering-plan.pdf")
            let notMine = try await upload(app, stranger, "other.pdf")

            var company = BrowserSession(app: app)
            _ = try await company.signIn("startup@teukgu.demo")
            let home = try await company.get(Endpoints.sandboxHome.link())
            #expect(home.body.string.contains("bunkering-plan.pdf"))
            let token = try #require(BrowserSession.csrf(in: home.body.string))
            let fields = [
                ("csrf", token), ("kind", "rapid-confirmation"), ("districtID", SandboxCaseTests.district),
                ("title", "Ammonia bunkering"), ("activity", "Ship-to-ship bunkering"),
                ("question", "Is a permit needed?"),
            ]
            // Someone else's document cannot be attached, and the refusal keeps the form.
            let refused = try await company.post(
                Endpoints.fileSandboxCaseForm.link(), pairs: fields + [("documentIDs[]", notMine)])
            #expect(refused.status == .unprocessableEntity || refused.status == .badRequest, "\(refused.status)")
            #expect(refused.body.string.contains("Ship-to-ship bunkering"))
            #expect(!refused.body.string.contains("other.pdf"))
            let filed = try await company.post(
                Endpoints.fileSandboxCaseForm.link(), pairs: fields + [("documentIDs[]", plan)])
            #expect(filed.status == .seeOther)
            let record = try #require(
                try await SandboxCaseRecord.query(on: app.db).filter(\.$title == "Ammonia bunkering").first())
            let caseID = try record.requireID()
            #expect(record.documentsJSON.lowercased().contains(plan.lowercased()))

            #expect(try await download(app, plan, busan) == .ok)
            #expect(try await download(app, plan, officer) == .ok)
            #expect(try await download(app, plan, stranger) == .notFound)

            let cases = SandboxCaseTests()
            try await cases.step(app, caseID, busan, #"{"event":"forward"}"#)
            try await cases.step(app, caseID, officer, #"{"event":"notify"}"#)
            try await cases.step(app, caseID, officer, #"{"event":"request-supplement","note":"Send the HAZID"}"#)
            let hazid = try await upload(app, startup, "hazid.pdf")
            let page = Endpoints.sandboxCasePage.link([.caseID: caseID.uuidString])
            let casePage = try await company.get(page)
            #expect(casePage.body.string.contains("hazid.pdf"))
            let stepToken = try #require(BrowserSession.csrf(in: casePage.body.string))
            let supplemented = try await company.post(
                page + "/events",
                pairs: [
                    ("csrf", stepToken), ("event", "supplement"), ("note", "HAZID attached"), ("documentIDs[]", hazid),
                ])
            #expect(supplemented.status == .seeOther)
            #expect(try await download(app, hazid, busan) == .ok)
            #expect(try await download(app, hazid, stranger) == .notFound)
            var region = BrowserSession(app: app)
            _ = try await region.signIn("busan@teukgu.demo")
            let regionView = try await region.get(page).body.string
            #expect(regionView.contains("bunkering-plan.pdf") && regionView.contains("hazid.pdf"))
        }
    }
}
