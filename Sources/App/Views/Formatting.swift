import Foundation
import TeukguCore

/// Dates and money as people read them, in Asia/Seoul and in the page's language.
enum Formatting {
    static func dateTime(_ instant: Date?) -> String {
        guard let instant else { return "" }
        let day = CalendarDate(instant: instant)
        let seconds = Int(instant.timeIntervalSince(day.startInstant))
        return String(format: "%@ %02d:%02d", day.iso, seconds / 3600, (seconds % 3600) / 60)
    }

    static func bytes(_ count: Int) -> String {
        if count >= 1_000_000 { return String(format: "%.1f MB", Double(count) / 1_000_000) }
        if count >= 1_000 { return String(format: "%.1f kB", Double(count) / 1_000) }
        return "\(count) B"
    }
}
