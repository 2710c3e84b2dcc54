import Fluent
import Foundation

extension Model where IDValue == UUID {
    /// The record whose id is this path parameter; "not found" for a malformed or unknown id alike,
    /// so callers learn nothing about which ids exist.
    static func find(text: String?, on database: any Database, what: String) async throws -> Self {
        guard let text, let id = UUID(uuidString: text), let record = try await find(id, on: database) else {
            throw AppError.notFound(what)
        }
        return record
    }
}
