import TeukguCore
import Vapor

/// A plan's problems as the form shows them: the field at fault (its id on the application page)
/// and a sentence in both languages, with the field named as the form names it.
enum PlanProblemText {
    /// The form's words for the plan's fields, and the field ids of the page.
    static let fields: [String: (id: String, korean: String, english: String)] = [
        "name": ("name", "특구 이름", "District name"),
        "location": ("location", "위치", "Location"),
        "areaSquareKilometres": ("area", "면적", "Area"),
        "industry": ("industry", "특화 산업", "Industry"),
        "periodYears": ("period", "기간", "Period"),
        "zoneOperators": ("operators", "특구사업자", "Zone operators"),
        "kpis": ("kpis", "성과지표", "KPIs"),
        "financing": ("state", "재원 조달", "Financing"),
        "measures.safety": ("safety", "안전 조치", "Safety measures"),
        "measures.environment": ("environment", "환경 조치", "Environment measures"),
        "measures.privacy": ("privacy", "개인정보 보호 조치", "Privacy measures"),
    ]

    static func issue(_ problem: PlanProblem) -> FieldIssue {
        switch problem {
        case .missing(let field):
            let named = fields[field] ?? (id: "name", korean: field, english: field)
            return FieldIssue(
                field: named.id, korean: "제출하려면 ‘\(named.korean)’ 항목을 채워 주세요.",
                english: "Fill in ‘\(named.english)’ before submitting.")
        case .areaOutOfRange:
            return FieldIssue(
                field: "area", korean: "면적은 0보다 크고 100,000 km² 이하인 숫자여야 합니다.",
                english: "The area must be a positive number of km² (at most 100,000).")
        case .periodOutOfRange:
            return FieldIssue(
                field: "period", korean: "기간은 1년에서 4년 사이입니다(연장은 나중에 결정합니다).",
                english: "The period must be 1 to 4 years (an extension is decided later).")
        case .negativeFinancing:
            return FieldIssue(
                field: "state", korean: "재원 금액은 음수일 수 없습니다.", english: "Financing amounts cannot be negative.")
        case .financingTooLarge:
            return FieldIssue(
                field: "state", korean: "재원 금액이 시스템이 다룰 수 있는 것보다 큽니다.",
                english: "A financing amount is larger than the system can hold.")
        case .exemptionDescriptionMissing:
            return FieldIssue(
                field: "other", korean: "요청하는 특례마다 설명이 필요합니다.",
                english: "Every requested exemption needs a description.")
        case .invalidRegistrationNumber(let index, let value):
            return FieldIssue(
                field: "operators",
                korean: "특구사업자 \(index + 1)번: ‘\(value)’는 올바른 사업자등록번호가 아닙니다(검증 숫자 확인).",
                english:
                    "Zone operator \(index + 1): '\(value)' is not a valid business registration number (check digit).")
        case .duplicateOperator(let number):
            return FieldIssue(
                field: "operators", korean: "특구사업자 \(number)가 두 번 적혀 있습니다.",
                english: "Zone operator \(number) is listed twice.")
        case .operatorNameMissing(let index):
            return FieldIssue(
                field: "operators", korean: "특구사업자 \(index + 1)번의 이름을 적어 주세요.",
                english: "Zone operator \(index + 1) needs a name.")
        case .unknownRule(let rule):
            return FieldIssue(
                field: "other", korean: "‘\(rule)’는 시행 중인 규정집의 국가 규칙이 아닙니다.",
                english: "'\(rule)' is not a national rule of the rulebooks in force.")
        case .invalidKPI(let name):
            return FieldIssue(
                field: "kpis", korean: "성과지표 ‘\(name)’에는 이름과 0 이상의 목표가 필요합니다.",
                english: "KPI '\(name)' needs a name and a target of zero or more.")
        }
    }

    static func refusal(_ problems: [PlanProblem], status: HTTPResponseStatus = .badRequest) -> AppError? {
        guard let first = problems.first else { return nil }
        return AppError(status, first.code, issues: problems.map(issue))
    }
}
