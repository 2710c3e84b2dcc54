import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Recently verified bearer tokens, so a busy API client costs one database lookup every few
/// seconds instead of one per request. A revocation on this instance takes effect at once; other
/// instances sharing the database notice within `lifetime`.
final class TokenCache: Sendable {
    struct Entry: Sendable {
        let account: CurrentAccount
        let tokenID: UUID
        let verifiedAt: Date
    }

    static let lifetime: TimeInterval = 5
    private static let maximumEntries = 10_000
    private let entries = NIOLockedValueBox<[String: Entry]>([:])
    /// Counts revocations. A lookup notes it before reading the database and caches its answer only
    /// if no revocation came in between, so a read in flight cannot put a revoked token back.
    private let revocations = NIOLockedValueBox<Int>(0)

    var revocationCount: Int { revocations.withLockedValue { $0 } }

    func lookup(hash: String, now: Date) -> Entry? {
        entries.withLockedValue { table in
            guard let entry = table[hash] else { return nil }
            guard now.timeIntervalSince(entry.verifiedAt) < Self.lifetime else {
                table[hash] = nil
                return nil
            }
            return entry
        }
    }

    /// Caches `entry` unless a revocation happened since `revocationCount` was read as `seen`.
    func store(hash: String, _ entry: Entry, ifNoRevocationSince seen: Int) {
        revocations.withLockedValue { count in
            guard count == seen else { return }
            entries.withLockedValue { table in
                if table.count >= Self.maximumEntries { table.removeAll(keepingCapacity: true) }
                table[hash] = entry
            }
        }
    }

    /// Forgets every token of an account (a revocation, a deactivation, a role change).
    func forget(account: UUID) {
        revocations.withLockedValue { count in
            count += 1
            entries.withLockedValue { table in table = table.filter { $0.value.account.id != account } }
        }
    }
}

extension Application {
    private struct TokenCacheKey: StorageKey { typealias Value = TokenCache }

    var tokenCache: TokenCache {
        if let existing = storage[TokenCacheKey.self] { return existing }
        let created = TokenCache()
        storage[TokenCacheKey.self] = created
        return created
    }
}
