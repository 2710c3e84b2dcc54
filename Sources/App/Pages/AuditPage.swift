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

    /// `{"before": {…}, "after": {…}}` as one line per field: `field: before → after`.
    static func changes(_ summary: String) -> [String] {
        guard
            let object = try? JSONDecoder().decode([String: [String: String]].self, from: Data(summary.utf8))
        else { return summary == "{}" ? [] : [summary] }
        let before = object["before"] ?? [:]
        let after = object["after"] ?? [:]
        return Set(before.keys).union(after.keys).sorted().map { key in
            switch (before[key], after[key]) {
            case (let old?, let new?): "\(key): \(old) → \(new)"
            case (let old?, nil): "\(key): \(old) →"
            case (nil, let new?): "\(key): \(new)"
            case (nil, nil): key
            }
        }
    }
}
