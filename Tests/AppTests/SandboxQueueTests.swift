import Fluent
import Foundation
import Testing
import TeukguCore
import Vapor
import VaporTesting

@testable import App

/// Each party's queue comes soonest due first, a page at a time, with due-soon and overdue counts
/// read from the due day stored on each case.
@Suite struct SandboxQueueTests {
    let cases = SandboxCaseTests()

    @Test func theMinistrysQueueIsSoonestDueFirstPagedAndCounted() async throws {
        try await withTeukgu { app in
            try await clearSandboxCases(app)
            let startup = try await app.bearerToken(for: "startup@teukgu.demo")
            let busan = try await app.bearerToken(for: "busan@teukgu.demo")
            let officer = try await app.bearerToken(for: "officer@teukgu.demo")
            func day(_ iso: String) {
                app.clock = FixedClock(CalendarDate(iso: iso)!.startInstant.addingTimeInterval(10 * 3600))
            }
            day("2026-03-30")
            var filed: [UUID] = []
            for _ in 0..<3 {
                let dto = try await cases.file(app, token: startup)
                try await cases.step(app, dto.id, busan, #"{"event":"forward"}"#)
                filed.append(dto.id)
            }
            day("2026-05-04")
            var dues: [String: String] = [:]
            for (id, notified) in zip(filed, ["2026-04-20", "2026-04-01", "2026-04-28"]) {
                let dto = try await cases.step(app, id, officer, #"{"event":"notify","on":"\#(notified)"}"#)
                    .content.decode(SandboxCaseDTO.self)
                dues[dto.number] = try #require(dto.clock?.due)
            }
            // One more waits at the ministry without a clock yet: it comes last.
            let unclocked = try await cases.file(app, token: startup)
            try await cases.step(app, unclocked.id, busan, #"{"event":"forward"}"#)
            func queue(_ page: Int) async throws -> SandboxCaseListPage {
                try await app.testing().sendRequest(
                    .GET, Endpoints.apiSandboxCases.link() + "?waiting=true&perPage=2&page=\(page)",
                    headers: .bearer(officer)
                ).content.decode(SandboxCaseListPage.self)
            }
            let first = try await queue(1)
            let second = try await queue(2)
            #expect(first.total == 4 && first.cases.count == 2 && second.cases.count == 2)
            let order = (first.cases + second.cases).map { $0.dueOn ?? "none" }
            #expect(order == dues.values.sorted() + ["none"])
            // A page of one at a time walks the same order, across the boundary to the case without a clock.
            var single: [String] = []
            for page in 1...5 {
                let one = try await app.testing().sendRequest(
                    .GET, Endpoints.apiSandboxCases.link() + "?waiting=true&perPage=1&page=\(page)",
                    headers: .bearer(officer)
                ).content.decode(SandboxCaseListPage.self)
                #expect(one.total == 4)
                single += one.cases.map { $0.dueOn ?? "none" }
            }
            #expect(single == order)
            // Every case the company may see, newest first; the region sees its own.
            let mine = try await app.testing().sendRequest(
                .GET, Endpoints.apiSandboxCases.link(), headers: .bearer(startup)
            ).content.decode(SandboxCaseListPage.self)
            #expect(mine.total == 4 && mine.cases.first?.id == unclocked.id)
            let stamps = mine.cases.map { $0.filedAt ?? "" }
            #expect(stamps == stamps.sorted().reversed())
            let regional = try await app.testing().sendRequest(
                .GET, Endpoints.apiSandboxCases.link(), headers: .bearer(busan)
            ).content.decode(SandboxCaseListPage.self)
            #expect(regional.total == 4 && regional.cases.allSatisfy { $0.regionID == "busan" })
            let stored = try await SandboxCaseRecord.query(on: app.db).all().compactMap(\.dueOn).sorted()
            #expect(stored == dues.values.sorted())
            // Due within 7 days of 2026-05-04, and overdue, as the counts on the ministry's page say.
            let officerRecord = try #require(
                try await AccountRecord.query(on: app.db).filter(\.$email == "officer@teukgu.demo").first())
            let account = try #require(CurrentAccount(record: officerRecord, viaToken: true))
            let counts = try await SandboxQueue.dueCounts(
                to: account, today: CalendarDate(iso: "2026-05-04")!, on: app.db)
            let soon = dues.values.filter { $0 >= "2026-05-04" && $0 <= "2026-05-11" }.count
            let late = dues.values.filter { $0 < "2026-05-04" }.count
            #expect(counts.dueSoon == soon && counts.overdue == late && soon + late > 0)
            let bad = try await app.testing().sendRequest(
                .GET, Endpoints.apiSandboxCases.link() + "?page=99999999999999", headers: .bearer(officer))
            #expect(bad.status == .badRequest)
        }
    }
}

/// The list's JSON, as a client reads it.
struct SandboxCaseListPage: Decodable {
    let cases: [SandboxCaseSummary]
    let page: Int
    let perPage: Int
    let total: Int
}
