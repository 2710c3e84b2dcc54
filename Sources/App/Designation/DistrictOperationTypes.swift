import Foundation
import TeukguCore
import Vapor

/// A zone operator (특구사업자) with the dates it was listed; only listed operators benefit.
struct ZoneOperatorEntry: Codable, Sendable, Equatable {
    var name: String
    var businessRegistrationNumber: String
    var since: CalendarDate
    var until: CalendarDate?
}

/// A change to a district plan. Minor changes (Act art. 81) apply at once; others wait for the committee.
struct PlanChange: Codable, Sendable {
    var number: Int
    var kind: String
    var description: String
    var add: [DistrictPlan.ZoneOperator]
    var remove: [String]
    var status: PlanChangeStatus
    var filedOn: CalendarDate
    var decidedOn: CalendarDate?
    var decisionReason: String?
}

struct PlanChangeInput: StrictJSONInput, Content {
    var kind: String
    var description: String
    var addOperators: [DistrictPlan.ZoneOperator]?
    var removeOperators: [String]?

    static let fields: Set<String> = ["kind", "description", "addOperators", "removeOperators"]
    static let nestedFields: [String: Set<String>] = ["addOperators[]": ["name", "businessRegistrationNumber"]]
}

struct PlanChangeDecisionInput: StrictJSONInput, Content {
    var approve: Bool
    var reason: String

    static let fields: Set<String> = ["approve", "reason"]
}

struct ExtensionInput: StrictJSONInput, Content {
    var years: Int?
    var months: Int?
    var reason: String?

    static let fields: Set<String> = ["years", "months", "reason"]
}

struct DedesignationInput: StrictJSONInput, Content {
    var on: String
    var reason: String

    static let fields: Set<String> = ["on", "reason"]
}

struct SelfEvaluationInput: StrictJSONInput, Content {
    struct Actual: Codable, Sendable {
        var name: String
        var actual: Double
    }

    var year: Int
    var actuals: [Actual]
    var selfScore: Double
    var comment: String?

    static let fields: Set<String> = ["year", "actuals", "selfScore", "comment"]
    static let nestedFields: [String: Set<String>] = ["actuals[]": ["name", "actual"]]
}

struct PanelEvaluationInput: StrictJSONInput, Content {
    var year: Int
    var score: Double
    var comment: String?

    static let fields: Set<String> = ["year", "score", "comment"]
}

/// A district in operation as the API shows it.
struct DistrictOperationDTO: Content {
    struct EvaluationDTO: Content {
        struct KPIResult: Content {
            let name: String
            let unit: String
            let target: Double
            let actual: Double?
            let achieved: Double?
        }

        let year: Int
        let kpis: [KPIResult]
        let selfScore: Double?
        let selfComment: String
        let panelScore: Double?
        let panelComment: String?
        let grade: String?
    }

    let id: String
    let name: String
    let nameKorean: String
    let regionID: String
    let round: Int
    let startsOn: String
    let endsOn: String
    let extended: Bool
    let dedesignatedOn: String?
    let dedesignationReason: String?
    let status: String
    /// The term's state as a value (`operating`, `dedesignated`, `expired`, `post-monitoring`, `closed`).
    let termStatus: DistrictTerm.Status
    let postMonitoringUntil: String
    let zoneOperators: [ZoneOperatorEntry]
    let planChanges: [PlanChange]
    let kpis: [DistrictPlan.KPI]
    let evaluations: [EvaluationDTO]
    let hasRulebook: Bool
}

extension DistrictPlan.KPI {
    /// The indicator's name for a reader: the English one on English pages where the plan gives it.
    func name(in language: String) -> String { Strings.pick(name, nameEnglish ?? name, language) }
    func unit(in language: String) -> String { Strings.pick(unit, unitEnglish ?? unit, language) }
}
