import Fluent
import Foundation

extension Sequence where Element: Model {
    /// Saved records by id, each mapped to what the caller needs from it. Records without an id
    /// (never saved) are left out; ids are unique, so nothing else is.
    func keyedByID<Value>(_ value: (Element) throws -> Value) rethrows -> [Element.IDValue: Value] {
        var result: [Element.IDValue: Value] = [:]
        for record in self {
            guard let id = record.id, result[id] == nil else { continue }
            result[id] = try value(record)
        }
        return result
    }

    /// Saved records by id.
    func keyedByID() -> [Element.IDValue: Element] { keyedByID { $0 } }
}

extension Array where Element == UUID {
    /// Runs of at most 500 ids, so an `IN` list never carries more parameters than a database accepts.
    var queryChunks: [[UUID]] {
        stride(from: 0, to: count, by: 500).map { Array(self[$0..<Swift.min(count, $0 + 500)]) }
    }
}
