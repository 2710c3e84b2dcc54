import Fluent
import Foundation
import TeukguCore

/// The ministry's figures besides deadlines: applications by region and stage, each call's and
/// track's money, and each district's targets against what it reported.
enum DashboardFigures {
    /// Stages an application passes through, in order, as the dashboard groups them.
    enum Stage: String, CaseIterable, Sendable {
        case draft, submitted, evaluating, candidate, selected
        case notSelected = "not-selected"
        case withdrawn

        init(status: ApplicationStatus, outcome: ApplicationOutcome) {
            switch outcome {
            case .selected: self = .selected
            case .candidate: self = .candidate
            case .notSelected, .failed: self = .notSelected
            case .passed: self = .evaluating
            case .withdrawn: self = .withdrawn
            case .draft, .submitted:
                switch status {
                case .draft: self = .draft
                case .withdrawn: self = .withdrawn
                case .submitted, .informationRequested: self = .submitted
                }
            }
        }
    }

    /// Designation applications of calls still running, by region and stage.
    static func designationByRegion(on database: any Database) async throws -> [String: [Stage: Int]] {
        let calls = try await DesignationCallRecord.query(on: database).filter(\.$status != .historical).all()
        let applications = try await DesignationApplicationRecord.query(on: database)
            .filter(\.$callID ~~ calls.compactMap(\.id)).all()
        var counts: [String: [Stage: Int]] = [:]
        for application in applications {
            counts[application.regionID, default: [:]][
                Stage(status: application.status, outcome: application.outcome), default: 0] += 1
        }
        return counts
    }

    /// Collaboration applications by call and stage.
    static func collaborationByCall(on database: any Database) async throws -> [(CollaborationCallRecord, [Stage: Int])]
    {
        var out: [(CollaborationCallRecord, [Stage: Int])] = []
        for call in try await CollaborationCallRecord.query(on: database).sort(\.$year, .descending).all() {
            var counts: [Stage: Int] = [:]
            for application in try await CollaborationApplicationRecord.query(on: database)
                .filter(\.$callID == call.requireID()).all()
            {
                counts[Stage(status: application.status, outcome: application.outcome), default: 0] += 1
            }
            out.append((call, counts))
        }
        return out
    }

    /// Each call with a budget, with its money and its tracks'.
    static func budgets(on database: any Database) async throws -> [(CollaborationCallRecord, CallBudgetFigures)] {
        var out: [(CollaborationCallRecord, CallBudgetFigures)] = []
        for call in try await CollaborationCallRecord.query(on: database).filter(\.$budgetWon > 0)
            .sort(\.$year, .descending).all()
        {
            out.append((call, try await CallBudgetFigures.load(call, on: database)))
        }
        return out
    }

    struct TargetProgress: Sendable {
        let districtID: String
        let district: String
        let indicator: String
        let unit: String
        let target: Double
        /// The latest reported figure and its year; nil before the first self-evaluation.
        let actual: Double?
        let year: Int?

        /// Per cent of the target reached, rounded down to whole per cent.
        var percent: Int? {
            guard let actual, target > 0 else { return nil }
            return Int((actual / target * 100).rounded(.down))
        }
    }

    static func targets(language: String, on database: any Database) async throws -> [TargetProgress] {
        let districts = try await DistrictRecord.query(on: database).sort(\.$round).sort(\.$id).all()
        let operations = try await DistrictOperationRecord.query(on: database).all().keyedByID()
        let evaluations = try await DistrictEvaluationRecord.query(on: database).sort(\.$year).all()
        var out: [TargetProgress] = []
        for district in districts {
            let id = district.id ?? ""
            guard let operation = operations[id],
                let kpis = try? JSONColumn.decode([DistrictPlan.KPI].self, operation.kpisJSON)
            else { continue }
            let latest = evaluations.last { $0.districtID == id }
            let actuals = latest.flatMap { try? JSONColumn.decode([SelfEvaluationInput.Actual].self, $0.actualsJSON) }
            for kpi in kpis {
                let actual = actuals?.first { $0.name == kpi.name }?.actual
                out.append(
                    TargetProgress(
                        districtID: id, district: Strings.pick(district.nameKorean, district.nameEnglish, language),
                        indicator: kpi.name(in: language), unit: kpi.unit(in: language), target: kpi.target,
                        actual: actual,
                        year: actual == nil ? nil : latest?.year))
            }
        }
        return out
    }
}
