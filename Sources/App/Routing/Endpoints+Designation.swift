import TeukguCore
import Vapor

extension Access {
    static let regional = Access.roles([.regionalOfficial])
    static let regionalOrMinistry = Access.roles([.regionalOfficial, .ministryAdmin, .ministryOfficer])
    static let evaluators = Access.roles([.evaluator, .partnerStaff])
    static let procedureReaders = Access.roles([.ministryAdmin, .ministryOfficer, .committeeMember, .regionalOfficial])
    static let designationParties = Access.roles([
        .ministryAdmin, .ministryOfficer, .regionalOfficial, .evaluator, .committeeMember,
    ])
}

/// District designation and the shared evaluation: pages and JSON.
extension Endpoints {
    // Pages.
    static let designationHome = Endpoint(.GET, "/designation", .anyone, .publicData, "Designation calls")
    static let openCallForm = Endpoint(.POST, "/designation/calls", .ministry, .everything, "Open a designation call")
    static let callPage = Endpoint(
        .GET, "/designation/calls/:callID", .anyone, .publicData,
        "A call; applications, panels and selection for those who run them")
    static let callWindowForm = Endpoint(
        .POST, "/designation/calls/:callID/window", .ministry, .everything, "Move a call's closing time")
    static let startApplicationForm = Endpoint(
        .POST, "/designation/calls/:callID/applications", .regional, .boundRecords, "Start an application")
    static let formPanelForm = Endpoint(
        .POST, "/designation/calls/:callID/panels", .ministry, .everything, "Form the current stage's panel")
    static let applicationPage = Endpoint(
        .GET, "/designation/applications/:applicationID", .designationParties, .boundRecords, "An application")
    static let saveApplicationForm = Endpoint(
        .POST, "/designation/applications/:applicationID", .regional, .boundRecords, "Save the plan")
    static let submitApplicationForm = Endpoint(
        .POST, "/designation/applications/:applicationID/submit", .regional, .boundRecords, "Submit the application")
    static let withdrawApplicationForm = Endpoint(
        .POST, "/designation/applications/:applicationID/withdraw", .regional, .boundRecords, "Withdraw the application"
    )
    static let infoRequestForm = Endpoint(
        .POST, "/designation/applications/:applicationID/info-request", .ministry, .everything,
        "Ask for more information")
    static let selectionPage = Endpoint(
        .GET, "/designation/calls/:callID/selection", .ministry, .everything, "Proposed candidates with reasons")
    static let confirmSelectionForm = Endpoint(
        .POST, "/designation/calls/:callID/selection", .ministry, .everything, "Confirm the candidates")
    static let proceduresPage = Endpoint(
        .GET, "/designation/procedures", .procedureReaders, .boundRecords, "Statutory procedures and their clocks")
    static let procedurePage = Endpoint(
        .GET, "/designation/procedures/:procedureID", .procedureReaders, .boundRecords,
        "One candidate's statutory procedure")
    static let procedureActionForm = Endpoint(
        .POST, "/designation/procedures/:procedureID/actions", .ministry, .everything, "Record a procedure step")
    static let panelPage = Endpoint(
        .GET, "/evaluation/panels/:panelID", .ministry, .everything, "A panel: progress, spreads and outliers")
    static let consensusForm = Endpoint(
        .POST, "/evaluation/panels/:panelID/consensus", .ministry, .everything, "Hold a consensus round")
    static let finaliseForm = Endpoint(
        .POST, "/evaluation/panels/:panelID/finalise", .ministry, .everything, "Finalise the stage")
    static let assignmentsPage = Endpoint(
        .GET, "/evaluation/assignments", .evaluators, .ownRecords, "Your evaluation assignments")
    static let assignmentPage = Endpoint(
        .GET, "/evaluation/assignments/:assignmentID", .evaluators, .ownRecords, "Declare, then score")
    static let declarationForm = Endpoint(
        .POST, "/evaluation/assignments/:assignmentID/declaration", .evaluators, .ownRecords,
        "Declare a conflict of interest or none")
    static let scorecardForm = Endpoint(
        .POST, "/evaluation/assignments/:assignmentID/scorecard", .evaluators, .ownRecords, "Submit your scores")
    static let districtPage = Endpoint(.GET, "/districts/:districtID", .anyone, .publicData, "A district in operation")
    static let planChangeForm = Endpoint(
        .POST, "/districts/:districtID/plan-changes", .regionalOrMinistry, .boundRecords, "File a plan change")
    static let planChangeDecisionForm = Endpoint(
        .POST, "/districts/:districtID/plan-changes/:number/decision", .ministry, .everything, "Decide a plan change")
    static let extensionForm = Endpoint(
        .POST, "/districts/:districtID/extension", .ministry, .everything, "Extend the district once")
    static let dedesignationForm = Endpoint(
        .POST, "/districts/:districtID/dedesignation", .ministry, .everything, "De-designate the district")
    static let selfEvaluationForm = Endpoint(
        .POST, "/districts/:districtID/evaluations", .regionalOrMinistry, .boundRecords,
        "File the annual self-evaluation")
    static let panelEvaluationForm = Endpoint(
        .POST, "/districts/:districtID/evaluations/panel", .ministry, .everything, "Record the panel's annual score")

