import Foundation
import RegulationEngine
import Testing
import TeukguCore
import Vapor
import VaporTesting

@testable import App

/// Every JSON body the document describes has a schema and an example; the examples decode with the
/// handlers' own types; and the answers the regulation service writes as pre-encoded JSON match
/// their schemas field for field.
@Suite struct OpenAPIBodiesTests {
    private var document: [String: Any] {
        get throws {
            try #require(JSONSerialization.jsonObject(with: OpenAPIDocument.json) as? [String: Any])
        }
    }

    private func components(_ document: [String: Any]) -> [String: [String: Any]] {
        (document["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]] ?? [:]
    }

    @Test func everyJSONBodyHasASchemaAndAnExample() throws {
        let paths = try #require(try document["paths"] as? [String: [String: [String: Any]]])
        var checked = 0
        for (path, operations) in paths {
            for (method, operation) in operations {
                var bodies: [(String, [String: Any])] = []
                if let request = operation["requestBody"] as? [String: Any] { bodies.append(("request", request)) }
                for (status, response) in operation["responses"] as? [String: [String: Any]] ?? [:]
                where status.hasPrefix("2") {
                    bodies.append((status, response))
                }
                for (which, body) in bodies {
                    guard let json = (body["content"] as? [String: Any])?["application/json"] as? [String: Any]
                    else { continue }
                    let schema = json["schema"] as? [String: Any] ?? [:]
                    #expect(
                        !schema.isEmpty && schema as NSDictionary != ["type": "object"], "\(method) \(path) \(which)")
                    #expect(json["example"] != nil, "\(method) \(path) \(which) has no example")
                    checked += 1
                }
            }
        }
        #expect(checked > 150)
    }

    @Test func everyRequestExampleDecodesWithTheHandlersType() throws {
        let document = try document
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        for endpoint in Endpoints.all where endpoint.isAPI {
            guard let type = APIContracts.byKey[endpoint.key]?.request else { continue }
            let path = OpenAPIDocument.openAPIPath(endpoint)
            let operation = try #require(paths[path]?[endpoint.method.rawValue.lowercased()])
            let content = (operation["requestBody"] as? [String: Any])?["content"] as? [String: Any]
            let example = try #require((content?["application/json"] as? [String: Any])?["example"], "\(path)")
            let data = try JSONSerialization.data(withJSONObject: example)
            #expect(throws: Never.self, "\(path)") { _ = try JSONDecoder().decode(type, from: data) }
            if let strict = type as? any StrictJSONInput.Type, let object = example as? [String: Any] {
                #expect(Set(object.keys).isSubset(of: strict.fields), "\(path): \(object.keys.sorted())")
            }
        }
    }

    @Test func writtenExamplesThatNeedNoRecordAreAcceptedByARunningServer() async throws {
        try await withTeukgu { app in
            var sent = 0
            for endpoint in Endpoints.all where endpoint.isAPI && endpoint.parameterNames.isEmpty {
                guard let body = APIExamples.requests[endpoint.key], endpoint.key != Endpoints.apiLogin.key else {
                    continue
                }
                var headers = HTTPHeaders()
                headers.contentType = .json
                switch endpoint.access {
                case .anyone: break
                case .signedIn:
                    headers.bearerAuthorization = .init(token: try await app.bearerToken(for: "startup@teukgu.demo"))
                case .roles(let roles):
                    let email = try #require(
                        roles.sorted { $0.rawValue < $1.rawValue }.compactMap { demoEmailByRole[$0] }.first)
                    headers.bearerAuthorization = .init(token: try await app.bearerToken(for: email))
                }
                let response = try await app.testing().sendRequest(
                    endpoint.method, endpoint.path, headers: headers, body: .init(string: body))
                #expect((200..<300).contains(response.status.code), "\(endpoint.key): \(response.body.string)")
                sent += 1
            }
            #expect(sent >= 6)
        }
    }

