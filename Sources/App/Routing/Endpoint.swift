import Vapor

/// One route: its method and path, who may call it, what it shows them, and a line for the docs.
struct Endpoint: Sendable {
    let method: HTTPMethod
    let path: String
    let access: Access
    let visibility: Visibility
    let summary: String
    /// A tighter body limit than the server's for routes that need little (a check is small), so a
    /// hostile body is refused before anything reads it.
    let maxBodyBytes: Int?

    init(
        _ method: HTTPMethod, _ path: String, _ access: Access, _ visibility: Visibility, _ summary: String,
        maxBodyBytes: Int? = nil
    ) {
        self.method = method
        self.path = path
        self.access = access
        self.visibility = visibility
        self.summary = summary
        self.maxBodyBytes = maxBodyBytes
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

    /// The typed parameters of the path; every name is a `PathParameter` (a test holds it for every route).
    var parameters: [PathParameter] {
        parameterNames.compactMap(PathParameter.init(rawValue:))
    }

    /// The path with its parameters filled in, percent-encoded.
    ///
    /// Every parameter of the path must be given, and no other: a missing one would make a dead link
    /// with an empty segment. Debug builds (and so the tests, which build every page's links) stop
    /// on it; a release build links to the path's longest complete prefix rather than to nothing.
    func link(_ values: [PathParameter: String] = [:], query: [String: String] = [:]) -> String {
        #if DEBUG
            let missing = parameters.filter { (values[$0] ?? "").isEmpty }
            let extra = Set(values.keys).subtracting(parameters)
            if !missing.isEmpty || !extra.isEmpty {
                assertionFailure(
                    "link to \(path): missing \(missing.map(\.rawValue)), unexpected \(extra.map(\.rawValue))")
            }
        #endif
        // Pages build a link per row: values that need no escaping (ids, dates) skip it.
        if values.isEmpty && query.isEmpty { return path }
        var segments: [String] = []
        for part in path.split(separator: "/") {
            guard part.hasPrefix(":") else {
                segments.append(String(part))
                continue
            }
            guard let name = PathParameter(rawValue: String(part.dropFirst())), let value = values[name], !value.isEmpty
            else { break }
            segments.append(
                value.allSatisfy(Self.isPlain)
                    ? value : value.addingPercentEncoding(withAllowedCharacters: Self.segmentAllowed) ?? value)
        }
        var out = "/" + segments.joined(separator: "/")
        if !query.isEmpty {
            out +=
                "?"
                + query.sorted { $0.key < $1.key }.map { key, value in
                    "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: Self.queryAllowed) ?? value)"
                }.joined(separator: "&")
        }
        return out
    }

    private static let segmentAllowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))
    private static let queryAllowed = CharacterSet.urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+"))

    private static func isPlain(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == "_")
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
        let limit = maxBodyBytes ?? endpoint.maxBodyBytes
        let strategy: HTTPBodyStreamStrategy = limit.map { .collect(maxSize: ByteCount(value: $0)) } ?? .collect
        return on(endpoint.method, endpoint.pathComponents, body: strategy, use: handler)
    }
}
