import Fluent
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import App

@Suite struct AuditTests {
    @Test func everyStateChangeAppendsOneChainedRow() async throws {
        try await withTeukgu { app in
            let token = try await app.bearerToken(for: "admin@teukgu.demo")
            let before = try await app.auditCount()
            let response = try await app.testing().sendRequest(
                .POST, Endpoints.apiTokens.link(), headers: .json(bearer: token),
                body: ByteBuffer(string: #"{"name":"ci"}"#))
            #expect(response.status == .created)
            #expect(try await app.auditCount() == before + 1)
            let last = try await AuditEntryRecord.query(on: app.db).sort(\.$sequence, .descending).first()
            #expect(last?.action == "token.create")
            #expect(last?.actorLabel == "admin@teukgu.demo")
            let previous = try await AuditEntryRecord.query(on: app.db).filter(\.$sequence == (last?.sequence ?? 0) - 1)
                .first()
            #expect(last?.previousHash == previous?.hash)
        }
    }

    @Test func verifyCatchesARowAlteredInTheDatabase() async throws {
        try await withTeukgu { app in
            let intact = try await AuditLog.verify(on: app.db)
            #expect(intact.intact)
            #expect(intact.entriesChecked >= 2)
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw(
                "UPDATE audit_entries SET summary = \(bind: "{\"after\":{\"forged\":\"yes\"}}") WHERE sequence = 2"
            ).run()
            let broken = try await AuditLog.verify(on: app.db)
            #expect(!broken.intact)
            #expect(broken.firstBrokenSequence == 2)

            let admin = try await app.bearerToken(for: "admin@teukgu.demo")
            let response = try await app.testing().sendRequest(
                .GET, Endpoints.apiAuditVerify.link(), headers: .bearer(admin))
            let body = try response.content.decode(AuditVerification.self)
            #expect(body.intact == false && body.firstBrokenSequence == 2)
        }
    }

    @Test func verifyCatchesADeletedRow() async throws {
        try await withTeukgu { app in
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("DELETE FROM audit_entries WHERE sequence = 1").run()
            let result = try await AuditLog.verify(on: app.db)
            #expect(!result.intact && result.firstBrokenSequence == 1)
        }
    }

    @Test func theAuditVerifyCommandFailsOnATamperedChain() async throws {
        try await withTeukgu { app in
            var context = CommandContext(console: app.console, input: CommandInput(arguments: ["teukgu", "verify"]))
            context.application = app
            try await AuditCommand().run(using: &context)
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("UPDATE audit_entries SET actor_label = \(bind: "someone-else") WHERE sequence = 1").run()
            var second = CommandContext(console: app.console, input: CommandInput(arguments: ["teukgu", "verify"]))
            second.application = app
            await #expect(throws: AuditChainBroken.self) { try await AuditCommand().run(using: &second) }
        }
    }

    @Test func adminsBrowseAndFilterTheLog() async throws {
        try await withTeukgu { app in
            let admin = try await app.bearerToken(for: "admin@teukgu.demo")
            let response = try await app.testing().sendRequest(
                .GET, Endpoints.apiAudit.link() + "?action=seed.demo", headers: .bearer(admin))
            let list = try response.content.decode(ListDTO<AuditEntryDTO>.self)
            #expect(list.total == 1 && list.items.first?.action == "seed.demo")
            var browser = BrowserSession(app: app)
            _ = try await browser.signIn("admin@teukgu.demo")
            let page = try await browser.get(Endpoints.adminAuditPage.link() + "?action=session.sign-in")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("session.sign-in"))
            #expect(page.body.string.contains("flash-success"))
        }
    }
}
