import Foundation
import TeukguCore

/// A value the API carries as one JSON scalar with a format of its own (a day, an instant, an id).
protocol OpenAPILeaf {
    static var openAPISchema: [String: Any] { get }
    static var openAPISample: Self { get }
}

extension CalendarDate: OpenAPILeaf {
    static var openAPISchema: [String: Any] { ["type": "string", "format": "date", "example": "2026-12-01"] }
    static var openAPISample: CalendarDate { CalendarDate(dayNumber: 20_000) }
}

extension Date: OpenAPILeaf {
    static var openAPISchema: [String: Any] { ["type": "string", "format": "date-time"] }
    static var openAPISample: Date { Date(timeIntervalSince1970: 1_767_225_600) }
}

extension UUID: OpenAPILeaf {
    static var openAPISchema: [String: Any] { ["type": "string", "format": "uuid"] }
    static var openAPISample: UUID { UUID(uuid: (0, 0, 0, 0, 0, 0, 0x40, 0, 0x80, 0, 0, 0, 0, 0, 0, 1)) }
}

extension ApplicationOutcome: OpenAPILeaf {
    static var openAPISchema: [String: Any] {
        [
            "type": "string",
            "description":
                "draft, submitted, <stage>-passed, <stage>-failed, candidate, selected, not-selected or withdrawn",
            "pattern": "^(draft|submitted|candidate|selected|not-selected|withdrawn|[a-z0-9-]+-(passed|failed))$",
        ]
    }
    static var openAPISample: ApplicationOutcome { .draft }
}
