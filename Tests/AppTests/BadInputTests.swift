import Fluent
import Testing
import Vapor
import VaporTesting

@testable import App

/// Bad input of every kind gets a 4xx with a stable code, never a 500, and changes nothing.
@Suite struct BadInputTests {
    struct Case {
        let method: HTTPMethod
        let path: String
        let body: ByteBuffer
        let contentType: HTTPMediaType?
        let expectedCode: String
    }

    static var invalidUTF8: ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeBytes([0x7B, 0x22, 0x6E, 0x61, 0x6D, 0x65, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0x22, 0x7D])
        return buffer
    }

    static let writes: [(HTTPMethod, String)] = [
        (.POST, Endpoints.apiTokens.link()), (.POST, Endpoints.apiUsers.link()),
        (.POST, Endpoints.apiLegalClock.link()),
        (.POST, Endpoints.apiHolidays.link()),
        (.POST, Endpoints.apiAddParameterVersion.link([.key: "rapidConfirmation.answerPeriod"])),
        (.POST, Endpoints.apiLogin.link()),
    ]

    static func cases(for method: HTTPMethod, _ path: String) -> [Case] {
        [
            Case(
                method: method, path: path, body: ByteBuffer(string: "{\"name\": "), contentType: .json,
                expectedCode: "malformed_json"),
            Case(
                method: method, path: path, body: ByteBuffer(string: "[1,2,3]"), contentType: .json,
                expectedCode: "json_object_expected"),
            Case(
                method: method, path: path, body: ByteBuffer(string: #"{"surprise": true}"#), contentType: .json,
                expectedCode: "unknown_field"),
            Case(method: method, path: path, body: invalidUTF8, contentType: .json, expectedCode: "invalid_utf8"),
            Case(
                method: method, path: path, body: ByteBuffer(string: "name=x"), contentType: .urlEncodedForm,
                expectedCode: "json_expected"),
            Case(method: method, path: path, body: ByteBuffer(), contentType: .json, expectedCode: "empty_body"),
        ]
    }

    @Test func malformedBodiesAreRefusedWithStableCodesAndChangeNothing() async throws {
        try await withTeukgu { app in
            let admin = try await app.bearerToken(for: "admin@teukgu.demo")
            let auditBefore = try await app.auditCount()
            let tokensBefore = try await ApiTokenRecord.query(on: app.db).count()
            for (method, path) in Self.writes {
                for testCase in Self.cases(for: method, path) {
                    var headers = HTTPHeaders.bearer(admin)
                    if let type = testCase.contentType { headers.contentType = type }
                    let response = try await app.testing().sendRequest(
                        testCase.method, testCase.path, headers: headers, body: testCase.body)
                    #expect(
                        (400..<500).contains(response.status.code),
                        "\(path) \(testCase.expectedCode): \(response.status)")
                    #expect(
                        errorCode(response) == testCase.expectedCode, "\(path): got \(errorCode(response) ?? "none")")
                }
            }
            #expect(try await app.auditCount() == auditBefore)
            #expect(try await ApiTokenRecord.query(on: app.db).count() == tokensBefore)
        }
    }

    @Test func wrongTypesNameTheField() async throws {
        try await withTeukgu { app in
            let admin = try await app.bearerToken(for: "admin@teukgu.demo")
            let response = try await app.testing().sendRequest(
                .POST, Endpoints.apiTokens.link(), headers: .json(bearer: admin),
                body: ByteBuffer(string: #"{"name": 42}"#))
            #expect(response.status == .badRequest)
            #expect(errorCode(response) == "invalid_field")
            #expect(response.body.string.contains("name"))
            let clock = try await app.testing().sendRequest(
                .POST, Endpoints.apiLegalClock.link(), headers: .json(),
                body: ByteBuffer(string: #"{"start":"2025-03-10","length":{"days":"thirty"},"rule":"civil-act"}"#))
            #expect(clock.status == .badRequest && errorCode(clock) == "invalid_field")
        }
    }

    @Test func hugeBodiesAreRefusedOverTheWireAndInMemory() async throws {
        try await withTeukgu { app in
            let admin = try await app.bearerToken(for: "admin@teukgu.demo")
            let huge = ByteBuffer(string: "{\"name\":\"" + String(repeating: "a", count: 1_100_000) + "\"}")
            let inMemory = try await app.testing().sendRequest(
                .POST, Endpoints.apiTokens.link(), headers: .json(bearer: admin), body: huge)
            #expect(inMemory.status == .payloadTooLarge)
            #expect(errorCode(inMemory) == "payload_too_large")
            let before = try await app.auditCount()
            let overTheWire = try await app.testing(method: .running(port: 0)).sendRequest(
                .POST, Endpoints.apiTokens.link(), headers: .json(bearer: admin), body: huge)
            #expect(overTheWire.status == .payloadTooLarge)
            #expect(try await app.auditCount() == before)
        }
    }

    @Test func formsWithoutTheirCSRFTokenAreRefused() async throws {
        try await withTeukgu { app in
            var browser = BrowserSession(app: app)
            _ = try await browser.signIn("admin@teukgu.demo")
            let before = try await app.auditCount()
            let forged = try await browser.post(Endpoints.createTokenForm.link(), form: ["name": "forged"])
            #expect(forged.status == .forbidden)
            #expect(errorCode(forged) == "csrf_token_invalid")
            let wrong = try await browser.post(
                Endpoints.createTokenForm.link(), form: ["name": "forged", "csrf": "not-the-token"])
            #expect(errorCode(wrong) == "csrf_token_invalid")
            #expect(try await app.auditCount() == before)
        }
    }

    @Test func unknownRoutesAndMethodsAreFourOhFourNotErrors() async throws {
        try await withTeukgu { app in
            let api = try await app.testing().sendRequest(.GET, "/api/v1/nothing-here")
            #expect(api.status == .notFound && errorCode(api) == "not_found")
            let page = try await app.testing().sendRequest(.GET, "/nothing-here", headers: ["Accept-Language": "en"])
            #expect(page.status == .notFound)
            #expect(page.body.string.contains("Back to the home page"))
            let badPaging = try await app.testing().sendRequest(
                .GET, Endpoints.apiAudit.link() + "?perPage=100000",
                headers: .bearer(try await app.bearerToken(for: "admin@teukgu.demo")))
            #expect(badPaging.status == .badRequest && errorCode(badPaging) == "invalid_per_page")
        }
    }
}
