import Foundation

/// Where the server may send someone after signing in or switching language: only a path on this
/// site. Browsers are lenient (a tab or a backslash can turn `/\t/evil.example` into
/// `//evil.example`), so the target must match a strict pattern, before and after percent-decoding.
enum SafeRedirect {
    /// Path characters of RFC 3986 (pchar, `/`, `?`, `%`): no whitespace, controls or backslash.
    private static let allowed = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?%")

    /// The target if it is a same-site path, nil otherwise.
    static func path(_ candidate: String?) -> String? {
        guard let candidate, !candidate.isEmpty, candidate.utf8.count <= 2000 else { return nil }
        guard candidate.unicodeScalars.allSatisfy(allowed.contains) else { return nil }
        // The path is what a browser might read as a host; the query only has to be well-formed.
        let rawPath = String(candidate.prefix { $0 != "?" })
        guard let decoded = rawPath.removingPercentEncoding, candidate.removingPercentEncoding != nil else {
            return nil
        }
        for form in [rawPath, decoded] where !isLocalPath(form) { return nil }
        return candidate
    }

    private static func isLocalPath(_ path: String) -> Bool {
        guard path.hasPrefix("/") else { return false }
        // No empty or dot segments (`//`, `/./`, `/../`), nothing read as a scheme, no backslash.
        if path.contains("//") || path.contains("/./") || path.contains("/../") || path.hasSuffix("/..") {
            return false
        }
        if path.contains("\\") || path.contains(":") { return false }
        return !path.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }
    }
}
