/// The three instruments a company inside a district may file (Regional Special Zones Act):
/// rapid confirmation (art. 85), a demonstration exemption (arts. 86–89) and a temporary permit
/// (arts. 90–91). Each names the parameters of its review clock, so the law's numbers stay in the
/// parameter catalogue.
public enum SandboxCaseKind: String, CaseIterable, Codable, Sendable {
    case rapidConfirmation = "rapid-confirmation"
    case demonstrationExemption = "demonstration-exemption"
    case temporaryPermit = "temporary-permit"

    public var titleKorean: String {
        switch self {
        case .rapidConfirmation: "규제 신속확인"
        case .demonstrationExemption: "실증을 위한 특례"
        case .temporaryPermit: "임시허가"
        }
    }

    public var titleEnglish: String {
        switch self {
        case .rapidConfirmation: "Rapid regulatory confirmation"
        case .demonstrationExemption: "Demonstration exemption"
        case .temporaryPermit: "Temporary permit"
        }
    }

    /// The provision under which the case is filed.
    public var filingCitation: Citation {
        switch self {
        case .rapidConfirmation: Citation(law: Citation.specialZonesAct, article: "art. 85(1)")
        case .demonstrationExemption: Citation(law: Citation.specialZonesAct, article: "art. 86(1)")
        case .temporaryPermit: Citation(law: Citation.specialZonesAct, article: "art. 90(1)")
        }
    }

    /// The answer or review period, counted from the notification to the competent ministries.
    public var reviewPeriodKey: String {
        switch self {
        case .rapidConfirmation: "rapidConfirmation.answerPeriod"
        case .demonstrationExemption: "demonstrationExemption.reviewPeriod"
        case .temporaryPermit: "temporaryPermit.reviewPeriod"
        }
    }

    /// The longest review with supplementation, and its one extension (exemptions and permits).
    public var reviewCapKey: String? {
        switch self {
        case .rapidConfirmation: nil
        case .demonstrationExemption: "demonstrationExemption.reviewCap"
        case .temporaryPermit: "temporaryPermit.reviewCap"
        }
    }

    public var reviewExtensionKey: String? {
        switch self {
        case .rapidConfirmation: nil
        case .demonstrationExemption: "demonstrationExemption.reviewExtension"
        case .temporaryPermit: "temporaryPermit.reviewExtension"
        }
    }

    /// The longest validity a grant may set, by the grant day (none for a rapid confirmation).
    public var validityKey: String? {
        switch self {
        case .rapidConfirmation: nil
        case .demonstrationExemption: "demonstrationExemption.validity"
        case .temporaryPermit: "temporaryPermit.validity"
        }
    }

    /// The one extension of a grant's validity, and how long before expiry the company applies for it
    /// (arts. 86(10), 90(12)); and for exemptions the results report due after expiry (art. 87(11)).
    public var validityExtensionKey: String? { parameterPrefix.map { $0 + ".extension" } }
    public var extensionLeadKey: String? { parameterPrefix.map { $0 + ".extensionLead" } }
    public var reconsiderationKey: String? { parameterPrefix.map { $0 + ".reconsideration" } }
    public var resultsReportKey: String? {
        self == .demonstrationExemption ? "demonstrationExemption.resultsReport" : nil
    }

    private var parameterPrefix: String? {
        switch self {
        case .rapidConfirmation: nil
        case .demonstrationExemption: "demonstrationExemption"
        case .temporaryPermit: "temporaryPermit"
        }
    }

    /// Only a rapid confirmation has an answer the law supplies when none comes (art. 85(5)).
    public var isDeemedOnExpiry: Bool { self == .rapidConfirmation }

    /// Whether this kind of case may take `event` at all (its lifecycle decides from which state).
    public func allows(_ event: SandboxCaseStatus.Event) -> Bool {
        switch event {
        case .confirmNoPermitNeeded, .confirmPermitNeeded, .deem: self == .rapidConfirmation
        case .grant, .refuse, .extendReview, .startUse, .requestExtension, .extendValidity: self != .rapidConfirmation
        case .requestRevision, .convertToPermit, .submitResults, .recordRevisionPlan: self == .demonstrationExemption
        case .lawRevised: self != .rapidConfirmation
        case .requestReconsideration, .orderCorrection, .recordHearing, .cancel: self != .rapidConfirmation
        default: true
        }
    }
}
