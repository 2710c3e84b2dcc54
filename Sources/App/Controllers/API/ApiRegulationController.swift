import Fluent
import RegulationEngine
import TeukguCore
import Vapor

/// The regulation service over JSON: checks, the decision log, replay, versions, what-if, statistics.
struct ApiRegulationController {

    func register(_ routes: any RoutesBuilder) {
        routes.on(Endpoints.apiRegulationCheck, use: check)
        routes.on(Endpoints.apiRegulationDecision, use: decision)
        routes.on(Endpoints.apiRegulationDecisions, use: decisions)
        routes.on(Endpoints.apiRegulationDecisionsCSV, use: decisionsCSV)
        routes.on(Endpoints.apiRegulationReplay, use: replay)
        routes.on(Endpoints.apiRegulationDistricts, use: districts)
        routes.on(Endpoints.apiRegulationRegime, use: regime)
        routes.on(Endpoints.apiRegulationVersions, use: versions)
        routes.on(Endpoints.apiRegulationVersion, use: version)
        routes.on(Endpoints.apiRegulationUploadVersion, use: upload)
        routes.on(Endpoints.apiRegulationPublishVersion, use: publish)
        routes.on(Endpoints.apiRegulationWhatIf, use: startWhatIf)
        routes.on(Endpoints.apiRegulationWhatIfJob, use: whatIfJob)
        routes.on(Endpoints.apiRegulationStatistics, use: statistics)
        routes.on(Endpoints.apiPing, use: ping)
    }

    static func json(_ text: String, status: HTTPResponseStatus = .ok) -> Response {
        let response = Response(status: status, body: .init(string: text))
        response.headers.contentType = .json
        return response
    }

    @Sendable func check(_ request: Request) async throws -> Response {
        let text = try request.jsonBodyText()
        try await RegulationCheck.limitAnonymous(request)
        let (evaluation, asked) = try RegulationCheck.parseBody(text)
        let companyID = try RegulationCheck.company(for: request.account, asked: asked)
        let answer = try await RegulationCheck.run(
            evaluation, channel: "api", account: request.account, companyID: companyID, app: request.application)
        return Self.json(answer.json)
    }

    /// Anyone holding the id may read a decision, as with a permalink.
    @Sendable func decision(_ request: Request) async throws -> Response {
        guard let id = request.parameters.get("decisionID", as: UUID.self),
            let record = try await RegulationDecisionRecord.find(id, on: request.db)
        else {
            throw AppError.notFound("decision")
        }
        let number = try await RulebookVersionRecord.find(record.versionID, on: request.db)?.number ?? 0
        return Self.json(RegulationCheck.wrap(record.decision, id: id, version: number))
    }

    struct DecisionRow: Content {
        let id: UUID
        let decidedAt: Date
        let district: String
        let asOf: String
        let outcome: String
        let reasons: [String]
        let missingFacts: [String]
        let channel: String
        let accountID: UUID?
        let companyID: UUID?
    }

    static func row(_ record: RegulationDecisionRecord) -> DecisionRow {
        DecisionRow(
            id: record.id ?? UUID(), decidedAt: record.decidedAt, district: record.district, asOf: record.asOf,
            outcome: record.outcome,
            reasons: record.reasonIDs.split(separator: " ").map(String.init),
            missingFacts: record.missingFacts.split(separator: " ").map(String.init),
            channel: record.channel, accountID: record.accountID, companyID: record.companyID)
    }

    @Sendable func decisions(_ request: Request) async throws -> ListDTO<DecisionRow> {
        let (page, perPage) = try ApiPaging.read(request)
        let query = try DecisionFilter(request: request).apply(RegulationDecisionRecord.query(on: request.db))
        let total = try await query.count()
        let items = try await query.sort(\.$decidedAt, .descending).offset((page - 1) * perPage).limit(perPage).all()
            .map(Self.row)
        return ListDTO(items: items, page: page, perPage: perPage, total: total)
    }

    @Sendable func decisionsCSV(_ request: Request) async throws -> Response {
        let query = try DecisionFilter(request: request).apply(RegulationDecisionRecord.query(on: request.db))
        var csv = "id,decided_at,district,as_of,outcome,reasons,missing_facts,channel\n"
        let formatter = ISO8601DateFormatter()
        // Paged by offset in chunks of 1,000 so a long log is never held twice in memory.
        var offset = 0
        while true {
            let chunk = try await query.copy().sort(\.$decidedAt).sort(\.$id).offset(offset).limit(1_000).all()
            for record in chunk {
                let fields = [
                    record.id?.uuidString.lowercased() ?? "", formatter.string(from: record.decidedAt), record.district,
                    record.asOf,
                    record.outcome, record.reasonIDs, record.missingFacts, record.channel,
                ]
                csv += fields.map(CSV.field).joined(separator: ",") + "\n"
            }
            if chunk.count < 1_000 { break }
            offset += 1_000
        }
        return CSVText.response(csv, name: "decisions.csv")
    }

