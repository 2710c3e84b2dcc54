import Foundation
import Vapor

/// An error page: the status, the stable code and the message in the reader's language, in the
/// site's layout with the signed-in header, and a way back to the page the person came from.
struct ErrorPage: Encodable {
    let status: Int
    let code: String
    let message: String
    /// The page the request came from (a refused form's page), when it is on this site.
    let backHref: String?
    let homeHref: String
    let layout: LayoutContext

    /// The Referer's path and query when it names this site, so "back" never leads elsewhere.
    static func sameSiteReferer(_ request: Request) -> String? {
        guard let referer = request.headers.first(name: .referer), let url = URL(string: referer) else { return nil }
        let host = request.headers.first(name: .host)?.split(separator: ":").first.map(String.init)
        guard let refererHost = url.host, let host, refererHost.lowercased() == host.lowercased() else { return nil }
        let path = url.path.isEmpty ? "/" : url.path
        guard path.hasPrefix("/"), !path.hasPrefix("//"), path != request.url.path else { return nil }
        return path + (url.query.map { "?" + $0 } ?? "")
    }
}
