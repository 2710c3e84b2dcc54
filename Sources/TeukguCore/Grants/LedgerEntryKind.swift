/// What an entry of the grant ledger records. Each kind moves money only between the kinds of
/// account it names, so an entry cannot, say, pay a startup straight out of a budget.
public enum LedgerEntryKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// The appropriation funds a call's budget.
    case budget
    /// Part of a call's budget is set aside for a track.
    case allocation
    /// A signed agreement commits its award from the call's (or track's) budget.
    case commitment
    /// The committed award is scheduled as instalments.
    case scheduling
    /// An instalment's milestone report is approved: the instalment becomes payable.
    case approval
    /// An approved instalment is paid into the startup's project account.
    case payment
    /// The startup spends from its project account.
    case spending
    /// An amendment changes the award or reschedules instalments not yet approved.
    case amendment
    /// At settlement, what was committed and will never be paid returns to the budget.
    case settlement
    /// Misspent or unspent money is claimed back from the startup.
    case clawback
    /// Clawed-back money is received and returned to the Treasury.
    case recovery
    /// An earlier entry undone by the mirror entry (nothing is ever edited or deleted).
    case reversal

    /// The moves this kind of entry may make, as (from, to) account kinds. A reversal mirrors the
    /// entry it reverses, so it may make any move backwards.
    public var allowedMoves: Set<Move> {
        typealias K = LedgerAccount.Kind
        switch self {
        case .budget: return [Move(.appropriation, .callAvailable)]
        case .allocation: return [Move(.callAvailable, .trackAvailable)]
        case .commitment:
            return [Move(.callAvailable, .agreementCommitted), Move(.trackAvailable, .agreementCommitted)]
        case .scheduling: return [Move(.agreementCommitted, .instalmentScheduled)]
        case .approval: return [Move(.instalmentScheduled, .instalmentPayable)]
        case .payment: return [Move(.instalmentPayable, .projectAccount)]
        case .spending: return [Move(.projectAccount, .agreementSpent)]
        case .amendment:
            return [
                Move(.instalmentScheduled, .agreementCommitted), Move(.callAvailable, .agreementCommitted),
                Move(.trackAvailable, .agreementCommitted), Move(.agreementCommitted, .callAvailable),
                Move(.agreementCommitted, .trackAvailable),
            ]
        case .settlement:
            return Set(
                [K.agreementCommitted, .instalmentScheduled, .instalmentPayable].flatMap { from in
                    [Move(from, .callAvailable), Move(from, .trackAvailable)]
                })
        case .clawback: return [Move(.projectAccount, .clawbackDue), Move(.agreementSpent, .clawbackDue)]
        case .recovery: return [Move(.clawbackDue, .returned)]
        case .reversal:
            return Set(
                Self.allCases.filter { $0 != .reversal }.flatMap { kind in
                    kind.allowedMoves.map { Move($0.to, $0.from) }
                })
        }
    }

    public struct Move: Hashable, Sendable {
        public let from: LedgerAccount.Kind
        public let to: LedgerAccount.Kind

        public init(_ from: LedgerAccount.Kind, _ to: LedgerAccount.Kind) {
            self.from = from
            self.to = to
        }
    }
}
