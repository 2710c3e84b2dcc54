import Fluent
import SQLKit

/// A district's id and names, read as plain columns for pages that only name districts (the
/// sandbox queues list one on every row): decoding whole district records costs more.
struct DistrictNames: Decodable, Sendable {
    let id: String?
    let nameKorean: String
    let nameEnglish: String

    enum CodingKeys: String, CodingKey {
        case id
        case nameKorean = "name_ko"
        case nameEnglish = "name_en"
    }

    /// Every district, by round and id.
    static func all(on database: any Database) async throws -> [DistrictNames] {
        guard let sql = database as? any SQLDatabase else { return [] }
        return try await sql.select().columns("id", "name_ko", "name_en").from(DistrictRecord.schema)
            .orderBy("round").orderBy("id").all(decoding: DistrictNames.self)
    }
}
