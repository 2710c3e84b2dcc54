import Fluent
import RegulationEngine
import TeukguCore
import Vapor

/// Rulebook versions for the ministry: upload, diff, publish, what-if.
struct RulebookAdminController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(Endpoints.rulebooksPage, use: list)
        routes.on(Endpoints.rulebookVersionPage, use: show)
        routes.on(Endpoints.uploadRulebookForm, use: upload)
        routes.on(Endpoints.publishRulebookForm, use: publish)
        routes.on(Endpoints.whatIfForm, use: whatIf)
    }

    @Sendable func list(_ request: Request) async throws -> View {
        try await renderList(request, diagnostics: [])
    }

    private func renderList(_ request: Request, diagnostics: [String]) async throws -> View {
        let versions = try await RulebookVersionRecord.query(on: request.db).sort(\.$number, .descending).all().map {
            RulebookVersionRow(
                number: $0.number, status: $0.status.text(request.language), effectiveFrom: $0.effectiveFrom ?? "—",
                note: $0.note,
                href: Endpoints.rulebookVersionPage.link([.versionID: $0.id?.uuidString.lowercased() ?? ""]))
        }
        let files = request.application.rulebooks.live?.sources.map(\.file) ?? []
        return try await request.renderPage(
            "rulebooks", titleKey: "regulation.versions", needsForm: true,
            RulebookListPage(
                versions: versions, uploadAction: Endpoints.uploadRulebookForm.link(),
                isAdmin: request.account?.role == .ministryAdmin, files: files, diagnostics: diagnostics))
    }

    @Sendable func upload(_ request: Request) async throws -> Response {
        struct Form: Decodable {
            let file: String
            let text: String
            let note: String?
        }
        let form = try request.decodeForm(Form.self)
        do {
            let (record, _) = try await RulebookVersioning.createDraft(
                files: [(form.file.trimmingCharacters(in: .whitespaces), form.text)], remove: [],
                note: form.note ?? "", actor: try request.requireAccount(), app: request.application, on: request.db)
            return request.redirect(
                to: Endpoints.rulebookVersionPage.link([.versionID: record.id!.uuidString.lowercased()]))
        } catch let refused as RulebookVersioning.Refused {
            return try await renderList(request, diagnostics: refused.diagnostics.map(\.description)).encodeResponse(
                status: .unprocessableEntity, for: request)
        }
    }

    /// Loads the version, its diff against the live one and its latest what-if runs once.
    @Sendable func show(_ request: Request) async throws -> View {
        guard let id = request.parameters.get("versionID", as: UUID.self),
            let record = try await RulebookVersionRecord.find(id, on: request.db)
        else {
            throw AppError.notFound("rulebook version")
        }
        let compiled = try await request.application.rulebooks.compiled(id, on: request.db)
        let diff = request.application.rulebooks.live.map { RulebookDiff.between($0.set, compiled.set) }
        let jobs = try await WhatIfJobRecord.query(on: request.db).filter(\.$versionID == id)
            .sort(\.$createdAt, .descending).limit(5).all()
        let page = try RulebookVersionPage(
            record, diff: diff, jobs: jobs, viewer: request.account, today: request.today, language: request.language)
        return try await request.renderPage(
            "rulebook-version", titleKey: "regulation.versions", title: "v\(record.number)", needsForm: true, page)
    }

    @Sendable func publish(_ request: Request) async throws -> Response {
        struct Form: Decodable { let effectiveFrom: String }
        let form = try request.decodeForm(Form.self)
        let from = try DateInput.required(form.effectiveFrom, field: "effectiveFrom")
        let id = request.parameters.get("versionID", as: UUID.self)
        _ = try await RulebookVersioning.publish(
            id, effectiveFrom: from, actor: try request.requireAccount(), app: request.application, on: request.db)
        return request.redirect(to: Endpoints.rulebookVersionPage.link([.versionID: id?.uuidString.lowercased() ?? ""]))
    }

    @Sendable func whatIf(_ request: Request) async throws -> Response {
        struct Form: Decodable {
            let from: String
            let to: String
        }
        let form = try request.decodeForm(Form.self)
        let from = try DateInput.required(form.from, field: "from")
        let to = try DateInput.required(form.to, field: "to")
        let id = request.parameters.get("versionID", as: UUID.self)
        _ = try await WhatIf.start(
            versionID: id, from: from, to: to, actor: try request.requireAccount(), app: request.application)
        return request.redirect(to: Endpoints.rulebookVersionPage.link([.versionID: id?.uuidString.lowercased() ?? ""]))
    }
}
