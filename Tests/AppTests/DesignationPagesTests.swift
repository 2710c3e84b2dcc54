import Fluent
import Foundation
import Testing
import TeukguCore
import Vapor
import VaporTesting

@testable import App

/// The same call, driven through the web pages as each person would.
@Suite struct DesignationPagesTests {
    /// The first id in the page's links under `prefix` (e.g. `/designation/applications/`).
    func firstID(after prefix: String, in html: String) -> String? {
        guard let range = html.range(of: prefix) else { return nil }
        let id = html[range.upperBound...].prefix(36)
        return UUID(uuidString: String(id)) == nil ? nil : String(id)
    }

    func allIDs(after prefix: String, in html: String) -> [String] {
        var found: [String] = []
        var rest = Substring(html)
        while let range = rest.range(of: prefix) {
            let id = String(rest[range.upperBound...].prefix(36))
            if UUID(uuidString: id) != nil && !found.contains(id) { found.append(id) }
            rest = rest[range.upperBound...]
        }
        return found
    }

    mutating func session(_ app: Application, _ email: String) async throws -> BrowserSession {
        var browser = BrowserSession(app: app)
        let response = try await browser.signIn(email)
        #expect(response.status == .seeOther || response.status == .found)
        return browser
    }

    func csrf(_ browser: inout BrowserSession, _ path: String) async throws -> String {
        BrowserSession.csrf(in: try await browser.get(path).body.string) ?? ""
    }

    func plan(_ name: String, _ operators: String) -> [(String, String)] {
        [
            ("name", name), ("location", "Harbour district"), ("area", "10.5"), ("industry", "Hydrogen"),
            ("periodYears", "4"),
            ("operators", operators), ("kpis", "Demonstrations | cases | 10"),
            ("exemptionRules[]", "national.ship-officers.crew-required"),
            ("otherExemptions", ""), ("stateWon", "1,000,000,000"), ("localWon", "500000000"), ("privateWon", ""),
            ("safety", "Safety officer"), ("environment", "Monitoring"), ("privacy", "No personal data"),
        ]
    }

