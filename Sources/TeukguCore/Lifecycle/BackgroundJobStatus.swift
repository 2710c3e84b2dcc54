/// A job done in the background (a what-if run): queued, claimed by a worker, then finished or failed.
public enum BackgroundJobStatus: String, Lifecycle {
    case queued
    case running
    case finished
    case failed

    public enum Event: String, CaseIterable, Sendable {
        case claim
        case finish
        case fail
    }

    public static let lifecycleName = "job"

    public func after(_ event: Event) -> BackgroundJobStatus? {
        switch (self, event) {
        case (.queued, .claim): .running
        case (.running, .finish): .finished
        case (.queued, .fail), (.running, .fail): .failed
        default: nil
        }
    }

    public var isFinal: Bool { self == .finished || self == .failed }
}
