import Fluent
import SQLKit

/// Partners by year with their sources, and one partner record per company: databases seeded
/// before this kept "Google Play" as a partner of its own, which is Google under its 2019 name.
struct CreatePartnerListings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PartnerListingRecord.schema)
            .id()
            .field("year", .int, .required)
            .field("partner_id", .string, .required, .references(PartnerRecord.schema, "id"))
            .field("listed_as", .string, .required)
            .field("basis", .string, .required)
            .field("track_name", .string)
            .field("source", .string, .required)
            .unique(on: "year", "partner_id", "listed_as")
            .create()
        try await PartnerMerge.merge(from: "google-play", into: "google", on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PartnerListingRecord.schema).delete()
    }
}

/// Moves every reference from one partner record to another and removes the first, in one
/// transaction; a no-op when either record is missing.
enum PartnerMerge {
    static func merge(from old: String, into kept: String, on database: any Database) async throws {
        try await database.transaction { transaction in
            guard let oldRecord = try await PartnerRecord.find(old, on: transaction),
                let keptRecord = try await PartnerRecord.find(kept, on: transaction)
            else { return }
            try await CollaborationTrackRecord.query(on: transaction).filter(\.$partnerID == old)
                .set(\.$partnerID, to: kept).update()
            try await AccountRecord.query(on: transaction).filter(\.$partnerID == old)
                .set(\.$partnerID, to: kept).update()
            try await PartnerListingRecord.query(on: transaction).filter(\.$partnerID == old)
                .set(\.$partnerID, to: kept).update()
            keptRecord.joinedYear = min(keptRecord.joinedYear, oldRecord.joinedYear)
            try await keptRecord.save(on: transaction)
            try await oldRecord.delete(on: transaction)
        }
    }
}
