import Vapor

/// The address a request came from, for throttling and the audit log.
///
/// Behind a reverse proxy every request seems to come from the proxy, so throttles would lock out
/// everyone at once. When the direct peer is one of `TEUKGU_TRUSTED_PROXIES`, the client is the
/// right-most address of `X-Forwarded-For` that is not itself a trusted proxy; otherwise the header
/// is ignored (anyone can write it), and the peer's address is the client's.
enum ClientAddress {
    static func of(_ request: Request) -> String {
        let peer = request.remoteAddress?.ipAddress ?? "unknown"
        let trusted = request.application.settings.trustedProxies
        guard trusted.contains(peer), let forwarded = request.headers.first(name: .xForwardedFor) else { return peer }
        let chain = forwarded.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        return chain.last { !trusted.contains($0) } ?? peer
    }
}
