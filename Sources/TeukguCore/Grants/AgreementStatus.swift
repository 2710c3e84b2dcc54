/// A grant agreement's lifecycle: drafted from a selection, signed (which commits the award),
/// amended while it runs (the state stays; the old terms are kept), terminated early or run to its
/// end, and then settled: paid, spent and unspent reconciled, and anything owed clawed back.
public enum AgreementStatus: String, Lifecycle {
    case draft
    case signed
    /// Ended early by the operating organisation, with a reason; settlement follows.
    case terminated
    /// Settlement is open: paid, spent and unspent are being reconciled.
    case settling
    case settled
    /// A draft withdrawn before signing: nothing was ever committed.
    case withdrawn

    public enum Event: String, Hashable, Sendable, CaseIterable {
        case sign, amend, terminate, withdraw
        case openSettlement = "open-settlement"
        case closeSettlement = "close-settlement"
    }

    public static let lifecycleName = "agreement"

    public func after(_ event: Event) -> AgreementStatus? {
        switch (self, event) {
        case (.draft, .sign): .signed
        case (.draft, .withdraw): .withdrawn
        case (.draft, .amend), (.signed, .amend): self
        case (.signed, .terminate): .terminated
        case (.signed, .openSettlement), (.terminated, .openSettlement): .settling
        case (.settling, .closeSettlement): .settled
        default: nil
        }
    }

    public var isFinal: Bool { self == .settled || self == .withdrawn }

    /// While signed and not yet settled, money may move under the agreement.
    public var isRunning: Bool { self == .signed || self == .terminated || self == .settling }
}
