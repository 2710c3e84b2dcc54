import Fluent
import Foundation
import TeukguCore

/// The collaboration programme as an evaluation programme. Each track is evaluated on its own
/// (panels are per track: the panel's subject id is the track's id), so a ranked-choice applicant
/// is ranked by every track they chose.
struct CollaborationEvaluation: EvaluationProgramme {
    static let shared = CollaborationEvaluation()
    let id = "collaboration"

    /// Evaluators, and partner staff on their own partner's tracks (partners sit on the panels).
    func mayEvaluate(_ account: AccountRecord, callID trackID: UUID, on database: any Database) async throws -> Bool {
        if account.role == Role.evaluator.rawValue { return true }
        guard account.role == Role.partnerStaff.rawValue,
            let track = try await CollaborationTrackRecord.find(trackID, on: database)
        else { return false }
        return account.partnerID == track.partnerID
    }

    func call(
        ofTrack trackID: UUID, on database: any Database
    ) async throws -> (CollaborationTrackRecord, CollaborationCallRecord) {
        guard let track = try await CollaborationTrackRecord.find(trackID, on: database),
            let call = try await CollaborationCallRecord.query(on: database).filter(\.$year == track.year).first()
        else {
            throw AppError.notFound("track")
        }
        return (track, call)
    }

    func stages(callID trackID: UUID, on database: any Database) async throws -> [EvaluationStage] {
        try CollaborationCalls.stages(of: try await call(ofTrack: trackID, on: database).1)
    }

    func currentStageIndex(callID trackID: UUID, now: Date, on database: any Database) async throws -> Int {
        let (track, call) = try await call(ofTrack: trackID, on: database)
        switch call.status {
        case .accepting:
            guard now >= call.closesAt else {
                throw AppError.conflict(
                    "call_still_open",
                    "Evaluation starts after the call closes at \(Timestamps.seoulMinute(call.closesAt)).")
            }
            call.status = try Lifecycles.move(call.status, .startEvaluation)
            try await call.save(on: database)
        case .evaluating: break
        default:
            throw AppError.conflict(
                "not_evaluating", "This call is not being evaluated (it is '\(call.status.rawValue)').")
        }
        let stages = try CollaborationCalls.stages(of: call)
        guard track.stageIndex < stages.count else {
            throw AppError.conflict("track_ranked", "This track's ranking is final.")
        }
        return track.stageIndex
    }

    func entrants(callID trackID: UUID, stageIndex: Int, on database: any Database) async throws -> [EvaluationEntrant]
    {
        let (_, call) = try await call(ofTrack: trackID, on: database)
        let applications = try await CollaborationApplicationRecord.query(on: database).filter(
            \.$callID == call.requireID()
        )
        .filter(\.$submittedAt != nil).filter(\.$status != .withdrawn).sort(\.$submittedOrder).all()
        var allowed: Set<String>?
        if stageIndex > 0 {
            let stages = try CollaborationCalls.stages(of: call)
            let previous = try await EvaluationPanelRecord.query(on: database).filter(\.$programme == id).filter(
                \.$callID == trackID
            )
            .filter(\.$stageID == stages[stageIndex - 1].id).first()
            let results = try previous?.resultsJSON.map { try JSONColumn.decode([StageResult].self, $0) } ?? []
            allowed = Set(results.filter(\.advances).map(\.applicationID))
        }
        let companies = try await CompanyRecord.query(on: database).filter(\.$id ~~ applications.map(\.companyID)).all()
            .keyedByID()
        var entrants: [EvaluationEntrant] = []
        for application in applications {
            let choices = try JSONColumn.decode([UUID].self, application.choicesJSON)
            guard let choice = choices.firstIndex(of: trackID) else { continue }
            let applicationID = try application.requireID()
            if let allowed, !allowed.contains(applicationID.uuidString) { continue }
            let company = companies[application.companyID]
            entrants.append(
                EvaluationEntrant(
                    applicationID: applicationID, label: "\(application.receiptNumber ?? "") \(company?.name ?? "")",
                    parties: ApplicationParties(
                        regionID: nil,
                        businessRegistrationNumbers: Set([company?.businessRegistrationNumber].compactMap { $0 })),
                    submittedOrder: application.submittedOrder ?? Int.max,
                    disclosure: [
                        "\(company?.name ?? "") (\(BusinessRegistrationNumber(company?.businessRegistrationNumber ?? "")?.description ?? ""))",
                        "\(company?.sector ?? "") · choice \(choice + 1)",
                    ]))
        }
        return entrants
    }

    func stageFinalised(
        callID trackID: UUID, stageIndex: Int, results: [StageResult], actor: AuditLog.Actor, on database: any Database
    ) async throws {
        let (track, call) = try await call(ofTrack: trackID, on: database)
        let stages = try CollaborationCalls.stages(of: call)
        track.stageIndex = stageIndex + 1
        try await track.save(on: database)
        let stage = stages[stageIndex]
        for result in results {
            guard let id = UUID(uuidString: result.applicationID),
                let application = try await CollaborationApplicationRecord.find(id, on: database)
            else { continue }
            let members = try await Recipients.members(ofCompany: application.companyID, on: database)
            for member in members {
                try await Outbox.write(
                    on: database, to: member,
                    subject: "\(track.name): \(stage.titleKorean) 결과 / \(stage.titleEnglish) result",
                    body: result.announcement,
                    relatedType: "collaboration-application", relatedID: result.applicationID)
            }
        }
        try await CollaborationMatching.refreshCallStatus(call, on: database)
    }
}