    // JSON.
    static let apiCalls = Endpoint(.GET, "/api/v1/designation/calls", .anyone, .publicData, "Designation calls")
    static let apiOpenCall = Endpoint(
        .POST, "/api/v1/designation/calls", .ministry, .everything, "Open a designation call")
    static let apiCall = Endpoint(.GET, "/api/v1/designation/calls/:callID", .anyone, .publicData, "A designation call")
    static let apiCallWindow = Endpoint(
        .POST, "/api/v1/designation/calls/:callID/window", .ministry, .everything, "Move a call's closing time")
    static let apiCallApplications = Endpoint(
        .GET, "/api/v1/designation/calls/:callID/applications", .regionalOrMinistry, .boundRecords,
        "Applications to a call (a region sees its own)")
    static let apiCreateApplication = Endpoint(
        .POST, "/api/v1/designation/calls/:callID/applications", .regional, .boundRecords,
        "Start an application (draft)")
    static let apiApplicationsCSV = Endpoint(
        .GET, "/api/v1/designation/calls/:callID/applications.csv", .ministry, .everything, "Applications as CSV")
    static let apiScoresCSV = Endpoint(
        .GET, "/api/v1/designation/calls/:callID/scores.csv", .ministry, .everything, "Every scorecard as CSV")
    static let apiApplication = Endpoint(
        .GET, "/api/v1/designation/applications/:applicationID", .designationParties, .boundRecords, "An application")
    static let apiSaveApplication = Endpoint(
        .PUT, "/api/v1/designation/applications/:applicationID", .regional, .boundRecords,
        "Save the plan (a new revision)")
    static let apiSubmitApplication = Endpoint(
        .POST, "/api/v1/designation/applications/:applicationID/submit", .regional, .boundRecords,
        "Submit; answers the receipt")
    static let apiWithdrawApplication = Endpoint(
        .POST, "/api/v1/designation/applications/:applicationID/withdraw", .regional, .boundRecords,
        "Withdraw the application")
    static let apiInfoRequest = Endpoint(
        .POST, "/api/v1/designation/applications/:applicationID/info-request", .ministry, .everything,
        "Ask for more information (reopens editing)")
    static let apiRevisions = Endpoint(
        .GET, "/api/v1/designation/applications/:applicationID/revisions", .regionalOrMinistry, .boundRecords,
        "Every saved revision of the plan")
    static let apiSelection = Endpoint(
        .GET, "/api/v1/designation/calls/:callID/selection", .ministry, .everything,
        "Proposed candidates with a reason for each application")
    static let apiConfirmSelection = Endpoint(
        .POST, "/api/v1/designation/calls/:callID/selection", .ministry, .everything,
        "Confirm the candidates (override needs a reason)")
    static let apiProcedures = Endpoint(
        .GET, "/api/v1/designation/procedures", .procedureReaders, .boundRecords, "Statutory procedures")
    static let apiProcedure = Endpoint(
        .GET, "/api/v1/designation/procedures/:procedureID", .procedureReaders, .boundRecords,
        "A procedure with its clocks")
    static let apiProcedureAction = Endpoint(
        .POST, "/api/v1/designation/procedures/:procedureID/actions", .ministry, .everything,
        "Record a step, hearing, vote or supplementation")
    static let apiPanels = Endpoint(.GET, "/api/v1/evaluation/panels", .ministry, .everything, "Evaluation panels")
    static let apiFormPanel = Endpoint(
        .POST, "/api/v1/evaluation/panels", .ministry, .everything, "Form a panel and assign evaluators")
    static let apiPanel = Endpoint(
        .GET, "/api/v1/evaluation/panels/:panelID", .ministry, .everything, "A panel's progress, spreads and outliers")
    static let apiConsensus = Endpoint(
        .POST, "/api/v1/evaluation/panels/:panelID/consensus", .ministry, .everything, "Hold a consensus round")
    static let apiFinalise = Endpoint(
        .POST, "/api/v1/evaluation/panels/:panelID/finalise", .ministry, .everything, "Finalise the stage")
    static let apiEvaluators = Endpoint(
        .GET, "/api/v1/evaluation/evaluators", .ministry, .everything, "Evaluator accounts and their affiliations")
    static let apiAddAffiliation = Endpoint(
        .POST, "/api/v1/evaluation/evaluators/:accountID/affiliations", .ministry, .everything,
        "Record an evaluator's affiliation")
    static let apiAssignments = Endpoint(
        .GET, "/api/v1/evaluation/assignments", .evaluators, .ownRecords, "Your assignments")
    static let apiAssignment = Endpoint(
        .GET, "/api/v1/evaluation/assignments/:assignmentID", .evaluators, .ownRecords,
        "An assignment (the application once you declared)")
    static let apiDeclaration = Endpoint(
        .POST, "/api/v1/evaluation/assignments/:assignmentID/declaration", .evaluators, .ownRecords,
        "Declare a conflict of interest or none")
    static let apiScorecard = Endpoint(
        .POST, "/api/v1/evaluation/assignments/:assignmentID/scorecard", .evaluators, .ownRecords,
        "Submit your scorecard")
    static let apiDistrictOperation = Endpoint(
        .GET, "/api/v1/districts/:districtID/operation", .anyone, .publicData, "A district in operation")
    static let apiPlanChange = Endpoint(
        .POST, "/api/v1/districts/:districtID/plan-changes", .regionalOrMinistry, .boundRecords, "File a plan change")
    static let apiPlanChangeDecision = Endpoint(
        .POST, "/api/v1/districts/:districtID/plan-changes/:number/decision", .ministry, .everything,
        "Decide a plan change")
    static let apiExtension = Endpoint(
        .POST, "/api/v1/districts/:districtID/extension", .ministry, .everything, "Extend the district once")
    static let apiDedesignation = Endpoint(
        .POST, "/api/v1/districts/:districtID/dedesignation", .ministry, .everything, "De-designate the district")
    static let apiSelfEvaluation = Endpoint(
        .POST, "/api/v1/districts/:districtID/evaluations", .regionalOrMinistry, .boundRecords,
        "File the annual self-evaluation")
    static let apiPanelEvaluation = Endpoint(
        .POST, "/api/v1/districts/:districtID/evaluations/panel", .ministry, .everything,
        "Record the panel's annual score and grade")

