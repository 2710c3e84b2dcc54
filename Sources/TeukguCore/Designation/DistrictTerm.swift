/// A designated district's life after the Gazette: its period, at most one extension, an early
/// end by de-designation, and the post-monitoring years after it ends.
public struct DistrictTerm: Hashable, Sendable, Codable {
    public var startsOn: CalendarDate
    /// Last day of the designation period (inclusive), extension included.
    public var endsOn: CalendarDate
    public var extendedBy: ClockLengthRecord?
    public var dedesignatedOn: CalendarDate?
    public var dedesignationReason: String?

    public init(startsOn: CalendarDate, endsOn: CalendarDate) {
        self.startsOn = startsOn
        self.endsOn = endsOn
    }

    /// A new term. The statute sets none: the designated plan does (Decree art. 42(3)1), in whole
    /// years (`planYears`) or to a named last day (`planEndsOn`, as Daejeon's 2025-06 → 2029-12);
    /// only a plan that names neither takes the call's default (`district.period`). The term ends the
    /// day before the corresponding day (Civil Act art. 160).
    public static func starting(
        on start: CalendarDate, planYears: Int? = nil, planEndsOn: CalendarDate? = nil, parameters: ParameterCatalog
    ) throws(DistrictTermError) -> DistrictTerm {
        if let planEndsOn {
            guard planEndsOn > start else { throw .endBeforeStart }
            return DistrictTerm(startsOn: start, endsOn: planEndsOn)
        }
        if let planYears, planYears > 0 {
            return DistrictTerm(startsOn: start, endsOn: ClockLength.years(planYears).added(to: start).adding(days: -1))
        }
        let length = try DistrictTermError.wrap { () throws(ParameterError) in
            try parameters.length("district.period", at: start)
        }
        return DistrictTerm(startsOn: start, endsOn: length.added(to: start).adding(days: -1))
    }

    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case operating, dedesignated, expired
        case postMonitoring = "post-monitoring"
        case closed
    }

    /// The end of designation: the period's last day, or the day before de-designation.
    public var lastDesignatedDay: CalendarDate { dedesignatedOn.map { min($0.adding(days: -1), endsOn) } ?? endsOn }

    /// The last day the ministry may still request data (Act art. 84: two years after the end).
    public func postMonitoringUntil(parameters: ParameterCatalog) throws(DistrictTermError) -> CalendarDate {
        let end = lastDesignatedDay
        let length = try DistrictTermError.wrap { () throws(ParameterError) in
            try parameters.length("district.postMonitoring", at: end)
        }
        return length.added(to: end)
    }

    public func status(on day: CalendarDate, parameters: ParameterCatalog) throws(DistrictTermError) -> Status {
        if day <= lastDesignatedDay { return .operating }
        if day <= (try postMonitoringUntil(parameters: parameters)) { return .postMonitoring }
        return .closed
    }

    /// One extension of at most the parameter's length, decided before the period ends.
    public func extended(
        by length: ClockLength, decidedOn: CalendarDate, parameters: ParameterCatalog
    ) throws(DistrictTermError) -> DistrictTerm {
        guard extendedBy == nil else { throw .alreadyExtended }
        guard dedesignatedOn == nil else { throw .notOperating }
        guard decidedOn <= endsOn else { throw .notOperating }
        let maximum = try DistrictTermError.wrap { () throws(ParameterError) in
            try parameters.length("district.extension", at: decidedOn)
        }
        let newEnd = length.added(to: endsOn.adding(days: 1)).adding(days: -1)
        guard length.amount > 0, newEnd <= maximum.added(to: endsOn.adding(days: 1)).adding(days: -1) else {
            throw .extensionTooLong(maximum: maximum.englishText)
        }
        var next = self
        next.endsOn = newEnd
        next.extendedBy = ClockLengthRecord(length)
        return next
    }

    public func dedesignated(on day: CalendarDate, reason: String) throws(DistrictTermError) -> DistrictTerm {
        guard dedesignatedOn == nil, day <= endsOn, day > startsOn else { throw .notOperating }
        var next = self
        next.dedesignatedOn = day
        next.dedesignationReason = reason
        return next
    }
}

/// A clock length in a form that survives JSON (`{"unit": "years", "amount": 2}`).
public struct ClockLengthRecord: Hashable, Sendable, Codable {
    public let unit: String
    public let amount: Int

    public init(_ length: ClockLength) {
        unit = length.unit
        amount = length.amount
    }

    public var length: ClockLength? { ClockLength(unit: unit, amount: amount) }
}

public enum DistrictTermError: Error, Hashable, Sendable, CustomStringConvertible {
    case alreadyExtended, notOperating
    case extensionTooLong(maximum: String)
    /// A plan's last day must come after the designation.
    case endBeforeStart
    case parameter(String)

    public var code: String {
        switch self {
        case .alreadyExtended: return "already_extended"
        case .notOperating: return "district_not_operating"
        case .extensionTooLong: return "extension_too_long"
        case .endBeforeStart: return "term_end_before_start"
        case .parameter: return "parameter_missing"
        }
    }

    public var description: String {
        switch self {
        case .alreadyExtended: return "The district was already extended once; the Act allows one extension."
        case .notOperating: return "The district is not in operation on that date."
        case .extensionTooLong(let maximum): return "An extension may last at most \(maximum)."
        case .endBeforeStart: return "The plan's last day of designation must come after the designation day."
        case .parameter(let why): return why
        }
    }

    static func wrap<T>(_ body: () throws(ParameterError) -> T) throws(DistrictTermError) -> T {
        do { return try body() } catch { throw .parameter(String(describing: error)) }
    }
}

/// Annual evaluation grade from the panel score, thresholds from the parameters in force that year.
public enum AnnualGrade: String, Hashable, Sendable, Codable {
    case excellent, normal, poor

    public static func grade(
        score: Double, on day: CalendarDate, parameters: ParameterCatalog
    ) throws(DistrictTermError) -> AnnualGrade {
        let excellent = try DistrictTermError.wrap { () throws(ParameterError) in
            try parameters.value("districtEvaluation.excellentThreshold", at: day)
        }
        let poor = try DistrictTermError.wrap { () throws(ParameterError) in
            try parameters.value("districtEvaluation.poorThreshold", at: day)
        }
        if score >= Double(excellent.amount) { return .excellent }
        if score < Double(poor.amount) { return .poor }
        return .normal
    }
}
