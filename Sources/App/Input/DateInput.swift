import TeukguCore
import Vapor

/// Dates arrive as `YYYY-MM-DD` in bodies, forms and queries; one place turns them into calendar
/// days or a 400 `invalid_date` that names the field.
enum DateInput {
    static func required(_ text: String, field: String) throws -> CalendarDate {
        guard let date = CalendarDate(iso: text) else {
            throw AppError.invalid("invalid_date", "\(field) must be a real date as YYYY-MM-DD.")
        }
        return date
    }

    static func optional(_ text: String?, field: String) throws -> CalendarDate? {
        guard let text, !text.isEmpty else { return nil }
        return try required(text, field: field)
    }
}

extension Request {
    /// `?key=YYYY-MM-DD`, nil when absent or empty.
    func queryDate(_ key: String) throws -> CalendarDate? {
        try DateInput.optional((try? query.get(String.self, at: key))?.trimmingCharacters(in: .whitespaces), field: key)
    }
}
