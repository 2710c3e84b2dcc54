import Fluent
import RegulationEngine
import TeukguCore
import Vapor

/// Uploading, checking, diffing and publishing rulebook versions.
enum RulebookVersioning {
    struct UploadInput: StrictJSONInput {
        struct File: Decodable {
            let file: String
            let text: String
        }
        let files: [File]
        /// Files of the live version to leave out of the new one.
        let remove: [String]?
        let note: String?

        static let fields: Set<String> = ["files", "remove", "note"]
    }

    struct Refused: Error {
        let diagnostics: [Diagnostic]
    }

    /// Builds a draft from the live version with these files replaced or added; refuses it with the
    /// engine's diagnostics when it has errors (nothing is stored then).
    static func createDraft(
        files: [(file: String, text: String)], remove: [String], note: String, actor: CurrentAccount, app: Application,
        on database: any Database
    ) async throws -> (RulebookVersionRecord, RulebookDiff) {
        guard let live = app.rulebooks.live else {
            throw AppError.conflict("no_live_version", "There is no published version to start from.")
        }
        for file in files {
            guard isSafeName(file.file) else {
                throw AppError.invalid(
                    "invalid_file_name", "File names are relative paths ending in .yaml, .yml or .json: '\(file.file)'."
                )
            }
            guard file.text.utf8.count <= 5_000_000 else {
                throw AppError(.payloadTooLarge, "payload_too_large", "A rulebook file may be at most 5 MB.")
            }
        }
        var merged = Dictionary(live.sources.map { ($0.file, $0.text) }, uniquingKeysWith: { first, _ in first })
        for name in remove { merged[name] = nil }
        for file in files { merged[file.file] = file.text }
        let sources = merged.keys.sorted().map { (file: $0, text: merged[$0]!) }
        let set = RulebookSet.check(sources: sources)
        if set.hasErrors { throw Refused(diagnostics: set.errors) }
        let diff = RulebookDiff.between(live.set, set)
        let record = RulebookVersionRecord()
        record.status = .draft
        record.sources = try RulebookSources.encode(sources)
        record.note = String(note.prefix(500))
        record.createdBy = actor.id
        try await database.transaction { transaction in
            let latest =
                try await RulebookVersionRecord.query(on: transaction).sort(\.$number, .descending).first()?.number ?? 0
            record.number = latest + 1
            try await record.create(on: transaction)
            try await AuditLog.record(
                on: transaction, actor: actor.auditActor, action: "rulebook.upload", targetType: "rulebook-version",
                targetID: String(record.number),
                after: [
                    "added": String(diff.added.count), "removed": String(diff.removed.count),
                    "changed": String(diff.changed.count),
                ])
        }
        return (record, diff)
    }

    static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 200 && !name.hasPrefix("/") && !name.contains("..") && !name.contains("\\")
            && (name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".json"))
            && !name.contains(".tests.")
    }

    /// Publishes a draft from a date (never before today), then reloads this instance at once.
    static func publish(
        _ id: UUID?, effectiveFrom: CalendarDate, actor: CurrentAccount, app: Application, on database: any Database
    ) async throws -> RulebookVersionRecord {
        guard let id, let record = try await RulebookVersionRecord.find(id, on: database) else {
            throw AppError.notFound("rulebook version")
        }
        guard record.status == .draft else {
            throw AppError.conflict("version_not_draft", "Version \(record.number) is already published.")
        }
        let today = app.clock.today()
        guard effectiveFrom >= today else {
            throw AppError(
                .unprocessableEntity, "version_retroactive",
                "A version may not take effect (\(effectiveFrom.iso)) before today (\(today.iso)).")
        }
        record.status = try Lifecycles.move(record.status, .publish)
        record.effectiveFrom = effectiveFrom.iso
        record.publishedAt = app.clock.now()
        try await database.transaction { transaction in
            try await record.save(on: transaction)
            try await AuditLog.record(
                on: transaction, actor: actor.auditActor, action: "rulebook.publish", targetType: "rulebook-version",
                targetID: String(record.number), before: ["status": RulebookVersionStatus.draft.rawValue],
                after: ["status": RulebookVersionStatus.published.rawValue, "effectiveFrom": effectiveFrom.iso])
        }
        try await app.rulebooks.refresh(on: database)
        return record
    }
}

