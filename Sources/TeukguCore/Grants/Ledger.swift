/// The grant ledger's rules, and an in-memory ledger that follows them. The App keeps the real
/// ledger in the database, where the same rules hold inside each transaction; this one is the
/// simple reference its property test compares against, and the place the rules are written down.
///
/// Functions throw `LedgerError` untyped: the Swift 6.3 release build mis-releases some caught
/// typed errors (see `ParameterCatalog.versionInForce`).
public struct Ledger: Sendable {
    /// One entry: money moved from one account to another. Two legs of equal size, so every entry
    /// balances by construction.
    public struct Entry: Hashable, Sendable {
        public let kind: LedgerEntryKind
        public let from: LedgerAccount
        public let to: LedgerAccount
        public let amount: Money
        /// For a reversal, the index of the entry it undoes.
        public let reverses: Int?
    }

    public private(set) var entries: [Entry] = []
    private var balances: [LedgerAccount: Int64] = [:]
    private var reversed: Set<Int> = []

    public init() {}

    public func balance(_ account: LedgerAccount) -> Money { Money(won: balances[account] ?? 0) }

    /// Every account that has ever moved, with its balance.
    public var allBalances: [LedgerAccount: Money] { balances.mapValues { Money(won: $0) } }

    /// Refuses an entry whose shape the rules forbid, whatever the balances.
    public static func checkShape(
        kind: LedgerEntryKind, from: LedgerAccount, to: LedgerAccount, amount: Money
    ) throws {
        guard amount.won > 0, amount.won <= Money.maximumWon else { throw LedgerError.invalidAmount }
        guard from != to, kind.allowedMoves.contains(.init(from.kind, to.kind)) else {
            throw LedgerError.moveNotAllowed(kind: kind, from: from.key, to: to.key)
        }
    }

    /// Records an entry, or refuses it and changes nothing. Returns the entry's index.
    @discardableResult
    public mutating func post(
        _ kind: LedgerEntryKind, from: LedgerAccount, to: LedgerAccount, amount: Money
    ) throws -> Int {
        guard kind != .reversal else { throw LedgerError.notReversible }
        return try move(Entry(kind: kind, from: from, to: to, amount: amount, reverses: nil))
    }

    /// Undoes an earlier entry with its mirror; an entry is reversed at most once.
    @discardableResult
    public mutating func reverse(_ index: Int) throws -> Int {
        guard entries.indices.contains(index), entries[index].kind != .reversal, !reversed.contains(index) else {
            throw LedgerError.notReversible
        }
        let original = entries[index]
        let position = try move(
            Entry(kind: .reversal, from: original.to, to: original.from, amount: original.amount, reverses: index))
        reversed.insert(index)
        return position
    }

    private mutating func move(_ entry: Entry) throws -> Int {
        try Self.checkShape(kind: entry.kind, from: entry.from, to: entry.to, amount: entry.amount)
        let held = balances[entry.from] ?? 0
        if !entry.from.mayRunNegative && held < entry.amount.won {
            throw LedgerError.insufficientBalance(
                account: entry.from.key, available: Money(won: held), requested: entry.amount)
        }
        let (received, overflow) = (balances[entry.to] ?? 0).addingReportingOverflow(entry.amount.won)
        let (left, underflow) = held.subtractingReportingOverflow(entry.amount.won)
        if overflow || underflow { throw LedgerError.overflow }
        balances[entry.from] = left
        balances[entry.to] = received
        entries.append(entry)
        return entries.count - 1
    }
}
