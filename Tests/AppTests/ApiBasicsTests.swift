import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

@Suite struct ApiBasicsTests {
    @Test func everyApiRouteIsDocumentedAndEveryDocumentedPathIsRouted() async throws {
        try await withTeukgu { app in
            let response = try await app.testing().sendRequest(.GET, Endpoints.openAPI.link())
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            var documented = Set<String>()
            for (path, operations) in paths {
                for method in operations.keys {
                    let vaporPath = path.split(separator: "/").map {
                        $0.hasPrefix("{") ? ":" + $0.dropFirst().dropLast() : $0
                    }.joined(separator: "/")
                    documented.insert("\(method.uppercased()) /\(vaporPath)")
                }
            }
            let routed = Set(
                app.routes.all.map(Endpoint.key(for:)).filter {
                    $0.contains(" /api/") || $0.hasSuffix(" /health") || $0.hasSuffix(" /metrics")
                })
            #expect(routed.subtracting(documented).isEmpty, "undocumented: \(routed.subtracting(documented).sorted())")
            #expect(
                documented.subtracting(routed).isEmpty,
                "documented but not routed: \(documented.subtracting(routed).sorted())")
        }
    }

    @Test func nonJSONAnswersAreDocumentedAsWhatTheyAre() async throws {
        try await withTeukgu { app in
            let response = try await app.testing().sendRequest(.GET, Endpoints.openAPI.link())
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
            let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
            func responses(_ path: String, _ method: String) -> [String: [String: Any]] {
                (paths[path]?[method]?["responses"] as? [String: [String: Any]]) ?? [:]
            }
            let logout = try #require(paths["/api/v1/auth/logout"]?["post"])
            #expect(logout["requestBody"] == nil)
            #expect(responses("/api/v1/auth/logout", "post")["204"] != nil)
            #expect(responses("/api/v1/auth/logout", "post")["200"] == nil)
            let metrics = responses("/metrics", "get")["200"]?["content"] as? [String: Any]
            #expect(metrics?.keys.sorted() == ["text/plain"])
            for (path, operations) in paths where path.hasSuffix(".csv") {
                let content = responses(path, "get")["200"]?["content"] as? [String: Any]
                #expect(content?.keys.sorted() == ["text/csv"], "\(path)")
                #expect(operations["get"] != nil)
            }
            // And the server answers as documented.
            let token = try await app.bearerToken(for: "admin@teukgu.demo")
            let served = try await app.testing().sendRequest(.GET, "/metrics", headers: .bearer(token))
            #expect(served.status == .ok && served.headers.contentType?.type == "text")
        }
    }

    @Test func healthReportsTheDatabase() async throws {
        try await withTeukgu { app in
            let response = try await app.testing().sendRequest(.GET, Endpoints.health.link())
            #expect(response.status == .ok)
            #expect(response.body.string.contains("\"database\":\"reachable\""))
        }
    }

    @Test func metricsCountRequestsByRouteForAdmins() async throws {
        try await withTeukgu { app in
            _ = try await app.testing().sendRequest(.GET, Endpoints.apiRegions.link())
            let admin = try await app.bearerToken(for: "admin@teukgu.demo")
            let response = try await app.testing().sendRequest(.GET, Endpoints.metrics.link(), headers: .bearer(admin))
            #expect(response.status == .ok)
            #expect(response.body.string.contains("http_requests_total"))
            #expect(response.body.string.contains("api/v1/regions"))
            let anonymous = try await app.testing().sendRequest(.GET, Endpoints.metrics.link())
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test func referenceDataHoldsTheRealDistrictsAndPartners() async throws {
        try await withTeukgu { app in
            let districts = try await app.testing().sendRequest(.GET, Endpoints.apiDistricts.link()).content.decode(
                [ApiReferenceController.DistrictDTO].self)
            #expect(districts.count == 7)
            #expect(districts.first { $0.id == "jeonnam-dc-energy" }?.budgetWon == 100_200_000_000)
            let partners = try await app.testing().sendRequest(.GET, Endpoints.apiPartners.link()).content.decode(
                [ApiReferenceController.PartnerDTO].self)
            // One record per company: Google Play (2019) is Google under its earlier name.
            #expect(!partners.contains { $0.id == "google-play" || $0.name == "Google Play" })
            #expect(partners.first { $0.id == "google" }?.joinedYear == 2019)
            #expect(partners.filter { $0.joinedYear <= 2024 }.count == 11)
            #expect(partners.contains { $0.name == "Air Liquide" && $0.joinedYear == 2025 })
            let regions = try await app.testing().sendRequest(.GET, Endpoints.apiRegions.link()).content.decode(
                [ApiReferenceController.RegionDTO].self)
            #expect(regions.count == 17 && regions.filter(\.capitalRegion).count == 3)
        }
    }
}
