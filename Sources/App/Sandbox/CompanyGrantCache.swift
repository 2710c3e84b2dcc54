import Foundation
import RegulationEngine
import Vapor

/// The grants in use per company, kept in memory so a company's check costs a dictionary look-up
/// rather than a query (the check itself takes about a microsecond). A step on a case drops its
/// company's entry at once; entries also expire after `lifetime`, so a grant changed by another
/// server instance sharing the database applies here within that time.
final class CompanyGrantCache: @unchecked Sendable {
    private struct Entry {
        let loaded: ContinuousClock.Instant
        let grants: [CompanyGrant]
    }

    private let lock = NSLock()
    private var entries: [UUID: Entry] = [:]
    let lifetime: Duration
    /// Bounds the memory: past this many companies the cache starts again empty.
    let capacity: Int

    init(lifetime: Duration = .seconds(2), capacity: Int = 50_000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The company's grants in use in `district`, loaded by `load` (all districts at once) when the
    /// entry is missing or older than `lifetime`.
    func grants(
        company: UUID, district: String, load: () async throws -> [CompanyGrant]
    ) async throws -> [CompanyGrant] {
        let now = ContinuousClock.now
        if let entry = lock.withLock({ entries[company] }), now - entry.loaded < lifetime {
            return entry.grants.filter { $0.district == district }
        }
        let loaded = try await load()
        lock.withLock {
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[company] = Entry(loaded: now, grants: loaded)
        }
        return loaded.filter { $0.district == district }
    }

    func forget(company: UUID) {
        lock.withLock { _ = entries.removeValue(forKey: company) }
    }
}

extension Application {
    private struct CompanyGrantCacheKey: StorageKey { typealias Value = CompanyGrantCache }

    var companyGrants: CompanyGrantCache {
        if let existing = storage[CompanyGrantCacheKey.self] { return existing }
        let created = CompanyGrantCache()
        storage[CompanyGrantCacheKey.self] = created
        return created
    }
}
