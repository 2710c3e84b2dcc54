import Fluent
import Foundation
import Testing
import TeukguCore
import Vapor
import VaporTesting

@testable import App

@Suite struct RegulationServiceTests {
    static let busanCheck =
        #"{"district":"busan-marine-mobility","asOf":"2025-03-01","facts":{"activity.kind":"autonomous-vessel-trial","activity.crewOnboard":0,"site.zone":"test-north","company.isZoneOperator":true}}"#

    func check(_ app: Application, _ body: String, token: String? = nil) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(
            .POST, Endpoints.apiRegulationCheck.link(), headers: .json(bearer: token), body: ByteBuffer(string: body))
    }

    func object(_ response: TestingHTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    @Test func aCheckIsAnsweredWithCitationsAndLoggedBeforehand() async throws {
        try await withTeukgu { app in
            let response = try await check(app, Self.busanCheck)
            #expect(response.status == .ok)
            let body = try object(response)
            #expect(body["outcome"] as? String == "conditional")
            let id = try #require(body["decisionId"] as? String)
            #expect(body["version"] as? Int == 1)
            let record = try #require(try await RegulationDecisionRecord.find(UUID(uuidString: id), on: app.db))
            #expect(record.outcome == "conditional" && record.reasonIDs == "busan.autonomous-trial-in-test-zones")
            let fetched = try await app.testing().sendRequest(
                .GET, Endpoints.apiRegulationDecision.link([.decisionID: "\(id)"]))
            #expect(try object(fetched)["outcome"] as? String == "conditional")
        }
    }

    @Test func badChecksGetCodesThatSayWhich() async throws {
        try await withTeukgu { app in
            let cases: [(String, HTTPResponseStatus, String)] = [
                (#"{"district":"atlantis","asOf":"2025-03-01","facts":{}}"#, .notFound, "unknown_district"),
                (
                    #"{"district":"busan-marine-mobility","asOf":"2025-03-01","facts":{"activity.colour":"red"}}"#,
                    .unprocessableEntity, "unknown_fact"
                ),
                (
                    #"{"district":"busan-marine-mobility","asOf":"2025-03-01","facts":{"activity.crewOnboard":"none"}}"#,
                    .unprocessableEntity, "wrong_fact_type"
                ),
                (
                    #"{"district":"busan-marine-mobility","asOf":"2030-01-01","facts":{}}"#, .unprocessableEntity,
                    "date_out_of_range"
                ),
                (#"{"district":"busan-marine-mobility","asOf":"2025-02-30","facts":{}}"#, .badRequest, "invalid_date"),
                (
                    #"{"district":"busan-marine-mobility","asOf":"2025-03-01","facts":{},"extra":1}"#, .badRequest,
                    "unknown_field"
                ),
                (#"{"district":"busan-marine-mobility","asOf":"2025-03-01","facts":"#, .badRequest, "malformed_json"),
            ]
            for (body, status, code) in cases {
                let response = try await check(app, body)
                #expect(response.status == status, "\(code)")
                #expect(errorCode(response) == code)
            }
            #expect(try await RegulationDecisionRecord.query(on: app.db).count() == 0)
        }
    }

    @Test func anonymousChecksAreRateLimitedButSignedInOnesAreNot() async throws {
        try await withTeukgu { app in
            // The limit counts per minute of the injected clock: fix it so all the checks fall in one window.
            app.clock = FixedClock(Date(timeIntervalSince1970: 1_800_000_000))
            for _ in 0..<RegulationCheck.anonymousChecksPerMinute { _ = try await check(app, Self.busanCheck) }
            let limited = try await check(app, Self.busanCheck)
            #expect(limited.status == .tooManyRequests && errorCode(limited) == "rate_limited")
            let token = try await app.bearerToken(for: "startup@teukgu.demo")
            let member = try await check(app, Self.busanCheck, token: token)
            #expect(member.status == .ok)
            let id = try #require(try object(member)["decisionId"] as? String)
            let record = try #require(try await RegulationDecisionRecord.find(UUID(uuidString: id), on: app.db))
            let startup = try await AccountRecord.query(on: app.db).filter(\.$email == "startup@teukgu.demo").first()
            #expect(record.companyID == startup?.companyID && record.companyID != nil)
            let other =
                #"{"district":"busan-marine-mobility","asOf":"2025-03-01","company":"\#(UUID().uuidString)","facts":{}}"#
            let refused = try await check(app, other, token: token)
            #expect(refused.status == .forbidden && errorCode(refused) == "not_your_company")
        }
    }

    @Test func replayGivesTheSameAnswerAndTheLogIsListedAndExported() async throws {
        try await withTeukgu { app in
            let id = try #require(try object(try await check(app, Self.busanCheck))["decisionId"] as? String)
            _ = try await check(
                app,
                #"{"district":"daejeon-synthetic-bio","asOf":"2026-03-01","facts":{"activity.kind":"lmo-development","lmo.environmentalRelease":true}}"#
            )
            let officer = try await app.bearerToken(for: "officer@teukgu.demo")
            let replay = try await app.testing().sendRequest(
                .POST, Endpoints.apiRegulationReplay.link([.decisionID: "\(id)"]), headers: .bearer(officer))
            #expect(try object(replay)["identical"] as? Bool == true)
            let list = try await app.testing().sendRequest(
                .GET, Endpoints.apiRegulationDecisions.link() + "?outcome=prohibited", headers: .bearer(officer))
            let page = try list.content.decode(ListDTO<ApiRegulationController.DecisionRow>.self)
            #expect(page.total == 1 && page.items.first?.district == "daejeon-synthetic-bio")
            let csv = try await app.testing().sendRequest(
                .GET, Endpoints.apiRegulationDecisionsCSV.link(), headers: .bearer(officer))
            #expect(csv.headers.contentType?.subType == "csv")
            #expect(csv.body.string.split(separator: "\n").count == 3)
            let today = CalendarDate(instant: Date())
            let stats = try await app.testing().sendRequest(
                .GET,
                Endpoints.apiRegulationStatistics.link()
                    + "?from=\(today.adding(days: -1).iso)&to=\(today.adding(days: 1).iso)", headers: .bearer(officer))
            let statistics = try stats.content.decode(RegulationStatistics.self)
            #expect(statistics.total == 2)
            #expect(statistics.topRules.contains { $0.label == "daejeon.no-environmental-release" })
            let startup = try await app.bearerToken(for: "startup@teukgu.demo")
            #expect(
                try await app.testing().sendRequest(
                    .GET, Endpoints.apiRegulationDecisions.link(), headers: .bearer(startup)
                ).status == .forbidden)
        }
    }

    /// Uploads one rulebook file as a new draft version through the API and answers the draft.
    func uploadDraft(
        _ app: Application, admin: String, file: String, text: String, note: String
    ) async throws
        -> RulebookVersionDTO
    {
        let body = try String(
            decoding: JSONSerialization.data(withJSONObject: [
                "files": [["file": file, "text": text]], "note": note,
            ]), as: UTF8.self)
        let created = try await app.testing().sendRequest(
            .POST, Endpoints.apiRegulationVersions.link(), headers: .json(bearer: admin),
            body: ByteBuffer(string: body))
        #expect(created.status == .created)
        return try created.content.decode(RulebookVersionDTO.self)
    }

    /// A file of the repository's Rules folder, found from this file.
    static func shippedRulesPath(_ file: String) -> String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("Rules/" + file).path
    }

    /// The seed reads a `Rules` link the way it reads the folder: the same files, named the same.
    @Test func theSeedReadsALinkedRulesFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rules-link-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let shipped = URL(fileURLWithPath: Self.shippedRulesPath("")).path
        let link = folder.appendingPathComponent("Rules")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: URL(fileURLWithPath: shipped))
        let direct = RulebookSources.read(directory: shipped)
        let linked = RulebookSources.read(directory: link.path)
        #expect(direct.count == 8)
        #expect(linked.map(\.file) == direct.map(\.file))
        #expect(linked.map(\.text) == direct.map(\.text))
    }

    static let stricterBusan: String = {
        let text = try! String(
            contentsOfFile: shippedRulesPath("districts/busan-marine-mobility.yaml"), encoding: .utf8)
        // Only the autonomous-vessel rule narrows to one zone; the ammonia rule keeps both.
        return text.replacingOccurrences(
            of: "activity.kind == \"autonomous-vessel-trial\" and site.zone in [\"test-north\", \"test-south\"]",
            with: "activity.kind == \"autonomous-vessel-trial\" and site.zone in [\"test-south\"]")
    }()

    @Test func aNewVersionIsCheckedDiffedPublishedAndUsedByAsOfDate() async throws {
        try await withTeukgu { app in
            #expect(Self.stricterBusan.contains("site.zone in [\"test-south\"] and company"))
            let admin = try await app.bearerToken(for: "admin@teukgu.demo")
            let broken =
                #"{"files":[{"file":"districts/busan-marine-mobility.yaml","text":"id: busan\nscope: national\nrules:\n  - id: x\n    effect: prohibit\n    when: 'nope.fact == 1'\n    cites: [{law: A, article: b}]\n"}]}"#
            let refused = try await app.testing().sendRequest(
                .POST, Endpoints.apiRegulationVersions.link(), headers: .json(bearer: admin),
                body: ByteBuffer(string: broken))
            #expect(refused.status == .unprocessableEntity && errorCode(refused) == "rulebook_invalid")
            #expect(refused.body.string.contains("unknown-fact"))
            #expect(try await RulebookVersionRecord.query(on: app.db).count() == 1)

            let draft = try await uploadDraft(
                app, admin: admin, file: "districts/busan-marine-mobility.yaml", text: Self.stricterBusan,
                note: "test-north closed")
            #expect(draft.status == .draft && draft.number == 2)
            #expect(draft.diff?.changed.map(\.id) == ["busan.autonomous-trial-in-test-zones"])
            #expect(draft.diff?.changed.first?.fields == ["when"])

            // Log a decision, then ask what the draft would change.
            _ = try await check(app, Self.busanCheck)
            let today = CalendarDate(instant: Date())
            let whatIf = try await app.testing().sendRequest(
                .POST, Endpoints.apiRegulationWhatIf.link([.versionID: "\(draft.id)"]), headers: .json(bearer: admin),
                body: ByteBuffer(string: #"{"from":"\#(today.adding(days: -1).iso)","to":"\#(today.iso)"}"#))
            #expect(whatIf.status == .accepted)
            let job = try whatIf.content.decode(WhatIfJobDTO.self)
            var finished: WhatIfJobDTO?
            for _ in 0..<100 {
                let state = try await app.testing().sendRequest(
                    .GET, Endpoints.apiRegulationWhatIfJob.link([.jobID: "\(job.id)"]), headers: .bearer(admin)
                ).content.decode(WhatIfJobDTO.self)
                if state.status == .finished {
                    finished = state
                    break
                }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(finished?.changed == 1)
            #expect(finished?.report?.transitions["conditional→prohibited"] == 1)

            let past = try await app.testing().sendRequest(
                .POST, Endpoints.apiRegulationPublishVersion.link([.versionID: "\(draft.id)"]),
                headers: .json(bearer: admin), body: ByteBuffer(string: #"{"effectiveFrom":"2020-01-01"}"#))
            #expect(past.status == .unprocessableEntity && errorCode(past) == "version_retroactive")
            let from = today.adding(days: 1)
            let published = try await app.testing().sendRequest(
                .POST, Endpoints.apiRegulationPublishVersion.link([.versionID: "\(draft.id)"]),
                headers: .json(bearer: admin), body: ByteBuffer(string: #"{"effectiveFrom":"\#(from.iso)"}"#))
            #expect(published.status == .ok)
            let again = try await app.testing().sendRequest(
                .POST, Endpoints.apiRegulationPublishVersion.link([.versionID: "\(draft.id)"]),
                headers: .json(bearer: admin), body: ByteBuffer(string: #"{"effectiveFrom":"\#(from.iso)"}"#))
            #expect(again.status == .conflict)

            // Before the new version's date the old rules answer; from it, the new ones.
            let before = try object(try await check(app, Self.busanCheck))
            #expect(before["outcome"] as? String == "conditional" && before["version"] as? Int == 1)
            let later = Self.busanCheck.replacingOccurrences(of: "2025-03-01", with: from.adding(days: 1).iso)
            let after = try object(try await check(app, later))
            #expect(after["outcome"] as? String == "prohibited" && after["version"] as? Int == 2)
            #expect(try await AuditEntryRecord.query(on: app.db).filter(\.$action == "rulebook.publish").count() == 1)
        }
    }

    /// The shipped rulebooks cite only indexed articles, so their pages carry no marker; a version
    /// that cites a law outside the index is published as given and marked on the page.
    @Test func citationsOfLawsOutsideTheStatuteIndexAreMarkedOnThePage() async throws {
        try await withTeukgu { app in
            let marker = "[not in statute index]"
            let link = Endpoints.regimePage.link([.district: "chungbuk-regenerative-bio"])
            var browser = BrowserSession(app: app)
            let shipped = try await browser.get(link, headers: ["Accept-Language": "en"]).body.string
            #expect(shipped.contains("Bioethics and Safety Act art. 47(5)"))
            #expect(!shipped.contains(marker))

            // A version citing the Aviation Safety Act (not indexed), put in force from yesterday.
            let admin = try await app.bearerToken(for: "admin@teukgu.demo")
            let text = try String(
                contentsOfFile: Self.shippedRulesPath("districts/chungbuk-regenerative-bio.yaml"), encoding: .utf8
            ).replacingOccurrences(
                of: "      - {law: Bioethics and Safety Act,",
                with: "      - {law: Aviation Safety Act, article: art. 127}\n      - {law: Bioethics and Safety Act,")
            let draft = try await uploadDraft(
                app, admin: admin, file: "districts/chungbuk-regenerative-bio.yaml", text: text, note: "cites outside")
            let record = try #require(try await RulebookVersionRecord.find(draft.id, on: app.db))
            record.status = .published
            record.effectiveFrom = CalendarDate(instant: Date()).adding(days: -1).iso
            try await record.save(on: app.db)
            try await app.rulebooks.refresh(on: app.db)

            let html = try await browser.get(link, headers: ["Accept-Language": "en"]).body.string
            let outside = try #require(html.range(of: "Aviation Safety Act art. 127"))
            #expect(String(html[outside.upperBound...].prefix(300)).contains(marker))
            // Indexed and checked: the Bioethics and Special Zones Act articles carry no marker.
            for checked in ["Bioethics and Safety Act art. 47(5)", "Regional Special Zones Act art. 86(4)"] {
                let found = try #require(html.range(of: checked))
                #expect(!String(html[found.upperBound...].split(separator: "<cite>").first ?? "").contains(marker))
            }
            let korean = try await browser.get(link, headers: ["Accept-Language": "ko"]).body.string
            #expect(korean.contains("[조문 색인 밖]"))
            #expect(korean.contains("생명윤리 및 안전에 관한 법률 제47조제5항"))
        }
    }

    @Test func everyDistrictCanBeCheckedThroughThePagesInBothLanguages() async throws {
        try await withTeukgu { app in
            let districts = app.rulebooks.live?.snapshot.districts ?? []
            #expect(districts.count == 7)
            for language in ["ko", "en"] {
                for district in districts {
                    var browser = BrowserSession(app: app)
                    let home = try await browser.get(
                        Endpoints.regulationHome.link(), headers: ["Accept-Language": language])
                    #expect(home.body.string.contains(Endpoints.checkPage.link([.district: "\(district)"])))
                    let regime = try await browser.get(
                        Endpoints.regimePage.link([.district: "\(district)"]), headers: ["Accept-Language": language])
                    #expect(regime.status == .ok, "\(district)")
                    let form = try await browser.get(
                        Endpoints.checkPage.link([.district: "\(district)"]), headers: ["Accept-Language": language])
                    #expect(form.status == .ok)
                    let csrf = try #require(BrowserSession.csrf(in: form.body.string))
                    // A kind no rule mentions: permitted, with the negative-list basis.
                    let answer = try await browser.post(
                        Endpoints.checkPage.link([.district: "\(district)"]),
                        form: [
                            "csrf": csrf, "asOf": "2026-01-15", "activity.kind": "paperwork-only",
                            "company.isZoneOperator": "false",
                        ],
                        headers: ["Accept-Language": language])
                    #expect(answer.status == .seeOther, "\(district) \(language)")
                    let verdict = try await browser.get(
                        answer.headers.first(name: .location) ?? "", headers: ["Accept-Language": language])
                    #expect(verdict.status == .ok)
                    #expect(verdict.body.string.contains(language == "ko" ? "할 수 있습니다" : "Allowed"))
                }
            }
        }
    }

    @Test func theCheckPageAsksOnlyForTheMissingFactsStepByStep() async throws {
        try await withTeukgu { app in
            var browser = BrowserSession(app: app)
            let form = try await browser.get(
                Endpoints.checkPage.link([.district: "jeonnam-dc-energy"]), headers: ["Accept-Language": "en"])
            #expect(form.body.string.contains("name=\"activity.kind\""))
            #expect(!form.body.string.contains("name=\"activity.voltageKilovolts\""))
            let csrf = try #require(BrowserSession.csrf(in: form.body.string))
            let step = try await browser.post(
                Endpoints.checkPage.link([.district: "jeonnam-dc-energy"]),
                form: [
                    "csrf": csrf, "asOf": "2025-07-01", "activity.kind": "dc-distribution",
                    "company.isZoneOperator": "true",
                ])
            #expect(step.status == .ok)
            #expect(step.body.string.contains("name=\"activity.voltageKilovolts\""))
            let final = try await browser.post(
                Endpoints.checkPage.link([.district: "jeonnam-dc-energy"]),
                form: [
                    "csrf": csrf, "asOf": "2025-07-01", "activity.kind": "dc-distribution",
                    "company.isZoneOperator": "true",
                    "activity.voltageKilovolts": "35", "site.zone": "naju-energy-valley",
                ])
            #expect(final.status == .seeOther)
            let verdict = try await browser.get(
                final.headers.first(name: .location) ?? "", headers: ["Accept-Language": "en"])
            #expect(verdict.body.string.contains("UL Solutions"))
            #expect(verdict.body.string.contains("₩1,000,000,000"))
        }
    }

    @Test func ministryPagesRenderTheLogStatisticsAndVersions() async throws {
        try await withTeukgu { app in
            _ = try await check(app, Self.busanCheck)
            var browser = BrowserSession(app: app)
            _ = try await browser.signIn("admin@teukgu.demo")
            #expect(
                try await browser.get(Endpoints.decisionLogPage.link()).body.string.contains("busan-marine-mobility"))
            let stats = try await browser.get(Endpoints.statisticsPage.link())
            #expect(stats.status == .ok && stats.body.string.contains("<svg"))
            let versions = try await browser.get(Endpoints.rulebooksPage.link())
            #expect(versions.status == .ok && versions.body.string.contains("v1"))
            let yaml = try await app.testing().sendRequest(
                .GET, Endpoints.apiRegulationRegime.link([.district: "busan-marine-mobility"]) + "?format=yaml")
            #expect(yaml.body.string.hasPrefix("id: busan-marine-mobility"))
        }
    }
}
