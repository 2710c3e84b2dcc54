import Foundation
import TeukguCore
import Vapor

struct CollaborationCallInput: StrictJSONInput, Content {
    var year: Int
    var title: String
    var titleEnglish: String? = nil
    var opensAt: String
    var closesAt: String
    var eligibility: CollaborationEligibility
    var budgetWon: Int64
    var choiceMode: String?
    var maxChoices: Int?
    var stages: [EvaluationStage]?

    static let fields: Set<String> = [
        "year", "title", "titleEnglish", "opensAt", "closesAt", "eligibility", "budgetWon", "choiceMode", "maxChoices",
        "stages",
    ]
    static let nestedFields: [String: Set<String>] = [
        "eligibility": ["minimumAgeYears", "maximumAgeYears", "sectors"],
        "stages[]": ["id", "titleKorean", "titleEnglish", "criteria", "passThreshold", "advanceCount"],
        "stages[].criteria[]": ["id", "titleKorean", "titleEnglish", "weight"],
    ]
}

struct TrackInput: StrictJSONInput, Content {
    var year: Int?
    var partnerID: String?
    var name: String?
    var capacity: Int?
    var sectorFocus: String?
    var organisationID: UUID?
    var description: String?
    var offer: String?

    static let fields: Set<String> = [
        "year", "partnerID", "name", "capacity", "sectorFocus", "organisationID", "description", "offer",
    ]
}

struct ProfileInput: StrictJSONInput, Content {
    var name: String?
    var businessRegistrationNumber: String?
    var foundedOn: String?
    var sector: String?
    var employees: Int?
    var revenueWon: Int64?

    static let fields: Set<String> = [
        "name", "businessRegistrationNumber", "foundedOn", "sector", "employees", "revenueWon",
    ]
}

struct CollaborationApplicationInput: StrictJSONInput, Content {
    var choices: [UUID]?
    var plan: String?
    var requestedWon: Int64?
    var documentIDs: [UUID]?

    static let fields: Set<String> = ["choices", "plan", "requestedWon", "documentIDs"]
}

/// The standard stages of a track: written, demo day, presentation (weights unconfirmed: per call).
enum CollaborationStages {
    static let standard: [EvaluationStage] = [
        EvaluationStage(
            id: "written", titleKorean: "서면평가", titleEnglish: "Written evaluation",
            criteria: [
                Criterion(id: "technology", titleKorean: "기술성", titleEnglish: "Technology", weight: 40),
                Criterion(id: "market", titleKorean: "시장성", titleEnglish: "Market", weight: 30),
                Criterion(id: "fit", titleKorean: "파트너 적합성", titleEnglish: "Fit with the partner", weight: 30),
            ], passThreshold: 60, advanceCount: nil),
        EvaluationStage(
            id: "demo", titleKorean: "데모 평가", titleEnglish: "Demo",
            criteria: [
                Criterion(id: "product", titleKorean: "제품 완성도", titleEnglish: "Product", weight: 60),
                Criterion(id: "team", titleKorean: "팀 역량", titleEnglish: "Team", weight: 40),
            ], passThreshold: 65, advanceCount: nil),
        EvaluationStage(
            id: "presentation", titleKorean: "발표평가", titleEnglish: "Presentation",
            criteria: [
                Criterion(id: "plan", titleKorean: "협업 계획", titleEnglish: "Collaboration plan", weight: 50),
                Criterion(id: "global", titleKorean: "글로벌 성장성", titleEnglish: "Global growth", weight: 50),
            ], passThreshold: 70, advanceCount: nil),
    ]
}
