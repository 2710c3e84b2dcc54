import TeukguCore

/// Why a JSON request could not become an `EvaluationRequest`.
public struct RequestDecodingError: Error, Equatable, Sendable {
    /// A stable code (`malformed_json`, `missing_field`, `invalid_date`, `unknown_field`, `invalid_fact_value`).
    public let code: String
    public let message: String
}

/// Reads `{"district", "asOf", "facts", "company"?}`, the body of the HTTP check and each line of `rules eval`.
public enum RequestDecoding {
    public static let fields: Set<String> = ["district", "asOf", "facts", "company"]

    public static func decode(
        _ text: String, extraFields: Set<String> = []
    ) throws(RequestDecodingError) -> EvaluationRequest {
        let json: JSONValue
        do { json = try JSONValue.parse(text) } catch {
            throw RequestDecodingError(
                code: error.exceedsLimit ? "json_limit_exceeded" : "malformed_json",
                message: "\(error.message) at byte \(error.offset)")
        }
        return try decode(json, extraFields: extraFields)
    }

    public static func decode(
        _ json: JSONValue, extraFields: Set<String> = []
    ) throws(RequestDecodingError) -> EvaluationRequest {
        guard case .object(let members) = json else {
            throw RequestDecodingError(code: "json_object_expected", message: "the request must be a JSON object")
        }
        for (key, _) in members where !fields.contains(key) && !extraFields.contains(key) {
            throw RequestDecodingError(code: "unknown_field", message: "unknown field '\(key)'")
        }
        guard case .string(let district)? = json["district"], !district.isEmpty else {
            throw RequestDecodingError(code: "missing_field", message: "'district' is required (a district id)")
        }
        guard case .string(let asOfText)? = json["asOf"] else {
            throw RequestDecodingError(code: "missing_field", message: "'asOf' is required (YYYY-MM-DD)")
        }
        guard let asOf = CalendarDate(iso: asOfText) else {
            throw RequestDecodingError(code: "invalid_date", message: "'asOf' must be a real date as YYYY-MM-DD")
        }
        let facts = try factMap(json["facts"], name: "facts", required: true)
        let company = try factMap(json["company"], name: "company", required: false)
        return EvaluationRequest(district: district, asOf: asOf, facts: facts, company: company)
    }

    /// A request as the decision log holds it: the client's request plus the grants the server
    /// supplied (never accepted from clients, who cannot claim a grant).
    public static func decodeLogged(_ text: String) throws(RequestDecodingError) -> EvaluationRequest {
        let json: JSONValue
        do { json = try JSONValue.parse(text) } catch {
            throw RequestDecodingError(code: "malformed_json", message: "\(error.message) at byte \(error.offset)")
        }
        let request = try decode(json, extraFields: ["grants"])
        guard case .array(let items)? = json["grants"] else { return request }
        var grants: [CompanyGrant] = []
        for item in items {
            guard case .string(let number)? = item["caseNumber"], case .string(let district)? = item["district"],
                case .string(let from)? = item["validFrom"], let validFrom = CalendarDate(iso: from),
                case .string(let until)? = item["validUntil"], let validUntil = CalendarDate(iso: until),
                case .array(let exempts)? = item["exempts"], case .array(let conditions)? = item["conditions"]
            else { throw RequestDecodingError(code: "invalid_field", message: "a logged grant is incomplete") }
            grants.append(
                CompanyGrant(
                    caseNumber: number, district: district,
                    exempts: exempts.compactMap { if case .string(let s) = $0 { s } else { nil } },
                    validFrom: validFrom, validUntil: validUntil,
                    conditions: conditions.compactMap { if case .string(let s) = $0 { s } else { nil } }))
        }
        return EvaluationRequest(
            district: request.district, asOf: request.asOf, facts: request.facts, company: request.company,
            grants: grants)
    }

    static func factMap(
        _ value: JSONValue?, name: String, required: Bool
    ) throws(RequestDecodingError) -> [String: FactValue] {
        guard let value, value != .null else {
            if required {
                throw RequestDecodingError(code: "missing_field", message: "'\(name)' is required (an object of facts)")
            }
            return [:]
        }
        guard case .object(let members) = value else {
            throw RequestDecodingError(code: "invalid_field", message: "'\(name)' must be an object")
        }
        var result: [String: FactValue] = [:]
        for (key, item) in members {
            guard let fact = factValue(item) else {
                throw RequestDecodingError(
                    code: "invalid_fact_value",
                    message: "fact '\(key)' must be a string, number, boolean, date string or list of strings")
            }
            result[key] = fact
        }
        return result
    }

    /// Strings that are ISO dates stay strings here; the schema decides (see `Snapshot.coerce`).
    static func factValue(_ json: JSONValue) -> FactValue? {
        switch json {
        case .string(let s): return .string(s)
        case .number(let n): return .number(n)
        case .bool(let b): return .bool(b)
        case .array(let items):
            var values: [FactValue] = []
            for item in items {
                guard case .string(let s) = item else { return nil }
                values.append(.string(s))
            }
            return .list(values)
        default: return nil
        }
    }
}