    static let designation: [Endpoint] = [
        designationHome, openCallForm, callPage, callWindowForm, startApplicationForm, formPanelForm, applicationPage,
        saveApplicationForm,
        submitApplicationForm, withdrawApplicationForm, infoRequestForm, selectionPage, confirmSelectionForm,
        proceduresPage, procedurePage,
        procedureActionForm, panelPage, consensusForm, finaliseForm, assignmentsPage, assignmentPage, declarationForm,
        scorecardForm,
        districtPage, planChangeForm, planChangeDecisionForm, extensionForm, dedesignationForm, selfEvaluationForm,
        panelEvaluationForm,
        apiCalls, apiOpenCall, apiCall, apiCallWindow, apiCallApplications, apiCreateApplication, apiApplicationsCSV,
        apiScoresCSV,
        apiApplication, apiSaveApplication, apiSubmitApplication, apiWithdrawApplication, apiInfoRequest, apiRevisions,
        apiSelection,
        apiConfirmSelection, apiProcedures, apiProcedure, apiProcedureAction, apiPanels, apiFormPanel, apiPanel,
        apiConsensus, apiFinalise,
        apiEvaluators, apiAddAffiliation, apiAssignments, apiAssignment, apiDeclaration, apiScorecard,
        apiDistrictOperation, apiPlanChange, apiPlanChangeDecision, apiExtension, apiDedesignation, apiSelfEvaluation,
        apiPanelEvaluation,
    ]
}
