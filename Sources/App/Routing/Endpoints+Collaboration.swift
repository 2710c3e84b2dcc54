import TeukguCore
import Vapor

extension Access {
    static let company = Access.roles([.companyMember])
    static let trackStaff = Access.roles([.ministryAdmin, .ministryOfficer, .partnerStaff, .operatingOrganisationStaff])
    static let trackEditors = Access.roles([.ministryAdmin, .ministryOfficer, .partnerStaff])
    static let collaborationReaders = Access.roles([
        .ministryAdmin, .ministryOfficer, .companyMember, .partnerStaff, .operatingOrganisationStaff, .evaluator,
    ])
}

/// The global collaboration programme: pages and JSON.
extension Endpoints {
    // Pages.
    static let collaborationHome = Endpoint(
        .GET, "/collaboration", .anyone, .publicData, "The collaboration programme: calls and tracks")
    static let collaborationCallPage = Endpoint(
        .GET, "/collaboration/calls/:callID", .anyone, .publicData, "A collaboration call and its tracks")
    static let trackPage = Endpoint(.GET, "/collaboration/tracks/:trackID", .anyone, .publicData, "A partner's track")
    static let trackForm = Endpoint(
        .POST, "/collaboration/tracks/:trackID", .trackEditors, .boundRecords, "Curate the track page")
    static let trackPanelForm = Endpoint(
        .POST, "/collaboration/tracks/:trackID/panels", .ministry, .everything, "Form the track's current panel")
    static let profilePage = Endpoint(
        .GET, "/collaboration/profile", .company, .ownRecords, "Your company profile and applications")
    static let profileForm = Endpoint(
        .POST, "/collaboration/profile", .company, .ownRecords, "Save the company profile")
    static let startCollaborationApplicationForm = Endpoint(
        .POST, "/collaboration/calls/:callID/applications", .company, .ownRecords, "Start an application")
    static let collaborationApplicationPage = Endpoint(
        .GET, "/collaboration/applications/:applicationID", .collaborationReaders, .boundRecords, "An application")
    static let saveCollaborationApplicationForm = Endpoint(
        .POST, "/collaboration/applications/:applicationID", .company, .ownRecords, "Save the application")
    static let submitCollaborationApplicationForm = Endpoint(
        .POST, "/collaboration/applications/:applicationID/submit", .company, .ownRecords, "Submit the application")
    static let withdrawCollaborationApplicationForm = Endpoint(
        .POST, "/collaboration/applications/:applicationID/withdraw", .company, .ownRecords, "Withdraw the application")
    static let matchingPage = Endpoint(
        .GET, "/collaboration/calls/:callID/selection", .ministry, .everything, "Selection or matching, as a what-if")
    static let confirmMatchingForm = Endpoint(
        .POST, "/collaboration/calls/:callID/selection", .ministry, .everything, "Confirm the selection")

