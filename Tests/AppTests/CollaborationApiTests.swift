import Fluent
import Foundation
import Testing
import TeukguCore
import Vapor
import VaporTesting

@testable import App

/// A collaboration call end to end through the API, in both choice modes, with partner staff on panels.
@Suite struct CollaborationApiTests {
    /// A startup with one member account, for a test's applicants.
    static func startup(
        _ app: Application, name: String, first9: String, founded: String = "2026-01-10", sector: String = "AI"
    ) async throws -> ApiClient {
        let company = CompanyRecord()
        company.id = UUID()
        company.name = name
        company.businessRegistrationNumber = DemoAccounts.registrationNumber(first9)
        company.foundedOn = founded
        company.sector = sector
        try await company.create(on: app.db)
        let account = AccountRecord()
        account.email = "\(first9)@startup.test"
        account.displayName = name
        account.role = Role.companyMember.rawValue
        account.companyID = company.id
        account.language = "en"
        account.isActive = true
        try await account.create(on: app.db)
        return try await ApiClient.signIn(app, account.email)
    }

    struct World {
        let admin: ApiClient
        let callID: String
        let tracks: [String: String]
    }

    /// Opens a call for `year` with NVIDIA and AWS tracks of one place each.
    static func world(_ app: Application, year: Int, mode: String, stages: [[String: Any]]? = nil) async throws -> World
    {
        let admin = try await ApiClient.signIn(app, "admin@teukgu.demo")
        var tracks: [String: String] = [:]
        for partner in ["nvidia", "aws"] {
            let track = try await admin.object(
                .POST, Endpoints.apiTracks.link(),
                [
                    "year": year, "partnerID": partner, "name": "\(partner) \(year)",
                    "capacity": 1, "sectorFocus": "AI",
                ], expect: .created)
            tracks[partner] = track["id"] as? String
        }
        var body: [String: Any] = [
            "year": year, "title": "Call \(year)", "opensAt": "\(year)-03-02T09:00:00+09:00",
            "closesAt": "\(year)-03-31T18:00:00+09:00",
            "eligibility": ["minimumAgeYears": 1, "maximumAgeYears": 7, "sectors": ["AI", "Robotics"]],
            "budgetWon": 1_000_000_000, "choiceMode": mode,
        ]
        if let stages { body["stages"] = stages }
        let call = try await admin.object(.POST, Endpoints.apiCollaborationCalls.link(), body, expect: .created)
        return World(admin: admin, callID: call["id"] as? String ?? "", tracks: tracks)
    }

    /// Forms the track's panel for its current stage and has every panel member declare and score.
    static func evaluate(
        _ app: Application, admin: ApiClient, track: String, stage: String, criteria: [String], members: [String],
        scores: [String: Double]
    ) async throws {
        let evaluators = try await admin.list(.GET, Endpoints.apiEvaluators.link())
        let ids = members.map { email in evaluators.first { $0["email"] as? String == email }?["id"] as? String ?? "" }
        let panel = try await admin.object(
            .POST, Endpoints.apiPanels.link(),
            ["programme": "collaboration", "trackID": track, "stageID": stage, "evaluatorIDs": ids],
            expect: .created)
        for email in members {
            let client = try await ApiClient.signIn(app, email)
            for assignment in try await client.list(.GET, Endpoints.apiAssignments.link())
            where assignment["panelID"] as? String == panel["id"] as? String
                && assignment["status"] as? String == "awaiting-declaration"
            {
                let id = assignment["id"] as? String ?? ""
                _ = try await client.object(
                    .POST, Endpoints.apiDeclaration.link([.assignmentID: "\(id)"]), ["conflict": false])
                let value = scores[assignment["applicationID"] as? String ?? ""] ?? 50
                let card = Dictionary(
                    uniqueKeysWithValues: criteria.map {
                        ($0, ["score": value, "justification": "Evidence in the deck"] as [String: Any])
                    })
                _ = try await client.object(
                    .POST, Endpoints.apiScorecard.link([.assignmentID: "\(id)"]), ["scores": card])
            }
        }
        _ = try await admin.object(.POST, "/api/v1/evaluation/panels/\(panel["id"] as? String ?? "")/finalise")
    }

