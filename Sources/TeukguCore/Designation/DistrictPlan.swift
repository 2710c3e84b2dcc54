import Foundation

/// A district plan as Decree art. 42(3) lists it: where, how large, which industry, for how long,
/// which companies operate in it, which regulations it asks to lift, what it promises and how it is paid for.
public struct DistrictPlan: Hashable, Sendable, Codable {
    public struct ZoneOperator: Hashable, Sendable, Codable {
        public var name: String
        public var businessRegistrationNumber: String

        public init(name: String, businessRegistrationNumber: String) {
            self.name = name
            self.businessRegistrationNumber = businessRegistrationNumber
        }
    }

    /// A regulation the plan asks to lift, linked to a national rule where there is one.
    public struct RequestedExemption: Hashable, Sendable, Codable {
        public var ruleID: String?
        public var description: String

        public init(ruleID: String? = nil, description: String) {
            self.ruleID = ruleID
            self.description = description
        }
    }

    public struct KPI: Hashable, Sendable, Codable {
        /// The indicator as the plan names it; self-evaluations report against this name.
        public var name: String
        public var unit: String
        public var target: Double
        /// The name and unit for English readers, where the plan gives them.
        public var nameEnglish: String?
        public var unitEnglish: String?

        public init(name: String, unit: String, target: Double, nameEnglish: String? = nil, unitEnglish: String? = nil)
        {
            self.name = name
            self.unit = unit
            self.target = target
            self.nameEnglish = nameEnglish
            self.unitEnglish = unitEnglish
        }
    }

    public struct Financing: Hashable, Sendable, Codable {
        public var stateWon: Int64
        public var localWon: Int64
        public var privateWon: Int64

        public init(stateWon: Int64 = 0, localWon: Int64 = 0, privateWon: Int64 = 0) {
            self.stateWon = stateWon
            self.localWon = localWon
            self.privateWon = privateWon
        }

        /// The sum, saturating: amounts are checked against `Money.maximumWon`, but the completeness
        /// check also sums amounts that failed that check, and an overflow must not trap.
        public var totalWon: Int64 {
            [localWon, privateWon].reduce(stateWon) { sum, amount in
                let (result, overflow) = sum.addingReportingOverflow(amount)
                return overflow ? (amount > 0 ? .max : .min) : result
            }
        }
    }

    public struct Measures: Hashable, Sendable, Codable {
        public var safety: String
        public var environment: String
        public var privacy: String

        public init(safety: String = "", environment: String = "", privacy: String = "") {
            self.safety = safety
            self.environment = environment
            self.privacy = privacy
        }
    }

    public var name: String
    public var location: String
    public var areaSquareKilometres: Double?
    public var industry: String
    public var periodYears: Int?
    public var zoneOperators: [ZoneOperator]
    public var exemptions: [RequestedExemption]
    public var kpis: [KPI]
    public var financing: Financing
    public var measures: Measures
    public var documentIDs: [String]

    public init(
        name: String = "", location: String = "", areaSquareKilometres: Double? = nil, industry: String = "",
        periodYears: Int? = nil,
        zoneOperators: [ZoneOperator] = [], exemptions: [RequestedExemption] = [], kpis: [KPI] = [],
        financing: Financing = Financing(), measures: Measures = Measures(), documentIDs: [String] = []
    ) {
        self.name = name
        self.location = location
        self.areaSquareKilometres = areaSquareKilometres
        self.industry = industry
        self.periodYears = periodYears
        self.zoneOperators = zoneOperators
        self.exemptions = exemptions
        self.kpis = kpis
        self.financing = financing
        self.measures = measures
        self.documentIDs = documentIDs
    }

    /// Problems that make a plan unsavable even as a draft: wrong numbers, invalid registration numbers.
    public func formProblems(knownRuleIDs: Set<String>) -> [PlanProblem] {
        var found: [PlanProblem] = []
        if let area = areaSquareKilometres, !(area.isFinite && area > 0 && area <= 100_000) {
            found.append(.areaOutOfRange)
        }
        if let years = periodYears, !(1...4).contains(years) { found.append(.periodOutOfRange) }
        var seen: Set<String> = []
        for (index, company) in zoneOperators.enumerated() {
            guard let number = BusinessRegistrationNumber(company.businessRegistrationNumber) else {
                found.append(.invalidRegistrationNumber(index: index, value: company.businessRegistrationNumber))
                continue
            }
            if !seen.insert(number.digits).inserted { found.append(.duplicateOperator(number.description)) }
            if company.name.trimmed.isEmpty { found.append(.operatorNameMissing(index: index)) }
        }
        for exemption in exemptions {
            if let rule = exemption.ruleID, !knownRuleIDs.contains(rule) { found.append(.unknownRule(rule)) }
            if exemption.description.trimmed.isEmpty { found.append(.exemptionDescriptionMissing) }
        }
        for kpi in kpis where kpi.name.trimmed.isEmpty || !kpi.target.isFinite || kpi.target < 0 {
            found.append(.invalidKPI(kpi.name))
        }
        if financing.stateWon < 0 || financing.localWon < 0 || financing.privateWon < 0 {
            found.append(.negativeFinancing)
        }
        if financing.stateWon > Money.maximumWon || financing.localWon > Money.maximumWon
            || financing.privateWon > Money.maximumWon
        {
            found.append(.financingTooLarge)
        }
        return found
    }

