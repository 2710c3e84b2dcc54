import Vapor

extension Request {
    /// The site's address for links that leave the page (permalinks, links in messages): the
    /// configured `TEUKGU_PUBLIC_URL`, or else the host this request came to, so a link works
    /// wherever the server runs. A Host header that is not a plain host name is not trusted.
    var publicBaseURL: String {
        let settings = application.settings
        if settings.publicURLConfigured { return settings.publicURL }
        guard let host = headers.first(name: .host), !host.isEmpty, host.count <= 255,
            host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-.:[]".contains($0)) })
        else { return settings.publicURL }
        return (settings.servesTLS ? "https://" : "http://") + host
    }
}
