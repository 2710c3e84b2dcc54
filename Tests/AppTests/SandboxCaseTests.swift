import Fluent
import Foundation
import Testing
import TeukguCore
import Vapor
import VaporTesting

@testable import App

/// Sandbox cases end to end over the API and the pages: routing, clocks, the deemed answer and
/// its settling by exactly one instance.
@Suite struct SandboxCaseTests {
    static let district = "busan-marine-mobility"

    func file(
        _ app: Application, token: String, kind: SandboxCaseKind = .rapidConfirmation
    ) async throws -> SandboxCaseDTO {
        let body = """
            {"kind":"\(kind.rawValue)","districtID":"\(Self.district)","title":"Ammonia bunkering at the north quay",
             "activity":"Ship-to-ship ammonia bunkering","question":"Is a hazardous-chemicals permit needed?"}
            """
        let response = try await app.testing().sendRequest(
            .POST, Endpoints.apiFileSandboxCase.link(), headers: .json(bearer: token), body: ByteBuffer(string: body))
        #expect(response.status == .created, "\(response.body.string)")
        return try response.content.decode(SandboxCaseDTO.self)
    }

    @discardableResult
    func step(
        _ app: Application, _ id: UUID, _ token: String, _ body: String, expect status: HTTPStatus = .ok
    ) async throws -> TestingHTTPResponse {
        let response = try await app.testing().sendRequest(
            .POST, Endpoints.apiSandboxCaseEvent.link([.caseID: id.uuidString]), headers: .json(bearer: token),
            body: ByteBuffer(string: body))
        #expect(response.status == status, "\(body) → \(response.body.string)")
        return response
    }

