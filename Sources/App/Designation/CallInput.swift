import Foundation
import TeukguCore
import Vapor

/// The body that opens a designation call (API), also built from the page form.
struct CallInput: StrictJSONInput, DocumentedLimits, Content {
    var round: Int
    var title: String
    var titleEnglish: String? = nil
    var description: String?
    var descriptionEnglish: String? = nil
    var opensAt: String
    var closesAt: String
    var localGovernmentsEligible: Bool?
    var cap: Int
    var stages: [EvaluationStage]
    var balance: BalancePolicy?

    static let fields: Set<String> = [
        "round", "title", "titleEnglish", "description", "descriptionEnglish", "opensAt", "closesAt",
        "localGovernmentsEligible", "cap", "stages", "balance",
    ]
    static let nestedFields: [String: Set<String>] = [
        "stages[]": ["id", "titleKorean", "titleEnglish", "criteria", "passThreshold", "advanceCount"],
        "stages[].criteria[]": ["id", "titleKorean", "titleEnglish", "weight"],
        "balance": ["maxPerRegion", "preferRegionsWithoutDistrict"],
    ]

    static let limits: [String: FieldLimit] = [
        "round": .number(1...99), "title": .text(1...200), "titleEnglish": .text(0...200),
        "description": .text(0...4_000), "descriptionEnglish": .text(0...4_000), "cap": .number(1...17),
    ]

    /// The checked call, or a 4xx naming every problem.
    func validated() throws -> (opens: Date, closes: Date, balance: BalancePolicy) {
        let limits = Self.limits
        guard limits["round"]!.admits(round) else {
            throw AppError.invalid("invalid_round", "The round must be between 1 and 99.")
        }
        guard limits["title"]!.admitsTrimmed(title) else {
            throw AppError.invalid("invalid_title", "The title must be 1–200 characters.")
        }
        guard limits["titleEnglish"]!.admits(titleEnglish ?? ""), limits["description"]!.admits(description ?? ""),
            limits["descriptionEnglish"]!.admits(descriptionEnglish ?? "")
        else {
            throw AppError.invalid(
                "invalid_title", "The English title is at most 200 characters and each description at most 4,000.")
        }
        guard let opens = Timestamps.parse(opensAt), let closes = Timestamps.parse(closesAt) else {
            throw AppError.invalid(
                "invalid_date", "opensAt and closesAt must be date-times such as 2026-12-01T09:00:00+09:00.")
        }
        guard closes > opens else { throw AppError.invalid("invalid_window", "The call must close after it opens.") }
        guard limits["cap"]!.admits(cap) else {
            throw AppError.invalid("invalid_cap", "The cap on designations must be between 1 and 17.")
        }
        let problems = EvaluationDesignError.problems(in: stages)
        guard problems.isEmpty else {
            throw AppError.invalid("invalid_stages", problems.map(\.description).joined(separator: " "))
        }
        let balance = self.balance ?? .none
        if let limit = balance.maxPerRegion, limit < 1 {
            throw AppError.invalid("invalid_balance", "maxPerRegion must be at least 1.")
        }
        return (opens, closes, balance)
    }
}

/// The seed call's evaluation: a written stage, then a presentation, as the two real rounds ran.
enum StandardStages {
    static let designation: [EvaluationStage] = [
        EvaluationStage(
            id: "written", titleKorean: "서면평가", titleEnglish: "Written evaluation",
            criteria: [
                Criterion(
                    id: "feasibility", titleKorean: "계획의 실현 가능성", titleEnglish: "Feasibility of the plan", weight: 30),
                Criterion(
                    id: "regulation", titleKorean: "규제 특례의 필요성", titleEnglish: "Need for the regulatory exemptions",
                    weight: 25),
                Criterion(id: "global", titleKorean: "글로벌 진출 가능성", titleEnglish: "Global market potential", weight: 25),
                Criterion(id: "region", titleKorean: "지역 파급 효과", titleEnglish: "Regional impact", weight: 20),
            ], passThreshold: 70, advanceCount: 6),
        EvaluationStage(
            id: "presentation", titleKorean: "발표평가", titleEnglish: "Presentation",
            criteria: [
                Criterion(id: "readiness", titleKorean: "추진 준비도", titleEnglish: "Readiness", weight: 40),
                Criterion(
                    id: "safety", titleKorean: "안전·환경·개인정보 대책",
                    titleEnglish: "Safety, environment and privacy measures", weight: 30),
                Criterion(
                    id: "commitment", titleKorean: "지자체 의지와 재원", titleEnglish: "Commitment and financing", weight: 30),
            ], passThreshold: 75, advanceCount: nil),
    ]
}
