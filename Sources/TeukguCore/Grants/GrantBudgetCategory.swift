/// A budget category (비목) of a grant's spending plan. Spending is recorded against one, and may
/// not exceed what the approved plan gives it unless a reallocation moved money into it.
public enum GrantBudgetCategory: String, Hashable, Sendable, Codable, CaseIterable, CodingKeyRepresentable {
    /// 인건비
    case personnel
    /// 재료비
    case materials
    /// 외주용역비
    case outsourcing
    /// 장비·시설비
    case equipment
    /// 활동비 (travel, meetings, fees)
    case activities
    /// 해외마케팅·진출비
    case overseasExpansion = "overseas-expansion"
    /// 지식재산권·인증비
    case intellectualProperty = "intellectual-property"

    public var titleKorean: String {
        switch self {
        case .personnel: "인건비"
        case .materials: "재료비"
        case .outsourcing: "외주용역비"
        case .equipment: "장비·시설비"
        case .activities: "활동비"
        case .overseasExpansion: "해외진출비"
        case .intellectualProperty: "지식재산권·인증비"
        }
    }

    public var titleEnglish: String {
        switch self {
        case .personnel: "Personnel"
        case .materials: "Materials"
        case .outsourcing: "Outsourcing"
        case .equipment: "Equipment and facilities"
        case .activities: "Activities"
        case .overseasExpansion: "Overseas expansion"
        case .intellectualProperty: "IP and certification"
        }
    }
}
