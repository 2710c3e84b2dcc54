import Foundation
import TeukguCore

/// Nested structures (plans, stages, procedure states) live in text columns as JSON of the core
/// types, so the core stays the single definition and both databases store them alike.
enum JSONColumn {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}

enum Timestamps {
    /// ISO 8601 with the Seoul offset, as the API shows every instant.
    static func text(_ date: Date?) -> String? {
        guard let date else { return nil }
        // Arithmetic on Seoul's fixed offset (UTC+9, no daylight saving since 1988): a formatter per
        // call costs more than the rest of a list row, and lists show an instant on every row.
        let day = CalendarDate(instant: date)
        let seconds = Int(floor(date.timeIntervalSince(day.startInstant)))
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(day.iso)T\(two(seconds / 3600)):\(two(seconds % 3600 / 60)):\(two(seconds % 60))+09:00"
    }

    /// `2026-12-01T18:00:00+09:00`, or a Seoul local `2026-12-01T18:00` from a form.
    static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        let local = DateFormatter()
        local.locale = Locale(identifier: "en_US_POSIX")
        local.timeZone = TimeZone(identifier: "Asia/Seoul")
        for format in ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"] {
            local.dateFormat = format
            if let date = local.date(from: text) { return date }
        }
        return nil
    }

    /// `2026-12-01 18:00 KST`, for pages and messages.
    static func seoulMinute(_ date: Date?) -> String {
        guard let date else { return "—" }
        return Formatting.dateTime(date) + " KST"
    }

    /// The value of an `<input type="datetime-local">` for a date.
    static func formValue(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Seoul")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        return formatter.string(from: date)
    }
}
