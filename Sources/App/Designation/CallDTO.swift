import Foundation
import TeukguCore
import Vapor

/// A call as the API shows it.
struct CallDTO: Content {
    let id: UUID
    let round: Int
    let title: String
    let titleEnglish: String?
    let description: String
    let descriptionEnglish: String?
    let opensAt: String?
    let closesAt: String?
    let localGovernmentsEligible: Bool
    let capitalRegionExcluded: Bool
    let cap: Int
    let stages: [EvaluationStage]
    let balance: BalancePolicy
    let status: CallStatus
    let acceptingSubmissions: Bool
    let currentStage: String?
    let funnel: CallFunnel?
    let submittedApplications: Int?

    init(_ call: DesignationCallRecord, now: Date, submitted: Int?) throws {
        id = try call.requireID()
        round = call.round
        title = call.title
        titleEnglish = call.titleEnglish
        description = call.description
        descriptionEnglish = call.descriptionEnglish
        opensAt = Timestamps.text(call.opensAt)
        closesAt = Timestamps.text(call.closesAt)
        localGovernmentsEligible = call.localGovernmentsEligible
        capitalRegionExcluded = true
        cap = call.cap
        stages = try JSONColumn.decode([EvaluationStage].self, call.stagesJSON)
        balance = try JSONColumn.decode(BalancePolicy.self, call.balanceJSON)
        status = call.status
        acceptingSubmissions = DesignationCalls.isAccepting(call, now: now)
        currentStage = call.status == .evaluating && call.stageIndex < stages.count ? stages[call.stageIndex].id : nil
        funnel = try call.funnelJSON.map { try JSONColumn.decode(CallFunnel.self, $0) }
        submittedApplications = submitted
    }
}

/// The published counts of a past round.
struct CallFunnel: Codable, Sendable {
    let governments: Int
    let projects: Int
    let writtenPassed: Int
    let candidates: Int
    let designatedOn: String?
}
