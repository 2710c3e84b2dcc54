import Foundation
import TeukguCore
import Vapor

struct CollaborationCallInput: StrictJSONInput, DocumentedLimits, Content {
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
    static let limits: [String: FieldLimit] = [
        "year": .number(2019...2100), "title": .text(1...200), "titleEnglish": .text(0...200),
    ]
}

struct TrackInput: StrictJSONInput, DocumentedLimits, Content {
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
    static let limits: [String: FieldLimit] = [
        "year": .number(2019...2100), "name": .text(1...200), "capacity": .number(0...10_000),
        "sectorFocus": .text(0...200), "description": .text(0...10_000), "offer": .text(0...4_000),
    ]

    /// The words of a track, checked against their limits wherever they are given.
    func checkWords() throws {
        let limits = Self.limits
        if let name, !limits["name"]!.admitsTrimmed(name) {
            throw AppError.invalid("too_long", "The name is 1–200 characters.")
        }
        if let sectorFocus, !limits["sectorFocus"]!.admits(sectorFocus) {
            throw AppError.invalid("too_long", "Keep the sector focus under 200 characters.")
        }
        if let description, !limits["description"]!.admits(description) {
            throw AppError.invalid("too_long", "Keep the description under 10,000 characters.")
        }
        if let offer, !limits["offer"]!.admits(offer) {
            throw AppError.invalid("too_long", "Keep the offer under 4,000 characters.")
        }
        if let capacity, !limits["capacity"]!.admits(capacity) {
            throw AppError.invalid("invalid_capacity", "capacity must be between 0 and 10,000.")
        }
    }
}

struct ProfileInput: StrictJSONInput, DocumentedLimits, Content {
    var name: String?
    var businessRegistrationNumber: String?
    var foundedOn: String?
    var sector: String?
    var employees: Int?
    var revenueWon: Int64?

    static let fields: Set<String> = [
        "name", "businessRegistrationNumber", "foundedOn", "sector", "employees", "revenueWon",
    ]
    static let limits: [String: FieldLimit] = [
        "name": .text(1...200), "sector": .text(1...100), "employees": .number(0...1_000_000),
    ]
}

struct CollaborationApplicationInput: StrictJSONInput, DocumentedLimits, Content {
    var choices: [UUID]?
    var plan: String?
    var requestedWon: Int64?
    var documentIDs: [UUID]?

    static let fields: Set<String> = ["choices", "plan", "requestedWon", "documentIDs"]
    /// A plan may be saved short while a draft; submitting asks for at least 20 characters.
    static let limits: [String: FieldLimit] = ["plan": .text(0...20_000)]
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
