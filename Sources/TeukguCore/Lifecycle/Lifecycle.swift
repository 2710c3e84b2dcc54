/// A record's lifecycle as data: its states, the events that move it, and which moves are allowed.
///
/// Every programme's record (a call, an application, a panel, an assignment, and the sandbox cases
/// and grant agreements to come) declares one of these; the App stores the state as a typed field and
/// asks `applying(_:)` before it changes anything, so a forbidden move is refused in one place.
public protocol Lifecycle: Hashable, Sendable, Codable, CaseIterable, RawRepresentable where RawValue == String {
    associatedtype Event: Hashable, Sendable, RawRepresentable where Event.RawValue == String
    /// The name of the lifecycle in errors and the audit log, e.g. `application`.
    static var lifecycleName: String { get }
    /// The state `event` leads to from here, or nil when the lifecycle forbids it.
    func after(_ event: Event) -> Self?
    /// States from which nothing moves on.
    var isFinal: Bool { get }
}

extension Lifecycle {
    /// The state after `event`, or a typed refusal naming the state and the event.
    public func applying(_ event: Event) throws(TransitionError) -> Self {
        guard let next = after(event) else {
            throw TransitionError(lifecycle: Self.lifecycleName, from: rawValue, event: event.rawValue)
        }
        return next
    }

    /// Whether `event` is allowed from here.
    public func allows(_ event: Event) -> Bool { after(event) != nil }

    public var isFinal: Bool { false }

    /// Every event allowed from this state, for pages that offer only the actions that can work.
    public static func events(from state: Self) -> [Event] where Event: CaseIterable {
        Event.allCases.filter { state.allows($0) }
    }
}

/// A move the lifecycle forbids: `event` is not allowed from state `from`.
public struct TransitionError: Error, Equatable, Sendable, CustomStringConvertible {
    public let lifecycle: String
    public let from: String
    public let event: String

    public init(lifecycle: String, from: String, event: String) {
        self.lifecycle = lifecycle
        self.from = from
        self.event = event
    }

    /// Stable error code for the API, e.g. `application_transition_not_allowed`.
    public var code: String { "\(lifecycle)_transition_not_allowed" }

    public var description: String { "A \(lifecycle) that is '\(from)' cannot '\(event)'." }
}