    @Test func aSingleTrackCallRunsEndToEnd() async throws {
        try await withTeukgu { app in
            app.clock = FixedClock(seoul("2030-03-05T10:00:00+09:00"))
            let world = try await Self.world(app, year: 2030, mode: "single")
            let call = try await world.admin.object(
                .GET, Endpoints.apiCollaborationCall.link([.callID: "\(world.callID)"]))
            #expect(call["grantCapWon"] as? Int == 200_000_000 && call["choiceMode"] as? String == "single")
            let nvidia = world.tracks["nvidia"]!
            let aws = world.tracks["aws"]!

            let alpha = try await Self.startup(app, name: "Alpha AI", first9: "120810001")
            let beta = try await Self.startup(app, name: "Beta AI", first9: "120810002")
            let old = try await Self.startup(app, name: "Old Corp", first9: "120810003", founded: "2010-01-01")
            // Profiles: the registration number is checked, the founding date must be real.
            #expect(
                errorCode(
                    try await alpha.send(
                        .PUT, Endpoints.apiProfile.link(), ["businessRegistrationNumber": "120-81-00010"]))
                    == "invalid_business_registration_number")
            _ = try await alpha.object(.PUT, Endpoints.apiProfile.link(), ["employees": 12, "revenueWon": 800_000_000])

            let base = Endpoints.apiCreateCollaborationApplication.link([.callID: "\(world.callID)"])
            let overCap = try await alpha.send(.POST, base, ["choices": [nvidia], "requestedWon": 200_000_001])
            #expect(overCap.status == .unprocessableEntity && errorCode(overCap) == "amount_over_cap")
            #expect(errorCode(try await alpha.send(.POST, base, ["choices": [nvidia, aws]])) == "too_many_choices")
            let alphaApp = try await alpha.object(
                .POST, base,
                [
                    "choices": [nvidia], "plan": "Port our inference stack to NVIDIA Jetson for factories",
                    "requestedWon": 150_000_000,
                ], expect: .created)
            let alphaID = alphaApp["id"] as? String ?? ""
            #expect(errorCode(try await alpha.send(.POST, base, ["choices": [nvidia]])) == "already_applied")
            let submitted = try await alpha.object(
                .POST, Endpoints.apiSubmitCollaborationApplication.link([.applicationID: "\(alphaID)"]))
            #expect(
                submitted["receiptNumber"] as? String == "GCP-2030-00001"
                    && submitted["status"] as? String == "submitted")
            #expect(try await MessageCheck.latestSubject(app, to: "120810001@startup.test").contains("GCP-2030-00001"))
            #expect(
                errorCode(
                    try await alpha.send(
                        .PUT, Endpoints.apiCollaborationApplication.link([.applicationID: "\(alphaID)"]),
                        ["plan": "changed"])) == "already_submitted")
            let betaApp = try await beta.object(
                .POST, base,
                [
                    "choices": [nvidia], "plan": "Robotics vision models trained on DGX cloud",
                    "requestedWon": 100_000_000,
                ], expect: .created)
            let betaID = betaApp["id"] as? String ?? ""
            _ = try await beta.object(
                .POST, Endpoints.apiSubmitCollaborationApplication.link([.applicationID: "\(betaID)"]))
            let oldApp = try await old.object(
                .POST, base,
                ["choices": [aws], "plan": "Legacy ERP migration to the cloud platform", "requestedWon": 50_000_000],
                expect: .created)
            let ineligible = try await old.send(
                .POST, "/api/v1/collaboration/applications/\(oldApp["id"] as? String ?? "")/submit")
            #expect(ineligible.status == .unprocessableEntity && ineligible.body.string.contains("years old"))
            #expect(
                try await beta.send(.GET, Endpoints.apiCollaborationApplication.link([.applicationID: "\(alphaID)"]))
                    .status == .notFound)

            // Partner staff see only their own track.
            let partner = try await ApiClient.signIn(app, "nvidia@teukgu.demo")
            #expect(
                try await partner.list(.GET, Endpoints.apiTrackApplications.link([.trackID: "\(nvidia)"])).count == 2)
            #expect(
                try await partner.send(.GET, Endpoints.apiTrackApplications.link([.trackID: "\(aws)"])).status
                    == .notFound)
            _ = try await partner.object(
                .PUT, Endpoints.apiTrack.link([.trackID: "\(nvidia)"]),
                ["description": "Inception credits and DGX time", "offer": "USD 100k credits"])
            #expect(
                errorCode(
                    try await partner.send(.PUT, Endpoints.apiTrack.link([.trackID: "\(nvidia)"]), ["capacity": 50]))
                    == "field_not_yours")
            #expect(
                try await partner.send(.PUT, Endpoints.apiTrack.link([.trackID: "\(aws)"]), ["description": "not mine"])
                    .status == .notFound)

            // After the close, three stages per track, with NVIDIA's staff on NVIDIA's panels only.
            app.clock = FixedClock(seoul("2030-04-01T10:00:00+09:00"))
            let evaluators = try await world.admin.list(.GET, Endpoints.apiEvaluators.link())
            let partnerID = evaluators.first { $0["email"] as? String == "nvidia@teukgu.demo" }?["id"] as? String ?? ""
            let wrongPanel = try await world.admin.send(
                .POST, Endpoints.apiPanels.link(),
                ["programme": "collaboration", "trackID": aws, "stageID": "written", "evaluatorIDs": [partnerID]])
            #expect(errorCode(wrongPanel) == "invalid_evaluators" || errorCode(wrongPanel) == "no_applications")
            let stages: [(String, [String])] = [
                ("written", ["technology", "market", "fit"]), ("demo", ["product", "team"]),
                ("presentation", ["plan", "global"]),
            ]
            for (stage, criteria) in stages {
                try await Self.evaluate(
                    app, admin: world.admin, track: nvidia, stage: stage, criteria: criteria,
                    members: ["evaluator@teukgu.demo", "nvidia@teukgu.demo"], scores: [alphaID: 90, betaID: 80])
            }
            let feedback = try await alpha.object(
                .GET, Endpoints.apiCollaborationApplication.link([.applicationID: "\(alphaID)"]))
            let stagesSeen = ((feedback["feedback"] as? [[String: Any]])?.first?["stages"] as? [[String: Any]])?.count
            #expect(stagesSeen == 3)

            // Selection: the top of the ranking, up to capacity, first as a what-if.
            let whatIf = try await world.admin.object(.GET, Endpoints.apiMatching.link([.callID: "\(world.callID)"]))
            let lines = whatIf["lines"] as? [[String: Any]] ?? []
            #expect(lines.first { $0["applicationID"] as? String == alphaID }?["trackID"] as? String == nvidia)
            let betaLine = lines.first { $0["applicationID"] as? String == betaID }
            #expect(betaLine?["trackID"] == nil)
            #expect((betaLine?["sentence"] as? String)?.contains("filled down to GCP-2030-00001") == true)
            _ = try await world.admin.object(
                .POST, Endpoints.apiMatching.link([.callID: "\(world.callID)"]), expect: .created)
            let decided = try await alpha.object(
                .GET, Endpoints.apiCollaborationApplication.link([.applicationID: "\(alphaID)"]))
            #expect(decided["outcome"] as? String == "selected" && decided["assignedTrackID"] as? String == nvidia)
            let results = try await world.admin.send(
                .GET, Endpoints.apiCollaborationResultsCSV.link([.callID: "\(world.callID)"]))
            #expect(results.body.string.contains("Alpha AI") && results.body.string.contains("GCP-2030-00002"))
            #expect(
                try await world.admin.send(.GET, Endpoints.apiCollaborationScoresCSV.link([.callID: "\(world.callID)"]))
                    .body.string.contains("Evidence in the deck"))
        }
    }

    @Test func aRankedChoiceCallMatchesByDeferredAcceptance() async throws {
        try await withTeukgu { app in
            app.clock = FixedClock(seoul("2031-03-05T10:00:00+09:00"))
            let oneStage: [[String: Any]] = [
                [
                    "id": "written", "titleKorean": "서면", "titleEnglish": "Written", "passThreshold": 50,
                    "criteria": [["id": "overall", "titleKorean": "종합", "titleEnglish": "Overall", "weight": 100]],
                ]
            ]
            let world = try await Self.world(app, year: 2031, mode: "ranked", stages: oneStage)
            let nvidia = world.tracks["nvidia"]!
            let aws = world.tracks["aws"]!
            let a = try await Self.startup(app, name: "A", first9: "220810001")
            let b = try await Self.startup(app, name: "B", first9: "220810002")
            let c = try await Self.startup(app, name: "C", first9: "220810003")
            let base = Endpoints.apiCreateCollaborationApplication.link([.callID: "\(world.callID)"])
            #expect(errorCode(try await a.send(.POST, base, ["choices": [nvidia, nvidia]])) == "duplicate_choice")
            var ids: [String: String] = [:]
            for (client, key, choices) in [(a, "a", [nvidia, aws]), (b, "b", [nvidia, aws]), (c, "c", [aws])] {
                let created = try await client.object(
                    .POST, base,
                    [
                        "choices": choices, "plan": "A plan long enough to describe the work",
                        "requestedWon": 100_000_000,
                    ], expect: .created)
                ids[key] = created["id"] as? String
                _ = try await client.object(
                    .POST, Endpoints.apiSubmitCollaborationApplication.link([.applicationID: "\(ids[key]!)"]))
            }
            app.clock = FixedClock(seoul("2031-04-01T10:00:00+09:00"))
            // NVIDIA ranks b over a; AWS ranks a over c over b.
            try await Self.evaluate(
                app, admin: world.admin, track: nvidia, stage: "written", criteria: ["overall"],
                members: ["evaluator@teukgu.demo"],
                scores: [ids["a"]!: 70, ids["b"]!: 90])
            try await Self.evaluate(
                app, admin: world.admin, track: aws, stage: "written", criteria: ["overall"],
                members: ["evaluator@teukgu.demo"],
                scores: [ids["a"]!: 95, ids["c"]!: 80, ids["b"]!: 60])
            let report = try await world.admin.object(.GET, Endpoints.apiMatching.link([.callID: "\(world.callID)"]))
            let lines = Dictionary(
                uniqueKeysWithValues: (report["lines"] as? [[String: Any]] ?? []).map {
                    ($0["applicationID"] as? String ?? "", $0)
                })
            #expect(lines[ids["b"]!]?["trackID"] as? String == nvidia)
            #expect(lines[ids["a"]!]?["trackID"] as? String == aws && lines[ids["a"]!]?["choiceNumber"] as? Int == 2)
            #expect(lines[ids["c"]!]?["trackID"] == nil)
            #expect((lines[ids["a"]!]?["sentence"] as? String)?.hasPrefix("Matched to your choice 2") == true)
            #expect(
                (lines[ids["a"]!]?["sentence"] as? String)?.contains(
                    "Choice 1, nvidia 2031: filled down to GCP-2031-00002, ranked 1") == true)
            let confirmed = try await world.admin.object(
                .POST, Endpoints.apiMatching.link([.callID: "\(world.callID)"]), expect: .created)
            #expect(confirmed["confirmed"] as? Bool == true)
            #expect(
                errorCode(try await world.admin.send(.POST, Endpoints.apiMatching.link([.callID: "\(world.callID)"])))
                    == "not_selecting")
        }
    }
}

