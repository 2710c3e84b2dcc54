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

    public var sortedKeys: [String] { parameters.keys.sorted() }
}