    @Test func theStrictReaderRefusesWhatTheSchemaDoesNotSay() {
        let schema: [String: Any] = [
            "type": "object", "required": ["day"],
            "properties": [
                "day": ["type": "string", "format": "date"], "n": ["type": "integer"],
                "flag": ["type": ["boolean", "null"]], "kind": ["type": "string", "enum": ["a", "b"]],
            ],
        ]
        #expect(
            StrictSchema.problems(["day": "2026-12-01", "n": 3, "flag": true, "kind": "a"], schema, components: [:])
                .isEmpty)
        #expect(StrictSchema.problems(["day": "2026-12-01", "flag": NSNull()], schema, components: [:]).isEmpty)
        #expect(StrictSchema.problems(["day": "2026-12-01", "extra": 1], schema, components: [:]).count == 1)
        #expect(StrictSchema.problems(["n": 1], schema, components: [:]).count == 1)
        #expect(StrictSchema.problems(["day": "2026-02-30"], schema, components: [:]).count == 1)
        #expect(StrictSchema.problems(["day": "2026-12-01", "n": 1.5], schema, components: [:]).count == 1)
        #expect(StrictSchema.problems(["day": "2026-12-01", "flag": 1], schema, components: [:]).count == 1)
        #expect(StrictSchema.problems(["day": "2026-12-01", "kind": "c"], schema, components: [:]).count == 1)
        #expect(StrictSchema.problems(["day": "2026-12-01", "n": true], schema, components: [:]).count == 1)
    }

    @Test func theEnumsOfTheRegulationDocsAreTheEnginesOwn() {
        #expect(RuleEffectDoc.allCases.map(\.rawValue) == RuleEffect.allCases.map(\.rawValue))
        let kinds: [RuleCondition] = [
            .permit(authority: "a", name: "n"), .certification(scheme: "s", note: nil),
            .insurance(death: nil, injury: nil, disability: nil, property: nil), .demonstrationArea(zone: "z"),
            .notification(to: "t", when: "w"), .other(text: "o"),
        ]
        #expect(kinds.map(\.kind) == ConditionKindDoc.allCases.map(\.rawValue))
    }

    @Test func preEncodedAnswersMatchTheirSchemasFieldForField() async throws {
        let document = try document
        let schemas = components(document)
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        func schema(_ path: String, _ method: String) throws -> [String: Any] {
            let responses = try #require(paths[path]?[method]?["responses"] as? [String: [String: Any]])
            let content = try #require(responses["200"]?["content"] as? [String: Any])
            return try #require((content["application/json"] as? [String: Any])?["schema"] as? [String: Any])
        }
        try await withTeukgu { app in
            let token = try await app.bearerToken(for: "officer@teukgu.demo")
            var answers: [(String, Any, [String: Any])] = []
            func add(_ label: String, _ response: TestingHTTPResponse, _ schema: [String: Any]) throws {
                #expect(response.status == .ok, "\(label): \(response.body.string)")
                answers.append(
                    (label, try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)), schema))
            }
            let tester = try app.testing()
            let districts = try await tester.sendRequest(.GET, "/api/v1/regulation/districts")
            try add("districts", districts, try schema("/api/v1/regulation/districts", "get"))
            let ids = try #require(
                try JSONSerialization.jsonObject(with: Data(districts.body.readableBytesView)) as? [[String: Any]]
            )
            .compactMap { $0["id"] as? String }
            #expect(ids.count >= 3)
            let checkBodies =
                ids.map { #"{"district":"\#($0)","asOf":"2026-11-30","facts":{}}"# } + [
                    #"{"district":"busan-marine-mobility","asOf":"2025-03-01","facts":{"activity.kind":"autonomous-vessel-trial","activity.crewOnboard":0,"site.zone":"test-north","company.isZoneOperator":true}}"#
                ]
            var decisionIDs: [String] = []
            for body in checkBodies {
                var headers = HTTPHeaders()
                headers.contentType = .json
                let answer = try await tester.sendRequest(
                    .POST, "/api/v1/regulation/check", headers: headers, body: .init(string: body))
                try add("check \(body)", answer, try schema("/api/v1/regulation/check", "post"))
                let object =
                    try JSONSerialization.jsonObject(with: Data(answer.body.readableBytesView)) as? [String: Any]
                if let id = object?["decisionId"] as? String { decisionIDs.append(id) }
            }
            #expect(answers.contains { ($0.1 as? [String: Any])?["outcome"] as? String == "conditional" })
            for id in decisionIDs.prefix(2) {
                try add(
                    "decision", try await tester.sendRequest(.GET, "/api/v1/regulation/decisions/\(id)"),
                    try schema("/api/v1/regulation/decisions/{decisionID}", "get"))
                try add(
                    "replay",
                    try await tester.sendRequest(
                        .POST, "/api/v1/regulation/decisions/\(id)/replay", headers: .bearer(token)),
                    try schema("/api/v1/regulation/decisions/{decisionID}/replay", "post"))
            }
            for id in ids {
                try add(
                    "regime \(id)", try await tester.sendRequest(.GET, "/api/v1/regulation/districts/\(id)"),
                    try schema("/api/v1/regulation/districts/{district}", "get"))
            }
            try add("ping", try await tester.sendRequest(.GET, "/api/v1/ping"), try schema("/api/v1/ping", "get"))
            // A refused rulebook upload carries its problems beside the error.
            let admin = try await app.bearerToken(for: "admin@teukgu.demo")
            let broken =
                #"{"files":[{"file":"districts/busan-marine-mobility.yaml","text":"id: busan\nscope: national\nrules:\n  - id: x\n    effect: prohibit\n    when: 'nope.fact == 1'\n    cites: [{law: A, article: b}]\n"}]}"#
            var uploadHeaders = HTTPHeaders.bearer(admin)
            uploadHeaders.contentType = .json
            let refused = try await tester.sendRequest(
                .POST, "/api/v1/regulation/versions", headers: uploadHeaders, body: .init(string: broken))
            #expect(refused.status == .unprocessableEntity)
            let refusalSchema = try #require(
                ((paths["/api/v1/regulation/versions"]?["post"]?["responses"] as? [String: [String: Any]])?["422"]?[
                    "content"] as? [String: Any])?["application/json"] as? [String: Any])
            answers.append(
                (
                    "refused upload", try JSONSerialization.jsonObject(with: Data(refused.body.readableBytesView)),
                    try #require(refusalSchema["schema"] as? [String: Any])
                ))
            for (label, value, schema) in answers {
                let problems = StrictSchema.problems(value, schema, components: schemas)
                #expect(problems.isEmpty, "\(label): \(problems.prefix(5))")
            }
        }
    }
}

