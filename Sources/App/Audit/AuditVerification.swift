import Fluent
import Vapor

/// The result of walking the audit chain from the first row.
struct AuditVerification: Content {
    let intact: Bool
    let entriesChecked: Int
    /// The sequence number of the first row that does not match, if any.
    let firstBrokenSequence: Int?
    let problem: String?
}

extension AuditLog {
    /// Walks the chain in order, recomputing each hash, and names the first row that breaks it.
    static func verify(on database: any Database) async throws -> AuditVerification {
        var previous = genesisHash
        var expectedSequence = 1
        var checked = 0
        let pageSize = 1_000
        while true {
            let page = try await AuditEntryRecord.query(on: database)
                .filter(\.$sequence >= expectedSequence)
                .sort(\.$sequence)
                .limit(pageSize)
                .all()
            if page.isEmpty { break }
            for entry in page {
                if entry.sequence != expectedSequence {
                    return AuditVerification(
                        intact: false, entriesChecked: checked, firstBrokenSequence: expectedSequence,
                        problem: "row \(expectedSequence) is missing")
                }
                if entry.previousHash != previous {
                    return AuditVerification(
                        intact: false, entriesChecked: checked, firstBrokenSequence: entry.sequence,
                        problem: "row \(entry.sequence) does not follow the row before it")
                }
                if hash(of: entry) != entry.hash {
                    return AuditVerification(
                        intact: false, entriesChecked: checked, firstBrokenSequence: entry.sequence,
                        problem: "row \(entry.sequence) was altered after it was written")
                }
                previous = entry.hash
                expectedSequence += 1
                checked += 1
            }
        }
        if let head = try await AuditHeadRecord.find(chainID, on: database),
            head.sequence != checked || head.lastHash != previous
        {
            return AuditVerification(
                intact: false, entriesChecked: checked, firstBrokenSequence: checked + 1,
                problem: "the chain ends at row \(checked) but the head records row \(head.sequence)")
        }
        return AuditVerification(intact: true, entriesChecked: checked, firstBrokenSequence: nil, problem: nil)
    }
}
