import Foundation
import Testing
import TeukguCore
import Vapor
import VaporTesting

@testable import App

/// A JSON client for one demo account, for walking workflows through the API.
struct ApiClient {
    let app: Application
    let token: String

    static func signIn(_ app: Application, _ email: String) async throws -> ApiClient {
        ApiClient(app: app, token: try await app.bearerToken(for: email))
    }

    func send(_ method: HTTPMethod, _ path: String, _ body: Any? = nil) async throws -> TestingHTTPResponse {
        let buffer = try body.map {
            ByteBuffer(data: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]))
        }
        return try await app.testing().sendRequest(method, path, headers: .json(bearer: token), body: buffer)
    }

    func json(
        _ method: HTTPMethod, _ path: String, _ body: Any? = nil, expect status: HTTPResponseStatus = .ok,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) async throws -> Any {
        let response = try await send(method, path, body)
        if response.status != status {
            Issue.record(
                "\(method) \(path) answered \(response.status.code) \(response.body.string), not \(status.code)",
                sourceLocation: sourceLocation)
        }
        return try JSONSerialization.jsonObject(with: Data(buffer: response.body), options: [.fragmentsAllowed])
    }

    func object(
        _ method: HTTPMethod, _ path: String, _ body: Any? = nil, expect status: HTTPResponseStatus = .ok,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) async throws -> [String: Any] {
        (try await json(method, path, body, expect: status, sourceLocation: sourceLocation) as? [String: Any]) ?? [:]
    }

    func list(
        _ method: HTTPMethod, _ path: String, _ body: Any? = nil, expect status: HTTPResponseStatus = .ok,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) async throws -> [[String: Any]] {
        (try await json(method, path, body, expect: status, sourceLocation: sourceLocation) as? [[String: Any]]) ?? []
    }
}

/// A Seoul instant, for setting the application's clock.
func seoul(_ text: String) -> Date {
    Timestamps.parse(text)!
}

enum DesignationFixtures {
    static func callBody(
        round: Int = 9, opens: String, closes: String, cap: Int = 2, maxPerRegion: Int? = 1
    ) -> [String: Any] {
        var balance: [String: Any] = ["preferRegionsWithoutDistrict": true]
        if let maxPerRegion { balance["maxPerRegion"] = maxPerRegion }
        return [
            "round": round, "title": "Round \(round) test call", "opensAt": opens, "closesAt": closes, "cap": cap,
            "localGovernmentsEligible": true, "balance": balance,
            "stages": [
                [
                    "id": "written", "titleKorean": "서면", "titleEnglish": "Written", "passThreshold": 60,
                    "advanceCount": 3,
                    "criteria": [
                        ["id": "plan", "titleKorean": "계획", "titleEnglish": "Plan", "weight": 60],
                        ["id": "impact", "titleKorean": "효과", "titleEnglish": "Impact", "weight": 40],
                    ],
                ],
                [
                    "id": "presentation", "titleKorean": "발표", "titleEnglish": "Presentation", "passThreshold": 60,
                    "criteria": [
                        ["id": "readiness", "titleKorean": "준비도", "titleEnglish": "Readiness", "weight": 100]
                    ],
                ],
            ],
        ]
    }

    static func plan(
        name: String,
        operators: [(String, String)] = [("Haeum Marine Robotics", DemoAccounts.registrationNumber("605812345"))]
    ) -> [String: Any] {
        [
            "name": name, "location": "Test coast", "areaSquareKilometres": 12.5, "industry": "Hydrogen mobility",
            "periodYears": 4,
            "zoneOperators": operators.map { ["name": $0.0, "businessRegistrationNumber": $0.1] },
            "exemptions": [
                ["ruleID": "national.ship-officers.crew-required", "description": "Autonomous trials in the test zone"]
            ],
            "kpis": [["name": "Demonstrations run", "unit": "cases", "target": 12]],
            "financing": ["stateWon": 10_000_000_000, "localWon": 5_000_000_000, "privateWon": 2_000_000_000],
            "measures": [
                "safety": "Safety officer on every trial", "environment": "Emission monitoring",
                "privacy": "No personal data collected",
            ],
        ]
    }

    static func scores(_ stage: String, _ value: Double) -> [String: Any] {
        let criteria = stage == "written" ? ["plan", "impact"] : ["readiness"]
        return [
            "scores": Dictionary(
                uniqueKeysWithValues: criteria.map {
                    ($0, ["score": value, "justification": "Specific and well evidenced"] as [String: Any])
                })
        ]
    }
}
