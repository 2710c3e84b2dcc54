import Foundation
import RegulationEngine
import Testing
import TeukguCore

@testable import App

@Suite struct CompanyGrantCacheTests {
    final class Loads: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        var count: Int { lock.withLock { value } }
        func add() { lock.withLock { value += 1 } }
    }

    static let grants = [
        CompanyGrant(
            caseNumber: "SB-1", district: "busan-marine-mobility", exempts: ["national.a"],
            validFrom: CalendarDate(iso: "2026-01-01")!, validUntil: CalendarDate(iso: "2027-01-01")!, conditions: []),
        CompanyGrant(
            caseNumber: "SB-2", district: "gangwon-digital-health", exempts: ["national.b"],
            validFrom: CalendarDate(iso: "2026-01-01")!, validUntil: CalendarDate(iso: "2027-01-01")!, conditions: []),
    ]

    @Test func aCompanyIsLoadedOnceUntilAStepForgetsItAndOnlyItsDistrictIsAnswered() async throws {
        let cache = CompanyGrantCache(lifetime: .seconds(3_600))
        let loads = Loads()
        let company = UUID()
        let load: () async throws -> [CompanyGrant] = {
            loads.add()
            return Self.grants
        }
        let first = try await cache.grants(company: company, district: "busan-marine-mobility", load: load)
        let second = try await cache.grants(company: company, district: "gangwon-digital-health", load: load)
        #expect(first.map(\.caseNumber) == ["SB-1"] && second.map(\.caseNumber) == ["SB-2"])
        #expect(loads.count == 1)
        cache.forget(company: company)
        _ = try await cache.grants(company: company, district: "busan-marine-mobility", load: load)
        #expect(loads.count == 2)
        // Another company is loaded on its own.
        #expect(try await cache.grants(company: UUID(), district: "busan-marine-mobility") { [] }.isEmpty)
    }

    @Test func entriesExpireSoAnotherInstancesChangeIsSeen() async throws {
        let cache = CompanyGrantCache(lifetime: .zero)
        let loads = Loads()
        let company = UUID()
        for _ in 0..<3 {
            _ = try await cache.grants(company: company, district: "x") {
                loads.add()
                return []
            }
        }
        #expect(loads.count == 3)
    }

    @Test func theCacheStaysWithinItsCapacity() async throws {
        let cache = CompanyGrantCache(lifetime: .seconds(3_600), capacity: 2)
        let loads = Loads()
        let companies = [UUID(), UUID(), UUID()]
        for company in companies + [companies[0]] {
            _ = try await cache.grants(company: company, district: "x") {
                loads.add()
                return []
            }
        }
        // The third company emptied the cache, so the first is loaded again.
        #expect(loads.count == 4)
    }
}
