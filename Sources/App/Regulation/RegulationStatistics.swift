import Fluent
import Foundation
import SQLKit
import TeukguCore
import Vapor

/// Checks per district and outcome, per day, the most cited rules and the most common missing facts.
struct RegulationStatistics: Content {
    struct Count: Content {
        let label: String
        let count: Int
    }

    struct DistrictOutcome: Content {
        let district: String
        let outcome: String
        let count: Int
    }

    let from: String
    let to: String
    let total: Int
    let byDistrictOutcome: [DistrictOutcome]
    let byDay: [Count]
    let topRules: [Count]
    let topMissingFacts: [Count]

    static func compute(
        from: CalendarDate, to: CalendarDate, on database: any Database
    ) async throws -> RegulationStatistics {
        guard let sql = database as? any SQLDatabase else {
            throw AppError(.internalServerError, "internal_error", "statistics need SQL")
        }
        struct Row: Decodable {
            let decided_at: Date
            let district: String
            let outcome: String
            let reason_ids: String
            let missing_facts: String
        }
        var pairs: [String: Int] = [:]
        var days: [String: Int] = [:]
        var rules: [String: Int] = [:]
        var missing: [String: Int] = [:]
        var total = 0
        let rows = try await sql.raw(
            """
            SELECT decided_at, district, outcome, reason_ids, missing_facts FROM \(ident: RegulationDecisionRecord.schema)
            WHERE decided_at >= \(bind: from.startInstant) AND decided_at < \(bind: to.adding(days: 1).startInstant)
            AND NOT EXISTS (SELECT 1 FROM \(ident: RegulationDecisionRecord.schema) AS later
                WHERE later.continues = \(ident: RegulationDecisionRecord.schema).id)
            """
        ).all(decoding: Row.self)
        for row in rows {
            total += 1
            pairs[row.district + "\u{1F}" + row.outcome, default: 0] += 1
            days[CalendarDate(instant: row.decided_at).iso, default: 0] += 1
            for rule in row.reason_ids.split(separator: " ") { rules[String(rule), default: 0] += 1 }
            for fact in row.missing_facts.split(separator: " ") { missing[String(fact), default: 0] += 1 }
        }
        func top(_ counts: [String: Int], _ n: Int) -> [Count] {
            counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(n).map {
                Count(label: $0.key, count: $0.value)
            }
        }
        return RegulationStatistics(
            from: from.iso, to: to.iso, total: total,
            byDistrictOutcome: pairs.map { key, value in
                let parts = key.split(separator: "\u{1F}").map(String.init)
                return DistrictOutcome(district: parts[0], outcome: parts.count > 1 ? parts[1] : "", count: value)
            }.sorted { ($0.district, $0.outcome) < ($1.district, $1.outcome) },
            byDay: days.keys.sorted().map { Count(label: $0, count: days[$0]!) },
            topRules: top(rules, 10), topMissingFacts: top(missing, 10)
        )
    }
}

extension ApiRegulationController {
    @Sendable func statistics(_ request: Request) async throws -> RegulationStatistics {
        let (from, to) = try StatisticsPeriod.read(request)
        return try await RegulationStatistics.compute(from: from, to: to, on: request.db)
    }
}

/// `?from=&to=`, defaulting to the last 30 days.
enum StatisticsPeriod {
    static func read(_ request: Request) throws -> (CalendarDate, CalendarDate) {
        let today = request.today
        let from = try request.queryDate("from") ?? today.adding(days: -29)
        let to = try request.queryDate("to") ?? today
        guard from <= to, from.days(until: to) <= 3_660 else {
            throw AppError.invalid("invalid_period", "from must precede to, within ten years.")
        }
        return (from, to)
    }
}