    // JSON.
    static let apiCollaborationCalls = Endpoint(
        .GET, "/api/v1/collaboration/calls", .anyone, .publicData, "Collaboration calls")
    static let apiOpenCollaborationCall = Endpoint(
        .POST, "/api/v1/collaboration/calls", .ministry, .everything, "Open a year's call")
    static let apiCollaborationCall = Endpoint(
        .GET, "/api/v1/collaboration/calls/:callID", .anyone, .publicData, "A call with its tracks")
    static let apiCollaborationCallMode = Endpoint(
        .POST, "/api/v1/collaboration/calls/:callID/mode", .ministry, .everything,
        "Set single-track or ranked choice before any submission")
    static let apiTracks = Endpoint(.GET, "/api/v1/collaboration/tracks", .anyone, .publicData, "Tracks (?year=)")
    static let apiCreateTrack = Endpoint(
        .POST, "/api/v1/collaboration/tracks", .ministry, .everything, "Create a track")
    static let apiTrack = Endpoint(.GET, "/api/v1/collaboration/tracks/:trackID", .anyone, .publicData, "A track")
    static let apiUpdateTrack = Endpoint(
        .PUT, "/api/v1/collaboration/tracks/:trackID", .trackEditors, .boundRecords,
        "Curate a track (partners: their own)")
    static let apiTrackApplications = Endpoint(
        .GET, "/api/v1/collaboration/tracks/:trackID/applications", .trackStaff, .boundRecords,
        "Applications that chose the track")
    static let apiProfile = Endpoint(
        .GET, "/api/v1/collaboration/profile", .company, .ownRecords, "Your company profile")
    static let apiCorrectCompanyIdentity = Endpoint(
        .POST, "/api/v1/collaboration/companies/:companyID/identity-correction", .ministry, .everything,
        "Correct a company's registration number or founding date, with a reason (the ministry only)")
    static let apiUpdateProfile = Endpoint(
        .PUT, "/api/v1/collaboration/profile", .company, .ownRecords, "Update your company profile")
    static let apiMyCollaborationApplications = Endpoint(
        .GET, "/api/v1/collaboration/applications", .company, .ownRecords, "Your company's applications")
    static let apiCreateCollaborationApplication = Endpoint(
        .POST, "/api/v1/collaboration/calls/:callID/applications", .company, .ownRecords, "Start an application")
    static let apiCollaborationApplication = Endpoint(
        .GET, "/api/v1/collaboration/applications/:applicationID", .collaborationReaders, .boundRecords,
        "An application with its status and feedback")
    static let apiSaveCollaborationApplication = Endpoint(
        .PUT, "/api/v1/collaboration/applications/:applicationID", .company, .ownRecords, "Save the application")
    static let apiSubmitCollaborationApplication = Endpoint(
        .POST, "/api/v1/collaboration/applications/:applicationID/submit", .company, .ownRecords,
        "Submit; answers the receipt")
    static let apiWithdrawCollaborationApplication = Endpoint(
        .POST, "/api/v1/collaboration/applications/:applicationID/withdraw", .company, .ownRecords, "Withdraw")
    static let apiMatching = Endpoint(
        .GET, "/api/v1/collaboration/calls/:callID/matching", .ministry, .everything,
        "Selection or matching as a what-if, with a sentence per applicant")
    static let apiConfirmMatching = Endpoint(
        .POST, "/api/v1/collaboration/calls/:callID/matching", .ministry, .everything, "Confirm the selection")
    static let apiCollaborationApplicationsCSV = Endpoint(
        .GET, "/api/v1/collaboration/calls/:callID/applications.csv", .ministry, .everything, "Applications as CSV")
    static let apiCollaborationScoresCSV = Endpoint(
        .GET, "/api/v1/collaboration/calls/:callID/scores.csv", .ministry, .everything, "Scorecards as CSV")
    static let apiCollaborationResultsCSV = Endpoint(
        .GET, "/api/v1/collaboration/calls/:callID/results.csv", .ministry, .everything, "Selection results as CSV")

    static let collaboration: [Endpoint] = [
        collaborationHome, collaborationCallPage, trackPage, trackForm, trackPanelForm, profilePage, profileForm,
        startCollaborationApplicationForm,
        collaborationApplicationPage, saveCollaborationApplicationForm, submitCollaborationApplicationForm,
        withdrawCollaborationApplicationForm,
        matchingPage, confirmMatchingForm,
        apiCollaborationCalls, apiOpenCollaborationCall, apiCollaborationCall, apiCollaborationCallMode, apiTracks,
        apiCreateTrack, apiTrack, apiUpdateTrack, apiTrackApplications,
        apiProfile, apiUpdateProfile, apiCorrectCompanyIdentity, apiMyCollaborationApplications,
        apiCreateCollaborationApplication,
        apiCollaborationApplication,
        apiSaveCollaborationApplication, apiSubmitCollaborationApplication, apiWithdrawCollaborationApplication,
        apiMatching, apiConfirmMatching,
        apiCollaborationApplicationsCSV, apiCollaborationScoresCSV, apiCollaborationResultsCSV,
    ]
}
