import Foundation
import RegulationEngine
import TeukguCore
import Vapor

/// The body that creates or saves an application: who applies and the plan.
struct ApplicationInput: StrictJSONInput, Content {
    var applicantName: String?
    var applicantLevel: String?
    var plan: DistrictPlan

    static let fields: Set<String> = ["applicantName", "applicantLevel", "plan"]
    static let nestedFields: [String: Set<String>] = [
        "plan": [
            "name", "location", "areaSquareKilometres", "industry", "periodYears", "zoneOperators", "exemptions",
            "kpis", "financing", "measures", "documentIDs",
        ],
        "plan.zoneOperators[]": ["name", "businessRegistrationNumber"],
        "plan.exemptions[]": ["ruleID", "description"],
        "plan.kpis[]": ["name", "unit", "target", "nameEnglish", "unitEnglish"],
        "plan.financing": ["stateWon", "localWon", "privateWon"],
        "plan.measures": ["safety", "environment", "privacy"],
    ]
}

/// The national rules a plan may ask to lift, from the rulebook version in force.
enum NationalRules {
    struct Entry: Encodable {
        let id: String
        let title: String
    }

    static func entries(_ application: Application, language: String) -> [Entry] {
        guard let live = application.rulebooks.live else { return [] }
        return live.set.rulebooks.filter { $0.scope == .national }.flatMap(\.rules)
            .map { Entry(id: $0.id, title: Strings.pick($0.title.ko, $0.title.en, language)) }
            .sorted { $0.id < $1.id }
    }

    static func ids(_ application: Application) -> Set<String> {
        Set(entries(application, language: "en").map(\.id))
    }
}
