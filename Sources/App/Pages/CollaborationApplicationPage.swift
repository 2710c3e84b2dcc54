import Foundation
import TeukguCore

/// The page of one collaboration application: its state in words, the tracks chosen, the feedback
/// of each stage, and (for its company while it may change) the form with one select per choice.
/// Built from values the controller loaded once; it reads no database and embeds no API type.
struct CollaborationApplicationPage: Encodable {
    struct Application: Encodable {
        /// The lifecycle state, for the template's choice of banner.
        let state: String
        let statusText: String
        let outcomeText: String
        let company: String
        let receiptNumber: String?
        let submittedAt: String
        let choices: [String]
        let plan: String
        let requestedWon: String
        let missingForSubmission: [String]
        let feedback: [TrackFeedback]
    }

    struct TrackFeedback: Encodable {
        let trackName: String
        let stages: [StageFeedback]
    }

    struct TrackOption: Encodable {
        let id: String
        let name: String
        let selected: Bool
    }

    /// One choice field (1st, 2nd, 3rd choice) with its options.
    struct ChoiceSlot: Encodable {
        let field: String
        let number: Int
        let options: [TrackOption]
    }

    /// The form as a refused request sent it, shown again instead of what is stored.
    struct Typed {
        let choices: [String]
        let plan: String
        let requestedWon: String
        let documents: [String]
    }

    /// What the controller loaded for the page: the application as its viewer may see it (choices
    /// and feedback already narrowed to what the viewer may read), its call and the year's tracks.
    struct Records {
        let application: CollaborationApplicationRecord
        let visible: CollaborationApplicationDTO
        let call: CollaborationCallRecord
        let tracks: [CollaborationTrackRecord]
        let documents: [AttachableDocuments.Option]
        /// What still stops a submission, for the company's own draft.
        let submissionIssues: [FieldIssue]
    }

    let application: Application
    let callTitle: String
    let callHref: String
    let isOwner: Bool
    let showForm: Bool
    let canWithdraw: Bool
    let slots: [ChoiceSlot]
    let saveAction: String
    let submitAction: String
    let withdrawAction: String
    let cap: String
    let requested: String
    let error: String?
    let documents: [AttachableDocuments.Option]
    let uploadHref: String

    init(
        _ records: Records, viewer: CurrentAccount, now: Date, language: String, typed: Typed? = nil, error: String?
    ) throws {
        let record = records.application
        let visible = records.visible
        let stages = (try? CollaborationCalls.stages(of: records.call)) ?? []
        application = Application(
            state: record.status.rawValue, statusText: record.status.text(language),
            outcomeText: record.outcome.text(language, stages: stages), company: visible.company,
            receiptNumber: record.receiptNumber, submittedAt: Timestamps.seoulMinute(record.submittedAt),
            choices: visible.choices.map(\.name), plan: typed?.plan ?? visible.plan,
            requestedWon: typed?.requestedWon ?? (visible.requestedWon == 0 ? "" : String(visible.requestedWon)),
            missingForSubmission: records.submissionIssues.map { $0.text(language) },
            feedback: (visible.feedback ?? []).map { TrackFeedback(trackName: $0.trackName, stages: $0.stages) })
        isOwner = CollaborationApplications.isOwner(record, viewer)
        let editable = CollaborationApplications.isEditable(record, call: records.call, now: now)
        showForm = isOwner && editable
        canWithdraw =
            isOwner && record.status.allows(.withdraw) && record.outcome.isUndecided
            && records.call.status == .accepting
        let chosen: [UUID?] = typed.map { $0.choices.map { UUID(uuidString: $0) } } ?? visible.choices.map(\.trackID)
        slots = (0..<records.call.maxChoices).map { slot in
            ChoiceSlot(
                field: "choice\(slot)", number: slot + 1,
                options: records.tracks.compactMap { track in
                    track.id.map {
                        TrackOption(
                            id: $0.uuidString, name: track.name, selected: slot < chosen.count && chosen[slot] == $0)
                    }
                })
        }
        let id = try record.requireID().uuidString
        callTitle = records.call.title(language)
        callHref = Endpoints.collaborationCallPage.link([.callID: record.callID.uuidString])
        saveAction = Endpoints.saveCollaborationApplicationForm.link([.applicationID: id])
        submitAction = Endpoints.submitCollaborationApplicationForm.link([.applicationID: id])
        withdrawAction = Endpoints.withdrawCollaborationApplicationForm.link([.applicationID: id])
        cap = Money(won: records.call.grantCapWon).text(language: language)
        requested = Money(won: visible.requestedWon).text(language: language)
        self.error = error
        documents = records.documents
        uploadHref = Endpoints.documentsPage.link()
    }
}
