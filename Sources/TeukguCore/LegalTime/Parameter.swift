/// One version of a parameter: its value from a date (inclusive) until a date (exclusive), and why.
public struct ParameterVersion: Hashable, Sendable {
    public let value: ParameterValue
    public let effectiveFrom: CalendarDate
    /// Exclusive; nil while no later version has been set.
    public let effectiveUntil: CalendarDate?
    public let citation: Citation

    public init(
        value: ParameterValue, effectiveFrom: CalendarDate, effectiveUntil: CalendarDate? = nil, citation: Citation
    ) {
        self.value = value
        self.effectiveFrom = effectiveFrom
        self.effectiveUntil = effectiveUntil
        self.citation = citation
    }

    public func covers(_ date: CalendarDate) -> Bool {
        date >= effectiveFrom && (effectiveUntil.map { date < $0 } ?? true)
    }
}

/// A fact set by law that has changed over time, such as how long a demonstration exemption lasts.
public struct Parameter: Hashable, Sendable {
    public let key: String
    public let titleKorean: String
    public let titleEnglish: String
    /// Sorted by `effectiveFrom`, never overlapping.
    public private(set) var versions: [ParameterVersion]

    public init(key: String, titleKorean: String, titleEnglish: String, versions: [ParameterVersion]) {
        self.key = key
        self.titleKorean = titleKorean
        self.titleEnglish = titleEnglish
        self.versions = versions.sorted { $0.effectiveFrom < $1.effectiveFrom }
    }

    /// The version in force on the date that matters (grant date, application date, …).
    public func version(at date: CalendarDate) throws(ParameterError) -> ParameterVersion {
        guard let found = versions.last(where: { $0.covers(date) }) else {
            throw .noVersionInForce(key: key, date: date)
        }
        return found
    }

    public func value(at date: CalendarDate) throws(ParameterError) -> ParameterValue {
        try version(at: date).value
    }

    /// Adds a version that takes over from `effectiveFrom`, closing the open-ended version before it.
    ///
    /// History is never rewritten: a version may not start before `today` (it would change answers
    /// already given) nor before or on the latest version's start.
    public func addingVersion(
        value: ParameterValue, effectiveFrom: CalendarDate, citation: Citation, today: CalendarDate
    ) throws(ParameterError) -> Parameter {
        guard effectiveFrom >= today else { throw .retroactive(key: key, effectiveFrom: effectiveFrom, today: today) }
        if let last = versions.last {
            guard effectiveFrom > last.effectiveFrom else {
                throw .notAfterLatest(key: key, latest: last.effectiveFrom)
            }
            guard last.value.unit == value.unit else {
                throw .unitMismatch(key: key, expected: last.value.unit, got: value.unit)
            }
            if let until = last.effectiveUntil, until < effectiveFrom {
                throw .gap(key: key, from: until, to: effectiveFrom)
            }
        }
        var copy = self
        if let last = copy.versions.popLast() {
            copy.versions.append(
                ParameterVersion(
                    value: last.value, effectiveFrom: last.effectiveFrom, effectiveUntil: effectiveFrom,
                    citation: last.citation))
        }
        copy.versions.append(ParameterVersion(value: value, effectiveFrom: effectiveFrom, citation: citation))
        return copy
    }
}

public enum ParameterError: Error, Equatable {
    /// No version of the parameter covers the date asked about.
    case noVersionInForce(key: String, date: CalendarDate)
    /// The catalogue has no parameter with this key.
    case unknownParameter(key: String)
    /// A new version would start before today and so rewrite answers already given.
    case retroactive(key: String, effectiveFrom: CalendarDate, today: CalendarDate)
    /// A new version must start after the latest one.
    case notAfterLatest(key: String, latest: CalendarDate)
    /// A new version must keep the unit of the versions before it.
    case unitMismatch(key: String, expected: String, got: String)
    /// The new version would leave days that no version covers.
    case gap(key: String, from: CalendarDate, to: CalendarDate)
}
