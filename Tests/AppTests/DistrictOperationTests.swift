import Fluent
import Foundation
import Testing
import TeukguCore
import Vapor
import VaporTesting

@testable import App

/// Districts in operation: plan changes, annual evaluation, extension, de-designation, monitoring.
@Suite struct DistrictOperationTests {
    @Test func aDistrictLivesThroughChangesEvaluationsExtensionAndDedesignation() async throws {
        try await withTeukgu { app in
            app.clock = FixedClock(seoul("2026-12-01T10:00:00+09:00"))
            let busan = try await ApiClient.signIn(app, "busan@teukgu.demo")
            let ulsan = try await ApiClient.signIn(app, "ulsan@teukgu.demo")
            let admin = try await ApiClient.signIn(app, "admin@teukgu.demo")
            let path = "/api/v1/districts/busan-marine-mobility"
            let before = try await busan.object(.GET, "\(path)/operation")
            #expect(before["status"] as? String == "operating" && before["endsOn"] as? String == "2028-05-31")
            #expect(before["postMonitoringUntil"] as? String == "2030-05-31")
            #expect(before["hasRulebook"] as? Bool == true)

            // Minor changes (Act art. 81) apply at once; major ones wait for the committee.
            let newOperator = DemoAccounts.registrationNumber("605899999")
            let minor = try await busan.object(
                .POST, "\(path)/plan-changes",
                [
                    "kind": "minor", "description": "Add a fuel-cell supplier",
                    "addOperators": [["name": "Busan Fuel Cells", "businessRegistrationNumber": newOperator]],
                ], expect: .created)
            #expect(
                (minor["zoneOperators"] as? [[String: Any]])?.contains {
                    $0["businessRegistrationNumber"] as? String == newOperator
                } == true)
            let duplicate = try await busan.send(
                .POST, "\(path)/plan-changes",
                [
                    "kind": "minor", "description": "Again",
                    "addOperators": [["name": "Again", "businessRegistrationNumber": newOperator]],
                ])
            #expect(errorCode(duplicate) == "duplicate_operator")
            let invalid = try await busan.send(
                .POST, "\(path)/plan-changes",
                ["kind": "minor", "description": "Bad number", "removeOperators": ["123-45-67890"]])
            #expect(errorCode(invalid) == "invalid_business_registration_number")
            #expect(
                try await ulsan.send(
                    .POST, "\(path)/plan-changes",
                    ["kind": "minor", "description": "Not mine", "removeOperators": [newOperator]]
                ).status == .notFound)
            let major = try await busan.object(
                .POST, "\(path)/plan-changes",
                [
                    "kind": "major", "description": "Extend the test zone to Gadeok",
                    "removeOperators": [newOperator],
                ], expect: .created)
            #expect((major["planChanges"] as? [[String: Any]])?.last?["status"] as? String == "pending-committee")
            #expect(
                try await busan.send(
                    .POST, "\(path)/plan-changes/2/decision", ["approve": true, "reason": "Committee approved"]
                ).status == .forbidden)
            let approved = try await admin.object(
                .POST, "\(path)/plan-changes/2/decision",
                ["approve": true, "reason": "Committee approved on 2026-11-30"])
            let removed = (approved["zoneOperators"] as? [[String: Any]])?.first {
                $0["businessRegistrationNumber"] as? String == newOperator
            }
            #expect(removed?["until"] as? String == "2026-12-01")
            #expect(
                errorCode(
                    try await admin.send(
                        .POST, "\(path)/plan-changes/2/decision", ["approve": false, "reason": "again please"]))
                    == "already_decided")

            // The annual evaluation: the region first, then the panel, graded by the thresholds in force.
            let early = try await admin.send(.POST, "\(path)/evaluations/panel", ["year": 2026, "score": 90])
            #expect(errorCode(early) == "self_evaluation_missing")
            _ = try await busan.object(
                .POST, "\(path)/evaluations",
                [
                    "year": 2026, "selfScore": 88, "comment": "Ahead of plan",
                    "actuals": [["name": "실증 건수", "actual": 15]],
                ], expect: .created)
            let unknownKPI = try await busan.send(
                .POST, "\(path)/evaluations",
                ["year": 2026, "selfScore": 88, "actuals": [["name": "Smiles", "actual": 1]]])
            #expect(errorCode(unknownKPI) == "unknown_kpi")
            let graded = try await admin.object(
                .POST, "\(path)/evaluations/panel", ["year": 2026, "score": 86.5, "comment": "Strong year"])
            let evaluation = (graded["evaluations"] as? [[String: Any]])?.first
            #expect(evaluation?["grade"] as? String == "excellent")
            #expect(((evaluation?["kpis"] as? [[String: Any]])?.first?["achieved"] as? Double) == 75)

            // One extension of at most two years; a second is refused.
            let tooLong = try await admin.send(.POST, "\(path)/extension", ["years": 3])
            #expect(errorCode(tooLong) == "extension_too_long")
            // Lengths past the calendar's end are refused the same way, not a crash (a fuzz run found it).
            for hostile: [String: Any] in [["months": 671_140], ["years": Int.max], ["months": Int.min]] {
                let refused = try await admin.send(.POST, "\(path)/extension", hostile)
                #expect(
                    refused.status == .unprocessableEntity && errorCode(refused) == "extension_too_long", "\(hostile)")
            }
            let extended = try await admin.object(.POST, "\(path)/extension", ["months": 18])
            #expect(extended["endsOn"] as? String == "2029-11-30" && extended["extended"] as? Bool == true)
            #expect(errorCode(try await admin.send(.POST, "\(path)/extension", ["months": 1])) == "already_extended")

            // De-designation ends it early; the ministry may ask for data for two more years.
            let ended = try await admin.object(
                .POST, "\(path)/dedesignation", ["on": "2027-03-01", "reason": "Poor grades two years running"])
            #expect(
                ended["dedesignatedOn"] as? String == "2027-03-01"
                    && ended["postMonitoringUntil"] as? String == "2029-02-28")
            app.clock = FixedClock(seoul("2027-03-02T10:00:00+09:00"))
            let after = try await busan.object(.GET, "\(path)/operation")
            #expect(after["status"] as? String == "dedesignated, post-monitoring")
            let closed = try await busan.send(
                .POST, "\(path)/plan-changes",
                [
                    "kind": "minor", "description": "Too late now",
                    "addOperators": [
                        ["name": "X", "businessRegistrationNumber": DemoAccounts.registrationNumber("605800001")]
                    ],
                ])
            #expect(errorCode(closed) == "district_not_operating")
        }
    }

    @Test func everyDesignationPageRendersForEveryRole() async throws {
        try await withTeukgu { app in
            let call = try #require(
                try await DesignationCallRecord.query(on: app.db).filter(\.$status == .accepting).first())
            let historical = try #require(
                try await DesignationCallRecord.query(on: app.db).filter(\.$status == .historical).first())
            let paths = [
                Endpoints.designationHome.link(), Endpoints.callPage.link([.callID: "\(call.id!.uuidString)"]),
                Endpoints.callPage.link([.callID: "\(historical.id!.uuidString)"]),
                Endpoints.districtsPage.link(), Endpoints.districtPage.link([.districtID: "daejeon-synthetic-bio"]),
                Endpoints.proceduresPage.link(), Endpoints.assignmentsPage.link(), Endpoints.home.link(),
            ]
            for entry in DemoAccounts.entries {
                var browser = BrowserSession(app: app)
                _ = try await browser.signIn(entry.email)
                for path in paths {
                    let response = try await browser.get(path)
                    #expect(response.status.code < 500, "\(entry.email) \(path): \(response.status)")
                }
            }
            var anonymous = BrowserSession(app: app)
            for path in [
                Endpoints.designationHome.link(), Endpoints.callPage.link([.callID: "\(call.id!.uuidString)"]),
                Endpoints.districtPage.link([.districtID: "gangwon-ai-healthcare"]),
            ] {
                #expect(try await anonymous.get(path).status == .ok)
            }
            #expect(try await anonymous.get(Endpoints.proceduresPage.link()).status == .seeOther)
            #expect(
                try await anonymous.get(Endpoints.districtPage.link([.districtID: "no-such-district"])).status
                    == .notFound)
        }
    }
}

