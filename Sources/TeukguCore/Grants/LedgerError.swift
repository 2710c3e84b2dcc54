/// Why the ledger refused an entry. Nothing was written.
public enum LedgerError: Error, Equatable, Sendable {
    /// The amount is zero, negative or beyond `Money.maximumWon`.
    case invalidAmount
    /// This kind of entry may not move money between these accounts.
    case moveNotAllowed(kind: LedgerEntryKind, from: String, to: String)
    /// The account holds less than the entry takes from it (`available` is what it holds).
    case insufficientBalance(account: String, available: Money, requested: Money)
    /// The entry to reverse does not exist, is itself a reversal, or was already reversed.
    case notReversible
    /// A balance would no longer fit in 64 bits.
    case overflow

    /// Stable code for the API.
    public var code: String {
        switch self {
        case .invalidAmount: "invalid_amount"
        case .moveNotAllowed: "ledger_move_not_allowed"
        case .insufficientBalance: "insufficient_balance"
        case .notReversible: "entry_not_reversible"
        case .overflow: "amount_overflow"
        }
    }
}
