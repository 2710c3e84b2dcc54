import TeukguCore

/// The sentences for what can be wrong with an agreement's terms, in both languages.
enum GrantTexts {
    static func issue(_ field: String, _ code: String, cap: Money) -> FieldIssue {
        switch code {
        case "over_grant_cap":
            .init(
                field: field, korean: "지원금은 기업당 한도 \(cap.grouped)원을 넘을 수 없습니다.",
                english: "The award may not exceed the cap of KRW \(cap.grouped) per startup.")
        case "invalid_period":
            .init(field: field, korean: "종료일은 시작일 뒤여야 합니다.", english: "The end comes after the start.")
        case "invalid_instalments":
            .init(field: field, korean: "분할 지급은 1회에서 12회까지입니다.", english: "One to twelve instalments.")
        case "invalid_text":
            .init(
                field: field, korean: "마일스톤 이름을 200자 이내로 쓰십시오.", english: "Name the milestone in up to 200 characters.")
        case "outside_agreement_period":
            .init(
                field: field, korean: "마일스톤 기한은 협약 기간 안이어야 합니다.",
                english: "A milestone falls due within the agreement's period.")
        case "instalments_do_not_add_up":
            .init(
                field: field, korean: "분할 지급액의 합이 지원금과 같아야 합니다.",
                english: "The instalments add up to the award.")
        case "plan_does_not_add_up":
            .init(
                field: field, korean: "비목별 계획의 합이 지원금과 같아야 합니다.",
                english: "The plan's categories add up to the award.")
        default:
            .init(field: field, korean: "금액은 0보다 큰 원 단위 정수입니다.", english: "Amounts are positive whole won.")
        }
    }
}
