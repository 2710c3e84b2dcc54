import Foundation

/// The OpenAPI 3.1 document, generated from `Endpoints` so that it can never list a route that
/// does not exist; a test checks the converse against the router.
enum OpenAPIDocument {
    static let json: Data = {
        let encoder = JSONSerialization.self
        return (try? encoder.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted])) ?? Data("{}".utf8)
    }()

    static var document: [String: Any] {
        var paths: [String: [String: Any]] = [:]
        for endpoint in Endpoints.all where endpoint.isAPI {
            let openAPIPath =
                "/"
                + endpoint.path.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
                .joined(separator: "/")
            var operation: [String: Any] = [
                "operationId": operationID(endpoint),
                "summary": endpoint.summary,
                "description": "Access: \(accessText(endpoint.access)). Sees: \(endpoint.visibility.rawValue).",
                "responses": [
                    "200": [
                        "description": "Success", "content": ["application/json": ["schema": [:] as [String: Any]]],
                    ],
                    "4XX": [
                        "description": "Refused; the code says why",
                        "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]],
                    ],
                ],
            ]
            if endpoint.access != .anyone {
                operation["security"] = [["bearer": [String]()], ["session": [String]()]]
            }
            var parameters = endpoint.parameterNames.map { name -> [String: Any] in
                ["name": name, "in": "path", "required": true, "schema": ["type": "string"]]
            }
            if endpoint.isIdempotentWrite {
                parameters.append([
                    "name": IdempotentWrites.header, "in": "header", "required": true,
                    "description": "A new key (a UUID) per request; the same key when retrying it.",
                    "schema": ["type": "string", "minLength": 1, "maxLength": 100, "pattern": "^[A-Za-z0-9._:-]+$"],
                ])
            }
            if !parameters.isEmpty { operation["parameters"] = parameters }
            if [.POST, .PUT, .PATCH].contains(endpoint.method) {
                let mediaType = endpoint.path.hasSuffix("/documents") ? "application/octet-stream" : "application/json"
                operation["requestBody"] = [
                    "required": true,
                    "content": [mediaType: ["schema": ["type": mediaType == "application/json" ? "object" : "string"]]],
                ]
            }
            paths[openAPIPath, default: [:]][endpoint.method.rawValue.lowercased()] = operation
        }
        return [
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
                "schemas": [
                    "Error": [
                        "type": "object",
                        "required": ["error"],
                        "properties": [
                            "error": [
                                "type": "object", "required": ["code", "message"],
                                "properties": ["code": ["type": "string"], "message": ["type": "string"]],
                            ]
                        ],
                    ]
                ],
            ],
        ]
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
