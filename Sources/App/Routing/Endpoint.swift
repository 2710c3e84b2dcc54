import Vapor

/// One route: its method and path, who may call it, what it shows them, and a line for the docs.
struct Endpoint: Sendable {
    let method: HTTPMethod
    let path: String
    let access: Access
    let visibility: Visibility
    let summary: String

    init(_ method: HTTPMethod, _ path: String, _ access: Access, _ visibility: Visibility, _ summary: String) {
        self.method = method
        self.path = path
        self.access = access
        self.visibility = visibility
        self.summary = summary
    }

    /// `GET /api/v1/tokens/:tokenID`: how the access table and the route table meet.
    var key: String { "\(method.rawValue) \(path)" }

    var isAPI: Bool { path.hasPrefix("/api/") || path == "/health" || path == "/metrics" }

    var pathComponents: [PathComponent] {
        path.split(separator: "/").map { part in
            part.hasPrefix(":") ? .parameter(String(part.dropFirst())) : .constant(String(part))
        }
    }

    var parameterNames: [String] {
        path.split(separator: "/").filter { $0.hasPrefix(":") }.map { String($0.dropFirst()) }
    }

    /// The path with its parameters filled in, percent-encoded.
    func link(_ values: [String: String] = [:], query: [String: String] = [:]) -> String {
        var out = "/" + path.split(separator: "/").map { part -> String in
            guard part.hasPrefix(":") else { return String(part) }
            let value = values[String(part.dropFirst())] ?? ""
            return value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? value
        }.joined(separator: "/")
        if !query.isEmpty {
            out += "?" + query.sorted { $0.key < $1.key }.map { key, value in
                "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+"))) ?? value)"
            }.joined(separator: "&")
        }
        return out
    }

    static func key(for route: Route) -> String {
        "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/")
    }
}

extension RoutesBuilder {
    /// Registers a handler for a declared endpoint; the only way routes are added.
    @discardableResult
    func on<Response: AsyncResponseEncodable>(
        _ endpoint: Endpoint,
        maxBodyBytes: Int? = nil,
        use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        let strategy: HTTPBodyStreamStrategy = maxBodyBytes.map { .collect(maxSize: ByteCount(value: $0)) } ?? .collect
        return on(endpoint.method, endpoint.pathComponents, body: strategy, use: handler)
    }
}
