import Fluent
import Foundation
import Vapor

/// Documents attached to applications: a person attaches what they uploaded themselves; what a
/// colleague attached earlier stays attached.
enum AttachableDocuments {
    struct Option: Encodable {
        let id: String
        let name: String
        let checked: Bool
        let href: String
    }

    /// For a form the applicant is editing (`editing`): the caller's uploads plus those already
    /// attached, as checkboxes. For anyone else, or once the form is closed: only what is attached.
    ///
    /// `attached` may come from a refused form; of those ids only the ones stored on the
    /// application (`stored`) or uploaded by the caller are shown, so typing someone else's document
    /// id into a form never reveals its name.
    static func options(
        for account: CurrentAccount, attached: [String], stored: [String], editing: Bool, on database: any Database
    ) async throws -> [Option] {
        let storedIDs = Set(stored.compactMap(UUID.init(uuidString:)))
        let attachedIDs = attached.compactMap(UUID.init(uuidString:))
        let mine =
            editing
            ? try await DocumentRecord.query(on: database).filter(\.$uploadedBy == account.id).sort(
                \.$createdAt, .descending
            ).limit(100).all() : []
        let earlier =
            attachedIDs.isEmpty
            ? []
            : try await DocumentRecord.query(on: database).filter(\.$id ~~ attachedIDs).all().filter { document in
                document.uploadedBy == account.id || document.id.map(storedIDs.contains) == true
            }
        var seen: Set<UUID> = []
        return (earlier + mine).compactMap { document in
            guard let id = document.id, seen.insert(id).inserted else { return nil }
            return Option(
                id: id.uuidString, name: document.displayName, checked: attachedIDs.contains(id),
                href: Endpoints.downloadDocument.link([.documentID: id.uuidString]))
        }
    }

    /// Refuses ids that are not documents, or that someone else uploaded and were not attached before.
    static func validate(_ ids: [String], previously: [String], uploader: UUID, on database: any Database) async throws
    {
        guard ids.count <= 20, Set(ids).count == ids.count else {
            throw AppError.invalid("too_many_documents", "Attach at most 20 different documents.")
        }
        let new = ids.filter { !previously.contains($0) }
        let uuids = new.compactMap(UUID.init(uuidString:))
        guard uuids.count == new.count else {
            throw AppError.invalid("unknown_document", "Document ids are UUIDs of documents you uploaded.")
        }
        guard !uuids.isEmpty else { return }
        let owned = try await DocumentRecord.query(on: database).filter(\.$id ~~ uuids).filter(
            \.$uploadedBy == uploader
        ).count()
        guard owned == uuids.count else {
            throw AppError.invalid("unknown_document", "Attach only documents you uploaded.")
        }
    }
}
