import Fluent
import Foundation
import SQLKit
import TeukguCore

/// The grant ledger in the database. Each entry is written inside the caller's transaction with
/// its two balance changes; the taking side is a conditional update that only succeeds when the
/// account holds enough, so no interleaving of concurrent requests can overdraw an account, on
/// SQLite (one writer at a time) or PostgreSQL (the balance row is locked until commit).
enum LedgerStore {
    static let balances = "ledger_balances"

    struct Posting {
        var kind: LedgerEntryKind
        var from: LedgerAccount
        var to: LedgerAccount
        var amount: Money
        var callID: UUID?
        var agreementID: UUID?
        var reference: String?
        var memo: String
        var reverses: UUID? = nil
    }

    /// An entry as written, with the balances of its two accounts right after it.
    struct Posted {
        let entry: LedgerEntryRecord
        let fromBalance: Money
        let toBalance: Money
    }

    /// Records one entry and moves its money, or throws and leaves the transaction to roll back.
    /// Must run inside a transaction.
    @discardableResult
    static func post(
        _ posting: Posting, by account: UUID, at now: Date, on database: any Database
    ) async throws -> LedgerEntryRecord {
        try await postWithBalances(posting, by: account, at: now, on: database).entry
    }

    static func postWithBalances(
        _ posting: Posting, by account: UUID, at now: Date, on database: any Database
    ) async throws -> Posted {
        guard let sql = database as? any SQLDatabase else {
            throw AppError(.serviceUnavailable, "no_sql_database", "The ledger needs an SQL database.")
        }
        try Ledger.checkShape(kind: posting.kind, from: posting.from, to: posting.to, amount: posting.amount)
        let fromBalance = try await take(posting.amount, from: posting.from, on: sql)
        let toBalance = try await give(posting.amount, to: posting.to, on: sql)
        let entry = LedgerEntryRecord()
        entry.id = UUID()
        entry.kind = posting.kind
        entry.fromAccount = posting.from.key
        entry.toAccount = posting.to.key
        entry.amountWon = posting.amount.won
        entry.callID = posting.callID
        entry.agreementID = posting.agreementID
        entry.reference = posting.reference
        entry.memo = posting.memo
        entry.reversesID = posting.reverses
        entry.createdBy = account
        entry.createdAt = now
        // SQL rather than the model's create: the ledger's hot path, where Fluent's reflection over
        // the model costs more than the insert.
        try await sql.insert(into: LedgerEntryRecord.schema)
            .columns(
                "id", "kind", "from_account", "to_account", "amount_won", "call_id", "agreement_id", "reference",
                "memo",
                "reverses_id", "created_by", "created_at"
            )
            .values(
                SQLBind(entry.id), SQLBind(posting.kind.rawValue), SQLBind(entry.fromAccount), SQLBind(entry.toAccount),
                SQLBind(entry.amountWon), SQLBind(entry.callID), SQLBind(entry.agreementID), SQLBind(entry.reference),
                SQLBind(entry.memo), SQLBind(entry.reversesID), SQLBind(account), SQLBind(now)
            ).run()
        return Posted(entry: entry, fromBalance: Money(won: fromBalance), toBalance: Money(won: toBalance))
    }

    /// Undoes an entry with its mirror. An entry is reversed at most once (a unique index on
    /// `reverses_id` holds that even against a concurrent second reversal).
    static func reverse(
        _ entryID: UUID, memo: String, by account: UUID, at now: Date, on database: any Database
    ) async throws -> LedgerEntryRecord {
        guard let original = try await LedgerEntryRecord.find(entryID, on: database), original.kind != .reversal,
            let from = LedgerAccount(key: original.fromAccount), let to = LedgerAccount(key: original.toAccount)
        else { throw LedgerError.notReversible }
        let already = try await LedgerEntryRecord.query(on: database).filter(\.$reversesID == entryID).count()
        guard already == 0 else { throw LedgerError.notReversible }
        return try await post(
            Posting(
                kind: .reversal, from: to, to: from, amount: Money(won: original.amountWon), callID: original.callID,
                agreementID: original.agreementID, reference: original.reference, memo: memo, reverses: entryID),
            by: account, at: now, on: database)
    }

