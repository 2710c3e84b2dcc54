import Fluent
import Foundation
import Testing
import TeukguCore
import Vapor
import VaporTesting

@testable import App

/// A whole designation call through the JSON API with the demo accounts: call → applications →
/// declarations and blind scoring → selection → statutory procedure → a live district.
@Suite struct DesignationApiTests {
    @Test func aCallRunsEndToEndThroughTheAPI() async throws {
        try await withTeukgu { app in
            app.clock = FixedClock(seoul("2026-12-01T10:00:00+09:00"))
            let admin = try await ApiClient.signIn(app, "admin@teukgu.demo")
            let busan = try await ApiClient.signIn(app, "busan@teukgu.demo")
            let ulsan = try await ApiClient.signIn(app, "ulsan@teukgu.demo")
            let evaluator = try await ApiClient.signIn(app, "evaluator@teukgu.demo")
            let evaluator2 = try await ApiClient.signIn(app, "evaluator2@teukgu.demo")
            let evaluator3 = try await ApiClient.signIn(app, "evaluator3@teukgu.demo")

            // The ministry opens the call.
            let call = try await admin.object(
                .POST, Endpoints.apiCalls.link(),
                DesignationFixtures.callBody(opens: "2026-12-01T09:00:00+09:00", closes: "2026-12-20T18:00:00+09:00"),
                expect: .created)
            let callID = try #require(call["id"] as? String)
            #expect(call["acceptingSubmissions"] as? Bool == true)

            // Regions draft, save and submit; an incomplete plan is refused with what is missing.
            var draft = DesignationFixtures.plan(name: "Busan hydrogen harbour")
            draft["measures"] = ["safety": "", "environment": "", "privacy": ""]
            let busanApp = try await busan.object(
                .POST, Endpoints.apiCallApplications.link([.callID: "\(callID)"]), ["plan": draft], expect: .created)
            let busanID = try #require(busanApp["id"] as? String)
            #expect((busanApp["missingForSubmission"] as? [String])?.isEmpty == false)
            let incomplete = try await busan.send(
                .POST, Endpoints.apiSubmitApplication.link([.applicationID: "\(busanID)"]))
            #expect(incomplete.status == .unprocessableEntity && errorCode(incomplete) == "plan_incomplete")
            let badNumber = try await busan.send(
                .PUT, Endpoints.apiApplication.link([.applicationID: "\(busanID)"]),
                ["plan": DesignationFixtures.plan(name: "x", operators: [("Bad", "123-45-67890")])])
            #expect(errorCode(badNumber) == "invalid_business_registration_number")
            let unknownNested = try await busan.send(
                .PUT, Endpoints.apiApplication.link([.applicationID: "\(busanID)"]),
                ["plan": ["name": "x", "colour": "blue"]])
            #expect(errorCode(unknownNested) == "unknown_field")
            _ = try await busan.object(
                .PUT, Endpoints.apiApplication.link([.applicationID: "\(busanID)"]),
                ["plan": DesignationFixtures.plan(name: "Busan hydrogen harbour")])
            let submitted = try await busan.object(
                .POST, Endpoints.apiSubmitApplication.link([.applicationID: "\(busanID)"]))
            #expect(submitted["status"] as? String == "submitted")
            #expect(submitted["receiptNumber"] as? String == "GID-R9-0001")
            #expect(submitted["submittedAt"] as? String != nil)
            let afterSubmit = try await busan.send(
                .PUT, Endpoints.apiApplication.link([.applicationID: "\(busanID)"]),
                ["plan": DesignationFixtures.plan(name: "changed")])
            #expect(afterSubmit.status == .conflict && errorCode(afterSubmit) == "already_submitted")
            let confirmation = try await MessageCheck.latestSubject(app, to: "busan@teukgu.demo")
            #expect(confirmation.contains("GID-R9-0001"))

            let busanSecond = try await busan.object(
                .POST, Endpoints.apiCallApplications.link([.callID: "\(callID)"]),
                ["plan": DesignationFixtures.plan(name: "Busan ammonia ships", operators: [])], expect: .created)
            let busanSecondID = try #require(busanSecond["id"] as? String)
            _ = try await busan.object(
                .PUT, Endpoints.apiApplication.link([.applicationID: "\(busanSecondID)"]),
                ["plan": DesignationFixtures.plan(name: "Busan ammonia ships")])
            _ = try await busan.object(.POST, Endpoints.apiSubmitApplication.link([.applicationID: "\(busanSecondID)"]))
            let ulsanApp = try await ulsan.object(
                .POST, Endpoints.apiCallApplications.link([.callID: "\(callID)"]),
                [
                    "applicantName": "울산광역시",
                    "plan": DesignationFixtures.plan(
                        name: "Ulsan hydrogen city",
                        operators: [("Ulsan H2", DemoAccounts.registrationNumber("610812345"))]),
                ],
                expect: .created)
            let ulsanID = try #require(ulsanApp["id"] as? String)
            _ = try await ulsan.object(.POST, Endpoints.apiSubmitApplication.link([.applicationID: "\(ulsanID)"]))

            // Another region's application is not there for Ulsan.
            #expect(
                try await ulsan.send(.GET, Endpoints.apiApplication.link([.applicationID: "\(busanID)"])).status
                    == .notFound)
            #expect(try await ulsan.list(.GET, Endpoints.apiCallApplications.link([.callID: "\(callID)"])).count == 1)

            // The ministry asks for more; editing reopens and every revision is kept.
            _ = try await admin.object(
                .POST, Endpoints.apiInfoRequest.link([.applicationID: "\(busanID)"]),
                ["message": "Please add the harbour safety plan."])
            _ = try await busan.object(
                .PUT, Endpoints.apiApplication.link([.applicationID: "\(busanID)"]),
                ["plan": DesignationFixtures.plan(name: "Busan hydrogen harbour (revised)")])
            let resubmitted = try await busan.object(
                .POST, Endpoints.apiSubmitApplication.link([.applicationID: "\(busanID)"]))
            #expect(resubmitted["receiptNumber"] as? String == "GID-R9-0001")
            let revisions = try await busan.list(.GET, Endpoints.apiRevisions.link([.applicationID: "\(busanID)"]))
            #expect(
                revisions.map { $0["event"] as? String } == ["created", "saved", "submitted", "saved", "resubmitted"])