struct RulebookVersionDTO: Content {
    let id: UUID
    let number: Int
    let status: RulebookVersionStatus
    let effectiveFrom: String?
    let note: String
    let createdAt: Date?
    let publishedAt: Date?
    let files: [String]
    let diff: RulebookDiff?

    init(_ record: RulebookVersionRecord, diff: RulebookDiff? = nil) {
        id = record.id ?? UUID()
        number = record.number
        status = record.status
        effectiveFrom = record.effectiveFrom
        note = record.note
        createdAt = record.createdAt
        publishedAt = record.publishedAt
        files = ((try? RulebookSources.decode(record.sources)) ?? []).map(\.file)
        self.diff = diff
    }
}

extension ApiRegulationController {
    @Sendable func versions(_ request: Request) async throws -> [RulebookVersionDTO] {
        try await RulebookVersionRecord.query(on: request.db).sort(\.$number, .descending).all().map {
            RulebookVersionDTO($0)
        }
    }

    @Sendable func version(_ request: Request) async throws -> RulebookVersionDTO {
        guard let id = request.parameters.get("versionID", as: UUID.self),
            let record = try await RulebookVersionRecord.find(id, on: request.db)
        else {
            throw AppError.notFound("rulebook version")
        }
        let compiled = try await request.application.rulebooks.compiled(id, on: request.db)
        let diff = request.application.rulebooks.live.map { RulebookDiff.between($0.set, compiled.set) }
        return RulebookVersionDTO(record, diff: diff)
    }

    @Sendable func upload(_ request: Request) async throws -> Response {
        let input = try request.decodeStrictJSON(RulebookVersioning.UploadInput.self)
        guard !input.files.isEmpty || !(input.remove ?? []).isEmpty else {
            throw AppError.invalid("no_files", "Give at least one file to add, replace or remove.")
        }
        do {
            let (record, diff) = try await RulebookVersioning.createDraft(
                files: input.files.map { ($0.file, $0.text) }, remove: input.remove ?? [],
                note: input.note ?? "", actor: try request.requireAccount(), app: request.application, on: request.db)
            return try await RulebookVersionDTO(record, diff: diff).encodeResponse(status: .created, for: request)
        } catch let refused as RulebookVersioning.Refused {
            let list = refused.diagnostics.map {
                "{\"location\":\(RegulationCheck.quoted($0.location.description)),\"kind\":\"\($0.kind.rawValue)\",\"message\":\(RegulationCheck.quoted($0.message))}"
            }
            let body =
                "{\"error\":{\"code\":\"rulebook_invalid\",\"message\":\"The rulebooks have \(refused.diagnostics.count) error(s); nothing was stored.\"},\"diagnostics\":["
                + list.joined(separator: ",") + "]}"
            let response = Self.json(body, status: .unprocessableEntity)
            response.headers.replaceOrAdd(name: TeukguErrorMiddleware.codeHeader, value: "rulebook_invalid")
            return response
        }
    }

    struct PublishInput: StrictJSONInput {
        let effectiveFrom: String
        static let fields: Set<String> = ["effectiveFrom"]
    }

    @Sendable func publish(_ request: Request) async throws -> RulebookVersionDTO {
        let input = try request.decodeStrictJSON(PublishInput.self)
        let from = try DateInput.required(input.effectiveFrom, field: "effectiveFrom")
        let record = try await RulebookVersioning.publish(
            request.parameters.get("versionID", as: UUID.self), effectiveFrom: from,
            actor: try request.requireAccount(), app: request.application, on: request.db)
        return RulebookVersionDTO(record)
    }
}
