import Fluent
import Foundation
import TeukguCore
import Vapor

/// An application as the API shows it to those who may read it.
struct ApplicationDTO: Content {
    let id: UUID
    let callID: UUID
    let regionID: String
    let applicantName: String
    let applicantLevel: String
    let status: ApplicationStatus
    let outcome: ApplicationOutcome
    let revision: Int
    let receiptNumber: String?
    let submittedAt: String?
    let infoRequest: String?
    let editable: Bool
    let plan: DistrictPlan
    let missingForSubmission: [String]
    let feedback: [StageFeedback]?

    init(
        _ record: DesignationApplicationRecord, call: DesignationCallRecord, now: Date, knownRules: Set<String>,
        feedback: [StageFeedback]?
    ) throws {
        id = try record.requireID()
        callID = record.callID
        regionID = record.regionID
        applicantName = record.applicantName
        applicantLevel = record.applicantLevel
        status = record.status
        outcome = record.outcome
        revision = record.revision
        receiptNumber = record.receiptNumber
        submittedAt = Timestamps.text(record.submittedAt)
        infoRequest = record.infoRequest
        editable = DesignationApplications.isEditable(record, call: call, now: now)
        plan = try JSONColumn.decode(DistrictPlan.self, record.planJSON)
        missingForSubmission =
            record.status == .submitted ? [] : plan.submissionProblems(knownRuleIDs: knownRules).map(\.description)
        self.feedback = feedback
    }

    static func make(_ record: DesignationApplicationRecord, for request: Request) async throws -> ApplicationDTO {
        let call = try await DesignationCalls.find(record.callID.uuidString, on: request.db)
        let account = try request.requireAccount()
        var feedback: [StageFeedback]?
        if account.role.isMinistry || (account.role == .regionalOfficial && account.regionID == record.regionID) {
            feedback = try await StageFeedback.forApplication(
                try record.requireID(), programme: DesignationEvaluation.shared.id, callID: record.callID,
                stages: DesignationCalls.stages(of: call), language: request.language, on: request.db)
        }
        return try ApplicationDTO(
            record, call: call, now: request.now, knownRules: NationalRules.ids(request.application), feedback: feedback
        )
    }
}

struct RevisionDTO: Content {
    let revision: Int
    let event: String
    let savedAt: String?
    let plan: DistrictPlan
}