            // After the close nothing can be submitted or changed.
            app.clock = FixedClock(seoul("2026-12-21T09:00:00+09:00"))
            let late = try await ulsan.send(
                .POST, Endpoints.apiCallApplications.link([.callID: "\(callID)"]),
                ["plan": DesignationFixtures.plan(name: "late")])
            #expect(late.status == .conflict && errorCode(late) == "call_closed")

            // Written stage: evaluator 2 is tied to Busan, so the system blocks those assignments.
            let ids = try await admin.list(.GET, Endpoints.apiEvaluators.link())
            func account(_ email: String) -> String {
                ids.first { $0["email"] as? String == email }?["id"] as? String ?? ""
            }
            let panel = try await admin.object(
                .POST, Endpoints.apiPanels.link(),
                [
                    "programme": "designation", "callID": callID, "stageID": "written",
                    "evaluatorIDs": [account("evaluator@teukgu.demo"), account("evaluator2@teukgu.demo")],
                ], expect: .created)
            let panelID = try #require(panel["id"] as? String)
            let lines = panel["assignments"] as? [[String: Any]] ?? []
            #expect(lines.filter { $0["status"] as? String == "conflict-detected" }.count == 2)
            #expect(lines.filter { $0["status"] as? String == "awaiting-declaration" }.count == 4)

