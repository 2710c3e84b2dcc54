import Fluent
import Foundation
import Testing
import TeukguCore
import Vapor
import VaporTesting

@testable import App

/// Partner benefits and outcomes: recorded by the partner, reported by the startup, confirmed by
/// the operating organisation, and counted in the cohort report (JSON, CSV and the page's charts).
@Suite struct GrantOutcomeTests {
    @Test func benefitsAndConfirmedOutcomesMakeTheCohortReport() async throws {
        try await withTeukgu { app in
            let f = try await GrantFixture.make(app)
            let agreement = try await f.signed()
            let path = [PathParameter.agreementID: agreement.id.uuidString]
            let nvidia = try await app.bearerToken(for: "nvidia@teukgu.demo")
            let credits = try await f.post(
                Endpoints.apiGrantBenefits.link(path), nvidia,
                #"{"kind":"credits","description":"DGX Cloud credits","value":100000,"currency":"usd","providedOn":"\#(f.today.iso)"}"#
            )
            #expect(credits.status == .created, "\(credits.body.string)")
            let noCurrency = try await f.post(
                Endpoints.apiGrantBenefits.link(path), nvidia,
                #"{"kind":"credits","description":"Credits","value":5,"providedOn":"\#(f.today.iso)"}"#)
            #expect(noCurrency.status == .unprocessableEntity)
            let mentoring = try await f.post(
                Endpoints.apiGrantBenefits.link(path), f.operatorToken,
                #"{"kind":"mentoring","description":"Go-to-market","sessions":6,"providedOn":"\#(f.today.iso)"}"#)
            #expect(mentoring.status == .created)
            let byStartup = try await f.post(
                Endpoints.apiGrantBenefits.link(path), f.startup,
                #"{"kind":"poc","description":"Self-declared","providedOn":"\#(f.today.iso)"}"#)
            #expect(byStartup.status == .forbidden)

            let outcome =
                #"{"period":"2026-H2","hires":4,"followOnInvestmentWon":1500000000,"revenueWon":300000000,"overseasRevenueWon":50000000,"acquisitions":0,"patents":2,"partnerPocs":1}"#
            let reported = try await f.post(Endpoints.apiGrantOutcomes.link(path), f.startup, outcome)
            #expect(reported.status == .created, "\(reported.body.string)")
            let twice = try await f.post(Endpoints.apiGrantOutcomes.link(path), f.startup, outcome)
            #expect(twice.status == .conflict)
            let inconsistent = try await f.post(
                Endpoints.apiGrantOutcomes.link(path), f.startup,
                outcome.replacingOccurrences(of: "2026-H2", with: "2026-H1")
                    .replacingOccurrences(
                        of: "\"overseasRevenueWon\":50000000", with: "\"overseasRevenueWon\":900000000"))
            #expect(inconsistent.status == .unprocessableEntity)

            // Not counted until confirmed.
            var report = try await app.testing().sendRequest(
                .GET, Endpoints.apiGrantCohortReport.link(query: ["year": "2026"]), headers: .bearer(f.officer)
            ).content.decode(GrantCohortReport.self)
            var row = try #require(report.rows.first { $0.trackID == f.trackID })
            #expect(row.startups == 1 && row.hires == 0 && row.credits["USD"] == 100_000 && row.mentoringSessions == 6)
            let outcomeID = try #require(try reported.content.decode(GrantStepResult.self).recordID)
            let confirmed = try await f.post(
                Endpoints.apiGrantOutcomeReview.link(path.merging([.outcomeID: outcomeID.uuidString]) { a, _ in a }),
                f.operatorToken, #"{"decision":"confirm"}"#)
            #expect(confirmed.status == .ok, "\(confirmed.body.string)")
            report = try await app.testing().sendRequest(
                .GET, Endpoints.apiGrantCohortReport.link(query: ["year": "2026"]), headers: .bearer(nvidia)
            ).content.decode(GrantCohortReport.self)
            row = try #require(report.rows.first { $0.trackID == f.trackID })
            #expect(row.hires == 4 && row.followOnInvestmentWon == 1_500_000_000 && row.awardWon == 150_000_000)
            #expect(report.rows.allSatisfy { $0.partnerID == "nvidia" })

            let csv = try await app.testing().sendRequest(
                .GET, Endpoints.apiGrantCohortReportCSV.link(query: ["year": "2026"]), headers: .bearer(f.officer))
            #expect(csv.headers.contentType?.subType == "csv")
            let lines = csv.body.string.split(separator: "\r\n")
            #expect(lines.first.map(String.init) == GrantCohortReport.csvColumns.joined(separator: ","))
            #expect(lines.contains { $0.contains("1500000000") && $0.contains("USD 100000") })
            let forbidden = try await app.testing().sendRequest(
                .GET, Endpoints.apiGrantCohortReport.link(query: ["year": "2026"]), headers: .bearer(f.startup))
            #expect(forbidden.status == .forbidden)
            let badYear = try await app.testing().sendRequest(
                .GET, Endpoints.apiGrantCohortReport.link(query: ["year": "nineteen"]), headers: .bearer(f.officer))
            #expect(badYear.status == .badRequest)

            var ministry = BrowserSession(app: app)
            _ = try await ministry.signIn("officer@teukgu.demo")
            let page = try await ministry.get(Endpoints.grantReportsPage.link(query: ["year": "2026"]))
            #expect(page.status == .ok && page.body.string.contains("<svg") && page.body.string.contains("<table"))
        }
    }
}

/// Receipts: a spending attaches the startup's own uploads; whoever reads the agreement reads them.
@Suite struct GrantReceiptTests {
    func upload(_ app: Application, _ token: String) async throws -> String {
        let response = try await DocumentTests().upload(app, token: token, body: DocumentTests.pdf, name: "receipt.pdf")
        return (try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])?["id"]
            as? String ?? ""
    }

    @Test func aSpendingCarriesItsReceiptsAndOnlyTheAgreementsReadersSeeThem() async throws {
        try await withTeukgu { app in
            let f = try await GrantFixture.make(app)
            let agreement = try await f.signed()
            try await f.approve(agreement.id, 1)
            _ = try await f.post(f.instalment(agreement.id, 1), f.operatorToken, #"{"event":"pay"}"#)
            let other = try await app.bearerToken(for: "startup2@teukgu.demo")
            let mine = try await upload(app, f.startup)
            let theirs = try await upload(app, other)
            let path = Endpoints.apiGrantSpendings.link([.agreementID: agreement.id.uuidString])
            let body =
                #"{"category":"materials","amountWon":1000000,"spentOn":"\#(f.today.iso)","description":"Parts","documentIDs":["RECEIPT"]}"#
            let foreign = try await f.post(path, f.startup, body.replacingOccurrences(of: "RECEIPT", with: theirs))
            #expect(foreign.status.code >= 400 && foreign.status.code < 500)
            let recorded = try await f.post(path, f.startup, body.replacingOccurrences(of: "RECEIPT", with: mine))
            #expect(recorded.status == .created, "\(recorded.body.string) \(mine)")
            let download = Endpoints.apiDocumentContent.link([.documentID: mine])
            let byOperator = try await app.testing().sendRequest(.GET, download, headers: .bearer(f.operatorToken))
            #expect(byOperator.status == .ok)
            let byOther = try await app.testing().sendRequest(.GET, download, headers: .bearer(other))
            #expect(byOther.status == .notFound || byOther.status == .forbidden)
        }
    }
}

/// A track's money terms: the ministry sets them; agreements drafted after use them; a budget in use stays.
@Suite struct GrantTrackTermsTests {
    @Test func theMinistrySetsATracksRatiosAndBudgetUntilAgreementsUseIt() async throws {
        try await withTeukgu { app in
            let f = try await GrantFixture.make(app)
            let path = Endpoints.apiTrackTerms.link([.trackID: f.trackID.uuidString])
            func put(_ token: String, _ body: String) async throws -> TestingHTTPResponse {
                try await app.testing().sendRequest(
                    .PUT, path, headers: .json(bearer: token), body: ByteBuffer(string: body))
            }
            #expect(
                try await put(f.operatorToken, #"{"governmentPercent":75,"cashPercent":5,"inKindPercent":20}"#).status
                    == .forbidden)
            #expect(
                try await put(f.officer, #"{"governmentPercent":75,"cashPercent":5,"inKindPercent":10}"#).status
                    == .unprocessableEntity)
            let set = try await put(
                f.officer, #"{"budgetWon":1000000000,"governmentPercent":75,"cashPercent":5,"inKindPercent":20}"#)
            #expect(set.status == .ok, "\(set.body.string)")
            let agreement = try await f.signed(award: 150_000_000)
            #expect(agreement.ratios.governmentPercent == 75 && agreement.totalCostWon == 200_000_000)
            #expect(agreement.selfCashWon == 10_000_000 && agreement.selfInKindWon == 40_000_000)
            let inUse = try await put(
                f.officer, #"{"budgetWon":2000000000,"governmentPercent":75,"cashPercent":5,"inKindPercent":20}"#)
            #expect(inUse.status == .conflict && errorCode(inUse) == "track_budget_in_use")
            let budget = try await LedgerStore.balances([.trackAvailable(f.trackID)], on: app.db)
            #expect(budget[.trackAvailable(f.trackID)] == Money(won: 850_000_000))
        }
    }
}
