import Testing
import TeukguCore
import Vapor
import VaporTesting

@testable import App

/// Every registered route against every role: the answer must match the one central declaration.
@Suite struct AuthorizationMatrixTests {
    @Test func everyRegisteredRouteHasAnAccessRuleAndEveryRuleIsRouted() async throws {
        try await withTeukgu { app in
            let registered = Set(app.routes.all.map(Endpoint.key(for:)))
            let declared = Set(Endpoints.all.map(\.key))
            #expect(
                registered.subtracting(declared).isEmpty,
                "routes without an access rule: \(registered.subtracting(declared).sorted())")
            #expect(
                declared.subtracting(registered).isEmpty,
                "rules for routes that do not exist: \(declared.subtracting(registered).sorted())")
        }
    }

    static func samplePath(_ endpoint: Endpoint) -> String {
        var values: [PathParameter: String] = [:]
        for parameter in endpoint.parameters {
            switch parameter {
            case .date: values[parameter] = "2030-01-01"
            case .key: values[parameter] = "rapidConfirmation.answerPeriod"
            case .token: values[parameter] = "no-such-invitation"
            default: values[parameter] = UUID().uuidString
            }
        }
        return endpoint.link(values)
    }

    @Test func everyRoleGetsExactlyWhatTheDeclarationSays() async throws {
        try await withTeukgu { app in
            var tokens: [Role: String] = [:]
            for role in Role.allCases { tokens[role] = try await app.bearerToken(for: demoEmailByRole[role]!) }
            let callers: [Role?] = [nil] + Role.allCases.map { Optional($0) }
            for endpoint in Endpoints.all {
                let path = Self.samplePath(endpoint)
                for role in callers {
                    let headers = role.map { HTTPHeaders.bearer(tokens[$0]!) } ?? [:]
                    let response = try await app.testing().sendRequest(endpoint.method, path, headers: headers)
                    let code = errorCode(response)
                    let label =
                        "\(endpoint.key) as \(role?.rawValue ?? "anonymous") → \(response.status.code) \(code ?? "")"
                    #expect(response.status.code < 500, "\(label)")
                    let redirectedToLogin =
                        response.status == .seeOther
                        && (response.headers.first(name: .location) ?? "").hasPrefix(Endpoints.loginPage.link())
                    if endpoint.access.permits(role) {
                        #expect(
                            code != "authentication_required" && code != "forbidden_role" && !redirectedToLogin,
                            "\(label)")
                    } else if role == nil {
                        #expect(code == "authentication_required" || redirectedToLogin, "\(label)")
                    } else {
                        #expect(response.status == .forbidden && code == "forbidden_role", "\(label)")
                    }
                }
            }
        }
    }

    @Test func aRevokedOrUnknownTokenIsRefusedNotTreatedAsAnonymous() async throws {
        try await withTeukgu { app in
            let response = try await app.testing().sendRequest(
                .GET, Endpoints.apiDistricts.link(), headers: .bearer("tgk_unknown"))
            #expect(response.status == .unauthorized)
            #expect(errorCode(response) == "invalid_token")
        }
    }
}
