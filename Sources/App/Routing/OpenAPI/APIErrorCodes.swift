import Foundation

/// The stable codes each API operation answers with, by status. Codes every operation of a kind
/// answers by construction (sign-in, roles, reading a JSON body, finding a record) come from
/// `common(for:)`; the codes a handler's own rules answer are in `APIErrorCodesByRoute`, written
/// by `scripts/record-error-codes.sh` from what the test suite saw. Tests fail on any refusal an
/// operation answers with a code the document does not list for it.
enum APIErrorCodes {
    static func common(for endpoint: Endpoint) -> [Int: Set<String>] {
        // A bearer token is checked wherever one is sent, public routes included.
        var out: [Int: Set<String>] = [401: ["invalid_token"]]
        if endpoint.access != .anyone { out[401, default: []].insert("authentication_required") }
        if case .roles = endpoint.access { out[403, default: []].insert("forbidden_role") }
        if ![.GET, .HEAD].contains(endpoint.method) {
            // A write signed in by the session cookie that a browser marks as cross-site.
            out[403, default: []].insert("cross_site_request")
            // Two writes raced for one unique value; nothing of the losing one was kept.
            out[409, default: []].insert("concurrent_change")
        }
        if !endpoint.parameterNames.isEmpty { out[404] = ["not_found"] }
        if OpenAPIDocument.takesBody(endpoint) && !Endpoints.uploadKeys.contains(endpoint.key) {
            out[400, default: []].formUnion([
                "empty_body", "invalid_utf8", "malformed_json", "json_object_expected", "unknown_field",
                "invalid_field",
            ])
            out[413] = ["payload_too_large"]
            out[415] = ["json_expected"]
        }
        if endpoint.isIdempotentWrite {
            out[400, default: []].formUnion(["idempotency_key_required", "invalid_idempotency_key"])
            out[409, default: []].insert("idempotency_key_reused")
        }
        return out
    }

    /// Every code an operation answers with, by status.
    static func all(for endpoint: Endpoint) -> [Int: Set<String>] {
        var out = common(for: endpoint)
        for (status, codes) in APIErrorCodesByRoute.table[endpoint.key] ?? [:] {
            out[status, default: []].formUnion(codes)
        }
        return out
    }

    static func documents(_ endpoint: Endpoint, status: Int, code: String) -> Bool {
        all(for: endpoint)[status]?.contains(code) == true
    }
}