    /// What a plan still lacks before it can be submitted.
    public func submissionProblems(knownRuleIDs: Set<String>) -> [PlanProblem] {
        var found = formProblems(knownRuleIDs: knownRuleIDs)
        if name.trimmed.isEmpty { found.append(.missing("name")) }
        if location.trimmed.isEmpty { found.append(.missing("location")) }
        if areaSquareKilometres == nil { found.append(.missing("areaSquareKilometres")) }
        if industry.trimmed.isEmpty { found.append(.missing("industry")) }
        if periodYears == nil { found.append(.missing("periodYears")) }
        if zoneOperators.isEmpty { found.append(.missing("zoneOperators")) }
        if kpis.isEmpty { found.append(.missing("kpis")) }
        if financing.totalWon <= 0 { found.append(.missing("financing")) }
        if measures.safety.trimmed.isEmpty { found.append(.missing("measures.safety")) }
        if measures.environment.trimmed.isEmpty { found.append(.missing("measures.environment")) }
        if measures.privacy.trimmed.isEmpty { found.append(.missing("measures.privacy")) }
        return found
    }

    public var operatorNumbers: Set<String> {
        Set(zoneOperators.compactMap { BusinessRegistrationNumber($0.businessRegistrationNumber)?.digits })
    }
}

public enum PlanProblem: Hashable, Sendable, CustomStringConvertible {
    case areaOutOfRange, periodOutOfRange, negativeFinancing, financingTooLarge, exemptionDescriptionMissing
    case invalidRegistrationNumber(index: Int, value: String)
    case duplicateOperator(String)
    case operatorNameMissing(index: Int)
    case unknownRule(String)
    case invalidKPI(String)
    case missing(String)

    public var code: String {
        switch self {
        case .invalidRegistrationNumber: return "invalid_business_registration_number"
        case .missing: return "plan_incomplete"
        case .unknownRule: return "unknown_rule"
        default: return "invalid_plan"
        }
    }

    public var description: String {
        switch self {
        case .areaOutOfRange: return "The area must be a positive number of km² (at most 100,000)."
        case .periodOutOfRange: return "The period must be 1 to 4 years (an extension is decided later)."
        case .negativeFinancing: return "Financing amounts cannot be negative."
        case .financingTooLarge: return "A financing amount is larger than the system can hold."
        case .exemptionDescriptionMissing: return "Every requested exemption needs a description."
        case .invalidRegistrationNumber(let index, let value):
            return "Zone operator \(index + 1): '\(value)' is not a valid business registration number (check digit)."
        case .duplicateOperator(let number): return "Zone operator \(number) is listed twice."
        case .operatorNameMissing(let index): return "Zone operator \(index + 1) needs a name."
        case .unknownRule(let rule): return "'\(rule)' is not a national rule of the rulebooks in force."
        case .invalidKPI(let name): return "KPI '\(name)' needs a name and a target of zero or more."
        case .missing(let field): return "The plan needs '\(field)' before it can be submitted."
        }
    }
}

extension String {
    public var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}

extension DistrictPlan {
    private enum CodingKeys: String, CodingKey {
        case name, location, areaSquareKilometres, industry, periodYears, zoneOperators, exemptions, kpis, financing,
            measures, documentIDs
    }

    /// A draft may leave anything out; what is missing is reported at submission, not at saving.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decodeIfPresent(String.self, forKey: .name) ?? "",
            location: try container.decodeIfPresent(String.self, forKey: .location) ?? "",
            areaSquareKilometres: try container.decodeIfPresent(Double.self, forKey: .areaSquareKilometres),
            industry: try container.decodeIfPresent(String.self, forKey: .industry) ?? "",
            periodYears: try container.decodeIfPresent(Int.self, forKey: .periodYears),
            zoneOperators: try container.decodeIfPresent([ZoneOperator].self, forKey: .zoneOperators) ?? [],
            exemptions: try container.decodeIfPresent([RequestedExemption].self, forKey: .exemptions) ?? [],
            kpis: try container.decodeIfPresent([KPI].self, forKey: .kpis) ?? [],
            financing: try container.decodeIfPresent(Financing.self, forKey: .financing) ?? Financing(),
            measures: try container.decodeIfPresent(Measures.self, forKey: .measures) ?? Measures(),
            documentIDs: try container.decodeIfPresent([String].self, forKey: .documentIDs) ?? [])
    }
}
