import Foundation

/// A person's uploaded documents, newest first, with the upload form.
struct DocumentsPage: Encodable {
    struct Document: Encodable {
        let name: String
        let type: String
        let size: String
        let uploaded: String
        let href: String
    }

    let documents: [Document]
    let uploadAction: String
    let pagination: Pagination

    init(_ records: [DocumentRecord], pagination: Pagination) {
        documents = records.compactMap { record in
            guard let id = record.id else { return nil }
            return Document(
                name: record.displayName, type: record.contentType, size: Formatting.bytes(record.byteCount),
                uploaded: Formatting.dateTime(record.createdAt),
                href: Endpoints.downloadDocument.link([.documentID: id.uuidString]))
        }
        uploadAction = Endpoints.uploadDocumentForm.link()
        self.pagination = pagination
    }
}