    @Test mutating func aCallRunsEndToEndThroughThePages() async throws {
        try await withTeukgu { app in
            app.clock = FixedClock(seoul("2026-12-01T10:00:00+09:00"))
            var admin = try await session(app, "admin@teukgu.demo")
            var token = try await csrf(&admin, Endpoints.designationHome.link())
            let opened = try await admin.post(
                Endpoints.openCallForm.link(),
                pairs: [
                    ("csrf", token), ("round", "8"), ("title", "Round eight"), ("opensAt", "2026-12-01T09:00"),
                    ("closesAt", "2026-12-10T18:00"),
                    ("cap", "1"), ("maxPerRegion", "1"), ("preferRegionsWithoutDistrict", "on"),
                    ("localGovernmentsEligible", "on"),
                ])
            #expect(opened.status == .seeOther)
            let callPath = try #require(opened.headers.first(name: .location))
            let callID = String(callPath.suffix(36))

            // Busan drafts, saves (not submitted), then submits; the page says so unmistakably.
            var busan = try await session(app, "busan@teukgu.demo")
            token = try await csrf(&busan, callPath)
            let started = try await busan.post(
                Endpoints.startApplicationForm.link([.callID: "\(callID)"]),
                pairs: [("csrf", token), ("name", "Busan harbour"), ("applicantLevel", "metropolitan")])
            let applicationPath = try #require(started.headers.first(name: .location))
            var page = try await busan.get(applicationPath)
            #expect(page.body.string.contains("Not submitted yet") || page.body.string.contains("아직 제출되지 않았습니다"))
            token = BrowserSession.csrf(in: page.body.string) ?? ""
            let badLine = try await busan.post(
                applicationPath, pairs: [("csrf", token)] + plan("Busan harbour", "Only a name"))
            #expect(badLine.status == .badRequest && badLine.body.string.contains("Only a name"))
            let saved = try await busan.post(
                applicationPath,
                pairs: [("csrf", token)]
                    + plan("Busan harbour", "Haeum Marine Robotics | \(DemoAccounts.registrationNumber("605812345"))"))
            #expect(saved.status == .seeOther)
            let submitted = try await busan.post(applicationPath + "/submit", pairs: [("csrf", token)])
            #expect(submitted.status == .seeOther)
            page = try await busan.get(applicationPath)
            #expect(page.body.string.contains("GID-R8-0001"))
            #expect(page.body.string.contains("class=\"receipt\""))

            var ulsan = try await session(app, "ulsan@teukgu.demo")
            token = try await csrf(&ulsan, callPath)
            let ulsanStarted = try await ulsan.post(
                Endpoints.startApplicationForm.link([.callID: "\(callID)"]),
                pairs: [("csrf", token), ("name", "Ulsan")])
            let ulsanPath = try #require(ulsanStarted.headers.first(name: .location))
            _ = try await ulsan.post(
                ulsanPath,
                pairs: [("csrf", token)]
                    + plan("Ulsan hydrogen city", "Ulsan H2 | \(DemoAccounts.registrationNumber("610812345"))"))
            _ = try await ulsan.post(ulsanPath + "/submit", pairs: [("csrf", token)])

            // After the close: a clear 4xx and a clear page.
            app.clock = FixedClock(seoul("2026-12-11T09:00:00+09:00"))
            // Days have passed: the sessions ended on the server (idle and absolute limits); sign in again.
            busan = try await session(app, "busan@teukgu.demo")
            admin = try await session(app, "admin@teukgu.demo")
            token = try await csrf(&busan, callPath)
            let late = try await busan.post(
                Endpoints.startApplicationForm.link([.callID: "\(callID)"]),
                pairs: [("csrf", token), ("name", "Too late")])
            #expect(late.status == .conflict && late.body.string.contains("closed"))

            // The ministry forms the written panel; evaluators declare and score through their pages.
            let callPage = try await admin.get(callPath)
            token = BrowserSession.csrf(in: callPage.body.string) ?? ""
            let evaluators = try await AccountRecord.query(on: app.db).filter(
                \.$email ~~ ["evaluator@teukgu.demo", "evaluator2@teukgu.demo"]
            ).all()
            let formed = try await admin.post(
                Endpoints.formPanelForm.link([.callID: "\(callID)"]),
                pairs: [("csrf", token), ("stageID", "written")]
                    + evaluators.map { ("evaluatorIDs[]", $0.id!.uuidString) })
            let panelPath = try #require(formed.headers.first(name: .location))
            for (email, score) in [("evaluator@teukgu.demo", "82"), ("evaluator2@teukgu.demo", "78")] {
                var evaluator = try await session(app, email)
                let list = try await evaluator.get(Endpoints.assignmentsPage.link())
                for id in allIDs(after: "/evaluation/assignments/", in: list.body.string) {
                    let assignment = try await evaluator.get(Endpoints.assignmentPage.link([.assignmentID: "\(id)"]))
                    guard assignment.body.string.contains("name=\"conflict\"") else { continue }
                    token = BrowserSession.csrf(in: assignment.body.string) ?? ""
                    #expect(!assignment.body.string.contains("name=\"score_plan\""))
                    _ = try await evaluator.post(
                        Endpoints.declarationForm.link([.assignmentID: "\(id)"]),
                        pairs: [("csrf", token), ("conflict", "no")])
                    let scoring = try await evaluator.get(Endpoints.assignmentPage.link([.assignmentID: "\(id)"]))
                    #expect(scoring.body.string.contains("name=\"score_feasibility\""))
                    let sent = try await evaluator.post(
                        Endpoints.scorecardForm.link([.assignmentID: "\(id)"]),
                        pairs: [
                            ("csrf", token), ("score_feasibility", score),
                            ("why_feasibility", "Clear milestones and owners"),
                            ("score_regulation", score), ("why_regulation", "Exemptions are specific"),
                            ("score_global", score), ("why_global", "Export partners named"),
                            ("score_region", score), ("why_region", "Local jobs are credible"),
                        ])
                    #expect(sent.status == .seeOther)
                }
            }
            let panelPage = try await admin.get(panelPath)
            // The detected conflict shows in words, never as the stored code.
            #expect(
                panelPage.status == .ok
                    && panelPage.body.string.contains(Strings.text("assignment.conflict-detected", "ko")))
            #expect(!panelPage.body.string.contains("conflict-detected"))
            token = BrowserSession.csrf(in: panelPage.body.string) ?? ""
            let panelID = String(panelPath.suffix(36))
            #expect(
                try await admin.post(Endpoints.finaliseForm.link([.panelID: "\(panelID)"]), pairs: [("csrf", token)])
                    .status == .seeOther)

