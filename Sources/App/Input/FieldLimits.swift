import Foundation

/// A bound an input field must keep. The handler's check and the API document read the same value,
/// so the schema's `maxLength` or `maximum` is the one the server enforces.
struct FieldLimit: Sendable {
    var length: ClosedRange<Int>?
    var range: ClosedRange<Int>?
    var choices: [String]?

    /// Text of this many characters (counted as the user sees them).
    static func text(_ length: ClosedRange<Int>) -> FieldLimit { FieldLimit(length: length) }
    /// A whole number in this range.
    static func number(_ range: ClosedRange<Int>) -> FieldLimit { FieldLimit(range: range) }
    /// Text that is one of these values.
    static func choice(_ values: [String]) -> FieldLimit { FieldLimit(choices: values) }

    func admits(_ text: String) -> Bool {
        (length?.contains(text.count) ?? true) && (choices?.contains(text) ?? true)
    }
    /// Text whose content, spaces aside, is within the bound: a title of spaces is empty.
    func admitsTrimmed(_ text: String) -> Bool {
        length?.contains(text.trimmingCharacters(in: .whitespacesAndNewlines).count) ?? true
            && (length.map { text.count <= $0.upperBound } ?? true)
    }
    func admits(_ value: Int) -> Bool { range?.contains(value) ?? true }

    var openAPI: [String: Any] {
        var out: [String: Any] = [:]
        if let length {
            if length.lowerBound > 0 { out["minLength"] = length.lowerBound }
            out["maxLength"] = length.upperBound
        }
        if let choices { out["enum"] = choices }
        if let range {
            out["minimum"] = range.lowerBound
            out["maximum"] = range.upperBound
        }
        return out
    }
}

/// An input whose fields carry bounds; `SchemaRecorder` adds them to the fields' schemas.
protocol DocumentedLimits {
    static var limits: [String: FieldLimit] { get }
}