@Suite struct OverdueProcedureTests {
    @Test func overdueProceduresLeadTheOfficersHomePage() async throws {
        try await withTeukgu { app in
            let call = try #require(
                try await DesignationCallRecord.query(on: app.db).filter(\.$status == .accepting).first())
            let busan = try #require(
                try await AccountRecord.query(on: app.db).filter(\.$email == "busan@teukgu.demo").first())
            let application = DesignationApplicationRecord()
            application.callID = try call.requireID()
            application.regionID = "busan"
            application.applicantName = "부산광역시"
            application.applicantLevel = "metropolitan"
            application.status = .submitted
            application.planJSON = try JSONColumn.encode(DistrictPlan(name: "Late harbour"))
            application.revision = 1
            application.outcome = .candidate
            application.createdBy = try busan.requireID()
            try await application.create(on: app.db)
            var state = ProcedureState(startedOn: CalendarDate(iso: "2027-01-04")!)
            state.history.append(.init(step: .priorConsultation, enteredOn: CalendarDate(iso: "2027-01-04")!, note: ""))
            state.history.append(.init(step: .publicNotice, enteredOn: CalendarDate(iso: "2027-01-05")!, note: ""))
            state.history.append(.init(step: .application, enteredOn: CalendarDate(iso: "2027-02-15")!, note: ""))
            state.history.append(.init(step: .ministryOpinions, enteredOn: CalendarDate(iso: "2027-02-16")!, note: ""))
            let procedure = DesignationProcedureRecord()
            procedure.applicationID = try application.requireID()
            procedure.callID = try call.requireID()
            procedure.regionID = "busan"
            procedure.title = "Late harbour"
            procedure.stateJSON = try JSONColumn.encode(state)
            procedure.currentStep = state.current.rawValue
            try await procedure.create(on: app.db)