            // Presentation stage, then selection and the procedure.
            let presentation = try await admin.post(
                Endpoints.formPanelForm.link([.callID: "\(callID)"]),
                pairs: [
                    ("csrf", token), ("stageID", "presentation"),
                    ("evaluatorIDs[]", evaluators.first { $0.email == "evaluator@teukgu.demo" }!.id!.uuidString),
                ])
            let presentationPath = try #require(presentation.headers.first(name: .location))
            var evaluator = try await session(app, "evaluator@teukgu.demo")
            for id in allIDs(
                after: "/evaluation/assignments/",
                in: try await evaluator.get(Endpoints.assignmentsPage.link()).body.string)
            {
                let assignment = try await evaluator.get(Endpoints.assignmentPage.link([.assignmentID: "\(id)"]))
                guard assignment.body.string.contains("name=\"conflict\"") else { continue }
                token = BrowserSession.csrf(in: assignment.body.string) ?? ""
                _ = try await evaluator.post(
                    Endpoints.declarationForm.link([.assignmentID: "\(id)"]),
                    pairs: [("csrf", token), ("conflict", "no")])
                _ = try await evaluator.post(
                    Endpoints.scorecardForm.link([.assignmentID: "\(id)"]),
                    pairs: [
                        ("csrf", token), ("score_readiness", "90"), ("why_readiness", "Ready to start in spring"),
                        ("score_safety", "85"), ("why_safety", "Independent safety review"), ("score_commitment", "88"),
                        ("why_commitment", "Budget approved by council"),
                    ])
            }
            token = try await csrf(&admin, presentationPath)
            #expect(
                try await admin.post(
                    Endpoints.finaliseForm.link([.panelID: "\(presentationPath.suffix(36))"]), pairs: [("csrf", token)]
                ).status == .seeOther)
            let selection = try await admin.get(Endpoints.selectionPage.link([.callID: "\(callID)"]))
            #expect(selection.status == .ok)
            let proposedBody = selection.body.string
            #expect(
                proposedBody.contains("the cap of 1 designations is already reached")
                    || proposedBody.contains("지정 한도 1개가 이미 찼습니다"))
            let chosen = try #require(firstID(after: "name=\"chosen[]\" value=\"", in: proposedBody))
            token = BrowserSession.csrf(in: proposedBody) ?? ""
            let confirmed = try await admin.post(
                Endpoints.selectionPage.link([.callID: "\(callID)"]), pairs: [("csrf", token), ("chosen[]", chosen)])
            #expect(confirmed.status == .seeOther)
            let procedures = try await admin.get(Endpoints.proceduresPage.link())
            let procedureID = try #require(firstID(after: "/designation/procedures/", in: procedures.body.string))

            app.clock = FixedClock(seoul("2027-06-30T10:00:00+09:00"))
            admin = try await session(app, "admin@teukgu.demo")
            let path = Endpoints.procedureActionForm.link([.procedureID: "\(procedureID)"])
            token = try await csrf(&admin, Endpoints.procedurePage.link([.procedureID: "\(procedureID)"]))
            for pairs in [
                [("action", "advance"), ("to", "prior-consultation"), ("date", "2027-01-04")],
                [("action", "advance"), ("to", "public-notice"), ("date", "2027-01-05")],
                [("action", "hearing"), ("announcedOn", "2027-01-05"), ("heldOn", "2027-01-25")],
                [("action", "advance"), ("to", "application"), ("date", "2027-02-10")],
                [("action", "advance"), ("to", "ministry-opinions"), ("date", "2027-02-11")],
                [("action", "advance"), ("to", "sub-committee"), ("date", "2027-03-05")],
                [("action", "advance"), ("to", "deliberation-committee"), ("date", "2027-03-20")],
                [("action", "advance"), ("to", "special-zone-committee"), ("date", "2027-04-10")],
                [("action", "vote"), ("members", "25"), ("present", "18"), ("inFavour", "12")],
                [("action", "advance"), ("to", "gazette"), ("date", "2027-04-15")],
                [("action", "advance"), ("to", "designated"), ("date", "2027-04-20")],
            ] {
                let response = try await admin.post(path, pairs: [("csrf", token)] + pairs)
                #expect(response.status == .seeOther, "\(pairs): \(response.body.string.prefix(300))")
            }
            // A forbidden transition answers a clear page.
            let refused = try await admin.post(
                path, pairs: [("csrf", token), ("action", "advance"), ("to", "plan"), ("date", "2027-04-21")])
            #expect(refused.status == .conflict)
            let procedure = try await admin.get(Endpoints.procedurePage.link([.procedureID: "\(procedureID)"]))
            let districtLink = try #require(
                procedure.body.string.range(of: "href=\"/districts/").map {
                    procedure.body.string[$0.upperBound...].prefix { $0 != "\"" }
                })
            let district = try await ulsan.get(Endpoints.districtPage.link([.districtID: "\(districtLink)"]))
            #expect(district.status == .ok && district.body.string.contains("2027-04-20"))
            let home = try await admin.get(Endpoints.home.link())
            #expect(home.status == .ok)
        }
    }

    /// The officer sets the stages on the page: the standard ones are filled in to edit, a spare
    /// stage adds one, and a refusal comes back with what was typed and the reason.
    @Test mutating func theCallFormSetsTheStagesAndTheirWeights() async throws {
        try await withTeukgu { app in
            app.clock = FixedClock(seoul("2026-12-01T10:00:00+09:00"))
            var admin = try await session(app, "admin@teukgu.demo")
            let form = try await admin.get(Endpoints.designationHome.link()).body.string
            #expect(form.contains("name=\"s0_c0_weight\" value=\"30\""))
            #expect(form.contains("name=\"s1_id\" value=\"presentation\""))
            #expect(form.contains("name=\"s2_id\" value=\"\""))
            let token = BrowserSession.csrf(in: form) ?? ""
            let call: [(String, String)] = [
                ("csrf", token), ("round", "8"), ("title", "Round eight"), ("opensAt", "2026-12-01T09:00"),
                ("closesAt", "2026-12-10T18:00"),
                ("cap", "2"), ("maxPerRegion", ""), ("localGovernmentsEligible", "on"),
                ("s0_id", "written"), ("s0_ko", "서면평가"), ("s0_en", "Written"), ("s0_pass", "65"), ("s0_advance", "5"),
                ("s0_c0_id", "plan"), ("s0_c0_ko", "계획"), ("s0_c0_en", "Plan"), ("s0_c0_weight", "60"),
                ("s0_c1_id", "impact"), ("s0_c1_ko", "효과"), ("s0_c1_en", "Impact"), ("s0_c1_weight", "30"),
                ("s0_c2_id", ""), ("s0_c2_ko", ""), ("s0_c2_en", ""), ("s0_c2_weight", ""),
                ("s1_id", ""), ("s1_ko", "현장평가"), ("s1_en", "Site visit"), ("s1_pass", "70.5"), ("s1_advance", ""),
                ("s1_c0_id", ""), ("s1_c0_ko", "준비도"), ("s1_c0_en", ""), ("s1_c0_weight", "100"),
                ("s2_id", ""), ("s2_ko", ""), ("s2_en", ""), ("s2_pass", ""), ("s2_advance", ""),
                ("s2_c0_id", ""), ("s2_c0_ko", ""), ("s2_c0_en", ""), ("s2_c0_weight", ""),
            ]
            // 60 + 30 is not 100: refused, with the reason and the typed values kept.
            let refused = try await admin.post(Endpoints.openCallForm.link(), pairs: call)
            #expect(refused.status == .badRequest)
            // In the reader's language (Korean by default), in the summary and linked to the field.
            #expect(refused.body.string.contains("배점의 합계가 90입니다"))
            #expect(refused.body.string.contains("href=\"#s0_c0_weight\""))
            #expect(refused.body.string.contains("id=\"s0_c0_weight\""))
            #expect(refused.body.string.contains("value=\"Round eight\""))
            #expect(refused.body.string.contains("name=\"s1_en\" value=\"Site visit\""))
            #expect(try await DesignationCallRecord.query(on: app.db).filter(\.$round == 8).count() == 0)

            let fixed = call.map { $0.0 == "s0_c1_weight" ? ($0.0, "40") : $0 }
            let opened = try await admin.post(Endpoints.openCallForm.link(), pairs: fixed)
            #expect(opened.status == .seeOther)
            let record = try #require(try await DesignationCallRecord.query(on: app.db).filter(\.$round == 8).first())
            let stages = try JSONColumn.decode([EvaluationStage].self, record.stagesJSON)
            #expect(stages.map(\.id) == ["written", "stage-2"])
            #expect(
                stages[0].criteria.map(\.weight) == [60, 40] && stages[0].passThreshold == 65
                    && stages[0].advanceCount == 5)
            #expect(
                stages[1].titleEnglish == "Site visit" && stages[1].titleKorean == "현장평가"
                    && stages[1].advanceCount == nil)
            #expect(
                stages[1].criteria == [
                    Criterion(id: "criterion-1", titleKorean: "준비도", titleEnglish: "준비도", weight: 100)
                ])
            #expect(stages[1].passThreshold == 70.5)

            let notNumber = try await admin.post(
                Endpoints.openCallForm.link(),
                pairs: fixed.map { $0.0 == "s0_pass" ? ($0.0, "high") : ($0.0 == "round" ? ($0.0, "9") : $0) })
            #expect(notNumber.status == .badRequest && notNumber.body.string.contains("통과 점수는 0에서 100 사이"))
        }
    }
}
