import Foundation

/// One column of an open dataset: a stable name (the CSV header and the JSON key), its type and
/// what it means, in both languages. Names never change once published; a new meaning is a new
/// column.
public struct OpenDataColumn: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case text, integer, number, date, boolean
    }

    public let name: String
    public let kind: Kind
    public let korean: String
    public let english: String
    /// Whether a row may leave it empty (JSON null, empty CSV cell).
    public let optional: Bool

    public init(_ name: String, _ kind: Kind, _ korean: String, _ english: String, optional: Bool = false) {
        self.name = name
        self.kind = kind
        self.korean = korean
        self.english = english
        self.optional = optional
    }
}

/// A value of a cell, typed so that JSON keeps numbers as numbers.
public enum OpenDataValue: Sendable, Hashable, Encodable {
    case text(String)
    case integer(Int64)
    case number(Double)
    case boolean(Bool)
    case null

    /// The cell as CSV writes it; numbers without exponent, empty for null.
    public var csvText: String {
        switch self {
        case .text(let text): text
        case .integer(let value): String(value)
        case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .boolean(let value): value ? "true" : "false"
        case .null: ""
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .boolean(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }
}

/// A dataset's rows under its declared columns. Building a row with the wrong number of cells is
/// a programming error, so `append` checks it; the JSON and CSV forms come from the same rows.
public struct OpenDataTable: Sendable {
    public let columns: [OpenDataColumn]
    public private(set) var rows: [[OpenDataValue]] = []

    public init(columns: [OpenDataColumn]) {
        self.columns = columns
    }

    public mutating func append(_ row: [OpenDataValue]) {
        precondition(row.count == columns.count, "a row of \(row.count) cells for \(columns.count) columns")
        rows.append(row)
    }

    /// The header and the rows as text cells, for a CSV writer.
    public var csvRows: [[String]] {
        [columns.map(\.name)] + rows.map { $0.map(\.csvText) }
    }

    /// The rows as JSON objects keyed by column name, in column order.
    public var records: [OrderedRecord] {
        rows.map { OrderedRecord(names: columns.map(\.name), values: $0) }
    }

    /// A JSON object whose keys come out in column order (a dictionary would sort or shuffle them).
    public struct OrderedRecord: Encodable, Sendable {
        let names: [String]
        let values: [OpenDataValue]

        struct Key: CodingKey {
            let stringValue: String
            init(stringValue: String) { self.stringValue = stringValue }
            var intValue: Int? { nil }
            init?(intValue: Int) { nil }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for (name, value) in zip(names, values) {
                try container.encode(value, forKey: Key(stringValue: name))
            }
        }
    }
}

/// Small statistics the open data publishes.
public enum OpenDataStatistics {
    /// The median of whole numbers, as a number with at most one decimal (the mean of the middle
    /// two when the count is even); nil when there are none.
    public static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 { return Double(sorted[middle]) }
        return Double(sorted[middle - 1] + sorted[middle]) / 2
    }
}
