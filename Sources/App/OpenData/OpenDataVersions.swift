import Fluent
import Foundation
import TeukguCore

/// When each open-data file last changed, so that `Last-Modified` means what it says: the time
/// the served content first differed from what was served before, not the time of the request.
/// The ETag is a fingerprint of the content itself, so two instances agree on it without talking.
final class OpenDataVersionRecord: Model, @unchecked Sendable {
    static let schema = "open_data_versions"
    /// `<dataset>.<format>`.
    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "etag") var etag: String
    @Field(key: "modified_at") var modifiedAt: Date

    init() {}

    init(id: String, etag: String, modifiedAt: Date) {
        self.id = id
        self.etag = etag
        self.modifiedAt = modifiedAt
    }

    struct Migration: AsyncMigration {
        func prepare(on database: any Database) async throws {
            try await database.schema(OpenDataVersionRecord.schema).field("id", .string, .identifier(auto: false))
                .field("etag", .string, .required).field("modified_at", .datetime, .required).create()
        }

        func revert(on database: any Database) async throws {
            try await database.schema(OpenDataVersionRecord.schema).delete()
        }
    }
}

enum OpenDataVersions {
    struct Stamp {
        let etag: String
        let modifiedAt: Date
    }

    /// The file's ETag and the time its content last changed, recording a change when the content
    /// differs from the last one seen. Whole seconds, as HTTP dates carry no more.
    static func stamp(_ key: String, body: Data, now: Date, on database: any Database) async throws -> Stamp {
        let etag = "\"" + String(SHA256Digest.hex(body).prefix(40)) + "\""
        let second = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        if let known = try await OpenDataVersionRecord.find(key, on: database) {
            if known.etag == etag { return Stamp(etag: etag, modifiedAt: known.modifiedAt) }
            known.etag = etag
            known.modifiedAt = second
            try await known.update(on: database)
            return Stamp(etag: etag, modifiedAt: second)
        }
        do {
            try await OpenDataVersionRecord(id: key, etag: etag, modifiedAt: second).create(on: database)
        } catch {
            // Another instance recorded the same file first; its time stands.
            if let known = try await OpenDataVersionRecord.find(key, on: database), known.etag == etag {
                return Stamp(etag: etag, modifiedAt: known.modifiedAt)
            }
        }
        return Stamp(etag: etag, modifiedAt: second)
    }
}
