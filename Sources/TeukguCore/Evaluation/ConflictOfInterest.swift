/// Who an evaluator is tied to, as far as the system knows.
public struct EvaluatorTies: Hashable, Sendable {
    public var regionID: String?
    public var businessRegistrationNumbers: Set<String>
    public var partnerID: String?
    public var organisationID: String?

    public init(
        regionID: String? = nil, businessRegistrationNumbers: Set<String> = [], partnerID: String? = nil,
        organisationID: String? = nil
    ) {
        self.regionID = regionID
        self.businessRegistrationNumbers = businessRegistrationNumbers
        self.partnerID = partnerID
        self.organisationID = organisationID
    }
}

/// Who an application involves: the applying region, the companies it names, the company applying.
public struct ApplicationParties: Hashable, Sendable {
    public var regionID: String?
    public var businessRegistrationNumbers: Set<String>

    public init(regionID: String? = nil, businessRegistrationNumbers: Set<String> = []) {
        self.regionID = regionID
        self.businessRegistrationNumbers = businessRegistrationNumbers
    }
}

/// A conflict the system found by itself; it blocks the assignment before the evaluator sees anything.
public enum DetectedConflict: Hashable, Sendable, Codable, CustomStringConvertible {
    case sameRegion(String)
    case tiedToCompany(String)

    public var description: String {
        switch self {
        case .sameRegion(let region): return "The evaluator is affiliated with the applicant's region (\(region))."
        case .tiedToCompany(let number):
            return "The evaluator is affiliated with a company the application names (\(number))."
        }
    }

    public var korean: String {
        switch self {
        case .sameRegion(let region): return "평가위원이 신청 지역(\(region))에 소속되어 있습니다."
        case .tiedToCompany(let number): return "평가위원이 신청서에 기재된 기업(\(number))과 관련되어 있습니다."
        }
    }

    /// Every automatic conflict between an evaluator and an application; empty means none found.
    public static func detect(evaluator: EvaluatorTies, application: ApplicationParties) -> [DetectedConflict] {
        var found: [DetectedConflict] = []
        if let region = evaluator.regionID, region == application.regionID { found.append(.sameRegion(region)) }
        for number in evaluator.businessRegistrationNumbers.intersection(application.businessRegistrationNumbers)
            .sorted()
        {
            found.append(.tiedToCompany(number))
        }
        return found
    }
}
