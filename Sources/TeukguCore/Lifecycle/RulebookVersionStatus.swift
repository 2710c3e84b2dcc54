/// A rulebook version: a draft that can be checked and tried, then published from a date.
public enum RulebookVersionStatus: String, Lifecycle {
    case draft
    case published

    public enum Event: String, CaseIterable, Sendable {
        case publish
    }

    public static let lifecycleName = "rulebook_version"

    public func after(_ event: Event) -> RulebookVersionStatus? {
        switch (self, event) {
        case (.draft, .publish): .published
        default: nil
        }
    }

    public var isFinal: Bool { self == .published }
}
