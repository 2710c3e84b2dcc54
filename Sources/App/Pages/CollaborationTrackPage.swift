import Foundation
import TeukguCore

/// A partner's track: what it offers, for everyone; the applications that chose it, for its own
/// partner staff, operating organisation and the ministry; the page's editor for its staff; and
/// the ministry's panel form once the call is closed.
struct CollaborationTrackPage: Encodable {
    struct Track: Encodable {
        let name: String
        let partnerName: String
        let year: Int
        let capacity: Int
        let sectorFocus: String
        let organisationName: String?
        let description: String
        let offer: String
    }

    struct Applicant: Encodable {
        let href: String
        let receipt: String
        let company: String
        let outcome: String
    }

    struct EvaluatorOption: Encodable {
        let id: String
        let label: String
    }

    let track: Track
    let canEdit: Bool
    let saveAction: String
    let applicants: [Applicant]?
    let isMinistry: Bool
    let panelAction: String
    let stageID: String?
    let stageTitle: String?
    let evaluators: [EvaluatorOption]

    /// `applicants` is nil unless the viewer's own track (or the ministry); `stage` is the stage a
    /// panel may form for now, if any.
    init(
        _ record: CollaborationTrackRecord, summary: TrackDTO, applicants: [CollaborationApplicationDTO]?,
        stage: EvaluationStage?, evaluators: [AccountRecord], viewer: CurrentAccount?, language: String
    ) throws {
        track = Track(
            name: summary.name, partnerName: summary.partnerName, year: summary.year, capacity: summary.capacity,
            sectorFocus: summary.sectorFocus, organisationName: summary.organisationName,
            description: summary.description, offer: summary.offer)
        let id = try record.requireID().uuidString
        canEdit =
            viewer.map {
                CollaborationTracks.isOwnTrack(record, $0) && ($0.role == .partnerStaff || $0.role.isMinistry)
            } ?? false
        saveAction = Endpoints.trackForm.link([.trackID: id])
        self.applicants = applicants?.map {
            Applicant(
                href: Endpoints.collaborationApplicationPage.link([.applicationID: $0.id.uuidString]),
                receipt: $0.receiptNumber ?? "", company: $0.company, outcome: $0.outcome.text(language))
        }
        isMinistry = viewer?.role.isMinistry == true
        panelAction = Endpoints.trackPanelForm.link([.trackID: id])
        stageID = stage?.id
        stageTitle = stage.map { Strings.pick($0.titleKorean, $0.titleEnglish, language) }
        self.evaluators = try evaluators.map {
            EvaluatorOption(id: try $0.requireID().uuidString, label: "\($0.displayName) <\($0.email)>")
        }
    }
}