/// The 2026 demo call, run with the demo accounts: three startups, NVIDIA's partner staff on its panel.
@Suite struct CollaborationDemoCallTests {
    @Test func the2026CallRunsInRankedChoiceWithTheDemoAccounts() async throws {
        try await withTeukgu { app in
            let admin = try await ApiClient.signIn(app, "admin@teukgu.demo")
            let call = try #require(try await CollaborationCallRecord.query(on: app.db).filter(\.$year == 2026).first())
            let callID = call.id!.uuidString
            _ = try await admin.object(
                .POST, Endpoints.apiCollaborationCallMode.link([.callID: "\(callID)"]),
                ["choiceMode": "ranked", "maxChoices": 2])
            let tracks = try await admin.list(.GET, Endpoints.apiTracks.link() + "?year=2026")
            func track(_ partner: String) -> String {
                tracks.first { $0["partnerID"] as? String == partner }?["id"] as? String ?? ""
            }
            let nvidia = track("nvidia")
            let aws = track("aws")
            for id in [nvidia, aws] {
                _ = try await admin.object(.PUT, Endpoints.apiTrack.link([.trackID: "\(id)"]), ["capacity": 1])
            }

            var ids: [String: String] = [:]
            for (email, choices) in [
                ("startup@teukgu.demo", [nvidia, aws]), ("startup2@teukgu.demo", [nvidia, aws]),
                ("startup3@teukgu.demo", [aws]),
            ] {
                let client = try await ApiClient.signIn(app, email)
                let created = try await client.object(
                    .POST, Endpoints.apiCreateCollaborationApplication.link([.callID: "\(callID)"]),
                    [
                        "choices": choices, "plan": "Pilot with the partner's platform in our product",
                        "requestedWon": 150_000_000,
                    ], expect: .created)
                ids[email] = created["id"] as? String
                _ = try await client.object(
                    .POST, Endpoints.apiSubmitCollaborationApplication.link([.applicationID: "\(ids[email]!)"]))
            }
            #expect(
                errorCode(
                    try await admin.send(
                        .POST, Endpoints.apiCollaborationCallMode.link([.callID: "\(callID)"]), ["choiceMode": "single"]
                    )) == "applications_submitted")
            // The operating organisation runs NVIDIA and AWS in the demo; it sees their applications.
            let operatorClient = try await ApiClient.signIn(app, "operator@teukgu.demo")
            #expect(
                try await operatorClient.list(.GET, Endpoints.apiTrackApplications.link([.trackID: "\(aws)"])).count
                    == 3)

