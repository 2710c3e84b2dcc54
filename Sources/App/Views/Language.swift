import Vapor

/// Korean or English for this request: the session's choice, then the browser's preference, then Korean.
enum Language {
    static let sessionKey = "lang"
    static let supported = ["ko", "en"]

    /// For templates that switch whole blocks of prose by language.
    static func isKorean(_ language: String) -> Bool { language == "ko" }

    static func current(for request: Request) -> String {
        if let chosen = VisitorCookies.value(VisitorCookies.languageName, on: request), supported.contains(chosen) {
            return chosen
        }
        if request.hasSessionCookie, let chosen = request.session.data[sessionKey], supported.contains(chosen) {
            return chosen
        }
        return fromAcceptLanguage(request.headers.first(name: .acceptLanguage))
    }

    /// Picks whichever of `ko` and `en` the header ranks higher (q-values honoured).
    static func fromAcceptLanguage(_ header: String?) -> String {
        guard let header, !header.isEmpty else { return "ko" }
        var best: (language: String, quality: Double)?
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = pieces.first?.lowercased() else { continue }
            let base = String(tag.prefix(2))
            guard supported.contains(base) else { continue }
            var quality = 1.0
            for piece in pieces.dropFirst() where piece.hasPrefix("q=") {
                quality = Double(piece.dropFirst(2)) ?? 0
            }
            if best == nil || quality > best!.quality { best = (base, quality) }
        }
        return best?.language ?? "ko"
    }
}
