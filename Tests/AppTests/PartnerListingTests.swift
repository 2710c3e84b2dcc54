import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import App

@Suite struct PartnerListingTests {
    func listings(_ app: Application) async throws -> [ApiReferenceController.PartnerListingDTO] {
        let response = try await app.testing().sendRequest(.GET, Endpoints.apiPartnerListings.link())
        #expect(response.status == .ok)
        return try response.content.decode([ApiReferenceController.PartnerListingDTO].self)
    }

    @Test func eachYearListsItsPartnersUnderThatYearsNameWithItsSource() async throws {
        try await withTeukgu { app in
            let all = try await listings(app)
            let y2019 = all.filter { $0.year == 2019 }
            #expect(y2019.count == 1)
            #expect(y2019.first?.partnerID == "google" && y2019.first?.listedAs == "Google Play")
            #expect(y2019.first?.partnerName == "Google" && y2019.first?.trackName == "창구")
            #expect(y2019.first?.basis == "listed")
            // Years that published only a count have no invented names.
            #expect(!all.contains { $0.year == 2021 || $0.year == 2023 })
            let y2024 = all.filter { $0.year == 2024 }
            #expect(y2024.count == 11 && y2024.allSatisfy { $0.basis == "listed" })
            #expect(Set(y2024.map(\.source)).count == 1 && y2024[0].source.contains("2024"))
            let y2025 = Dictionary(uniqueKeysWithValues: all.filter { $0.year == 2025 }.map { ($0.partnerID, $0) })
            #expect(y2025.count == 14)
            #expect(y2025["ansys"]?.basis == "continued-reported")
            #expect(y2025["ansys"]?.source.contains("Ansys") == true)
            #expect(["thales", "l-oreal-korea", "air-liquide"].allSatisfy { y2025[$0]?.basis == "added" })
            #expect(y2025["nvidia"]?.basis == "continued-assumed")
            #expect(y2025.values.filter { $0.basis == "continued-assumed" }.count == 10)
            #expect(y2025["google"]?.listedAs == "Google")
        }
    }

    @Test func theProgrammePageShowsEachYearsPartnersWithSourcesInBothLanguages() async throws {
        try await withTeukgu { app in
            var browser = BrowserSession(app: app)
            let english = try await browser.get(Endpoints.collaborationHome.link(), headers: ["Accept-Language": "en"])
            #expect(english.status == .ok)
            let html = english.body.string
            #expect(html.contains("Partners by year, with sources"))
            #expect(html.contains("Google Play (Google)"))
            #expect(html.contains("assumed to continue (no source)"))
            #expect(html.contains("continued (reported)"))
            #expect(html.contains("Ansys continued"))
            let korean = try await browser.get(Endpoints.collaborationHome.link(), headers: ["Accept-Language": "ko"])
            #expect(korean.body.string.contains("연도별 파트너사"))
            #expect(korean.body.string.contains("계속 참여로 추정"))
        }
    }

    @Test func twentyTwentyFiveKeepsAnsysAndHasTheFourteenPublishedTracks() async throws {
        try await withTeukgu { app in
            let tracks = try await CollaborationTrackRecord.query(on: app.db).filter(\.$year == 2025).all()
            #expect(tracks.count == 14)
            #expect(tracks.contains { $0.partnerID == "ansys" })
            #expect(tracks.map(\.capacity).reduce(0, +) == 364)
            #expect(Set(tracks.map(\.partnerID)).count == 14)
        }
    }

    @Test func mergingARenamedPartnerMovesEveryReferenceAndKeepsTheEarliestYear() async throws {
        try await withTeukgu { app in
            let old = PartnerRecord()
            old.id = "google-play"
            old.name = "Google Play"
            old.country = "United States"
            old.provides = "App-market growth programme"
            old.joinedYear = 2018
            try await old.create(on: app.db)
            let google = try #require(try await PartnerRecord.find("google", on: app.db))
            let track = CollaborationSeed.track(year: 2025, partner: old, capacity: 10, organisation: nil)
            try await track.create(on: app.db)
            let listing = PartnerListingRecord()
            listing.year = 2018
            listing.partnerID = "google-play"
            listing.listedAs = "Google Play"
            listing.basis = .listed
            listing.source = "test"
            try await listing.create(on: app.db)

            try await PartnerMerge.merge(from: "google-play", into: "google", on: app.db)

            #expect(try await PartnerRecord.find("google-play", on: app.db) == nil)
            #expect(try await CollaborationTrackRecord.find(track.id, on: app.db)?.partnerID == "google")
            #expect(try await PartnerListingRecord.find(listing.id, on: app.db)?.partnerID == "google")
            #expect(try await PartnerRecord.find("google", on: app.db)?.joinedYear == min(2018, google.joinedYear))
            // A second run finds nothing to merge and changes nothing.
            try await PartnerMerge.merge(from: "google-play", into: "google", on: app.db)
            #expect(try await PartnerRecord.query(on: app.db).filter(\.$id == "google").count() == 1)
        }
    }
}
