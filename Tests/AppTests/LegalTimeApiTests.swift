import Fluent
import Testing
import TeukguCore
import Vapor
import VaporTesting

@testable import App

@Suite struct LegalTimeApiTests {
    func clock(_ app: Application, _ json: String) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(
            .POST, Endpoints.apiLegalClock.link(), headers: .json(), body: ByteBuffer(string: json))
    }

    @Test func theCalculatorAnswersWithADueDateAndItsSteps() async throws {
        try await withTeukgu { app in
            let response = try await clock(
                app, #"{"start":"2024-12-26","length":{"days":30},"rule":"civil-act","asOf":"2025-01-10"}"#)
            #expect(response.status == .ok)
            let result = try response.content.decode(LegalClockResultDTO.self)
            #expect(result.due == "2025-01-31")
            #expect(result.state == "running" && result.daysLeft == 21)
            #expect(result.steps.contains { $0.citation == "Civil Act art. 161" && $0.ko.contains("설날") })
        }
    }

    /// Lengths far beyond any legal period are refused with a 4xx, never an arithmetic trap.
    @Test func absurdLengthsAreRefusedNotCrashes() async throws {
        try await withTeukgu { app in
            for unit in ["days", "weeks", "months", "years", "workingHours"] {
                for amount in ["9223372036854775807", "100000000", "1000000"] {
                    let response = try await clock(
                        app, #"{"start":"2025-03-10","length":{"\#(unit)":\#(amount)},"rule":"civil-act"}"#)
                    #expect(
                        response.status.code >= 400 && response.status.code < 500,
                        "\(unit) \(amount): \(response.status)")
                }
            }
            let ordinary = try await clock(app, #"{"start":"2025-03-10","length":{"years":1},"rule":"civil-act"}"#)
            #expect(ordinary.status == .ok)
        }
    }

    @Test func pausesAndTheCivilPetitionsRuleAreHonoured() async throws {
        try await withTeukgu { app in
            let paused = try await clock(
                app,
                #"{"start":"2025-03-10","length":{"days":30},"rule":"civil-act","pauses":[{"from":"2025-03-30","to":"2025-04-02"}]}"#
            )
            #expect(try paused.content.decode(LegalClockResultDTO.self).due == "2025-04-14")
            let hours = try await clock(
                app,
                #"{"start":"2025-03-05","startTime":"15:00","length":{"workingHours":24},"rule":"civil-petitions-act"}"#
            )
            let result = try hours.content.decode(LegalClockResultDTO.self)
            #expect(result.due == "2025-03-10" && result.dueTime == "15:00")
        }
    }

    @Test func uncoveredYearsInvertedPausesAndUnknownRulesAreRefused() async throws {
        try await withTeukgu { app in
            let uncovered = try await clock(app, #"{"start":"2027-12-20","length":{"days":30},"rule":"civil-act"}"#)
            #expect(uncovered.status == .unprocessableEntity && errorCode(uncovered) == "holiday_table_not_covering")
            let inverted = try await clock(
                app,
                #"{"start":"2025-03-01","length":{"days":30},"rule":"civil-act","pauses":[{"from":"2025-03-20","to":"2025-03-10"}]}"#
            )
            #expect(inverted.status == .badRequest && errorCode(inverted) == "pause_inverted")
            let rule = try await clock(app, #"{"start":"2025-03-01","length":{"days":30},"rule":"lunar-act"}"#)
            #expect(errorCode(rule) == "unknown_rule")
            let twoLengths = try await clock(
                app, #"{"start":"2025-03-01","length":{"days":30,"weeks":1},"rule":"civil-act"}"#)
            #expect(errorCode(twoLengths) == "invalid_length")
            let badDate = try await clock(app, #"{"start":"2025-02-30","length":{"days":3},"rule":"civil-act"}"#)
            #expect(errorCode(badDate) == "invalid_date")
            let nestedUnknown = try await clock(
                app,
                #"{"start":"2025-03-01","length":{"days":3},"rule":"civil-act","pauses":[{"from":"2025-03-02","to":"2025-03-03","why":"x"}]}"#
            )
            #expect(errorCode(nestedUnknown) == "unknown_field")
        }
    }

    @Test func adminsAddParameterVersionsButNeverRewriteHistory() async throws {
        try await withTeukgu { app in
            let admin = try await app.bearerToken(for: "admin@teukgu.demo")
            let tomorrow = CalendarDate(instant: Date()).adding(days: 1).iso
            let body =
                #"{"unit":"days","amount":20,"effectiveFrom":"\#(tomorrow)","law":"Regional Special Zones Act","article":"art. 85(3)","note":"illustrative amendment"}"#
            let before = try await app.auditCount()
            let added = try await app.testing().sendRequest(
                .POST, Endpoints.apiAddParameterVersion.link([.key: "rapidConfirmation.answerPeriod"]),
                headers: .json(bearer: admin), body: ByteBuffer(string: body))
            #expect(added.status == .created)
            let parameter = try added.content.decode(ParameterDTO.self)
            #expect(parameter.versions.count == 2)
            #expect(parameter.versions[0].effectiveUntil == tomorrow)
            #expect(parameter.inForce?.amount == 30)
            #expect(try await app.auditCount() == before + 1)

            let retro = #"{"unit":"days","amount":10,"effectiveFrom":"2020-01-01","law":"X","article":"1"}"#
            let refused = try await app.testing().sendRequest(
                .POST, Endpoints.apiAddParameterVersion.link([.key: "rapidConfirmation.answerPeriod"]),
                headers: .json(bearer: admin), body: ByteBuffer(string: retro))
            #expect(refused.status == .unprocessableEntity && errorCode(refused) == "parameter_version_retroactive")
            let unknown = try await app.testing().sendRequest(
                .POST, Endpoints.apiAddParameterVersion.link([.key: "no.such"]), headers: .json(bearer: admin),
                body: ByteBuffer(string: body))
            #expect(unknown.status == .notFound)

            let officer = try await app.bearerToken(for: "officer@teukgu.demo")
            let forbidden = try await app.testing().sendRequest(
                .POST, Endpoints.apiAddParameterVersion.link([.key: "rapidConfirmation.answerPeriod"]),
                headers: .json(bearer: officer), body: ByteBuffer(string: body))
            #expect(forbidden.status == .forbidden)

            let asOf = try await app.testing().sendRequest(
                .GET, Endpoints.apiParameter.link([.key: "temporaryPermit.validity"]) + "?asOf=2026-07-01"
            ).content.decode(ParameterDTO.self)
            #expect(asOf.inForce?.amount == 3 && asOf.inForce?.unit == "years")
            #expect(asOf.inForce?.citation.article == "art. 90(11)")
        }
    }

    @Test func adminsEditTheHolidayTableAndDeadlinesFollow() async throws {
        try await withTeukgu { app in
            let admin = try await app.bearerToken(for: "admin@teukgu.demo")
            // A one-off holiday on Friday 2025-01-31 pushes the Seollal deadline to Monday 2025-02-03.
            let add = #"{"date":"2025-01-31","nameKorean":"임시공휴일","nameEnglish":"Temporary holiday","kind":"one-off"}"#
            let added = try await app.testing().sendRequest(
                .POST, Endpoints.apiHolidays.link(), headers: .json(bearer: admin), body: ByteBuffer(string: add))
            #expect(added.status == .created)
            let moved = try await clock(app, #"{"start":"2024-12-26","length":{"days":30},"rule":"civil-act"}"#)
            #expect(try moved.content.decode(LegalClockResultDTO.self).due == "2025-02-03")
            let again = try await app.testing().sendRequest(
                .POST, Endpoints.apiHolidays.link(), headers: .json(bearer: admin), body: ByteBuffer(string: add))
            #expect(again.status == .conflict)

            let removed = try await app.testing().sendRequest(
                .DELETE, Endpoints.apiDeleteHoliday.link([.date: "2025-01-31"]), headers: .bearer(admin))
            #expect(removed.status == .noContent)
            let back = try await clock(app, #"{"start":"2024-12-26","length":{"days":30},"rule":"civil-act"}"#)
            #expect(try back.content.decode(LegalClockResultDTO.self).due == "2025-01-31")

            let year =
                #"{"date":"2028-01-01","nameKorean":"신정","nameEnglish":"New Year's Day","kind":"fixed","completesYear":true}"#
            _ = try await app.testing().sendRequest(
                .POST, Endpoints.apiHolidays.link(), headers: .json(bearer: admin), body: ByteBuffer(string: year))
            let table = try await app.testing().sendRequest(.GET, Endpoints.apiHolidays.link() + "?year=2028").content
                .decode(HolidayTableDTO.self)
            #expect(table.coveredYears.contains(2028) && table.holidays.count == 1)
            #expect(try await AuditEntryRecord.query(on: app.db).filter(\.$action ~~ "holiday.").count() == 3)
        }
    }

    @Test func theCalculatorPageShowsTheClockWithItsExplanation() async throws {
        try await withTeukgu { app in
            var browser = BrowserSession(app: app)
            let page = try await browser.get(Endpoints.deadlinePage.link(), headers: ["Accept-Language": "en"])
            #expect(page.status == .ok)
            let csrf = try #require(BrowserSession.csrf(in: page.body.string))
            let result = try await browser.post(
                Endpoints.deadlinePage.link(),
                form: [
                    "csrf": csrf, "start": "2025-09-03", "amount": "30", "unit": "days", "rule": "civil-act",
                    "asOf": "2025-09-10",
                ])
            #expect(result.status == .ok)
            #expect(result.body.string.contains("2025-10-10"))
            #expect(result.body.string.contains("민법 제161조"))
            #expect(result.body.string.contains("<details>"))
            let bad = try await browser.post(
                Endpoints.deadlinePage.link(),
                form: ["csrf": csrf, "start": "2027-12-20", "amount": "30", "unit": "days", "rule": "civil-act"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("2028년"))
        }
    }

    @Test func theParameterAndHolidayPagesArePublicWithCitations() async throws {
        try await withTeukgu { app in
            let parameters = try await app.testing().sendRequest(
                .GET, Endpoints.parametersPage.link(), headers: ["Accept-Language": "en"])
            #expect(parameters.status == .ok)
            #expect(parameters.body.string.contains("Regional Special Zones Act art. 86(10)"))
            #expect(parameters.body.string.contains("2024-08-06"))
            #expect(parameters.body.string.contains("₩200,000,000"))
            let holidays = try await app.testing().sendRequest(
                .GET, Endpoints.holidaysPage.link(), headers: ["Accept-Language": "ko"])
            #expect(holidays.body.string.contains("추석"))
        }
    }
}
