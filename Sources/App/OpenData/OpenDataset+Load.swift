import Fluent
import Foundation
import SQLKit
import TeukguCore

extension OpenDataset {
    /// The dataset's rows as of `today`, read from the records. Each loader selects only the
    /// columns it publishes, so a personal field cannot slip into a file by accident.
    func load(on database: any Database, today: CalendarDate) async throws -> OpenDataTable {
        var table = OpenDataTable(columns: columns)
        switch self {
        case .districts: try await Self.districts(into: &table, on: database, today: today)
        case .designationCalls: try await Self.designationCalls(into: &table, on: database)
        case .designationResults: try await Self.designationResults(into: &table, on: database)
        case .awards: try await Self.awards(into: &table, on: database)
        case .sandboxStatistics: try await Self.sandboxStatistics(into: &table, on: database)
        case .decisionStatistics: try await Self.decisionStatistics(into: &table, on: database)
        }
        return table
    }

    /// Both drivers are SQL; anything else is a configuration fault, answered as such.
    private static func sqlDatabase(_ database: any Database) throws -> any SQLDatabase {
        guard let sql = database as? any SQLDatabase else {
            throw AppError(.internalServerError, "internal_error", "open data needs an SQL database")
        }
        return sql
    }

    private static func optionalText(_ text: String?) -> OpenDataValue { text.map(OpenDataValue.text) ?? .null }

    private static func regions(on database: any Database) async throws -> [String: RegionRecord] {
        Dictionary(
            try await RegionRecord.query(on: database).all().map { ($0.id ?? "", $0) }, uniquingKeysWith: { a, _ in a })
    }

    private static func districts(
        into table: inout OpenDataTable, on database: any Database, today: CalendarDate
    )
        async throws
    {
        let regions = try await regions(on: database)
        let operations = Dictionary(
            try await DistrictOperationRecord.query(on: database).all().map { ($0.id ?? "", $0) },
            uniquingKeysWith: { a, _ in a })
        let catalog = try await LegalTimeStore.catalog(on: database)
        for district in try await DistrictRecord.query(on: database).sort(\.$round).sort(\.$id).all() {
            let id = district.id ?? ""
            let term = operations[id].flatMap { try? JSONColumn.decode(DistrictTerm.self, $0.termJSON) }
            let operators = operations[id].flatMap {
                try? JSONColumn.decode([ZoneOperatorEntry].self, $0.operatorsJSON)
            }
            let status = term.flatMap { try? $0.status(on: today, parameters: catalog) }
            table.append([
                .text(id), .text(district.regionID), .text(regions[district.regionID]?.nameKorean ?? ""),
                .text(regions[district.regionID]?.nameEnglish ?? ""), .text(district.nameKorean),
                .text(district.nameEnglish), .integer(Int64(district.round)),
                .text(term?.startsOn.iso ?? district.startsOn), .text(term?.endsOn.iso ?? district.endsOn),
                .text(status?.rawValue ?? "designated"),
                district.areaSquareKilometres.map(OpenDataValue.number) ?? .null,
                district.budgetWon.map(OpenDataValue.integer) ?? .null,
                .integer(Int64(operators?.filter { entry in entry.until.map { $0 >= today } ?? true }.count ?? 0)),
                .boolean(district.unconfirmed),
            ])
        }
    }

    private static func designationCalls(into table: inout OpenDataTable, on database: any Database) async throws {
        let rounds = Dictionary(
            try await DistrictRoundRecord.query(on: database).all().map { ($0.id ?? 0, $0) },
            uniquingKeysWith: { a, _ in a })
        let districts = try await DistrictRecord.query(on: database).all()
        for call in try await DesignationCallRecord.query(on: database).sort(\.$round).all() {
            let round = rounds[call.round]
            let submitted = try await DesignationApplicationRecord.query(on: database)
                .filter(\.$callID == call.requireID()).filter(\.$submittedOrder != nil).count()
            let designated = districts.filter { $0.round == call.round }.count
            // Rounds decided before Teukgu keep the figures the ministry announced.
            let historical = call.status == .historical
            table.append([
                .integer(Int64(call.round)), .text(call.title), optionalText(call.titleEnglish),
                .text(call.status.rawValue),
                historical ? optionalText(round?.callPublished) : .text(CalendarDate(instant: call.opensAt).iso),
                historical ? .null : .text(CalendarDate(instant: call.closesAt).iso),
                .integer(Int64(historical ? (round?.projects ?? submitted) : submitted)),
                .integer(Int64(designated)), optionalText(round?.designatedOn),
            ])
        }
    }

