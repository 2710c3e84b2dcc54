import Foundation
import Vapor

/// Conditional GET (RFC 9110 §13): `If-None-Match` wins over `If-Modified-Since`; a match answers
/// 304 with the validators and no body.
enum ConditionalGet {
    /// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`). A formatter per call: they are not Sendable.
    private static func formatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }

    static func httpDate(_ date: Date) -> String { formatter().string(from: date) }

    static func parseHTTPDate(_ text: String) -> Date? {
        formatter().date(from: text.trimmingCharacters(in: .whitespaces))
    }

    /// Whether the client's copy is current.
    static func isFresh(_ request: Request, etag: String, modifiedAt: Date) -> Bool {
        if let tags = request.headers.first(name: .ifNoneMatch) {
            let offered = tags.split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "W/", with: "")
            }
            return offered.contains("*") || offered.contains(etag)
        }
        if let since = request.headers.first(name: .ifModifiedSince).flatMap(parseHTTPDate) {
            return modifiedAt <= since
        }
        return false
    }

    /// The body with its validators, or 304 when the client already has it.
    static func respond(
        _ request: Request, body: Data, contentType: HTTPMediaType, fileName: String, etag: String, modifiedAt: Date
    ) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .eTag, value: etag)
        headers.replaceOrAdd(name: .lastModified, value: httpDate(modifiedAt))
        // Clients may keep a copy but must ask again before using it: the validators make that cheap.
        headers.replaceOrAdd(name: .cacheControl, value: "public, no-cache")
        if isFresh(request, etag: etag, modifiedAt: modifiedAt) {
            return Response(status: .notModified, headers: headers)
        }
        headers.contentType = contentType
        headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"\(fileName)\"")
        return Response(status: .ok, headers: headers, body: .init(data: body))
    }
}