            // Evaluators declare before they see anything, and score blind.
            let mine = try await evaluator.list(.GET, Endpoints.apiAssignments.link())
            #expect(mine.count == 3)
            let first = try #require(mine.first { $0["applicationID"] as? String == ulsanID })
            let firstID = try #require(first["id"] as? String)
            let hidden = try await evaluator.object(.GET, Endpoints.apiAssignment.link([.assignmentID: "\(firstID)"]))
            #expect(hidden["application"] == nil && hidden["criteria"] == nil)
            let early = try await evaluator.send(
                .POST, Endpoints.apiScorecard.link([.assignmentID: "\(firstID)"]),
                DesignationFixtures.scores("written", 80))
            #expect(errorCode(early) == "declaration_required")
            #expect(
                try await evaluator2.send(.GET, Endpoints.apiAssignment.link([.assignmentID: "\(firstID)"])).status
                    == .notFound)
            for assignment in mine {
                let id = assignment["id"] as? String ?? ""
                _ = try await evaluator.object(
                    .POST, Endpoints.apiDeclaration.link([.assignmentID: "\(id)"]), ["conflict": false])
            }
            let opened = try await evaluator.object(.GET, Endpoints.apiAssignment.link([.assignmentID: "\(firstID)"]))
            #expect((opened["application"] as? [String: Any])?["id"] as? String == ulsanID)
            #expect(opened["scoresHidden"] as? Bool == true)
            let score = [ulsanID: 90.0, busanID: 85.0, busanSecondID: 80.0]
            for assignment in mine {
                let id = assignment["id"] as? String ?? ""
                let application = assignment["applicationID"] as? String ?? ""
                _ = try await evaluator.object(
                    .POST, Endpoints.apiScorecard.link([.assignmentID: "\(id)"]),
                    DesignationFixtures.scores("written", score[application] ?? 0))
            }
            let again = try await evaluator.send(
                .POST, Endpoints.apiScorecard.link([.assignmentID: "\(firstID)"]),
                DesignationFixtures.scores("written", 10))
            #expect(errorCode(again) == "already_submitted")
            let outOfRange = [
                "scores": [
                    "plan": ["score": 101, "justification": "Specific and well evidenced"],
                    "impact": ["score": 5, "justification": "Specific and well evidenced"],
                ]
            ]
            let second = try #require(
                try await evaluator2.list(.GET, Endpoints.apiAssignments.link()).first {
                    $0["status"] as? String == "awaiting-declaration"
                })
            let secondID = try #require(second["id"] as? String)
            _ = try await evaluator2.object(
                .POST, Endpoints.apiDeclaration.link([.assignmentID: "\(secondID)"]), ["conflict": false])
            #expect(
                errorCode(
                    try await evaluator2.send(
                        .POST, Endpoints.apiScorecard.link([.assignmentID: "\(secondID)"]), outOfRange))
                    == "score_out_of_range")
            let unfinished = try await admin.send(.POST, Endpoints.apiFinalise.link([.panelID: "\(panelID)"]))
            #expect(unfinished.status == .conflict && errorCode(unfinished) == "scoring_incomplete")
            _ = try await evaluator2.object(
                .POST, Endpoints.apiScorecard.link([.assignmentID: "\(secondID)"]),
                DesignationFixtures.scores("written", 40))
            // Having scored, the evaluator now sees the other total, and the ministry sees the spread.
            let peers = try await evaluator.object(.GET, Endpoints.apiAssignment.link([.assignmentID: "\(firstID)"]))
            #expect(peers["otherEvaluatorTotals"] as? [Double] == [40])
            let summary = try await admin.object(.GET, Endpoints.apiPanel.link([.panelID: "\(panelID)"]))
            let ulsanScores = try #require(
                (summary["applications"] as? [[String: Any]])?.first { $0["applicationID"] as? String == ulsanID })
            #expect(ulsanScores["spread"] as? Double == 50 && ulsanScores["hasOutliers"] as? Bool == true)

            // A consensus round on Ulsan: both score again; the earlier cards stay on record.
            _ = try await admin.object(
                .POST, Endpoints.apiConsensus.link([.panelID: "\(panelID)"]),
                ["applicationIDs": [ulsanID], "note": "Spread of 50 points"])
            _ = try await evaluator.object(
                .POST, Endpoints.apiScorecard.link([.assignmentID: "\(firstID)"]),
                DesignationFixtures.scores("written", 88))
            _ = try await evaluator2.object(
                .POST, Endpoints.apiScorecard.link([.assignmentID: "\(secondID)"]),
                DesignationFixtures.scores("written", 84))
            let finalised = try await admin.object(.POST, Endpoints.apiFinalise.link([.panelID: "\(panelID)"]))
            let results = finalised["results"] as? [[String: Any]] ?? []
            #expect(results.map { $0["applicationID"] as? String } == [ulsanID, busanID, busanSecondID])
            #expect(results.first?["score"] as? Double == 86)
            let busanView = try await busan.object(.GET, Endpoints.apiApplication.link([.applicationID: "\(busanID)"]))
            #expect(busanView["outcome"] as? String == "written-passed")
            #expect(((busanView["feedback"] as? [[String: Any]])?.first?["comments"] as? [Any])?.isEmpty == false)

            // Presentation: evaluator 3 declares a conflict on one application, which removes that assignment.
            let presentation = try await admin.object(
                .POST, Endpoints.apiPanels.link(),
                [
                    "programme": "designation", "callID": callID, "stageID": "presentation",
                    "evaluatorIDs": [account("evaluator@teukgu.demo"), account("evaluator3@teukgu.demo")],
                ], expect: .created)
            let presentationID = try #require(presentation["id"] as? String)
            for (client, email) in [(evaluator, "evaluator"), (evaluator3, "evaluator3")] {
                for assignment in try await client.list(.GET, Endpoints.apiAssignments.link())
                where assignment["stageID"] as? String == "presentation" {
                    let id = assignment["id"] as? String ?? ""
                    let application = assignment["applicationID"] as? String ?? ""
                    if email == "evaluator3" && application == busanSecondID {
                        _ = try await client.object(
                            .POST, Endpoints.apiDeclaration.link([.assignmentID: "\(id)"]),
                            ["conflict": true, "statement": "I advised this consortium"])
                        #expect(
                            errorCode(
                                try await client.send(
                                    .POST, Endpoints.apiScorecard.link([.assignmentID: "\(id)"]),
                                    DesignationFixtures.scores("presentation", 99))) == "assignment_removed")
                        continue
                    }
                    _ = try await client.object(
                        .POST, Endpoints.apiDeclaration.link([.assignmentID: "\(id)"]), ["conflict": false])
                    _ = try await client.object(
                        .POST, Endpoints.apiScorecard.link([.assignmentID: "\(id)"]),
                        DesignationFixtures.scores(
                            "presentation", [ulsanID: 80.0, busanID: 90.0, busanSecondID: 85.0][application] ?? 0))
                }
            }
            _ = try await admin.object(.POST, Endpoints.apiFinalise.link([.panelID: "\(presentationID)"]))

            // Selection: Busan's second project ranks second but its region already has a candidate.
            let proposal = try await admin.object(.GET, Endpoints.apiSelection.link([.callID: "\(callID)"]))
            let proposalLines = proposal["lines"] as? [[String: Any]] ?? []
            #expect(proposalLines.map { $0["applicationID"] as? String } == [busanID, busanSecondID, ulsanID])
            #expect(proposalLines.map { $0["proposed"] as? Bool } == [true, false, true])
            #expect(
                (proposalLines[1]["sentence"] as? String)
                    == "Not proposed: second by score (85.00), but its region already has a candidate in this call.")
            let noReason = try await admin.send(
                .POST, Endpoints.apiSelection.link([.callID: "\(callID)"]), ["chosen": [busanID, busanSecondID]])
            #expect(errorCode(noReason) == "override_reason_required")
            let overCap = try await admin.send(
                .POST, Endpoints.apiSelection.link([.callID: "\(callID)"]),
                [
                    "chosen": [busanID, busanSecondID, ulsanID],
                    "reason": "All three are strong and the committee asked for them",
                ])
            #expect(errorCode(overCap) == "selection_violates_call")
            let procedures = try await admin.list(
                .POST, Endpoints.apiSelection.link([.callID: "\(callID)"]), ["chosen": [busanID, ulsanID]],
                expect: .created)
            #expect(procedures.count == 2)
            let procedureID = try #require(procedures.first { $0["regionID"] as? String == "ulsan" }?["id"] as? String)

            // The statutory procedure, step by step, with its clocks.
            app.clock = FixedClock(seoul("2027-06-30T10:00:00+09:00"))
            let path = Endpoints.apiProcedureAction.link([.procedureID: "\(procedureID)"])
            let skip = try await admin.send(.POST, path, ["action": "advance", "to": "gazette", "date": "2027-01-04"])
            #expect(skip.status == .conflict && errorCode(skip) == "transition_not_allowed")
            _ = try await admin.object(
                .POST, path, ["action": "advance", "to": "prior-consultation", "date": "2027-01-04"])
            _ = try await admin.object(.POST, path, ["action": "advance", "to": "public-notice", "date": "2027-01-11"])
            let tooSoon = try await admin.send(
                .POST, path, ["action": "hearing", "announcedOn": "2027-01-11", "heldOn": "2027-01-20"])
            #expect(errorCode(tooSoon) == "hearing_announced_too_late")
            _ = try await admin.object(
                .POST, path, ["action": "hearing", "announcedOn": "2027-01-11", "heldOn": "2027-01-26"])
            let noticeRunning = try await admin.send(
                .POST, path, ["action": "advance", "to": "application", "date": "2027-02-10"])
            #expect(errorCode(noticeRunning) == "notice_period_running")
            let applied = try await admin.object(
                .POST, path, ["action": "advance", "to": "application", "date": "2027-02-15"])
            #expect((applied["decisionClock"] as? [String: Any])?["due"] as? String == "2027-05-17")
            let opinions = try await admin.object(
                .POST, path, ["action": "advance", "to": "ministry-opinions", "date": "2027-02-16"])
            #expect((opinions["stepClock"] as? [String: Any])?["due"] as? String == "2027-03-18")
            _ = try await admin.object(
                .POST, path, ["action": "supplementation-start", "date": "2027-02-20", "reason": "Financing evidence"])
            let resumed = try await admin.object(.POST, path, ["action": "supplementation-end", "date": "2027-03-01"])
            #expect((resumed["decisionClock"] as? [String: Any])?["pausedDays"] as? Int == 10)
            #expect((resumed["decisionClock"] as? [String: Any])?["due"] as? String == "2027-05-26")
            for (step, day) in [
                ("sub-committee", "2027-03-15"), ("deliberation-committee", "2027-04-01"),
                ("special-zone-committee", "2027-04-20"),
            ] {
                _ = try await admin.object(.POST, path, ["action": "advance", "to": step, "date": day])
            }
            _ = try await admin.object(
                .POST, path, ["action": "vote", "date": "2027-04-20", "members": 25, "present": 12, "inFavour": 12])
            let noQuorum = try await admin.send(
                .POST, path, ["action": "advance", "to": "gazette", "date": "2027-04-21"])
            #expect(errorCode(noQuorum) == "no_quorum")
            _ = try await admin.object(
                .POST, path, ["action": "vote", "date": "2027-04-20", "members": 25, "present": 20, "inFavour": 15])
            _ = try await admin.object(.POST, path, ["action": "advance", "to": "gazette", "date": "2027-04-25"])
            let designated = try await admin.object(
                .POST, path, ["action": "advance", "to": "designated", "date": "2027-05-03"])
            let districtID = try #require(designated["districtID"] as? String)
            #expect(designated["decisionOverdue"] as? Bool == false)
            #expect(
                try await evaluator.send(.GET, Endpoints.apiProcedure.link([.procedureID: "\(procedureID)"])).status
                    == .forbidden)
            #expect(
                try await busan.send(.GET, Endpoints.apiProcedure.link([.procedureID: "\(procedureID)"])).status
                    == .notFound)

            // The district is live: four years, its plan's operators, and its life from here on.
            let district = try await ulsan.object(
                .GET, Endpoints.apiDistrictOperation.link([.districtID: "\(districtID)"]))
            #expect(district["startsOn"] as? String == "2027-05-03" && district["endsOn"] as? String == "2031-05-02")
            #expect(district["status"] as? String == "operating")
            #expect((district["zoneOperators"] as? [Any])?.count == 1)
            let districts = try await ulsan.list(.GET, Endpoints.apiDistricts.link())
            #expect(districts.contains { $0["id"] as? String == districtID })

            // Applications and scores export as CSV.
            let csv = try await admin.send(.GET, Endpoints.apiScoresCSV.link([.callID: "\(callID)"]))
            #expect(csv.status == .ok && csv.body.string.contains("Specific and well evidenced"))
            #expect(
                try await admin.send(.GET, Endpoints.apiApplicationsCSV.link([.callID: "\(callID)"])).body.string
                    .contains("GID-R9-0002"))
        }
    }
}

