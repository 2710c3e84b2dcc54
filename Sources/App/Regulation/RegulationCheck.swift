import Fluent
import Foundation
import RegulationEngine
import TeukguCore
import Vapor

/// Answers "may I do this here?": evaluates with the version in force on the as-of date, logs the
/// decision durably, then returns it with its id.
enum RegulationCheck {
    struct Answer {
        let record: DecisionLogRow
        let decision: Decision
        let versionNumber: Int
        /// The JSON body: the decision plus `decisionId` and `version`.
        let json: String
    }

    static func engineError(_ error: EvaluationError) -> AppError {
        let (code, message) = error.codeAndMessage
        switch error {
        case .unknownDistrict: return AppError(.notFound, code, message)
        default: return AppError(.unprocessableEntity, code, message)
        }
    }

    static func requestError(_ error: RequestDecodingError) -> AppError {
        AppError(.badRequest, error.code, error.message)
    }

    /// Evaluates and logs. `companyID` ties the decision to the caller's company.
    /// `continuing` names the earlier step of the same page question flow, if this is a later one.
    static func run(
        _ request: EvaluationRequest, channel: String, account: CurrentAccount?, companyID: UUID?, app: Application,
        continuing: UUID? = nil
    ) async throws -> Answer {
        // A company's own grants travel with its check and into the log, so replay reproduces them.
        var request = request
        if let companyID {
            let grants = try await SandboxGrants.active(company: companyID, district: request.district, app: app)
            if !grants.isEmpty {
                request = EvaluationRequest(
                    district: request.district, asOf: request.asOf, facts: request.facts, company: request.company,
                    grants: grants)
            }
        }
        guard let version = app.rulebooks.version(for: request.asOf) else {
            throw AppError(
                .unprocessableEntity, "date_out_of_range", "No rulebook version is in force on \(request.asOf.iso).")
        }
        let decision: Decision
        do { decision = try version.snapshot.evaluate(request) } catch { throw engineError(error) }
        let body = DecisionJSON.encode(decision)
        let record = DecisionLogRow(
            id: UUID(), decidedAt: app.clock.now(), district: request.district, asOf: request.asOf.iso,
            outcome: decision.outcome.rawValue,
            request: canonicalJSON(request), decision: body,
            reasonIDs: decision.reasons.map(\.ruleID).joined(separator: " "),
            missingFacts: decision.missingFacts.map(\.path).joined(separator: " "), versionID: version.versionID,
            accountID: account?.id,
            companyID: companyID, channel: channel, continues: continuing)
        try await app.decisionLog.append(record)
        return Answer(
            record: record, decision: decision, versionNumber: version.number,
            json: wrap(body, id: record.id, version: version.number))
    }

    /// `{"decisionId":…,"version":N, …decision fields…}`.
    static func wrap(_ decisionJSON: String, id: UUID, version: Int) -> String {
        "{\"decisionId\":\"\(id.uuidString.lowercased())\",\"version\":\(version)," + decisionJSON.dropFirst()
    }

    /// The request as stable JSON (sorted keys), for the log and for replay.
    static func canonicalJSON(_ request: EvaluationRequest) -> String {
        func value(_ fact: FactValue) -> String {
            switch fact {
            case .string(let s): return quoted(s)
            case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
            case .bool(let b): return b ? "true" : "false"
            case .date(let d): return quoted(d.iso)
            case .list(let items): return "[" + items.map(value).joined(separator: ",") + "]"
            }
        }
        func object(_ facts: [String: FactValue]) -> String {
            "{" + facts.keys.sorted().map { quoted($0) + ":" + value(facts[$0]!) }.joined(separator: ",") + "}"
        }
        var out =
            "{\"district\":\(quoted(request.district)),\"asOf\":\"\(request.asOf.iso)\",\"facts\":\(object(request.facts))"
        if !request.company.isEmpty { out += ",\"company\":\(object(request.company))" }
        if !request.grants.isEmpty {
            let grants = request.grants.map { grant in
                "{\"caseNumber\":\(quoted(grant.caseNumber)),\"district\":\(quoted(grant.district)),"
                    + "\"exempts\":[\(grant.exempts.map(quoted).joined(separator: ","))],"
                    + "\"validFrom\":\"\(grant.validFrom.iso)\",\"validUntil\":\"\(grant.validUntil.iso)\","
                    + "\"conditions\":[\(grant.conditions.map(quoted).joined(separator: ","))]}"
            }
            out += ",\"grants\":[" + grants.joined(separator: ",") + "]"
        }
        return out + "}"
    }

    static func quoted(_ text: String) -> String {
        var out = ""
        DecisionJSON.string(text, &out)
        return out
    }

    /// Parses the HTTP body: the engine's request plus an optional `company` id (or company facts object).
    static func parseBody(_ text: String) throws -> (EvaluationRequest, companyID: UUID?) {
        let json: JSONValue
        do { json = try JSONValue.parse(text) } catch {
            if error.exceedsLimit {
                throw AppError(
                    .unprocessableEntity, "json_limit_exceeded",
                    "The body is larger than a check may be (\(error.message) at byte \(error.offset)).")
            }
            throw AppError.invalid(
                "malformed_json", "The body is not well-formed JSON (\(error.message) at byte \(error.offset)).")
        }
        var companyID: UUID?
        var stripped = json
        if case .object(let members) = json, let company = json["company"] {
            switch company {
            case .string(let text):
                guard let id = UUID(uuidString: text) else {
                    throw AppError.invalid("invalid_company", "company is a company id (UUID).")
                }
                companyID = id
                stripped = .object(members.filter { $0.0 != "company" })
            case .null:
                stripped = .object(members.filter { $0.0 != "company" })
            default:
                break
            }
        }
        do {
            return (try RequestDecoding.decode(stripped), companyID)
        } catch {
            throw requestError(error)
        }
    }

    /// The caller's company: company members act for their own only.
    static func company(for account: CurrentAccount?, asked: UUID?) throws -> UUID? {
        guard let account else { return nil }
        if account.role == .companyMember {
            if let asked, asked != account.companyID {
                throw AppError(.forbidden, "not_your_company", "You may check only for your own company.")
            }
            return account.companyID
        }
        return account.role.isMinistry ? asked : nil
    }

    /// Checks an anonymous caller may make per address per minute, on the API and the page alike:
    /// every check writes a decision-log row, so an open form must not be a free write path.
    static let anonymousChecksPerMinute = 60

    static func limitAnonymous(_ request: Request) async throws {
        guard request.account == nil else { return }
        try await RateLimiter.hit(
            "check:" + ClientAddress.of(request), limit: anonymousChecksPerMinute, windowSeconds: 60, now: request.now,
            on: request.db)
    }
}
