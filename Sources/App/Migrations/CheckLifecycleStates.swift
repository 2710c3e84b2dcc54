import Fluent
import SQLKit
import TeukguCore

/// Records now read their states as typed lifecycles. The stored words did not change, so existing
/// rows carry over as they are; this migration proves it before the new code reads them, and stops
/// the upgrade naming the table, the column and the word if a row holds a state no lifecycle knows.
struct CheckLifecycleStates: AsyncMigration {
    private struct Column {
        let table: String
        let column: String
        let isKnown: @Sendable (String) -> Bool
    }

    private static let columns: [Column] = [
        Column(table: "designation_calls", column: "status") { CallStatus(rawValue: $0) != nil },
        Column(table: "collaboration_calls", column: "status") { CallStatus(rawValue: $0) != nil },
        Column(table: "designation_applications", column: "status") { ApplicationStatus(rawValue: $0) != nil },
        Column(table: "collaboration_applications", column: "status") { ApplicationStatus(rawValue: $0) != nil },
        Column(table: "designation_applications", column: "outcome") { ApplicationOutcome(rawValue: $0) != nil },
        Column(table: "collaboration_applications", column: "outcome") { ApplicationOutcome(rawValue: $0) != nil },
        Column(table: "evaluation_panels", column: "status") { PanelStatus(rawValue: $0) != nil },
        Column(table: "evaluation_assignments", column: "status") { AssignmentStatus(rawValue: $0) != nil },
        Column(table: "rulebook_versions", column: "status") { RulebookVersionStatus(rawValue: $0) != nil },
        Column(table: "what_if_jobs", column: "status") { BackgroundJobStatus(rawValue: $0) != nil },
    ]

    private struct Word: Decodable { let word: String }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for column in Self.columns {
            let words = try await sql.raw("SELECT DISTINCT \(ident: column.column) AS word FROM \(ident: column.table)")
                .all(decoding: Word.self)
            if let unknown = words.first(where: { !column.isKnown($0.word) }) {
                throw LifecycleMigrationError(table: column.table, column: column.column, word: unknown.word)
            }
        }
    }

    func revert(on database: any Database) async throws {}
}

/// A stored state that no lifecycle knows; the upgrade stops so nothing reads it wrongly.
struct LifecycleMigrationError: Error, CustomStringConvertible {
    let table: String
    let column: String
    let word: String
    var description: String {
        "\(table).\(column) holds '\(word)', which no lifecycle knows; correct the row, then migrate again."
    }
}
