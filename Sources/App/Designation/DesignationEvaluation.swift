import Fluent
import Foundation
import TeukguCore

/// District designation as an evaluation programme: written, then presentation, over the call's applications.
struct DesignationEvaluation: EvaluationProgramme {
    static let shared = DesignationEvaluation()
    let id = "designation"

    func mayEvaluate(_ account: AccountRecord, callID: UUID, on database: any Database) async throws -> Bool {
        account.role == Role.evaluator.rawValue
    }

    func stages(callID: UUID, on database: any Database) async throws -> [EvaluationStage] {
        try DesignationCalls.stages(of: try await DesignationCalls.find(callID.uuidString, on: database))
    }

    /// The first panel may form only after the call closes; that starts the evaluation.
    func currentStageIndex(callID: UUID, now: Date, on database: any Database) async throws -> Int {
        let call = try await DesignationCalls.find(callID.uuidString, on: database)
        switch call.status {
        case .accepting:
            guard now >= call.closesAt else {
                throw AppError.conflict(
                    "call_still_open",
                    "Evaluation starts after the call closes at \(Timestamps.seoulMinute(call.closesAt)).")
            }
            call.status = try Lifecycles.move(call.status, .startEvaluation)
            call.stageIndex = 0
            try await call.save(on: database)
            return 0
        case .evaluating:
            return call.stageIndex
        default:
            throw AppError.conflict(
                "not_evaluating", "This call is not being evaluated (it is '\(call.status.rawValue)').")
        }
    }

    func entrants(callID: UUID, stageIndex: Int, on database: any Database) async throws -> [EvaluationEntrant] {
        var query = DesignationApplicationRecord.query(on: database).filter(\.$callID == callID)
            .filter(\.$submittedAt != nil).filter(\.$status != .withdrawn)
        if stageIndex > 0 {
            let stages = try await stages(callID: callID, on: database)
            query = query.filter(\.$outcome == .passed(stage: stages[stageIndex - 1].id))
        }
        let applications = try await query.sort(\.$submittedOrder).all()
        return try applications.map { application in
            let plan = try JSONColumn.decode(DistrictPlan.self, application.planJSON)
            return EvaluationEntrant(
                applicationID: try application.requireID(),
                label: "\(application.receiptNumber ?? "") \(plan.name)",
                parties: ApplicationParties(
                    regionID: application.regionID, businessRegistrationNumbers: plan.operatorNumbers),
                submittedOrder: application.submittedOrder ?? Int.max,
                disclosure: [application.applicantName, plan.name]
                    + plan.zoneOperators.map {
                        "\($0.name) \(BusinessRegistrationNumber($0.businessRegistrationNumber)?.description ?? $0.businessRegistrationNumber)"
                    }
            )
        }
    }

    func stageFinalised(
        callID: UUID, stageIndex: Int, results: [StageResult], actor: AuditLog.Actor, on database: any Database
    ) async throws {
        let call = try await DesignationCalls.find(callID.uuidString, on: database)
        let stages = try DesignationCalls.stages(of: call)
        let stage = stages[stageIndex]
        for result in results {
            guard let id = UUID(uuidString: result.applicationID),
                let application = try await DesignationApplicationRecord.find(id, on: database)
            else { continue }
            application.outcome = .stageResult(stage.id, advances: result.advances)
            try await application.save(on: database)
            let officials = try await Recipients.officials(ofRegion: application.regionID, on: database)
            for official in officials {
                try await Outbox.write(
                    on: database, to: official,
                    subject:
                        "\(stage.titleKorean) 결과 / \(stage.titleEnglish) result: \(application.receiptNumber ?? "")",
                    body: result.announcement,
                    relatedType: "designation-application", relatedID: result.applicationID)
            }
        }
        if stageIndex + 1 < stages.count {
            call.stageIndex = stageIndex + 1
        } else {
            call.status = try Lifecycles.move(call.status, .finishEvaluation)
        }
        try await call.save(on: database)
    }
}
