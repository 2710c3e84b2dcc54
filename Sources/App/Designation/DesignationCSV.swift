import Fluent
import Foundation
import TeukguCore
import Vapor

/// The ministry's exports of a call: applications, and every scorecard with its justifications.
enum DesignationCSV {
    static func applications(_ call: DesignationCallRecord, on database: any Database) async throws -> String {
        var rows = [
            [
                "receipt", "region", "applicant", "level", "status", "outcome", "submitted_at", "revision", "plan",
                "area_km2",
                "industry", "zone_operators", "state_won", "local_won", "private_won",
            ]
        ]
        let applications = try await DesignationApplicationRecord.query(on: database).filter(
            \.$callID == call.requireID()
        ).sort(\.$submittedOrder).all()
        for application in applications {
            let plan = try JSONColumn.decode(DistrictPlan.self, application.planJSON)
            rows.append([
                application.receiptNumber ?? "", application.regionID, application.applicantName,
                application.applicantLevel, application.status.rawValue,
                application.outcome.rawValue, Timestamps.text(application.submittedAt) ?? "",
                String(application.revision), plan.name,
                plan.areaSquareKilometres.map { String($0) } ?? "", plan.industry, String(plan.zoneOperators.count),
                String(plan.financing.stateWon), String(plan.financing.localWon), String(plan.financing.privateWon),
            ])
        }
        return CSVText.render(rows)
    }

    static func scores(_ call: DesignationCallRecord, on database: any Database) async throws -> String {
        var rows = [
            [
                "stage", "round", "receipt", "evaluator", "criterion", "weight", "score", "justification",
                "weighted_total",
            ]
        ]
        let callID = try call.requireID()
        let stages = try DesignationCalls.stages(of: call)
        let panels = try await EvaluationPanelRecord.query(on: database).filter(
            \.$programme == DesignationEvaluation.shared.id
        ).filter(\.$callID == callID).all()
        let applications = try await DesignationApplicationRecord.query(on: database).filter(\.$callID == callID).all()
        let receipts = applications.keyedByID { record in record.receiptNumber ?? "" }
        let accounts = try await AccountRecord.query(on: database).all().keyedByID(\.email)
        for stage in stages {
            guard let panel = panels.first(where: { $0.stageID == stage.id }) else { continue }
            let assignments = try await EvaluationAssignmentRecord.query(on: database).filter(
                \.$panelID == panel.requireID()
            ).all()
            for assignment in assignments {
                let cards = try await EvaluationScorecardRecord.query(on: database).filter(
                    \.$assignmentID == assignment.requireID()
                ).sort(\.$round).all()
                for card in cards {
                    let scorecard = try JSONColumn.decode(Scorecard.self, card.cardJSON)
                    for criterion in stage.criteria {
                        let entry = scorecard.entries[criterion.id]
                        rows.append([
                            stage.id, String(card.round), receipts[assignment.applicationID] ?? "",
                            accounts[assignment.evaluatorID] ?? "",
                            criterion.id, String(criterion.weight), entry.map { String($0.score) } ?? "",
                            entry?.justification ?? "",
                            String(format: "%.2f", card.total),
                        ])
                    }
                }
            }
        }
        return CSVText.render(rows)
    }

}

/// Rows of fields as CSV text, quoted by `CSV.field`.
enum CSVText {
    static func render(_ rows: [[String]]) -> String {
        rows.map { $0.map(CSV.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A CSV download named `name`.
    static func response(_ text: String, name: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