    private static func designationResults(into table: inout OpenDataTable, on database: any Database) async throws {
        let regions = try await regions(on: database)
        let districts = try await DistrictRecord.query(on: database).sort(\.$round).sort(\.$id).all()
        for call in try await DesignationCallRecord.query(on: database).sort(\.$round).all() {
            switch call.status {
            case .historical:
                for district in districts where district.round == call.round {
                    let region = regions[district.regionID]
                    table.append([
                        .integer(Int64(call.round)), .text(district.regionID), .text(region?.nameKorean ?? ""),
                        .text(region?.nameEnglish ?? ""), .text(district.nameKorean), .text("designated"),
                        .text(district.id ?? ""),
                    ])
                }
            case .decided:
                let applications = try await DesignationApplicationRecord.query(on: database)
                    .filter(\.$callID == call.requireID()).filter(\.$submittedOrder != nil).sort(\.$submittedOrder)
                    .all()
                let procedures = try await DesignationProcedureRecord.query(on: database)
                    .filter(\.$callID == call.requireID()).all()
                for application in applications {
                    let region = regions[application.regionID]
                    let plan = try? JSONColumn.decode(DistrictPlan.self, application.planJSON)
                    let result = application.outcome == .selected ? "designated" : application.outcome.description
                    let district = procedures.first { $0.applicationID == application.id }?.districtID
                    table.append([
                        .integer(Int64(call.round)), .text(application.regionID), .text(region?.nameKorean ?? ""),
                        .text(region?.nameEnglish ?? ""), .text(plan?.name ?? ""), .text(result),
                        optionalText(district),
                    ])
                }
            default: continue
            }
        }
    }

    private static func awards(into table: inout OpenDataTable, on database: any Database) async throws {
        let published: [AgreementStatus] = [.signed, .settling, .settled]
        let agreements = try await GrantAgreementRecord.query(on: database).filter(\.$status ~~ published)
            .sort(\.$number).all()
        let calls = Dictionary(
            try await CollaborationCallRecord.query(on: database).all().map { ($0.id, $0.year) },
            uniquingKeysWith: { a, _ in a })
        let tracks = Dictionary(
            try await CollaborationTrackRecord.query(on: database).all().map { ($0.id, $0) },
            uniquingKeysWith: { a, _ in a })
        let partners = Dictionary(
            try await PartnerRecord.query(on: database).all().map { ($0.id ?? "", $0.name) },
            uniquingKeysWith: { a, _ in a })
        let companyIDs = Set(agreements.map(\.companyID))
        let companies = Dictionary(
            try await CompanyRecord.query(on: database).filter(\.$id ~~ companyIDs).all().map { ($0.id, $0.name) },
            uniquingKeysWith: { a, _ in a })
        for agreement in agreements {
            let track = agreement.trackID.flatMap { tracks[$0] }
            table.append([
                .integer(Int64(calls[agreement.callID] ?? 0)), optionalText(track?.partnerID),
                optionalText(track.flatMap { partners[$0.partnerID] }), optionalText(track?.name),
                .text(companies[agreement.companyID] ?? ""), .integer(agreement.awardWon),
                .text(agreement.status.rawValue),
            ])
        }
    }

    /// Counts per case type and outcome, read as plain columns (no titles, no companies).
    static func sandboxCaseStatistics(on database: any Database) async throws -> SandboxCaseStatistics {
        struct Row: Decodable {
            let kind: String
            let status: String
            let filed_at: Date
            let answered_on: String?
        }
        let sql = try sqlDatabase(database)
        let rows = try await sql.raw("SELECT kind, status, filed_at, answered_on FROM sandbox_cases").all(
            decoding: Row.self)
        return SandboxCaseStatistics(
            rows.compactMap { row -> SandboxCaseStatistics.Case? in
                guard let kind = SandboxCaseKind(rawValue: row.kind),
                    let status = SandboxCaseStatus(rawValue: row.status)
                else { return nil }
                return .init(
                    kind: kind, status: status, filedOn: CalendarDate(instant: row.filed_at),
                    answeredOn: row.answered_on.flatMap(CalendarDate.init(iso:)))
            })
    }

    private static func sandboxStatistics(into table: inout OpenDataTable, on database: any Database) async throws {
        for group in try await sandboxCaseStatistics(on: database).groups {
            table.append([
                .text(group.kind.rawValue), .text(group.outcome.rawValue), .integer(Int64(group.cases)),
                .integer(Int64(group.answered)), group.medianDaysToAnswer.map(OpenDataValue.number) ?? .null,
                .integer(Int64(group.deemed)),
            ])
        }
    }

    private static func decisionStatistics(into table: inout OpenDataTable, on database: any Database) async throws {
        struct Row: Decodable {
            let district: String
            let outcome: String
            let decisions: Int
        }
        let sql = try sqlDatabase(database)
        let rows = try await sql.raw(
            "SELECT district, outcome, COUNT(*) AS decisions FROM regulation_decisions GROUP BY district, outcome ORDER BY district, outcome"
        ).all(decoding: Row.self)
        for row in rows {
            table.append([.text(row.district), .text(row.outcome), .integer(Int64(row.decisions))])
        }
    }
}