    func fetch(_ app: Application, _ id: UUID, _ token: String) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(
            .GET, Endpoints.apiSandboxCase.link([.caseID: id.uuidString]), headers: .bearer(token))
    }

    @Test func aRapidConfirmationRoutesThroughEveryPartyAndEachSeesOnlyItsStep() async throws {
        try await withTeukgu { app in
            let startup = try await app.bearerToken(for: "startup@teukgu.demo")
            let busan = try await app.bearerToken(for: "busan@teukgu.demo")
            let officer = try await app.bearerToken(for: "officer@teukgu.demo")
            let committee = try await app.bearerToken(for: "committee@teukgu.demo")
            let partner = try await app.bearerToken(for: "nvidia@teukgu.demo")
            let filed = try await file(app, token: startup)
            #expect(filed.status == .atRegion && filed.number.hasPrefix("SB-"))
            #expect(filed.allowedEvents == ["withdraw"])
            // The region sees it waiting; the partner may not even look; the committee does not see it yet.
            let waiting = try await app.testing().sendRequest(
                .GET, Endpoints.apiSandboxCases.link() + "?waiting=true", headers: .bearer(busan))
            #expect(waiting.body.string.contains(filed.number))
            #expect(try await fetch(app, filed.id, partner).status == .forbidden)
            #expect(try await fetch(app, filed.id, committee).status == .notFound)
            try await step(app, filed.id, startup, #"{"event":"forward"}"#, expect: .forbidden)
            try await step(app, filed.id, busan, #"{"event":"deem"}"#, expect: .forbidden)
            try await step(app, filed.id, busan, #"{"event":"grant","note":"x"}"#, expect: .conflict)
            try await step(app, filed.id, busan, #"{"event":"forward","note":"beyond our authority"}"#)
            let today = app.clock.today()
            let notified = try await step(
                app, filed.id, officer, #"{"event":"notify","on":"\#(today.iso)"}"#
            ).content.decode(SandboxCaseDTO.self)
            #expect(notified.status == .underReview)
            #expect(notified.clock.map { $0.due >= today.adding(days: 30).iso } == true)
            #expect(notified.clock?.onExpiry?.contains("no permit") == true)
            let paused = try await step(app, filed.id, officer, #"{"event":"request-supplement","note":"site plan"}"#)
                .content.decode(SandboxCaseDTO.self)
            #expect(paused.status == .awaitingSupplement && paused.clock?.state == "paused")
            try await step(app, filed.id, officer, #"{"event":"supplement"}"#, expect: .forbidden)
            try await step(app, filed.id, startup, #"{"event":"supplement","note":"attached"}"#)
            try await step(app, filed.id, officer, #"{"event":"refer-to-committee","note":"MOF and MOE disagree"}"#)
            let atCommittee = try await fetch(app, filed.id, committee).content.decode(SandboxCaseDTO.self)
            #expect(atCommittee.status == .atCommittee && atCommittee.committeeClock != nil)
            try await step(app, filed.id, committee, #"{"event":"confirm-no-permit-needed"}"#, expect: .badRequest)
            let answered = try await step(
                app, filed.id, committee, #"{"event":"confirm-no-permit-needed","note":"Covered by the exemption"}"#
            ).content.decode(SandboxCaseDTO.self)
            #expect(answered.status == .noPermitNeeded && answered.answer == "Covered by the exemption")
            #expect(
                answered.history.map(\.event) == [
                    "file", "forward", "notify", "request-supplement", "supplement", "refer-to-committee",
                    "confirm-no-permit-needed",
                ])
            try await step(app, filed.id, startup, #"{"event":"withdraw"}"#, expect: .conflict)
            #expect(try await AuditEntryRecord.query(on: app.db).filter(\.$targetType == "sandbox-case").count() == 7)
        }
    }

    @Test func anUnansweredRapidConfirmationIsDeemedOnItsLegalDateAfterDowntimeByOneInstance() async throws {
        try await withTeukgu { app in
            let startup = try await app.bearerToken(for: "startup@teukgu.demo")
            let busan = try await app.bearerToken(for: "busan@teukgu.demo")
            let officer = try await app.bearerToken(for: "officer@teukgu.demo")
            // Only this test's cases: the demo cases have clocks of their own.
            try await clearSandboxCases(app)
            // Filed and notified on Monday 2026-04-06; the period ends Wednesday 2026-05-06.
            app.clock = FixedClock(CalendarDate(iso: "2026-04-06")!.startInstant.addingTimeInterval(10 * 3600))
            let filed = try await file(app, token: startup)
            try await step(app, filed.id, busan, #"{"event":"forward"}"#)
            try await step(app, filed.id, officer, #"{"event":"notify","on":"2026-04-06"}"#)
            let still = try await SandboxClockSettler.settleDue(
                app: app, today: CalendarDate(iso: "2026-05-06")!, instance: "a")
            #expect(still == 0)
            // The server was down until 2026-06-20: the answer is deemed on 2026-05-07, not on restart.
            app.clock = FixedClock(CalendarDate(iso: "2026-06-20")!.startInstant.addingTimeInterval(9 * 3600))
            async let first = SandboxClockSettler.settleDue(app: app, today: app.clock.today(), instance: "a")
            async let second = SandboxClockSettler.settleDue(app: app, today: app.clock.today(), instance: "b")
            let settled = try await first + second
            #expect(settled == 1)
            let record = try #require(try await SandboxCaseRecord.find(filed.id, on: app.db))
            #expect(record.status == .deemedNoPermitNeeded)
            #expect(record.answeredOn == "2026-05-07")
            #expect(record.settledBy == "a" || record.settledBy == "b")
            let deems = try await SandboxCaseEventRecord.query(on: app.db).filter(\.$caseID == filed.id)
                .filter(\.$event == "deem").all()
            #expect(deems.count == 1 && deems.first?.onDay == "2026-05-07")
            #expect(try await SandboxClockSettler.settleDue(app: app, today: app.clock.today(), instance: "c") == 0)
            // A paused clock is never deemed, however long the pause.
            let other = try await file(app, token: startup)
            try await step(app, other.id, busan, #"{"event":"forward"}"#)
            try await step(app, other.id, officer, #"{"event":"notify"}"#)
            try await step(app, other.id, officer, #"{"event":"request-supplement","note":"more"}"#)
            #expect(
                try await SandboxClockSettler.settleDue(
                    app: app, today: CalendarDate(iso: "2027-06-01")!, instance: "a") == 0)
        }
    }

    @Test func anExemptionReviewExtendsOnceWithinThirtyDaysAndIsGrantedNotDeemed() async throws {
        try await withTeukgu { app in
            let startup = try await app.bearerToken(for: "startup@teukgu.demo")
            let busan = try await app.bearerToken(for: "busan@teukgu.demo")
            let officer = try await app.bearerToken(for: "officer@teukgu.demo")
            let filed = try await file(app, token: startup, kind: .demonstrationExemption)
            try await step(
                app, filed.id, busan, #"{"event":"confirm-no-permit-needed","note":"x"}"#, expect: .forbidden)
            try await step(app, filed.id, busan, #"{"event":"forward"}"#)
            let future = app.clock.today().adding(days: 3).iso
            try await step(app, filed.id, officer, #"{"event":"notify","on":"\#(future)"}"#, expect: .badRequest)
            let notified = try await step(app, filed.id, officer, #"{"event":"notify"}"#)
                .content.decode(SandboxCaseDTO.self)
            #expect(notified.allowedEvents.contains("extend-review") && !notified.allowedEvents.contains("deem"))
            try await step(app, filed.id, officer, #"{"event":"extend-review","days":31}"#, expect: .badRequest)
            let extended = try await step(app, filed.id, officer, #"{"event":"extend-review","days":30}"#)
                .content.decode(SandboxCaseDTO.self)
            #expect(extended.extensionDays == 30)
            #expect(extended.clock.map { $0.due > notified.clock!.due } == true)
            try await step(app, filed.id, officer, #"{"event":"extend-review"}"#, expect: .conflict)
            try await step(app, filed.id, officer, #"{"event":"confirm-permit-needed","note":"x"}"#, expect: .conflict)
            let granted = try await step(
                app, filed.id, officer,
                #"{"event":"grant","note":"Granted with conditions","exempts":["national.ship-officers.crew-required"]}"#
            )
            .content.decode(SandboxCaseDTO.self)
            #expect(granted.status == .granted && !granted.allowedEvents.contains("grant"))
        }
    }

    @Test func badFilingsAreRefusedWithTheirCodesAndChangeNothing() async throws {
        try await withTeukgu { app in
            let startup = try await app.bearerToken(for: "startup@teukgu.demo")
            let officer = try await app.bearerToken(for: "officer@teukgu.demo")
            let before = try await SandboxCaseRecord.query(on: app.db).count()
            for (token, body, status) in [
                (
                    startup, #"{"kind":"moon-landing","districtID":"x","title":"t","activity":"a","question":"q"}"#,
                    HTTPStatus.badRequest
                ),
                (
                    startup,
                    #"{"kind":"temporary-permit","districtID":"nowhere","title":"t","activity":"a","question":"q"}"#,
                    .unprocessableEntity
                ),
                (
                    startup,
                    #"{"kind":"temporary-permit","districtID":"busan-marine-mobility","title":"","activity":"a","question":"q"}"#,
                    .badRequest
                ),
                (
                    startup,
                    #"{"kind":"temporary-permit","districtID":"busan-marine-mobility","title":"t","activity":"a","question":"q","extra":1}"#,
                    .badRequest
                ),
                (
                    officer,
                    #"{"kind":"temporary-permit","districtID":"busan-marine-mobility","title":"t","activity":"a","question":"q"}"#,
                    .forbidden
                ),
            ] {
                let response = try await app.testing().sendRequest(
                    .POST, Endpoints.apiFileSandboxCase.link(), headers: .json(bearer: token),
                    body: ByteBuffer(string: body))
                #expect(response.status == status, "\(body) → \(response.body.string)")
            }
            #expect(try await SandboxCaseRecord.query(on: app.db).count() == before)
            let missing = try await app.testing().sendRequest(
                .POST, Endpoints.apiSandboxCaseEvent.link([.caseID: UUID().uuidString]),
                headers: .json(bearer: officer),
                body: ByteBuffer(string: #"{"event":"notify"}"#))
            #expect(missing.status == .notFound)
        }
    }

    @Test func theSandboxPagesFileKeepTypedInputAndTakeSteps() async throws {
        try await withTeukgu { app in
            var company = BrowserSession(app: app)
            _ = try await company.signIn("startup@teukgu.demo")
            let home = try await company.get(Endpoints.sandboxHome.link())
            #expect(home.status == .ok && home.body.string.contains("새 사건 신청"))
            let token = try #require(BrowserSession.csrf(in: home.body.string))
            let refused = try await company.post(
                Endpoints.fileSandboxCaseForm.link(),
                form: [
                    "csrf": token, "kind": "rapid-confirmation", "districtID": Self.district, "title": "",
                    "activity": "드론 배송", "question": "항공안전법 승인이 필요한가요?",
                ])
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("제목을 1~200자로 적어 주세요."))
            #expect(refused.body.string.contains("드론 배송</textarea>"))
            let filed = try await company.post(
                Endpoints.fileSandboxCaseForm.link(),
                form: [
                    "csrf": token, "kind": "rapid-confirmation", "districtID": Self.district, "title": "드론 배송 확인",
                    "activity": "드론 배송", "question": "항공안전법 승인이 필요한가요?",
                ])
            #expect(filed.status == .seeOther)
            let location = try #require(filed.headers.first(name: .location))
            let page = try await company.get(location).body.string
            #expect(page.contains("지역 검토 중") && page.contains("규제 신속확인"))
            #expect(page.contains("규제자유특구 및 지역특화발전특구에 관한 규제특례법 제85조제1항"))
            var region = BrowserSession(app: app)
            _ = try await region.signIn("busan@teukgu.demo")
            let regionPage = try await region.get(location)
            #expect(regionPage.body.string.contains("중기부로 이송"))
            let regionToken = try #require(BrowserSession.csrf(in: regionPage.body.string))
            let forwarded = try await region.post(
                location + "/events", form: ["csrf": regionToken, "event": "forward", "note": ""])
            #expect(forwarded.status == .seeOther)
            var officer = BrowserSession(app: app)
            _ = try await officer.signIn("officer@teukgu.demo")
            let queue = try await officer.get(Endpoints.sandboxHome.link()).body.string
            #expect(queue.contains("드론 배송 확인") && queue.contains("중기부 접수"))
            let officerPage = try await officer.get(location).body.string
            let officerToken = try #require(BrowserSession.csrf(in: officerPage))
            let notified = try await officer.post(
                location + "/events",
                form: ["csrf": officerToken, "event": "notify", "note": "", "on": app.clock.today().iso])
            #expect(notified.status == .seeOther)
            let withClock = try await officer.get(location).body.string
            #expect(withClock.contains("회신·검토 기한") && withClock.contains("제85조제4항"))
        }
    }

    @Test func remindersGoSevenDaysAndOneDayBeforeTheDeadlineOnceEach() async throws {
        try await withTeukgu { app in
            let startup = try await app.bearerToken(for: "startup@teukgu.demo")
            let busan = try await app.bearerToken(for: "busan@teukgu.demo")
            let officer = try await app.bearerToken(for: "officer@teukgu.demo")
            try await clearSandboxCases(app)
            app.clock = FixedClock(CalendarDate(iso: "2026-04-06")!.startInstant.addingTimeInterval(10 * 3600))
            let filed = try await file(app, token: startup)
            try await step(app, filed.id, busan, #"{"event":"forward"}"#)
            try await step(app, filed.id, officer, #"{"event":"notify","on":"2026-04-06"}"#)
            // The answer is due 2026-05-06.
            func send(_ day: String) async throws -> Int {
                try await SandboxReminders.send(app: app, today: CalendarDate(iso: day)!)
            }
            #expect(try await send("2026-04-28") == 0)
            async let first = send("2026-04-29")
            async let second = send("2026-04-29")
            #expect(try await first + second == 1)
            #expect(try await send("2026-05-01") == 0)
            #expect(try await send("2026-05-05") == 1)
            #expect(try await send("2026-05-06") == 0)
            #expect(try await send("2026-05-07") == 0)
            let rows = try await SandboxReminders.ReminderRecord.query(on: app.db).all()
            #expect(Set(rows.map(\.leadDays)) == [7, 1] && rows.allSatisfy { $0.dueOn == "2026-05-06" })
            let messages = try await OutboxMessageRecord.query(on: app.db).filter(\.$subject ~~ "2026-05-06").count()
            #expect(messages >= 2)
        }
    }

    @Test func aGrantedExemptionAppliesToItsCompanyInItsDistrictWithinItsValidityAndReplays() async throws {
        try await withTeukgu { app in
            let startup = try await app.bearerToken(for: "startup@teukgu.demo")
            let other = try await app.bearerToken(for: "startup2@teukgu.demo")
            let busan = try await app.bearerToken(for: "busan@teukgu.demo")
            let officer = try await app.bearerToken(for: "officer@teukgu.demo")
            app.clock = FixedClock(CalendarDate(iso: "2026-12-01")!.startInstant.addingTimeInterval(10 * 3600))
            let filed = try await file(app, token: startup, kind: .demonstrationExemption)
            try await step(app, filed.id, busan, #"{"event":"forward"}"#)
            try await step(app, filed.id, officer, #"{"event":"notify"}"#)
            try await step(
                app, filed.id, officer, #"{"event":"grant","note":"ok","exempts":["no.such.rule"]}"#,
                expect: .unprocessableEntity)
            try await step(
                app, filed.id, officer,
                #"{"event":"grant","note":"ok","exempts":["national.ship-officers.crew-required"],"validUntil":"2031-01-01"}"#,
                expect: .badRequest)
            let granted = try await step(
                app, filed.id, officer,
                #"{"event":"grant","note":"Granted","exempts":["national.ship-officers.crew-required"],"validUntil":"2027-12-31","conditions":["Shore control centre staffed at all times"]}"#
            ).content.decode(SandboxCaseDTO.self)
            #expect(
                granted.status == .granted && granted.validFrom == "2026-12-01" && granted.validUntil == "2027-12-31")
            #expect(granted.insuranceShortfalls.first?.contains("No liability policy") == true)
            func policy(_ injury: Int, until: String) -> String {
                #"{"insurer":"Hanwha General","number":"P-1","from":"2026-11-01","until":"\#(until)","deathWon":150000000,"injuryWon":\#(injury),"disabilityWon":150000000,"propertyWon":1000000000}"#
            }
            func filePolicy(_ body: String, _ token: String, expect status: HTTPStatus) async throws {
                let response = try await app.testing().sendRequest(
                    .POST, Endpoints.apiSandboxPolicy.link([.caseID: filed.id.uuidString]),
                    headers: .json(bearer: token), body: ByteBuffer(string: body))
                #expect(response.status == status, "\(response.body.string)")
            }
            try await filePolicy(policy(30_000_000, until: "2027-12-31"), officer, expect: .forbidden)
            // Too little injury cover: the refusal names the shortfall and its amounts.
            try await filePolicy(policy(20_000_000, until: "2027-12-31"), startup, expect: .created)
            let refused = try await step(
                app, filed.id, startup, #"{"event":"start-use"}"#, expect: .unprocessableEntity)
            #expect(refused.body.string.contains("insurance_insufficient"))
            #expect(
                refused.body.string.contains("injury per person is KRW 20,000,000, below the minimum of KRW 30,000,000")
            )
            // A policy that ends before the validity does is not enough either.
            try await filePolicy(policy(30_000_000, until: "2027-06-30"), startup, expect: .created)
            try await step(app, filed.id, startup, #"{"event":"start-use"}"#, expect: .unprocessableEntity)
            try await filePolicy(policy(30_000_000, until: "2028-01-31"), startup, expect: .created)
            let inUse = try await step(app, filed.id, startup, #"{"event":"start-use"}"#)
                .content.decode(SandboxCaseDTO.self)
            #expect(inUse.status == .inUse && inUse.insuranceShortfalls.isEmpty)
            func check(_ token: String, asOf: String) async throws -> String {
                let body = """
                    {"district":"busan-marine-mobility","asOf":"\(asOf)","facts":{"activity.kind":"autonomous-vessel-trial",
                     "activity.crewOnboard":0,"site.zone":"test-north","company.isZoneOperator":false}}
                    """
                let response = try await app.testing().sendRequest(
                    .POST, Endpoints.apiRegulationCheck.link(), headers: .json(bearer: token),
                    body: ByteBuffer(string: body))
                #expect(response.status == .ok, "\(response.body.string)")
                return response.body.string
            }
            let mine = try await check(startup, asOf: "2027-03-01")
            #expect(mine.contains("\"outcome\":\"conditional\""))
            #expect(mine.contains("\"grants\":[{\"caseNumber\":\"\(granted.number)\""))
            #expect(mine.contains("Shore control centre staffed at all times"))
            #expect(try await check(other, asOf: "2027-03-01").contains("\"outcome\":\"prohibited\""))
            #expect(try await check(startup, asOf: "2028-01-01").contains("\"outcome\":\"prohibited\""))
            // The grant is part of what was logged: replaying the decision gives the same answer.
            let id = try #require(mine.split(separator: "\"").dropFirst(3).first.map(String.init))
            let replay = try await app.testing().sendRequest(
                .POST, Endpoints.apiRegulationReplay.link([.decisionID: id]), headers: .bearer(officer))
            #expect(replay.body.string.contains("\"identical\":true"), "\(replay.body.string)")
        }
    }

    @Test func aVerdictShowsACertificationConditionAsMetOnlyWhileAMatchingCertificateIsValid() async throws {
        try await withTeukgu { app in
            let naju = try await app.bearerToken(for: "startup3@teukgu.demo")
            let officer = try await app.bearerToken(for: "officer@teukgu.demo")
            let certificate =
                #"{"scheme":"UL Solutions","scope":"35 kV DC switchgear","issuer":"UL Solutions Korea","number":"UL-2025-77","validFrom":"2025-01-01","validUntil":"2025-12-31"}"#
            let refused = try await app.testing().sendRequest(
                .POST, Endpoints.apiFileCertification.link(), headers: .json(bearer: officer),
                body: ByteBuffer(string: certificate))
            #expect(refused.status == .forbidden)
            let bad = try await app.testing().sendRequest(
                .POST, Endpoints.apiFileCertification.link(), headers: .json(bearer: naju),
                body: ByteBuffer(string: certificate.replacingOccurrences(of: "2025-12-31", with: "2024-12-31")))
            #expect(bad.status == .badRequest)
            let filed = try await app.testing().sendRequest(
                .POST, Endpoints.apiFileCertification.link(), headers: .json(bearer: naju),
                body: ByteBuffer(string: certificate))
            #expect(filed.status == .created)
            func verdict(asOf: String) async throws -> String {
                let body = """
                    {"district":"jeonnam-dc-energy","asOf":"\(asOf)","facts":{"activity.kind":"dc-distribution",
                     "activity.voltageKilovolts":35,"site.zone":"naju-energy-valley","company.isZoneOperator":true}}
                    """
                let answer = try await app.testing().sendRequest(
                    .POST, Endpoints.apiRegulationCheck.link(), headers: .json(bearer: naju),
                    body: ByteBuffer(string: body))
                let id = try #require(answer.body.string.split(separator: "\"").dropFirst(3).first.map(String.init))
                return try await app.testing().sendRequest(
                    .GET, Endpoints.verdictPage.link([.decisionID: id]), headers: ["Accept-Language": "en"]
                ).body.string
            }
            #expect(try await verdict(asOf: "2025-07-01").contains("Met: UL Solutions certificate UL-2025-77"))
            #expect(try await verdict(asOf: "2026-02-01").contains("Outstanding: no UL Solutions certification"))
            let list = try await app.testing().sendRequest(
                .GET, Endpoints.apiCertifications.link(), headers: .bearer(naju))
            #expect(list.body.string.contains("UL-2025-77"))
        }
    }

    @Test func aValidityExtendsOnceWhenAppliedForInTimeAndNeverBeyondTheDistrictsTerm() async throws {
        try await withTeukgu { app in
            let startup = try await app.bearerToken(for: "startup@teukgu.demo")
            let busan = try await app.bearerToken(for: "busan@teukgu.demo")
            let officer = try await app.bearerToken(for: "officer@teukgu.demo")
            app.clock = FixedClock(CalendarDate(iso: "2026-12-01")!.startInstant.addingTimeInterval(10 * 3600))
            let filed = try await file(app, token: startup, kind: .temporaryPermit)
            try await step(app, filed.id, busan, #"{"event":"forward"}"#)
            try await step(app, filed.id, officer, #"{"event":"notify"}"#)
            let granted = try await step(
                app, filed.id, officer,
                #"{"event":"grant","note":"Granted","exempts":["national.ship-safety.alternative-fuel"],"validUntil":"2027-06-30"}"#
            ).content.decode(SandboxCaseDTO.self)
            #expect(granted.validUntil == "2027-06-30")
            try await step(app, filed.id, officer, #"{"event":"extend-validity"}"#, expect: .conflict)
            // Two months before 2027-06-30 is 2027-04-30: a request after that is too late.
            app.clock = FixedClock(CalendarDate(iso: "2027-05-02")!.startInstant.addingTimeInterval(10 * 3600))
            let late = try await step(
                app, filed.id, startup, #"{"event":"request-extension"}"#, expect: .unprocessableEntity)
            #expect(late.body.string.contains("extension_request_too_late"))
            app.clock = FixedClock(CalendarDate(iso: "2027-04-01")!.startInstant.addingTimeInterval(10 * 3600))
            try await step(app, filed.id, officer, #"{"event":"request-extension"}"#, expect: .forbidden)
            try await step(app, filed.id, startup, #"{"event":"request-extension","note":"Trial continues"}"#)
            // Busan's district ends 2028-05-31: two more years would pass it, so the cap is the term.
            let beyond = try await step(
                app, filed.id, officer, #"{"event":"extend-validity","days":800}"#, expect: .badRequest)
            #expect(beyond.body.string.contains("2028-05-31"))
            let extended = try await step(app, filed.id, officer, #"{"event":"extend-validity"}"#)
                .content.decode(SandboxCaseDTO.self)
            #expect(extended.validUntil == "2028-05-31")
            try await step(app, filed.id, officer, #"{"event":"extend-validity"}"#, expect: .conflict)
            try await step(app, filed.id, startup, #"{"event":"request-extension"}"#, expect: .conflict)
        }
    }

    @Test func aLawRevisionRequestKeepsTheExemptionValidUntilTheRevisionWithinTheTerm() async throws {
        try await withTeukgu { app in
            let startup = try await app.bearerToken(for: "startup@teukgu.demo")
            let busan = try await app.bearerToken(for: "busan@teukgu.demo")
            let officer = try await app.bearerToken(for: "officer@teukgu.demo")
            app.clock = FixedClock(CalendarDate(iso: "2026-12-01")!.startInstant.addingTimeInterval(10 * 3600))
            let permit = try await file(app, token: startup, kind: .temporaryPermit)
            try await step(app, permit.id, startup, #"{"event":"request-revision"}"#, expect: .conflict)
            let filed = try await file(app, token: startup, kind: .demonstrationExemption)
            try await step(app, filed.id, busan, #"{"event":"forward"}"#)
            try await step(app, filed.id, officer, #"{"event":"notify"}"#)
            try await step(
                app, filed.id, officer,
                #"{"event":"grant","note":"Granted","exempts":["national.ship-officers.crew-required"],"validUntil":"2027-06-30"}"#
            )
            try await step(app, filed.id, officer, #"{"event":"law-revised"}"#, expect: .conflict)
            let kept = try await step(app, filed.id, startup, #"{"event":"request-revision","note":"Amend art. 11"}"#)
                .content.decode(SandboxCaseDTO.self)
            // Valid while the revision runs, but never past Busan's term (2028-05-31).
            #expect(kept.validUntil == "2028-05-31")
            try await step(app, filed.id, startup, #"{"event":"request-revision"}"#, expect: .conflict)
            let ended = try await step(app, filed.id, officer, #"{"event":"law-revised","on":"2026-12-01"}"#)
                .content.decode(SandboxCaseDTO.self)
            #expect(ended.validUntil == "2026-12-01")
        }
    }

    @Test func aRefusalIsReconsideredInTimeAndAGrantIsCancelledOnlyAfterAHearing() async throws {
        try await withTeukgu { app in
            let startup = try await app.bearerToken(for: "startup@teukgu.demo")
            let busan = try await app.bearerToken(for: "busan@teukgu.demo")
            let officer = try await app.bearerToken(for: "officer@teukgu.demo")
            app.clock = FixedClock(CalendarDate(iso: "2026-12-01")!.startInstant.addingTimeInterval(10 * 3600))
            let filed = try await file(app, token: startup, kind: .demonstrationExemption)
            try await step(app, filed.id, busan, #"{"event":"forward"}"#)
            try await step(app, filed.id, officer, #"{"event":"notify"}"#)
            try await step(app, filed.id, officer, #"{"event":"refuse","note":"Safety case incomplete"}"#)
            // Sixty days from 2026-12-01 is 2027-01-30.
            app.clock = FixedClock(CalendarDate(iso: "2027-01-31")!.startInstant.addingTimeInterval(10 * 3600))
            let late = try await step(
                app, filed.id, startup, #"{"event":"request-reconsideration"}"#, expect: .unprocessableEntity)
            #expect(late.body.string.contains("reconsideration_too_late"))
            app.clock = FixedClock(CalendarDate(iso: "2027-01-30")!.startInstant.addingTimeInterval(10 * 3600))
            try await step(app, filed.id, startup, #"{"event":"request-reconsideration","note":"New safety case"}"#)
            try await step(
                app, filed.id, officer,
                #"{"event":"grant","note":"Granted on reconsideration","exempts":["national.ship-officers.crew-required"]}"#
            )
            try await step(app, filed.id, officer, #"{"event":"cancel","note":"fraud"}"#, expect: .conflict)
            try await step(app, filed.id, officer, #"{"event":"order-correction"}"#, expect: .badRequest)
            try await step(app, filed.id, officer, #"{"event":"order-correction","note":"Staff the shore centre"}"#)
            try await step(
                app, filed.id, officer, #"{"event":"record-hearing","note":"Heard 2027-02-10; not corrected"}"#)
            let cancelled = try await step(
                app, filed.id, officer, #"{"event":"cancel","note":"Conditions not kept after the correction order"}"#
            ).content.decode(SandboxCaseDTO.self)
            #expect(cancelled.status == .cancelled && cancelled.allowedEvents.isEmpty)
        }
    }
}
