import Fluent
import TeukguCore
import Vapor

/// Stores uploads and decides who may read them.
enum DocumentService {
    static func store(
        bytes: Data, fileName rawName: String?, ownerType: String = "account", ownerID: String? = nil,
        account: CurrentAccount, request: Request
    ) async throws -> DocumentRecord {
        guard !bytes.isEmpty else { throw AppError.invalid("empty_document", "The file is empty.") }
        guard bytes.count <= request.application.settings.maxUploadBytes else {
            throw AppError(.payloadTooLarge, "payload_too_large", "The file is larger than the upload limit.")
        }
        guard
            let kind = DocumentKind.sniff(
                Array(bytes.prefix(64 * 1024)) + (bytes.count > 64 * 1024 ? Array(bytes.suffix(64 * 1024)) : []))
        else {
            throw AppError(
                .unsupportedMediaType, "unsupported_document_type",
                "Only PDF, images (PNG, JPEG, GIF, WebP), office and Hangul files are accepted.")
        }
        let hash = try request.application.documentStore.save(bytes)
        let document = DocumentRecord()
        document.sha256 = hash
        document.byteCount = bytes.count
        document.contentType = kind.mediaType
        document.displayName = displayName(rawName, kind: kind)
        document.ownerType = ownerType
        document.ownerID = ownerID ?? account.id.uuidString
        document.uploadedBy = account.id
        try await request.db.transaction { database in
            try await document.create(on: database)
            try await AuditLog.record(
                on: database, actor: account.auditActor, action: "document.upload", targetType: "document",
                targetID: document.id?.uuidString ?? "",
                after: ["sha256": hash, "type": kind.rawValue, "bytes": String(bytes.count)])
        }
        return document
    }

    /// A name for display only: control characters and path separators removed, length bounded.
    static func displayName(_ raw: String?, kind: DocumentKind) -> String {
        let cleaned = (raw ?? "").unicodeScalars.filter {
            !CharacterSet.controlCharacters.contains($0) && $0 != "/" && $0 != "\\"
        }
        let name = String(String.UnicodeScalarView(cleaned)).trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? "document.\(kind.rawValue)" : String(name.prefix(200))
    }

    /// The uploader, the ministry, whoever owns the record the document belongs to, or whoever may
    /// read an application it is attached to.
    static func readable(
        _ id: UUID?, by account: CurrentAccount, on database: any Database
    ) async throws -> DocumentRecord {
        guard let id, let document = try await DocumentRecord.find(id, on: database) else {
            throw AppError.notFound("document")
        }
        if account.role.isMinistry || document.uploadedBy == account.id { return document }
        if document.ownerType == "account", document.ownerID == account.id.uuidString { return document }
        if try await AttachedDocumentReaders.mayRead(id, by: account, on: database) { return document }
        throw AppError.notFound("document")
    }

    static func contentResponse(_ document: DocumentRecord, request: Request) throws -> Response {
        let data = try request.application.documentStore.read(hash: document.sha256)
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: document.contentType)
        // The name goes into the header percent-encoded only, never raw.
        let encoded = document.displayName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "document"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename*=UTF-8''\(encoded)")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return response
    }
}

/// A document as the API shows it.
struct DocumentDTO: Content {
    let id: UUID
    let name: String
    let contentType: String
    let bytes: Int
    let sha256: String
    let ownerType: String
    let ownerID: String
    let uploadedAt: Date?

    init(_ record: DocumentRecord) {
        id = record.id ?? UUID()
        name = record.displayName
        contentType = record.contentType
        bytes = record.byteCount
        sha256 = record.sha256
        ownerType = record.ownerType
        ownerID = record.ownerID
        uploadedAt = record.createdAt
    }
}