    /// The balance of each account asked for (zero for one that never moved).
    static func balances(
        _ accounts: [LedgerAccount], on database: any Database
    ) async throws -> [LedgerAccount: Money] {
        guard let sql = database as? any SQLDatabase, !accounts.isEmpty else { return [:] }
        struct Row: Decodable {
            let account: String
            let balance_won: Int64
        }
        let rows = try await sql.select().columns("account", "balance_won").from(balances)
            .where("account", .in, SQLBind.group(accounts.map(\.key))).all(decoding: Row.self)
        var found = Dictionary(uniqueKeysWithValues: accounts.map { ($0, Money.zero) })
        for row in rows {
            if let account = LedgerAccount(key: row.account) { found[account] = Money(won: row.balance_won) }
        }
        return found
    }

    /// Creates a call's budget account, funded from the appropriation, the first time the call's
    /// money is touched; exactly once however many requests race to do it.
    static func fundCallIfNeeded(
        _ call: CollaborationCallRecord, by account: UUID, at now: Date, on database: any Database
    ) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        let callID = try call.requireID()
        struct Created: Decodable { let account: String }
        let created = try await sql.raw(
            """
            INSERT INTO \(ident: balances) (account, balance_won) VALUES (\(bind: LedgerAccount.callAvailable(callID).key), 0)
            ON CONFLICT (account) DO NOTHING RETURNING account
            """
        ).all(decoding: Created.self)
        guard !created.isEmpty else { return }
        try await post(
            Posting(
                kind: .budget, from: .appropriation, to: .callAvailable(callID), amount: Money(won: call.budgetWon),
                callID: callID, agreementID: nil, reference: nil, memo: "Budget of call \(call.year)"),
            by: account, at: now, on: database)
    }

    /// Sets a track's share of its call's budget aside, the first time the track's money is used.
    static func allocateTrackIfNeeded(
        _ trackID: UUID, budget: Money, from callID: UUID, by account: UUID, at now: Date, on database: any Database
    ) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        struct Created: Decodable { let account: String }
        let created = try await sql.raw(
            """
            INSERT INTO \(ident: balances) (account, balance_won) VALUES (\(bind: LedgerAccount.trackAvailable(trackID).key), 0)
            ON CONFLICT (account) DO NOTHING RETURNING account
            """
        ).all(decoding: Created.self)
        guard !created.isEmpty else { return }
        try await post(
            Posting(
                kind: .allocation, from: .callAvailable(callID), to: .trackAvailable(trackID), amount: budget,
                callID: callID, agreementID: nil, reference: nil, memo: "Track budget"),
            by: account, at: now, on: database)
    }

    // MARK: The two legs

    private struct Balance: Decodable { let balance_won: Int64 }

    /// Takes `amount` from the account and answers its new balance.
    private static func take(
        _ amount: Money, from account: LedgerAccount, on sql: any SQLDatabase
    ) async throws -> Int64 {
        if account.mayRunNegative {
            let (floor, _) = Int64.min.addingReportingOverflow(amount.won)
            let rows = try await sql.raw(
                """
                INSERT INTO \(ident: balances) (account, balance_won) VALUES (\(bind: account.key), \(bind: -amount.won))
                ON CONFLICT (account) DO UPDATE SET balance_won = \(ident: balances).balance_won - \(bind: amount.won)
                WHERE \(ident: balances).balance_won >= \(bind: floor) RETURNING balance_won
                """
            ).all(decoding: Balance.self)
            guard let row = rows.first else { throw LedgerError.overflow }
            return row.balance_won
        }
        let rows = try await sql.raw(
            """
            UPDATE \(ident: balances) SET balance_won = balance_won - \(bind: amount.won)
            WHERE account = \(bind: account.key) AND balance_won >= \(bind: amount.won) RETURNING balance_won
            """
        ).all(decoding: Balance.self)
        if let row = rows.first { return row.balance_won }
        let held =
            try await sql.select().column("balance_won").from(balances)
            .where("account", .equal, SQLBind(account.key)).first(decoding: Balance.self)?.balance_won ?? 0
        throw LedgerError.insufficientBalance(account: account.key, available: Money(won: held), requested: amount)
    }

    /// Gives `amount` to the account and answers its new balance.
    private static func give(_ amount: Money, to account: LedgerAccount, on sql: any SQLDatabase) async throws -> Int64
    {
        let ceiling = Int64.max - amount.won
        let rows = try await sql.raw(
            """
            INSERT INTO \(ident: balances) (account, balance_won) VALUES (\(bind: account.key), \(bind: amount.won))
            ON CONFLICT (account) DO UPDATE SET balance_won = \(ident: balances).balance_won + \(bind: amount.won)
            WHERE \(ident: balances).balance_won <= \(bind: ceiling) RETURNING balance_won
            """
        ).all(decoding: Balance.self)
        guard let row = rows.first else { throw LedgerError.overflow }
        return row.balance_won
    }
}
