import Foundation
import TeukguCore

/// A year's call of the collaboration programme: its window, mode, cap with its citation, the
/// eligibility and stages in the reader's language, the year's tracks, the company's own
/// application or the start button, and for the ministry the panels, selection and exports.
struct CollaborationCallPage: Encodable {
    struct PanelLink: Encodable {
        let track: String
        let stage: String
        let href: String
    }

    let call: CollaborationPagesController.CallRow
    let grantCapCitation: String
    let ageText: String
    /// For a signed-in company: the last day it is within the call's age, counted by the Civil Act.
    let companyEligibleUntil: String?
    let sectors: [String]
    let stages: [String]
    let tracks: [CollaborationPagesController.TrackRow]
    let isCompany: Bool
    let myApplicationHref: String?
    let startAction: String
    let isMinistry: Bool
    let selectionHref: String?
    let csv: [String: String]
    let budget: String
    let panels: [PanelLink]

    /// `panels` are the call's evaluation panels with their tracks' names (the ministry's view only).
    init(
        _ record: CollaborationCallRecord, row: CollaborationPagesController.CallRow,
        tracks: [CollaborationPagesController.TrackRow], panels: [(panel: EvaluationPanelRecord, track: String)],
        myApplication: CollaborationApplicationRecord?, company: CompanyRecord? = nil, viewer: CurrentAccount?,
        language: String
    ) throws {
        let callID = try record.requireID().uuidString
        let stageList = try CollaborationCalls.stages(of: record)
        let eligibility = try JSONColumn.decode(CollaborationEligibility.self, record.eligibilityJSON)
        call = row
        grantCapCitation = CitationWords.text(stored: record.grantCapCitation, language)
        ageText = Strings.format(
            "collaboration.ageRange", language, eligibility.minimumAgeYears, eligibility.maximumAgeYears)
        companyEligibleUntil = company.flatMap { CalendarDate(iso: $0.foundedOn) }.map {
            Strings.format("collaboration.eligibleUntil", language, eligibility.lastEligibleDay(foundedOn: $0).iso)
        }
        sectors = eligibility.sectors
        stages = stageList.map { Strings.pick($0.titleKorean, $0.titleEnglish, language) }
        self.tracks = tracks
        isCompany = viewer?.role == .companyMember
        myApplicationHref = try myApplication.map {
            Endpoints.collaborationApplicationPage.link([.applicationID: try $0.requireID().uuidString])
        }
        let links: [PathParameter: String] = [.callID: callID]
        startAction = Endpoints.startCollaborationApplicationForm.link(links)
        isMinistry = viewer?.role.isMinistry == true
        selectionHref = isMinistry && record.status.hasSelection ? Endpoints.matchingPage.link(links) : nil
        csv = [
            "applications": Endpoints.apiCollaborationApplicationsCSV.link(links),
            "scores": Endpoints.apiCollaborationScoresCSV.link(links),
            "results": Endpoints.apiCollaborationResultsCSV.link(links),
        ]
        budget = Money(won: record.budgetWon).text(language: language)
        self.panels = try panels.map { entry in
            let stage = stageList.first { $0.id == entry.panel.stageID }
            let stageTitle =
                stage.map { Strings.pick($0.titleKorean, $0.titleEnglish, language) } ?? entry.panel.stageID
            return PanelLink(
                track: entry.track, stage: "\(stageTitle) · \(entry.panel.status.text(language))",
                href: Endpoints.panelPage.link([.panelID: try entry.panel.requireID().uuidString]))
        }
    }
}
