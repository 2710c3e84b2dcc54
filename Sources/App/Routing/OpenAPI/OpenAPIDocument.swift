import Foundation

/// The OpenAPI 3.1 document, generated from `Endpoints` so that it can never list a route that
/// does not exist; a test checks the converse against the router.
enum OpenAPIDocument {
    static let json: Data = {
        let encoder = JSONSerialization.self
        return (try? encoder.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted])) ?? Data("{}".utf8)
    }()

    /// The contract types the recorder could not describe; a test keeps it empty.
    static var unrecorded: [String] { build().unrecorded }

    static var document: [String: Any] { build().document }

    private static func build() -> (document: [String: Any], unrecorded: [String]) {
        let recorder = SchemaRecorder()
        var unrecorded: [String] = []
        func schema(_ type: (any Decodable.Type)?) -> [String: Any]? {
            guard let type else { return nil }
            do {
                return try recorder.schema(for: type)
            } catch {
                unrecorded.append("\(error)")
                return nil
            }
        }
        var paths: [String: [String: Any]] = [:]
        for endpoint in Endpoints.all where endpoint.isAPI {
            let contract = APIContracts.byKey[endpoint.key]
            let openAPIPath = openAPIPath(endpoint)
            var operation: [String: Any] = [
                "operationId": operationID(endpoint),
                "summary": endpoint.summary,
                "description": "Access: \(accessText(endpoint.access)). Sees: \(endpoint.visibility.rawValue).",
                "responses": successResponses(endpoint, contract: contract, body: schema(contract?.response)).merging(
                    errorResponses(endpoint)
                ) { first, _ in first },
            ]
            if endpoint.access != .anyone {
                operation["security"] = [["bearer": [String]()], ["session": [String]()]]
            }
            var parameters = endpoint.parameterNames.map { name -> [String: Any] in
                ["name": name, "in": "path", "required": true, "schema": ["type": "string"]]
            }
            parameters += (contract?.query ?? []).map(\.openAPI)
            if endpoint.isIdempotentWrite {
                parameters.append([
                    "name": IdempotentWrites.header, "in": "header", "required": true,
                    "description": "A new key (a UUID) per request; the same key when retrying it.",
                    "schema": ["type": "string", "minLength": 1, "maxLength": 100, "pattern": "^[A-Za-z0-9._:-]+$"],
                ])
            }
            if !parameters.isEmpty { operation["parameters"] = parameters }
            if takesBody(endpoint) {
                let body: [String: Any] =
                    Endpoints.uploadKeys.contains(endpoint.key)
                    ? ["application/octet-stream": ["schema": ["type": "string", "format": "binary"]]]
                    : ["application/json": ["schema": schema(contract?.request) ?? ["type": "object"]]]
                operation["requestBody"] = ["required": true, "content": body]
            }
            paths[openAPIPath, default: [:]][endpoint.method.rawValue.lowercased()] = operation
        }
        _ = schema(RulebookRefusalDoc.self)
        var schemas = recorder.components
        schemas["Error"] = errorSchema
        for (path, operations) in paths {
            for (method, operation) in operations {
                paths[path]?[method] = withExamples(
                    operation as? [String: Any] ?? [:], components: schemas, written: writtenExamples[method + path])
            }
        }
        let document: [String: Any] = [
            "openapi": "3.1.0",
            "info": [
                "title": "Teukgu API",
                "version": "1.0.0",
                "description":
                    "Global innovation special districts and the global collaboration programme. Errors are {\"error\":{\"code\",\"message\"}}; unknown fields are refused.",
            ],
            "servers": [["url": "/"]],
            "paths": paths,
            "components": [
                "securitySchemes": [
                    "bearer": [
                        "type": "http", "scheme": "bearer",
                        "description": "An API token created on the account page or POST /api/v1/tokens.",
                    ],
                    "session": ["type": "apiKey", "in": "cookie", "name": "teukgu-session"],
                ],
                "schemas": schemas,
            ],
        ]
        return (document, unrecorded)
    }

    /// The operation with an example beside each JSON body it takes or gives.
    static func withExamples(
        _ operation: [String: Any], components: [String: [String: Any]], written: Any? = nil
    ) -> [String: Any] {
        func exemplify(_ holder: [String: Any], written: Any? = nil) -> [String: Any] {
            guard var content = holder["content"] as? [String: Any],
                var media = content["application/json"] as? [String: Any],
                let schema = media["schema"] as? [String: Any], !schema.isEmpty
            else { return holder }
            media["example"] = written ?? OpenAPIExamples.value(of: schema, components: components)
            content["application/json"] = media
            var out = holder
            out["content"] = content
            return out
        }
        var out = operation
        if let body = operation["requestBody"] as? [String: Any] {
            out["requestBody"] = exemplify(body, written: written)
        }
        if var responses = operation["responses"] as? [String: Any] {
            for (status, response) in responses where status.hasPrefix("2") {
                responses[status] = exemplify(response as? [String: Any] ?? [:])
            }
            out["responses"] = responses
        }
        return out
    }

    /// The written request examples by method and OpenAPI path ("post/api/v1/legal-clock").
    static var writtenExamples: [String: Any] {
        var out: [String: Any] = [:]
        for endpoint in Endpoints.all where endpoint.isAPI {
            guard let text = APIExamples.requests[endpoint.key],
                let value = try? JSONSerialization.jsonObject(with: Data(text.utf8))
            else { continue }
            out[endpoint.method.rawValue.lowercased() + openAPIPath(endpoint)] = value
        }
        return out
    }

    static func openAPIPath(_ endpoint: Endpoint) -> String {
        "/"
            + endpoint.path.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
            .joined(separator: "/")
    }

    /// The refusals an operation answers, each status with the stable codes it carries. Any other
    /// answer below 500 falls under `4XX`, in the same envelope.
    static func errorResponses(_ endpoint: Endpoint) -> [String: Any] {
        func refusal(_ text: String, _ codes: [String]) -> [String: Any] {
            var out: [String: Any] = [
                "description": text + (codes.isEmpty ? "" : ". Codes: " + codes.joined(separator: ", ") + "."),
                "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]],
            ]
            // The same list for programs: the stable codes this status carries here.
            if !codes.isEmpty { out["x-error-codes"] = codes }
            return out
        }
        var out: [String: Any] = [
            "4XX": refusal("Refused; the code in the body says why", [])
        ]
        for (status, codes) in APIErrorCodes.all(for: endpoint) {
            out[String(status)] = refusal(statusText(status), codes.sorted())
        }
        if endpoint.key == Endpoints.apiRegulationUploadVersion.key, var invalid = out["422"] as? [String: Any] {
            invalid["content"] = ["application/json": ["schema": ["$ref": "#/components/schemas/RulebookRefusalDoc"]]]
            out["422"] = invalid
        }
        return out
    }

    static func statusText(_ status: Int) -> String {
        switch status {
        case 400: "The request is not well formed"
        case 401: "Not signed in, or the token is unknown"
        case 403: "The caller may not do this"
        case 404: "No such record, or the caller may not see it"
        case 409: "The record's state does not allow this now"
        case 413: "The body is larger than the route accepts"
        case 415: "The body is not of the type the route reads"
        case 422: "The request is well formed but breaks a rule"
        case 429: "Too many attempts; wait and try again"
        default: "Refused"
        }
    }

    static var errorSchema: [String: Any] {
        [
            "type": "object",
            "required": ["error"],
            "properties": [
                "error": [
                    "type": "object", "required": ["code", "message"],
                    "properties": ["code": ["type": "string"], "message": ["type": "string"]],
                ]
            ],
        ]
    }

    /// Whether an operation reads a request body: uploads take bytes; a JSON write takes the body its
    /// contract names, and none when its contract names none (sign-out refuses one; steps such as
    /// submit or finalise take none).
    static func takesBody(_ endpoint: Endpoint) -> Bool {
        guard [.POST, .PUT, .PATCH].contains(endpoint.method), endpoint.key != Endpoints.apiLogout.key else {
            return false
        }
        if Endpoints.uploadKeys.contains(endpoint.key) { return true }
        guard let contract = APIContracts.byKey[endpoint.key] else { return true }
        return contract.request != nil
    }

    /// What a successful answer is: no content, a CSV or text file, the stored bytes of a
    /// document, or JSON.
    static func successResponses(
        _ endpoint: Endpoint, contract: APIContract? = nil, body: [String: Any]? = nil
    ) -> [String: Any] {
        let anySchema: [String: Any] = [:]
        let status = String(contract?.status ?? 200)
        switch endpoint {
        case _ where [Endpoints.apiLogout.key, Endpoints.apiDeleteHoliday.key].contains(endpoint.key):
            return ["204": ["description": "Done; no content"]]
        case _ where endpoint.path.hasSuffix(".csv"):
            return [
                "200": [
                    "description": "A CSV file (RFC 4180, UTF-8)",
                    "content": ["text/csv": ["schema": ["type": "string"]]],
                ]
            ]
        case _ where endpoint.key == Endpoints.metrics.key:
            return [
                "200": [
                    "description": "Prometheus text exposition format",
                    "content": ["text/plain": ["schema": ["type": "string"]]],
                ]
            ]
        case _ where endpoint.key == Endpoints.apiDocumentContent.key:
            return [
                "200": [
                    "description": "The document's bytes, with the content type it was uploaded with",
                    "content": ["*/*": ["schema": ["type": "string", "format": "binary"]]],
                ]
            ]
        case _ where endpoint.key == Endpoints.openAPI.key:
            return [
                "200": [
                    "description": "This document (OpenAPI 3.1)",
                    "content": [
                        "application/json": [
                            "schema": [
                                "type": "object", "required": ["openapi", "paths"],
                                "properties": ["openapi": ["type": "string"], "paths": ["type": "object"]],
                            ]
                        ]
                    ],
                ]
            ]
        case _ where endpoint.key == Endpoints.apiRegulationRegime.key:
            return [
                "200": [
                    "description": "The regime as JSON, or with ?format=yaml the district's rulebook as published",
                    "content": [
                        "application/json": ["schema": body ?? anySchema],
                        "application/yaml": [
                            "schema": [
                                "type": "object", "description": "The rulebook file: id, scope, title, facts, rules",
                            ]
                        ],
                    ],
                ]
            ]
        case _ where contract != nil && contract?.response == nil:
            return [status: ["description": successText(status) + "; no content"]]
        default:
            return [
                status: [
                    "description": successText(status),
                    "content": ["application/json": ["schema": body ?? anySchema]],
                ]
            ]
        }
    }

    static func successText(_ status: String) -> String {
        switch status {
        case "201": "Created"
        case "202": "Accepted: the work runs in the background"
        default: "Success"
        }
    }

    static func operationID(_ endpoint: Endpoint) -> String {
        let words = endpoint.path.split(separator: "/").filter { $0 != "api" && $0 != "v1" }.map { part -> String in
            let cleaned = part.hasPrefix(":") ? "by-" + part.dropFirst() : String(part)
            return cleaned.replacingOccurrences(of: ".", with: "-")
        }
        return endpoint.method.rawValue.lowercased() + "-" + words.joined(separator: "-")
    }

    static func accessText(_ access: Access) -> String {
        switch access {
        case .anyone: "anyone, signed in or not"
        case .signedIn: "any signed-in account"
        case .roles(let roles): "roles " + roles.map(\.rawValue).sorted().joined(separator: ", ")
        }
    }
}
