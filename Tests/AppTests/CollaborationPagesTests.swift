import Fluent
import Foundation
import Testing
import TeukguCore
import Vapor
import VaporTesting

@testable import App

/// The 2026 demo call in single-track mode, driven through the pages by the demo accounts.
@Suite struct CollaborationPagesTests {
    func session(_ app: Application, _ email: String) async throws -> BrowserSession {
        var browser = BrowserSession(app: app)
        _ = try await browser.signIn(email)
        return browser
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

    @Test func the2026CallRunsThroughThePagesInSingleTrackMode() async throws {
        try await withTeukgu { app in
            let call = try #require(try await CollaborationCallRecord.query(on: app.db).filter(\.$year == 2026).first())
            let callPath = Endpoints.collaborationCallPage.link([.callID: "\(call.id!.uuidString)"])
            let nvidia = try #require(
                try await CollaborationTrackRecord.query(on: app.db).filter(\.$year == 2026).filter(
                    \.$partnerID == "nvidia"
                ).first())
            let nvidiaID = nvidia.id!.uuidString

            // NVIDIA's staff curate their track page.
            var partner = try await session(app, "nvidia@teukgu.demo")
            var html = try await partner.get(Endpoints.trackPage.link([.trackID: "\(nvidiaID)"])).body.string
            var token = BrowserSession.csrf(in: html) ?? ""
            #expect(
                try await partner.post(
                    Endpoints.trackPage.link([.trackID: "\(nvidiaID)"]),
                    pairs: [
                        ("csrf", token), ("description", "Inception programme with DGX Cloud time"),
                        ("offer", "GPU credits and mentoring"), ("sectorFocus", "AI"),
                    ]
                ).status == .seeOther)
            #expect(
                try await partner.get(Endpoints.trackPage.link([.trackID: "\(nvidiaID)"])).body.string.contains(
                    "Inception programme with DGX Cloud time"))