            app.clock = FixedClock(call.closesAt.addingTimeInterval(3600))
            let stages: [(String, [String])] = [
                ("written", ["technology", "market", "fit"]), ("demo", ["product", "team"]),
                ("presentation", ["plan", "global"]),
            ]
            let haeum = ids["startup@teukgu.demo"]!
            let care = ids["startup2@teukgu.demo"]!
            let grid = ids["startup3@teukgu.demo"]!
            for (stage, criteria) in stages {
                try await CollaborationApiTests.evaluate(
                    app, admin: admin, track: nvidia, stage: stage, criteria: criteria,
                    members: ["evaluator@teukgu.demo", "nvidia@teukgu.demo"], scores: [care: 92, haeum: 85])
                try await CollaborationApiTests.evaluate(
                    app, admin: admin, track: aws, stage: stage, criteria: criteria,
                    members: ["evaluator3@teukgu.demo"], scores: [haeum: 95, grid: 88, care: 70])
            }
            let report = try await admin.object(.GET, Endpoints.apiMatching.link([.callID: "\(callID)"]))
            let lines = Dictionary(
                uniqueKeysWithValues: (report["lines"] as? [[String: Any]] ?? []).map {
                    ($0["applicationID"] as? String ?? "", $0)
                })
            #expect(lines[care]?["trackID"] as? String == nvidia)
            #expect(lines[haeum]?["trackID"] as? String == aws && lines[haeum]?["choiceNumber"] as? Int == 2)
            #expect(lines[grid]?["trackID"] == nil)
            let startup = try await ApiClient.signIn(app, "startup@teukgu.demo")
            #expect(
                try await startup.object(
                    .GET, Endpoints.apiCollaborationApplication.link([.applicationID: "\(haeum)"]))["outcome"]
                    as? String == "submitted")
            _ = try await admin.object(.POST, Endpoints.apiMatching.link([.callID: "\(callID)"]), expect: .created)
            let mine = try await startup.object(
                .GET, Endpoints.apiCollaborationApplication.link([.applicationID: "\(haeum)"]))
            #expect(mine["outcome"] as? String == "selected" && mine["assignedTrackID"] as? String == aws)
            #expect(((mine["feedback"] as? [[String: Any]])?.count) == 2)
            // NVIDIA's staff see NVIDIA's side of Haeum's application only.
            let partner = try await ApiClient.signIn(app, "nvidia@teukgu.demo")
            let partnerView = try await partner.object(
                .GET, Endpoints.apiCollaborationApplication.link([.applicationID: "\(haeum)"]))
            #expect((partnerView["choices"] as? [[String: Any]])?.map { $0["trackID"] as? String } == [nvidia])
            #expect(partnerView["assignedTrackID"] == nil)
        }
    }
}