/// A small JSON Schema reader for these tests: types, formats of days and ids, enums, required
/// fields, and (stricter than the document) no field the schema does not name.
enum StrictSchema {
    static func problems(
        _ value: Any, _ schema: [String: Any], components: [String: [String: Any]], at path: String = "$"
    ) -> [String] {
        if let reference = schema["$ref"] as? String {
            let name = String(reference.split(separator: "/").last ?? "")
            guard let component = components[name] else { return ["\(path): unknown \(name)"] }
            return problems(value, component, components: components, at: path)
        }
        if let choices = schema["anyOf"] as? [[String: Any]] {
            let results = choices.map { problems(value, $0, components: components, at: path) }
            return results.contains { $0.isEmpty } ? [] : results.flatMap { $0 }
        }
        let types = (schema["type"] as? [String]) ?? (schema["type"] as? String).map { [$0] } ?? []
        if value is NSNull { return types.isEmpty || types.contains("null") ? [] : ["\(path): null"] }
        if let values = schema["enum"] as? [Any], let text = value as? String,
            !values.contains(where: { ($0 as? String) == text })
        {
            return ["\(path): \(text) is not one of \(values)"]
        }
        if let object = value as? [String: Any] {
            guard types.isEmpty || types.contains("object") else { return ["\(path): object"] }
            let properties = schema["properties"] as? [String: [String: Any]]
            var out: [String] = []
            for name in schema["required"] as? [String] ?? [] where object[name] == nil {
                out.append("\(path): \(name) is missing")
            }
            guard let properties else { return out }
            for (key, child) in object {
                guard let property = properties[key] else {
                    out.append("\(path): \(key) is not in the schema")
                    continue
                }
                out += problems(child, property, components: components, at: "\(path).\(key)")
            }
            return out
        }
        if let array = value as? [Any] {
            guard types.isEmpty || types.contains("array") else { return ["\(path): array"] }
            let items = schema["items"] as? [String: Any] ?? [:]
            return array.enumerated().flatMap { problems($1, items, components: components, at: "\(path)[\($0)]") }
        }
        if let text = value as? String {
            guard types.isEmpty || types.contains("string") else { return ["\(path): string"] }
            switch schema["format"] as? String {
            case "date": return CalendarDate(iso: text) == nil ? ["\(path): \(text) is not a day"] : []
            case "uuid": return UUID(uuidString: text) == nil ? ["\(path): \(text) is not a uuid"] : []
            default: return []
            }
        }
        if let number = value as? NSNumber {
            if String(cString: number.objCType) == "c" {
                return types.isEmpty || types.contains("boolean") ? [] : ["\(path): boolean"]
            }
            if types.contains("integer") {
                return number.doubleValue.rounded() == number.doubleValue ? [] : ["\(path): not whole"]
            }
            return types.isEmpty || types.contains("number") ? [] : ["\(path): number"]
        }
        return ["\(path): unexpected \(type(of: value))"]
    }
}