            // Two startups apply through their pages; over-cap amounts are refused on the page.
            var applicationPaths: [String] = []
            for (email, amount) in [("startup@teukgu.demo", "150,000,000"), ("startup2@teukgu.demo", "180000000")] {
                var startup = try await session(app, email)
                html = try await startup.get(callPath).body.string
                token = BrowserSession.csrf(in: html) ?? ""
                let started = try await startup.post("\(callPath)/applications", pairs: [("csrf", token)])
                let path = try #require(started.headers.first(name: .location))
                let over = try await startup.post(
                    path,
                    pairs: [
                        ("csrf", token), ("choice0", nvidiaID), ("plan", "Edge inference for harbour robots on Jetson"),
                        ("requestedWon", "250000000"),
                    ])
                #expect(over.status == .unprocessableEntity && over.body.string.contains("지원 상한"))
                // Nothing typed is lost: the plan, the amount and the chosen track come back.
                #expect(over.body.string.contains("Edge inference for harbour robots on Jetson"))
                #expect(over.body.string.contains("value=\"250000000\""))
                #expect(over.body.string.contains("value=\"\(nvidiaID)\" selected"))
                #expect(over.body.string.contains("href=\"#amount\""))
                #expect(
                    try await startup.post(
                        path,
                        pairs: [
                            ("csrf", token), ("choice0", nvidiaID),
                            ("plan", "Edge inference for harbour robots on Jetson"),
                            ("requestedWon", amount),
                        ]
                    ).status == .seeOther)
                #expect(try await startup.post("\(path)/submit", pairs: [("csrf", token)]).status == .seeOther)
                html = try await startup.get(path).body.string
                #expect(html.contains("class=\"receipt\"") && html.contains("GCP-2026-"))
                applicationPaths.append(path)
            }

            // After the close: the ministry forms NVIDIA's panels from the track page; the partner's staff sit on them.
            app.clock = FixedClock(call.closesAt.addingTimeInterval(3600))
            var officer = try await session(app, "officer@teukgu.demo")
            let members = try await AccountRecord.query(on: app.db).filter(
                \.$email ~~ ["evaluator@teukgu.demo", "nvidia@teukgu.demo"]
            ).all()
            let scoreByStage = [
                "written": ["technology", "market", "fit"], "demo": ["product", "team"],
                "presentation": ["plan", "global"],
            ]
            for stage in ["written", "demo", "presentation"] {
                html = try await officer.get(Endpoints.trackPage.link([.trackID: "\(nvidiaID)"])).body.string
                #expect(html.contains("name=\"stageID\" value=\"\(stage)\""))
                token = BrowserSession.csrf(in: html) ?? ""
                let formed = try await officer.post(
                    Endpoints.trackPanelForm.link([.trackID: "\(nvidiaID)"]),
                    pairs: [("csrf", token), ("stageID", stage)] + members.map { ("evaluatorIDs[]", $0.id!.uuidString) }
                )
                let panelPath = try #require(formed.headers.first(name: .location))
                for email in ["evaluator@teukgu.demo", "nvidia@teukgu.demo"] {
                    var evaluator = try await session(app, email)
                    for id in allIDs(
                        after: "/evaluation/assignments/",
                        in: try await evaluator.get(Endpoints.assignmentsPage.link()).body.string)
                    {
                        let page = try await evaluator.get(Endpoints.assignmentPage.link([.assignmentID: "\(id)"])).body
                            .string
                        guard page.contains("name=\"conflict\"") else { continue }
                        token = BrowserSession.csrf(in: page) ?? ""
                        _ = try await evaluator.post(
                            Endpoints.declarationForm.link([.assignmentID: "\(id)"]),
                            pairs: [("csrf", token), ("conflict", "no")])
                        let high =
                            try await evaluator.get(Endpoints.assignmentPage.link([.assignmentID: "\(id)"])).body.string
                            .contains("Haeum") ? "90" : "80"
                        let pairs = scoreByStage[stage]!.flatMap {
                            [("score_\($0)", high), ("why_\($0)", "Specific evidence in the deck")]
                        }
                        #expect(
                            try await evaluator.post(
                                Endpoints.scorecardForm.link([.assignmentID: "\(id)"]), pairs: [("csrf", token)] + pairs
                            ).status == .seeOther)
                    }
                }
                token = BrowserSession.csrf(in: try await officer.get(panelPath).body.string) ?? ""
                #expect(
                    try await officer.post(
                        Endpoints.finaliseForm.link([.panelID: "\(panelPath.suffix(36))"]), pairs: [("csrf", token)]
                    ).status == .seeOther)
            }
            // Everyone who applied chose NVIDIA, so the call moves to selection: the what-if, then confirmation.
            html = try await officer.get("\(callPath)/selection").body.string
            #expect(html.contains("Selected for") || html.contains("선정되었습니다"))
            token = BrowserSession.csrf(in: html) ?? ""
            #expect(try await officer.post("\(callPath)/selection", pairs: [("csrf", token)]).status == .seeOther)
            var startup = try await session(app, "startup@teukgu.demo")
            html = try await startup.get(applicationPaths[0]).body.string
            // The outcome in words, in the reader's language, never the stored code.
            #expect(html.contains("<strong>\(Strings.text("outcome.selected", "ko"))</strong>"))
            #expect(!html.contains(">selected<"))
            #expect(try await startup.get(Endpoints.profilePage.link()).status == .ok)
            var operatorSession = try await session(app, "operator@teukgu.demo")
            #expect(
                try await operatorSession.get(Endpoints.trackPage.link([.trackID: "\(nvidiaID)"])).body.string.contains(
                    "GCP-2026-00001"))
        }
    }

    @Test func everyCollaborationPageRendersForEveryRole() async throws {
        try await withTeukgu { app in
            let call = try #require(try await CollaborationCallRecord.query(on: app.db).filter(\.$year == 2026).first())
            let track = try #require(
                try await CollaborationTrackRecord.query(on: app.db).filter(\.$year == 2024).first())
            for entry in DemoAccounts.entries {
                var browser = try await session(app, entry.email)
                for path in [
                    Endpoints.collaborationHome.link(),
                    Endpoints.collaborationCallPage.link([.callID: "\(call.id!.uuidString)"]),
                    Endpoints.trackPage.link([.trackID: "\(track.id!.uuidString)"]), Endpoints.profilePage.link(),
                    Endpoints.home.link(),
                ] {
                    let response = try await browser.get(path)
                    #expect(response.status.code < 500, "\(entry.email) \(path): \(response.status)")
                }
            }
        }
    }
}
