import Foundation
import Testing
import TeukguCore

@testable import App

/// What pages show for given records, without a database or a template.
@Suite struct DesignationApplicationPageTests {
    static let opens = Date(timeIntervalSince1970: 1_800_000_000)

    static func records(
        status: ApplicationStatus, outcome: ApplicationOutcome, plan: DistrictPlan = DistrictPlan(name: "Busan marine"),
        revisions: [DesignationRevisionRecord] = []
    ) throws -> DesignationApplicationPage.Records {
        let call = DesignationCallRecord()
        call.id = UUID()
        call.round = 3
        call.title = "Round 3"
        call.opensAt = opens
        call.closesAt = opens.addingTimeInterval(30 * 86_400)
        call.status = .accepting
        call.stagesJSON = try JSONColumn.encode([
            EvaluationStage(
                id: "written", titleKorean: "서면평가", titleEnglish: "Written evaluation", criteria: [], passThreshold: 60,
                advanceCount: nil)
        ])
        let application = DesignationApplicationRecord()
        application.id = UUID()
        application.callID = try call.requireID()
        application.regionID = "busan"
        application.applicantName = "부산광역시"
        application.applicantLevel = "metropolitan"
        application.status = status
        application.outcome = outcome
        application.planJSON = try JSONColumn.encode(plan)
        application.revision = 2
        if status != .draft {
            application.receiptNumber = "GID-R3-0001"
            application.submittedAt = opens.addingTimeInterval(3600)
        }
        let region = RegionRecord()
        region.id = "busan"
        region.nameKorean = "부산광역시"
        region.nameEnglish = "Busan"
        region.isCapitalRegion = false
        return .init(
            application: application, call: call, region: region, revisions: revisions, feedback: [], documents: [],
            rules: [("national.example", "An example rule")], knownRuleIDs: ["national.example"])
    }

    static func viewer(_ role: Role, region: String? = nil) -> CurrentAccount {
        CurrentAccount(
            id: UUID(), email: "x@y.z", displayName: "X", role: role, regionID: region, companyID: nil, partnerID: nil,
            organisationID: nil, language: "ko", viaToken: false)
    }

    @Test func aDraftShowsItsRegionTheFormAndWhatIsStillMissingInWords() throws {
        let page = try DesignationApplicationPage(
            Self.records(status: .draft, outcome: .draft), viewer: Self.viewer(.regionalOfficial, region: "busan"),
            now: Self.opens.addingTimeInterval(60), language: "ko", form: nil, error: nil)
        #expect(page.application.statusText == "작성 중 (제출 전)")
        #expect(page.application.regionName == "부산광역시" && page.application.applicantLevelText == "시·도")
        #expect(page.showForm && page.canWithdraw && !page.canRequestInformation)
        #expect(!page.application.missingForSubmission.isEmpty)
        #expect(page.rules.map(\.id) == ["national.example"])
    }

    @Test func aSubmittedApplicationShowsItsReceiptInSeoulTimeAndNoForm() throws {
        let page = try DesignationApplicationPage(
            Self.records(status: .submitted, outcome: .submitted),
            viewer: Self.viewer(.regionalOfficial, region: "busan"), now: Self.opens.addingTimeInterval(7200),
            language: "en", form: nil, error: nil)
        #expect(page.application.state == "submitted" && page.application.statusText == "Submitted")
        #expect(page.application.receiptNumber == "GID-R3-0001")
        #expect(page.application.submittedAt.wholeMatch(of: /\d{4}-\d{2}-\d{2} \d{2}:\d{2} KST/) != nil)
        #expect(!page.showForm && page.application.missingForSubmission.isEmpty)
        #expect(page.application.regionName == "Busan")
    }

    @Test func theMinistryMayAskForMoreAndSeesEveryRevisionInWords() throws {
        let revision = DesignationRevisionRecord()
        revision.revision = 1
        revision.event = "created"
        revision.savedAt = Self.opens
        let page = try DesignationApplicationPage(
            Self.records(status: .submitted, outcome: .passed(stage: "written"), revisions: [revision]),
            viewer: Self.viewer(.ministryOfficer), now: Self.opens, language: "en", form: nil, error: nil)
        #expect(page.canRequestInformation && !page.canWithdraw && !page.showForm)
        #expect(page.application.outcomeText == "Written evaluation passed")
        #expect(page.revisions.count == 1 && page.revisions[0].contains("created") && page.revisions[0].hasPrefix("r1"))
    }

    @Test func someoneElseSeesNeitherFormNorRevisions() throws {
        let page = try DesignationApplicationPage(
            Self.records(status: .submitted, outcome: .submitted), viewer: Self.viewer(.evaluator),
            now: Self.opens, language: "ko", form: nil, error: nil)
        #expect(!page.showForm && !page.canWithdraw && !page.canRequestInformation && page.revisions.isEmpty)
    }
}
