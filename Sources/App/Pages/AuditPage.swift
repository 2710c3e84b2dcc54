import Foundation

/// The audit log, newest first, with the hash chain's verification and the filters. Each change is
/// shown as "field: before → after" lines rather than as the stored JSON.
struct AuditPage: Encodable {
    struct Entry: Encodable {
        let sequence: Int
        let time: String
        let actor: String
        let action: String
        let target: String
        let changes: [String]
    }

    let entries: [Entry]
    let verification: AuditVerification
    let action: String
    let actor: String
    let pagination: Pagination

    init(
        _ records: [AuditEntryRecord], verification: AuditVerification, filter: AuditFilter, pagination: Pagination
    ) {
        entries = records.map {
            Entry(
                sequence: $0.sequence, time: Formatting.dateTime($0.occurredAt), actor: $0.actorLabel,
                action: $0.action, target: "\($0.targetType) \($0.targetID)", changes: Self.changes($0.summary))
        }
        self.verification = verification
        action = filter.action ?? ""
        actor = filter.actor ?? ""
        self.pagination = pagination
    }

    /// `{"before": {…}, "after": {…}}` as one line per field: `field: before → after`. Values of
    /// any JSON type (numbers, lists, nested objects) are written out plainly, never as raw JSON.
    static func changes(_ summary: String) -> [String] {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(summary.utf8))) as? [String: Any] else {
            return summary == "{}" || summary.isEmpty ? [] : [summary]
        }
        func fields(_ value: Any?) -> [String: String] {
            guard let dictionary = value as? [String: Any] else { return [:] }
            return dictionary.mapValues(plain)
        }
        let before = fields(object["before"])
        let after = fields(object["after"])
        // A summary that is neither before nor after (an older shape): its own fields, one per line.
        if object["before"] == nil && object["after"] == nil {
            return object.keys.sorted().map { "\($0): \(plain(object[$0]!))" }
        }
        return Set(before.keys).union(after.keys).sorted().map { key in
            switch (before[key], after[key]) {
            case (let old?, let new?): "\(key): \(old) → \(new)"
            case (let old?, nil): "\(key): \(old) →"
            case (nil, let new?): "\(key): \(new)"
            case (nil, nil): key
            }
        }
    }

    /// A JSON value as a person reads it: text as is, lists joined, objects as `key: value` pairs.
    static func plain(_ value: Any) -> String {
        switch value {
        case let text as String: return text
        case let number as NSNumber:
            // JSON's true and false arrive as NSNumbers whose type is a C char ("c").
            return String(cString: number.objCType) == "c" ? (number.boolValue ? "true" : "false") : number.stringValue
        case let list as [Any]: return list.map(plain).joined(separator: ", ")
        case let object as [String: Any]:
            return object.keys.sorted().map { "\($0)=\(plain(object[$0]!))" }.joined(separator: ", ")
        case is NSNull: return "—"
        default: return String(describing: value)
        }
    }
}