            app.clock = FixedClock(seoul("2027-03-10T10:00:00+09:00"))
            var officer = BrowserSession(app: app)
            _ = try await officer.signIn("officer@teukgu.demo")
            var html = try await officer.get(Endpoints.home.link()).body.string
            #expect(!html.contains("Late harbour"))

            // 15 February + 90 days ends on 17 May; from the 18th the decision is overdue.
            app.clock = FixedClock(seoul("2027-05-18T10:00:00+09:00"))
            // Two months on, the first session has ended on the server; sign in again.
            _ = try await officer.signIn("officer@teukgu.demo")
            html = try await officer.get(Endpoints.home.link()).body.string
            let overdue = try #require(html.range(of: "Late harbour"))
            #expect(html.contains("2027-05-17"))
            // It is the first attention item on the page.
            let firstItem = try #require(html.range(of: "<li class=\"attention-"))
            #expect(
                firstItem.lowerBound < overdue.lowerBound && html[firstItem.lowerBound..<overdue.lowerBound].count < 200
            )
            let list = try await officer.get(Endpoints.proceduresPage.link()).body.string
            #expect(list.contains("overdue") || list.contains("기한 경과"))
        }
    }
}

@Suite struct RegionalAttentionTests {
    /// A region's home page lists its drafts and the applications the ministry asked more of, each
    /// with its call's closing time; another region's drafts are not there.
    @Test func draftsAndInformationRequestsLeadTheRegionsHomePage() async throws {
        try await withTeukgu { app in
            let call = try #require(
                try await DesignationCallRecord.query(on: app.db).filter(\.$status == .accepting).first())
            app.clock = FixedClock(call.opensAt.addingTimeInterval(3600))
            let busan = try await ApiClient.signIn(app, "busan@teukgu.demo")
            let ulsan = try await ApiClient.signIn(app, "ulsan@teukgu.demo")
            let admin = try await ApiClient.signIn(app, "admin@teukgu.demo")
            let callID = try call.requireID().uuidString
            _ = try await busan.object(
                .POST, Endpoints.apiCallApplications.link([.callID: "\(callID)"]),
                ["plan": DesignationFixtures.plan(name: "Harbour draft")], expect: .created)
            let asked = try await busan.object(
                .POST, Endpoints.apiCallApplications.link([.callID: "\(callID)"]),
                ["plan": DesignationFixtures.plan(name: "Asked for more")], expect: .created)
            let askedID = try #require(asked["id"] as? String)
            _ = try await busan.object(.POST, Endpoints.apiSubmitApplication.link([.applicationID: "\(askedID)"]))
            _ = try await admin.object(
                .POST, Endpoints.apiInfoRequest.link([.applicationID: "\(askedID)"]),
                ["message": "Add the berth safety plan."])
            _ = try await ulsan.object(
                .POST, Endpoints.apiCallApplications.link([.callID: "\(callID)"]),
                ["plan": DesignationFixtures.plan(name: "Ulsan draft")], expect: .created)

            var region = BrowserSession(app: app)
            _ = try await region.signIn("busan@teukgu.demo")
            let html = try await region.get(Endpoints.home.link()).body.string
            #expect(html.contains("Harbour draft"))
            #expect(html.contains("Asked for more"))
            #expect(html.contains("Add the berth safety plan."))
            #expect(html.contains(Timestamps.seoulMinute(call.closesAt)))
            #expect(!html.contains("Ulsan draft"))
        }
    }
}
