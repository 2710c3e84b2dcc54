import Fluent
import Foundation
import Testing
import TeukguCore
import Vapor
import VaporTesting

@testable import App

/// A case goes to one or more competent ministries; each answer is recorded as it arrives, and a
/// rapid confirmation follows them: confirmed as they say, or to the committee when they conflict.
@Suite struct SandboxMinistryTests {
    let cases = SandboxCaseTests()

    @Test func eachMinistrysAnswerIsRecordedAndConflictingAnswersGoToTheCommittee() async throws {
        try await withTeukgu { app in
            let startup = try await app.bearerToken(for: "startup@teukgu.demo")
            let busan = try await app.bearerToken(for: "busan@teukgu.demo")
            let officer = try await app.bearerToken(for: "officer@teukgu.demo")
            let filed = try await cases.file(app, token: startup)
            try await cases.step(app, filed.id, busan, #"{"event":"forward"}"#)
            try await cases.step(
                app, filed.id, officer, #"{"event":"notify","ministries":["Ministry of Oceans","MOTIE","MOTIE"]}"#,
                expect: .badRequest)
            let notified = try await cases.step(
                app, filed.id, officer,
                #"{"event":"notify","ministries":["Ministry of Oceans and Fisheries","Ministry of Environment"]}"#
            ).content.decode(SandboxCaseDTO.self)
            #expect(notified.ministries.map(\.name) == ["Ministry of Oceans and Fisheries", "Ministry of Environment"])
            let answer = { (ministry: String, answer: String) in
                #"{"event":"record-ministry-answer","ministry":"\#(ministry)","answer":"\#(answer)","note":"Letter"}"#
            }
            try await cases.step(
                app, filed.id, officer, answer("Ministry of Justice", "permit-needed"), expect: .badRequest)
            try await cases.step(
                app, filed.id, officer, answer("Ministry of Environment", "agree"), expect: .badRequest)
            try await cases.step(
                app, filed.id, startup, answer("Ministry of Environment", "permit-needed"), expect: .forbidden)
            try await cases.step(app, filed.id, officer, answer("Ministry of Environment", "no-permit-needed"))
            try await cases.step(
                app, filed.id, officer, answer("Ministry of Environment", "no-permit-needed"), expect: .conflict)
            try await cases.step(app, filed.id, officer, answer("Ministry of Oceans and Fisheries", "permit-needed"))
            // They conflict: neither answer can be confirmed over the other; the committee decides.
            let refused = try await cases.step(
                app, filed.id, officer, #"{"event":"confirm-no-permit-needed","note":"No"}"#, expect: .conflict)
            #expect(refused.body.string.contains("answers_conflict"))
            let referred = try await cases.step(app, filed.id, officer, #"{"event":"refer-to-committee"}"#)
                .content.decode(SandboxCaseDTO.self)
            #expect(referred.status == .atCommittee && referred.committeeClock != nil)
            var browser = BrowserSession(app: app)
            _ = try await browser.signIn("officer@teukgu.demo")
            _ = try await browser.post(Endpoints.setLanguage.link(), form: ["lang": "en", "back": "/"])
            let page = try await browser.get(Endpoints.sandboxCasePage.link([.caseID: filed.id.uuidString]))
            #expect(page.body.string.contains("Ministry of Oceans and Fisheries"))
            #expect(
                page.body.string.contains("The ministries&#39; answers conflict")
                    || page.body.string.contains("answers conflict"))
        }
    }

    @Test func agreeingAnswersAreConfirmedAsTheySay() async throws {
        try await withTeukgu { app in
            let startup = try await app.bearerToken(for: "startup@teukgu.demo")
            let busan = try await app.bearerToken(for: "busan@teukgu.demo")
            let officer = try await app.bearerToken(for: "officer@teukgu.demo")
            let filed = try await cases.file(app, token: startup)
            try await cases.step(app, filed.id, busan, #"{"event":"forward"}"#)
            try await cases.step(
                app, filed.id, officer, #"{"event":"notify","ministries":["Ministry of Environment"]}"#)
            try await cases.step(
                app, filed.id, officer,
                #"{"event":"record-ministry-answer","ministry":"Ministry of Environment","answer":"permit-needed"}"#)
            try await cases.step(
                app, filed.id, officer, #"{"event":"confirm-no-permit-needed","note":"No"}"#, expect: .conflict)
            let confirmed = try await cases.step(
                app, filed.id, officer, #"{"event":"confirm-permit-needed","note":"A permit under art. 11 is needed"}"#
            ).content.decode(SandboxCaseDTO.self)
            #expect(confirmed.status == .permitNeeded)
        }
    }
}

@Suite struct SandboxOutsideZoneTests {
    @Test func aCompanyOutsideTheZoneMayAskForAnExemptionOnly() async throws {
        try await withTeukgu { app in
            let startup = try await app.bearerToken(for: "startup@teukgu.demo")
            func file(_ kind: SandboxCaseKind) async throws -> TestingHTTPResponse {
                let body = """
                    {"kind":"\(kind.rawValue)","districtID":"\(SandboxCaseTests.district)","title":"Sensor supply",
                     "activity":"Hull sensors for the zone's trial vessels","question":"May we test them at sea?",
                     "outsideZoneParticipation":"Supplies the sensors of the zone operator's vessels from Seoul"}
                    """
                return try await app.testing().sendRequest(
                    .POST, Endpoints.apiFileSandboxCase.link(), headers: .json(bearer: startup),
                    body: ByteBuffer(string: body))
            }
            let permit = try await file(.temporaryPermit)
            #expect(permit.status == .badRequest && permit.body.string.contains("art. 86(1)"))
            let exemption = try await file(.demonstrationExemption)
            #expect(exemption.status == .created)
            let dto = try exemption.content.decode(SandboxCaseDTO.self)
            #expect(dto.outsideZoneParticipation == "Supplies the sensors of the zone operator's vessels from Seoul")
            var browser = BrowserSession(app: app)
            _ = try await browser.signIn("startup@teukgu.demo")
            _ = try await browser.post(Endpoints.setLanguage.link(), form: ["lang": "en", "back": "/"])
            let page = try await browser.get(Endpoints.sandboxCasePage.link([.caseID: dto.id.uuidString]))
            #expect(page.body.string.contains("Filed from outside the zone (art. 86(1))"))
        }
    }
}
