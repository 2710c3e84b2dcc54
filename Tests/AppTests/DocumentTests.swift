import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

@Suite struct DocumentTests {
    static let pdf = ByteBuffer(string: "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n")

    func upload(_ app: Application, token: String, body: ByteBuffer, name: String) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders.bearer(token)
        headers.contentType = .binary
        headers.replaceOrAdd(name: "X-File-Name", value: name)
        return try await app.testing().sendRequest(
            .POST, Endpoints.apiUploadDocument.link(), headers: headers, body: body)
    }

    @Test func anUploadIsStoredByHashTypedFromItsBytesAndReadableOnlyByThoseWhoMay() async throws {
        try await withTeukgu { app in
            let owner = try await app.bearerToken(for: "startup@teukgu.demo")
            let response = try await upload(app, token: owner, body: Self.pdf, name: "../../etc/passwd.pdf")
            #expect(response.status == .created)
            let document = try response.content.decode(DocumentDTO.self)
            #expect(document.contentType == "application/pdf")
            #expect(!document.name.contains("/"))
            let stored = app.settings.dataDirectory + "/documents/\(document.sha256.prefix(2))/\(document.sha256)"
            #expect(FileManager.default.fileExists(atPath: stored))

            let mine = try await app.testing().sendRequest(
                .GET, Endpoints.apiDocumentContent.link([.documentID: "\(document.id)"]), headers: .bearer(owner))
            #expect(mine.status == .ok && mine.body.string.hasPrefix("%PDF"))
            #expect(mine.headers.first(name: "X-Content-Type-Options") == "nosniff")

            let stranger = try await app.bearerToken(for: "nvidia@teukgu.demo")
            let refused = try await app.testing().sendRequest(
                .GET, Endpoints.apiDocumentContent.link([.documentID: "\(document.id)"]), headers: .bearer(stranger))
            #expect(refused.status == .notFound)
            let ministry = try await app.bearerToken(for: "officer@teukgu.demo")
            #expect(
                try await app.testing().sendRequest(
                    .GET, Endpoints.apiDocument.link([.documentID: "\(document.id)"]), headers: .bearer(ministry)
                ).status == .ok)
        }
    }

    @Test func filesThatAreNotDocumentsAreRefusedWhateverTheirName() async throws {
        try await withTeukgu { app in
            let owner = try await app.bearerToken(for: "startup@teukgu.demo")
            let script = try await upload(
                app, token: owner, body: ByteBuffer(string: "#!/bin/sh\nrm -rf /\n"), name: "plan.pdf")
            #expect(script.status == .unsupportedMediaType && errorCode(script) == "unsupported_document_type")
            let empty = try await upload(app, token: owner, body: ByteBuffer(), name: "x.pdf")
            #expect((400..<500).contains(empty.status.code))
            #expect(try await DocumentRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func uploadsOverTheLimitAreRefused() async throws {
        try await withTeukgu { app in
            let owner = try await app.bearerToken(for: "startup@teukgu.demo")
            var big = Self.pdf
            big.writeString(String(repeating: "x", count: app.settings.maxUploadBytes + 70_000))
            let response = try await upload(app, token: owner, body: big, name: "big.pdf")
            #expect(response.status == .payloadTooLarge)
        }
    }

    @Test func theDocumentsPageUploadsThroughAFormWithItsToken() async throws {
        try await withTeukgu { app in
            var browser = BrowserSession(app: app)
            _ = try await browser.signIn("startup@teukgu.demo")
            let page = try await browser.get(Endpoints.documentsPage.link())
            let csrf = try #require(BrowserSession.csrf(in: page.body.string))
            let boundary = "teukgu-boundary"
            var body = ByteBuffer()
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n")
            body.writeString(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"사업계획서.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
            )
            body.writeBuffer(&DocumentTests.pdfCopy)
            body.writeString("\r\n--\(boundary)--\r\n")
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
            headers.replaceOrAdd(name: .cookie, value: browser.cookie ?? "")
            let response = try await app.testing().sendRequest(
                .POST, Endpoints.documentsPage.link(), headers: headers, body: body)
            #expect(response.status == .seeOther)
            let list = try await browser.get(Endpoints.documentsPage.link())
            #expect(list.body.string.contains("사업계획서.pdf"))
        }
    }

    nonisolated(unsafe) static var pdfCopy = pdf
}