    /// Re-evaluates with the logged inputs and the logged version; the answer must be the same.
    @Sendable func replay(_ request: Request) async throws -> Response {
        guard let id = request.parameters.get("decisionID", as: UUID.self),
            let record = try await RegulationDecisionRecord.find(id, on: request.db)
        else {
            throw AppError.notFound("decision")
        }
        let version = try await request.application.rulebooks.compiled(record.versionID, on: request.db)
        let evaluation: EvaluationRequest
        do { evaluation = try RequestDecoding.decodeLogged(record.request) } catch {
            throw RegulationCheck.requestError(error)
        }
        let again: Decision
        do { again = try version.snapshot.evaluate(evaluation) } catch { throw RegulationCheck.engineError(error) }
        let body = DecisionJSON.encode(again)
        let identical = body == record.decision
        return Self.json(
            "{\"decisionId\":\"\(id.uuidString.lowercased())\",\"version\":\(version.number),\"identical\":\(identical),\"decision\":\(body)}"
        )
    }

    @Sendable func districts(_ request: Request) async throws -> Response {
        guard let live = request.application.rulebooks.live else { return Self.json("[]") }
        let items = live.snapshot.districts.map { id -> String in
            let title = live.set.rulebooks.first { $0.scope == .district(id) }?.title
            return
                "{\"id\":\(RegulationCheck.quoted(id)),\"title\":{\"ko\":\(RegulationCheck.quoted(title?.ko ?? id)),\"en\":\(RegulationCheck.quoted(title?.en ?? id))}}"
        }
        return Self.json("[" + items.joined(separator: ",") + "]")
    }

    /// A district's regime as JSON or YAML (`?format=yaml`): its rulebook plus the national provisions it exempts.
    @Sendable func regime(_ request: Request) async throws -> Response {
        let district = request.parameters.get("district") ?? ""
        let regime = try RegimeView.build(district: district, library: request.application.rulebooks, asOf: nil)
        if (try? request.query.get(String.self, at: "format")) == "yaml" {
            let response = Response(status: .ok, body: .init(string: regime.rulebookYAML))
            response.headers.replaceOrAdd(name: .contentType, value: "application/yaml; charset=utf-8")
            response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(district).yaml\"")
            return response
        }
        return Self.json(regime.json)
    }
}

/// CSV quoting (RFC 4180), with a guard against spreadsheet formula injection.
enum CSV {
    static func field(_ text: String) -> String {
        var value = text
        // A leading = + - @ makes a spreadsheet run the cell as a formula; numbers stay numbers.
        if let first = value.first, "=+-@\t\r".contains(first), Double(value) == nil { value = "'" + value }
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }
}

/// Filters of the decision log: district, outcome, from/to (Seoul days).
struct DecisionFilter {
    let district: String?
    let outcome: String?
    let from: CalendarDate?
    let to: CalendarDate?

    init(request: Request) throws {
        func text(_ key: String) -> String? { (try? request.query.get(String.self, at: key))?.nilIfEmpty }
        district = text("district")
        outcome = text("outcome")
        if let outcome, Outcome(rawValue: outcome) == nil {
            throw AppError.invalid("invalid_outcome", "outcome is prohibited, conditional, permitted or indeterminate.")
        }
        from = try request.queryDate("from")
        to = try request.queryDate("to")
    }

    init(district: String?, outcome: String?, from: CalendarDate?, to: CalendarDate?) {
        self.district = district
        self.outcome = outcome
        self.from = from
        self.to = to
    }

    func apply(_ query: QueryBuilder<RegulationDecisionRecord>) -> QueryBuilder<RegulationDecisionRecord> {
        if let district { query.filter(\.$district == district) }
        if let outcome { query.filter(\.$outcome == outcome) }
        if let from { query.filter(\.$decidedAt >= from.startInstant) }
        if let to { query.filter(\.$decidedAt < to.adding(days: 1).startInstant) }
        return query
    }

    /// The filter as query items, for pagination links and the CSV of the same selection.
    var queryItems: [String: String] {
        var items: [String: String] = [:]
        if let district { items["district"] = district }
        if let outcome { items["outcome"] = outcome }
        if let from { items["from"] = from.iso }
        if let to { items["to"] = to.iso }
        return items
    }
}

extension ApiRegulationController {
    /// No database, no engine: the yardstick the check route's load figures are compared with.
    @Sendable func ping(_ request: Request) async throws -> Response {
        Self.json("{\"pong\":true}")
    }
}