enum MessageCheck {
    static func latestSubject(_ app: Application, to email: String) async throws -> String {
        try await OutboxMessageRecord.query(on: app.db).filter(\.$recipientEmail == email).sort(
            \.$createdAt, .descending
        ).first()?.subject ?? ""
    }
}

@Suite struct ApplicationDocumentTests {
    func upload(_ app: Application, _ token: String) async throws -> String {
        let response = try await DocumentTests().upload(app, token: token, body: DocumentTests.pdf, name: "plan.pdf")
        let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
        return object?["id"] as? String ?? ""
    }

    @Test func applicationsAttachOnlyDocumentsTheApplicantUploaded() async throws {
        try await withTeukgu { app in
            let busan = try await ApiClient.signIn(app, "busan@teukgu.demo")
            let ulsan = try await ApiClient.signIn(app, "ulsan@teukgu.demo")
            let mine = try await upload(app, busan.token)
            let theirs = try await upload(app, ulsan.token)
            let call = try #require(
                try await DesignationCallRecord.query(on: app.db).filter(\.$status == .accepting).first())
            var plan = DesignationFixtures.plan(name: "Busan with documents")
            plan["documentIDs"] = [theirs]
            let refused = try await busan.send(
                .POST, Endpoints.apiCallApplications.link([.callID: "\(call.id!.uuidString)"]), ["plan": plan])
            #expect(errorCode(refused) == "unknown_document")
            plan["documentIDs"] = [mine]
            let created = try await busan.object(
                .POST, Endpoints.apiCallApplications.link([.callID: "\(call.id!.uuidString)"]), ["plan": plan],
                expect: .created)
            #expect(((created["plan"] as? [String: Any])?["documentIDs"] as? [String]) == [mine])

            let startup = try await ApiClient.signIn(app, "startup@teukgu.demo")
            let startupDocument = try await upload(app, startup.token)
            let collaboration = try #require(
                try await CollaborationCallRecord.query(on: app.db).filter(\.$year == 2026).first())
            let wrong = try await startup.send(
                .POST, Endpoints.apiCreateCollaborationApplication.link([.callID: "\(collaboration.id!.uuidString)"]),
                ["documentIDs": [mine]])
            #expect(errorCode(wrong) == "unknown_document")
            let attached = try await startup.object(
                .POST, Endpoints.apiCreateCollaborationApplication.link([.callID: "\(collaboration.id!.uuidString)"]),
                ["documentIDs": [startupDocument]], expect: .created)
            #expect(attached["documentIDs"] as? [String] == [startupDocument])
        }
    }

    /// While the applicant edits, the page offers all their uploads; once submitted it lists only what is attached.
    @Test func aSubmittedApplicationListsOnlyItsAttachments() async throws {
        try await withTeukgu { app in
            let busan = try await ApiClient.signIn(app, "busan@teukgu.demo")
            func upload(_ name: String) async throws -> String {
                let response = try await DocumentTests().upload(
                    app, token: busan.token, body: DocumentTests.pdf, name: name)
                return (try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])?["id"]
                    as? String ?? ""
            }
            let attached = try await upload("berth-plan.pdf")
            _ = try await upload("unrelated-memo.pdf")
            let call = try #require(
                try await DesignationCallRecord.query(on: app.db).filter(\.$status == .accepting).first())
            var plan = DesignationFixtures.plan(name: "Busan with one attachment")
            plan["documentIDs"] = [attached]
            let created = try await busan.object(
                .POST, Endpoints.apiCallApplications.link([.callID: "\(call.id!.uuidString)"]), ["plan": plan],
                expect: .created)
            let id = try #require(created["id"] as? String)
            var page = BrowserSession(app: app)
            _ = try await page.signIn("busan@teukgu.demo")
            let editing = try await page.get(Endpoints.applicationPage.link([.applicationID: "\(id)"])).body.string
            #expect(editing.contains("berth-plan.pdf") && editing.contains("unrelated-memo.pdf"))
            _ = try await busan.object(.POST, Endpoints.apiSubmitApplication.link([.applicationID: "\(id)"]))
            let submitted = try await page.get(Endpoints.applicationPage.link([.applicationID: "\(id)"])).body.string
            #expect(submitted.contains("berth-plan.pdf"))
            #expect(!submitted.contains("unrelated-memo.pdf"))
        }
    }

    /// An evaluator's assignment to one application, in a panel of its own, with the given status.
    func assign(
        _ evaluator: AccountRecord, to applicationID: UUID, programme: String, callID: UUID, status: AssignmentStatus,
        on database: any Database
    ) async throws -> EvaluationAssignmentRecord {
        let panel = EvaluationPanelRecord()
        panel.programme = programme
        panel.callID = callID
        panel.stageID = "written"
        panel.round = 1
        panel.status = .scoring
        try await panel.create(on: database)
        let assignment = EvaluationAssignmentRecord()
        assignment.panelID = try panel.requireID()
        assignment.evaluatorID = try evaluator.requireID()
        assignment.applicationID = applicationID
        assignment.status = status
        try await assignment.create(on: database)
        return assignment
    }

    /// Whoever may read an application may open what it attaches, and nobody else: an evaluator
    /// once they have declared no conflict, the partner staff and evaluators of a collaboration
    /// application; not another region, not an evaluator still to declare.
    @Test func attachedDocumentsOpenForThoseWhoMayReadTheApplication() async throws {
        try await withTeukgu { app in
            let busan = try await ApiClient.signIn(app, "busan@teukgu.demo")
            let ulsan = try await ApiClient.signIn(app, "ulsan@teukgu.demo")
            let evaluator = try await ApiClient.signIn(app, "evaluator@teukgu.demo")
            let attachedID = try await upload(app, busan.token)
            let keptBackID = try await upload(app, busan.token)
            let call = try #require(
                try await DesignationCallRecord.query(on: app.db).filter(\.$status == .accepting).first())
            var plan = DesignationFixtures.plan(name: "Busan with documents")
            // Ids are kept as given; a lower-case one must be found on PostgreSQL too.
            plan["documentIDs"] = [attachedID.lowercased()]
            plan["measures"] = ["safety": "See \(keptBackID) for details", "environment": "x", "privacy": "x"]
            let created = try await busan.object(
                .POST, Endpoints.apiCallApplications.link([.callID: "\(call.id!.uuidString)"]), ["plan": plan],
                expect: .created)
            let applicationID = try #require(UUID(uuidString: created["id"] as? String ?? ""))
            let content = { (id: String) in Endpoints.apiDocumentContent.link([.documentID: "\(id)"]) }

            #expect(try await ulsan.send(.GET, content(attachedID)).status == .notFound)
            #expect(try await evaluator.send(.GET, content(attachedID)).status == .notFound)
            let evaluatorAccount = try #require(
                try await AccountRecord.query(on: app.db).filter(\.$email == "evaluator@teukgu.demo").first())
            let assignment = try await assign(
                evaluatorAccount, to: applicationID, programme: "designation", callID: try call.requireID(),
                status: .awaitingDeclaration, on: app.db)
            #expect(try await evaluator.send(.GET, content(attachedID)).status == .notFound)
            assignment.status = .declaredNoConflict
            try await assignment.update(on: app.db)
            let opened = try await evaluator.send(.GET, content(attachedID))
            #expect(opened.status == .ok)
            #expect(opened.body == DocumentTests.pdf)
            #expect(
                try await evaluator.send(.GET, Endpoints.apiDocument.link([.documentID: "\(attachedID)"])).status == .ok
            )
            // An id written into the plan's prose is not an attachment.
            #expect(try await evaluator.send(.GET, content(keptBackID)).status == .notFound)
            #expect(try await ulsan.send(.GET, content(attachedID)).status == .notFound)

            // Collaboration: the startup's attachment opens for an evaluator cleared on it, not for another company.
            let startup = try await ApiClient.signIn(app, "startup@teukgu.demo")
            let otherStartup = try await ApiClient.signIn(app, "startup2@teukgu.demo")
            let startupDocument = try await upload(app, startup.token)
            let collaboration = try #require(
                try await CollaborationCallRecord.query(on: app.db).filter(\.$year == 2026).first())
            let startupApplication = try await startup.object(
                .POST, Endpoints.apiCreateCollaborationApplication.link([.callID: "\(collaboration.id!.uuidString)"]),
                ["documentIDs": [startupDocument]], expect: .created)
            #expect(try await otherStartup.send(.GET, content(startupDocument)).status == .notFound)
            #expect(try await evaluator.send(.GET, content(startupDocument)).status == .notFound)
            // A collaboration panel's call id is its track's id; which track does not matter here.
            _ = try await assign(
                evaluatorAccount, to: try #require(UUID(uuidString: startupApplication["id"] as? String ?? "")),
                programme: "collaboration", callID: UUID(), status: .submitted, on: app.db)
            #expect(try await evaluator.send(.GET, content(startupDocument)).status == .ok)
            #expect(try await otherStartup.send(.GET, content(startupDocument)).status == .notFound)
        }
    }
}
