/// Every effective-dated parameter the product uses, by key.
public struct ParameterCatalog: Sendable {
    public private(set) var parameters: [String: Parameter]

    public init(_ parameters: [Parameter]) {
        self.parameters = Dictionary(parameters.map { ($0.key, $0) }, uniquingKeysWith: { _, last in last })
    }

    public func parameter(_ key: String) throws(ParameterError) -> Parameter {
        guard let found = parameters[key] else { throw .unknownParameter(key: key) }
        return found
    }

    public func value(_ key: String, at date: CalendarDate) throws(ParameterError) -> ParameterValue {
        try parameter(key).value(at: date)
    }

    /// A duration parameter as a clock length.
    public func length(_ key: String, at date: CalendarDate) throws(ParameterError) -> ClockLength {
        let value = try value(key, at: date)
        guard let length = value.clockLength else {
            throw .unitMismatch(key: key, expected: "days|months|years", got: value.unit)
        }
        return length
    }

    /// An amount parameter in won.
    public func money(_ key: String, at date: CalendarDate) throws(ParameterError) -> Money {
        let value = try value(key, at: date)
        guard case .won(let money) = value else { throw .unitMismatch(key: key, expected: "won", got: value.unit) }
        return money
    }

    /// The version in force, or nil where the key is unknown or nothing is in force on `date`:
    /// for callers to whom "none" is an answer (a deadline that did not exist yet). It throws
    /// nothing, because the Swift 6.3 release build mis-releases a caught `ParameterError` and
    /// crashed the server (in `try?` and in do/catch alike).
    public func versionInForce(_ key: String, at date: CalendarDate) -> ParameterVersion? {
        parameters[key]?.versions.last { $0.covers(date) }
    }

    /// A duration parameter in force, or nil (see `versionInForce`).
    public func lengthInForce(_ key: String, at date: CalendarDate) -> ClockLength? {
        versionInForce(key, at: date)?.value.clockLength
    }

    public var sortedKeys: [String] { parameters.keys.sorted() }
}
