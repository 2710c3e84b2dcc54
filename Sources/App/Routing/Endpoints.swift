import TeukguCore
import Vapor

/// Every route of the server, with who may call it. Registering, linking, the access check, the
/// OpenAPI document and the authorization-matrix test all read this one table.
enum Endpoints {
    // Pages for everyone.
    static let landing = Endpoint(.GET, "/", .anyone, .publicData, "Landing page")
    static let loginPage = Endpoint(.GET, "/login", .anyone, .publicData, "Sign-in form")
    static let login = Endpoint(.POST, "/login", .anyone, .publicData, "Sign in")
    static let logout = Endpoint(.POST, "/logout", .signedIn, .ownRecords, "Sign out")
    static let setLanguage = Endpoint(.POST, "/language", .anyone, .publicData, "Switch between Korean and English")
    static let districtsPage = Endpoint(.GET, "/districts", .anyone, .publicData, "Designated districts")
    static let invitationPage = Endpoint(
        .GET, "/invitations/:token", .anyone, .publicData, "Accept an invitation: choose a password")
    static let acceptInvitation = Endpoint(.POST, "/invitations/:token", .anyone, .publicData, "Accept an invitation")

    // Pages for signed-in accounts.
    static let home = Endpoint(.GET, "/home", .signedIn, .boundRecords, "What needs your attention")
    static let accountPage = Endpoint(.GET, "/account", .signedIn, .ownRecords, "Your account and API tokens")
    static let createTokenForm = Endpoint(.POST, "/account/tokens", .signedIn, .ownRecords, "Create an API token")
    static let revokeTokenForm = Endpoint(
        .POST, "/account/tokens/:tokenID/revoke", .signedIn, .ownRecords, "Revoke an API token")
    static let messagesPage = Endpoint(.GET, "/messages", .signedIn, .ownRecords, "Your messages")
    static let documentsPage = Endpoint(.GET, "/documents", .signedIn, .ownRecords, "Your documents")
    static let uploadDocumentForm = Endpoint(.POST, "/documents", .signedIn, .ownRecords, "Upload a document")
    static let downloadDocument = Endpoint(
        .GET, "/documents/:documentID", .signedIn, .boundRecords, "Download a document")

    // Administration pages.
    static let adminUsersPage = Endpoint(.GET, "/admin/users", .admin, .everything, "Accounts")
    static let adminCreateUser = Endpoint(
        .POST, "/admin/users", .admin, .everything, "Create an account and invite its owner")
    static let adminDeactivateUserForm = Endpoint(
        .POST, "/admin/users/:accountID/deactivate", .admin, .everything,
        "Deactivate an account: its sessions and tokens end at once")
    static let adminAuditPage = Endpoint(.GET, "/admin/audit", .admin, .everything, "Audit log")

    // Legal time.
    static let parametersPage = Endpoint(
        .GET, "/legal/parameters", .anyone, .publicData, "Effective-dated parameters with citations")
    static let addParameterVersionForm = Endpoint(
        .POST, "/legal/parameters/:key/versions", .admin, .everything, "Add a parameter version")
    static let holidaysPage = Endpoint(.GET, "/legal/holidays", .anyone, .publicData, "Public-holiday calendar")
    static let addHolidayForm = Endpoint(.POST, "/legal/holidays", .admin, .everything, "Add a public holiday")
    static let deleteHolidayForm = Endpoint(
        .POST, "/legal/holidays/:date/delete", .admin, .everything, "Remove a public holiday")
    static let deadlinePage = Endpoint(.GET, "/legal/deadline", .anyone, .publicData, "Deadline calculator")
    static let computeDeadlineForm = Endpoint(.POST, "/legal/deadline", .anyone, .publicData, "Compute a deadline")

    // Machine endpoints.
    static let health = Endpoint(.GET, "/health", .anyone, .publicData, "Database reachability")
    static let metrics = Endpoint(.GET, "/metrics", .admin, .everything, "Prometheus metrics")

    // JSON API.
    static let openAPI = Endpoint(
        .GET, "/api/v1/openapi.json", .anyone, .publicData, "This API described in OpenAPI 3.1")
    static let apiLogin = Endpoint(
        .POST, "/api/v1/auth/login", .anyone, .publicData, "Sign in; sets the session cookie")
    static let apiLogout = Endpoint(.POST, "/api/v1/auth/logout", .signedIn, .ownRecords, "Sign out")
    static let apiMe = Endpoint(.GET, "/api/v1/me", .signedIn, .ownRecords, "The signed-in account")
    static let apiTokens = Endpoint(.GET, "/api/v1/tokens", .signedIn, .ownRecords, "Your API tokens")
    static let apiCreateToken = Endpoint(
        .POST, "/api/v1/tokens", .signedIn, .ownRecords, "Create an API token; the secret is shown once")
    static let apiRevokeToken = Endpoint(
        .DELETE, "/api/v1/tokens/:tokenID", .signedIn, .ownRecords, "Revoke an API token")
    static let apiUsers = Endpoint(.GET, "/api/v1/users", .admin, .everything, "Accounts")
    static let apiCreateUser = Endpoint(
        .POST, "/api/v1/users", .admin, .everything, "Create an account and invite its owner")
    static let apiDeactivateUser = Endpoint(
        .POST, "/api/v1/users/:accountID/deactivate", .admin, .everything,
        "Deactivate an account: its sessions and tokens end at once")
    static let apiAudit = Endpoint(.GET, "/api/v1/audit", .admin, .everything, "Audit log entries, filtered")
    static let apiAuditVerify = Endpoint(
        .GET, "/api/v1/audit/verify", .admin, .everything, "Verify the audit hash chain")
    static let apiMessages = Endpoint(.GET, "/api/v1/messages", .signedIn, .ownRecords, "Your messages")
    static let apiUploadDocument = Endpoint(
        .POST, "/api/v1/documents", .signedIn, .ownRecords, "Upload a document (raw body)")
    static let apiDocument = Endpoint(
        .GET, "/api/v1/documents/:documentID", .signedIn, .boundRecords, "A document's metadata")
    static let apiDocumentContent = Endpoint(
        .GET, "/api/v1/documents/:documentID/content", .signedIn, .boundRecords, "A document's bytes")
    static let apiRegions = Endpoint(.GET, "/api/v1/regions", .anyone, .publicData, "The 17 regions")
    static let apiDistricts = Endpoint(.GET, "/api/v1/districts", .anyone, .publicData, "Designated districts")
    static let apiPartners = Endpoint(.GET, "/api/v1/partners", .anyone, .publicData, "Global partner companies")
    static let apiPartnerListings = Endpoint(
        .GET, "/api/v1/partners/listings", .anyone, .publicData,
        "Each year's partners, under the name listed that year, with the source of each entry")
    static let apiParameters = Endpoint(.GET, "/api/v1/parameters", .anyone, .publicData, "Effective-dated parameters")
    static let apiParameter = Endpoint(
        .GET, "/api/v1/parameters/:key", .anyone, .publicData, "One parameter with its versions")
    static let apiAddParameterVersion = Endpoint(
        .POST, "/api/v1/parameters/:key/versions", .admin, .everything, "Add a parameter version")
    static let apiHolidays = Endpoint(
        .GET, "/api/v1/holidays", .anyone, .publicData, "Public holidays and covered years")
    static let apiAddHoliday = Endpoint(.POST, "/api/v1/holidays", .admin, .everything, "Add a public holiday")
    static let apiDeleteHoliday = Endpoint(
        .DELETE, "/api/v1/holidays/:date", .admin, .everything, "Remove a public holiday")
    static let apiLegalClock = Endpoint(
        .POST, "/api/v1/legal-clock", .anyone, .publicData, "Compute a legal deadline with its explanation")

    // Regulation service: pages.
    static let regulationHome = Endpoint(
        .GET, "/regulation", .anyone, .publicData, "May I do this here? Choose a district")
    static let regimePage = Endpoint(
        .GET, "/regulation/districts/:district", .anyone, .publicData, "A district's negative list and exemptions")
    static let checkPage = Endpoint(
        .GET, "/regulation/districts/:district/check", .anyone, .publicData, "Describe the activity")
    static let checkForm = Endpoint(
        .POST, "/regulation/districts/:district/check", .anyone, .publicData, "Get a verdict",
        maxBodyBytes: checkBodyLimit)
    static let verdictPage = Endpoint(
        .GET, "/regulation/decisions/:decisionID", .anyone, .publicData, "A verdict by its permalink")
    static let decisionLogPage = Endpoint(.GET, "/regulation/log", .ministry, .everything, "Decision log")
    static let statisticsPage = Endpoint(
        .GET, "/regulation/statistics", .ministry, .everything, "Checks, cited rules and missing facts")
    static let rulebooksPage = Endpoint(.GET, "/admin/rulebooks", .ministry, .everything, "Rulebook versions")
    static let rulebookVersionPage = Endpoint(
        .GET, "/admin/rulebooks/:versionID", .ministry, .everything, "A rulebook version: diff, publication, what-if")
    static let uploadRulebookForm = Endpoint(
        .POST, "/admin/rulebooks", .admin, .everything, "Upload a rulebook file as a new draft version")
    static let publishRulebookForm = Endpoint(
        .POST, "/admin/rulebooks/:versionID/publish", .admin, .everything, "Publish a draft version")
    static let whatIfForm = Endpoint(
        .POST, "/admin/rulebooks/:versionID/what-if", .admin, .everything, "Start a what-if run")

    // Regulation service: JSON.
    static let apiPing = Endpoint(
        .GET, "/api/v1/ping", .anyone, .publicData, "A bare JSON answer, for comparing load figures")
    static let apiRegulationCheck = Endpoint(
        .POST, "/api/v1/regulation/check", .anyone, .publicData, "May I do this here? Evaluate and log a decision",
        maxBodyBytes: checkBodyLimit)
    static let apiRegulationDecision = Endpoint(
        .GET, "/api/v1/regulation/decisions/:decisionID", .anyone, .publicData,
        "A logged decision, for anyone holding its id")
    static let apiRegulationDecisions = Endpoint(
        .GET, "/api/v1/regulation/decisions", .ministry, .everything, "The decision log, filtered")
    static let apiRegulationDecisionsCSV = Endpoint(
        .GET, "/api/v1/regulation/decisions.csv", .ministry, .everything, "The decision log as CSV")
    static let apiRegulationReplay = Endpoint(
        .POST, "/api/v1/regulation/decisions/:decisionID/replay", .ministry, .everything,
        "Re-evaluate with the logged inputs and version")
    static let apiRegulationDistricts = Endpoint(
        .GET, "/api/v1/regulation/districts", .anyone, .publicData, "Districts with a rulebook")
    static let apiRegulationRegime = Endpoint(
        .GET, "/api/v1/regulation/districts/:district", .anyone, .publicData,
        "A district's regime (JSON, or ?format=yaml)")
    static let apiRegulationVersions = Endpoint(
        .GET, "/api/v1/regulation/versions", .ministry, .everything, "Rulebook versions")
    static let apiRegulationVersion = Endpoint(
        .GET, "/api/v1/regulation/versions/:versionID", .ministry, .everything,
        "A version with its diff against the live one")
    static let apiRegulationUploadVersion = Endpoint(
        .POST, "/api/v1/regulation/versions", .admin, .everything, "Upload files as a new draft version (checked)")
    static let apiRegulationPublishVersion = Endpoint(
        .POST, "/api/v1/regulation/versions/:versionID/publish", .admin, .everything, "Publish a draft from a date")
    static let apiRegulationWhatIf = Endpoint(
        .POST, "/api/v1/regulation/versions/:versionID/what-if", .admin, .everything,
        "Start a what-if run over logged decisions")
    static let apiRegulationWhatIfJob = Endpoint(
        .GET, "/api/v1/regulation/what-if/:jobID", .ministry, .everything, "A what-if run's progress and report")
    static let apiRegulationStatistics = Endpoint(
        .GET, "/api/v1/regulation/statistics", .ministry, .everything, "Decision statistics for a period")

    static let all: [Endpoint] =
        [
            regulationHome, regimePage, checkPage, checkForm, verdictPage, decisionLogPage, statisticsPage,
            rulebooksPage, rulebookVersionPage, uploadRulebookForm, publishRulebookForm, whatIfForm,
            apiPing, apiRegulationCheck, apiRegulationDecision, apiRegulationDecisions, apiRegulationDecisionsCSV,
            apiRegulationReplay,
            apiRegulationDistricts, apiRegulationRegime, apiRegulationVersions, apiRegulationVersion,
            apiRegulationUploadVersion,
            apiRegulationPublishVersion, apiRegulationWhatIf, apiRegulationWhatIfJob, apiRegulationStatistics,
            landing, loginPage, login, logout, setLanguage, districtsPage, invitationPage, acceptInvitation,
            home, accountPage, createTokenForm, revokeTokenForm, messagesPage, documentsPage, uploadDocumentForm,
            downloadDocument,
            adminUsersPage, adminCreateUser, adminDeactivateUserForm, adminAuditPage,
            parametersPage, addParameterVersionForm, holidaysPage, addHolidayForm, deleteHolidayForm, deadlinePage,
            computeDeadlineForm,
            health, metrics,
            openAPI, apiLogin, apiLogout, apiMe, apiTokens, apiCreateToken, apiRevokeToken, apiUsers, apiCreateUser,
            apiDeactivateUser,
            apiAudit, apiAuditVerify, apiMessages, apiUploadDocument, apiDocument, apiDocumentContent,
            apiRegions, apiDistricts, apiPartners, apiPartnerListings, apiParameters, apiParameter,
            apiAddParameterVersion,
            apiHolidays, apiAddHoliday, apiDeleteHoliday, apiLegalClock,
        ] + designation + collaboration + sandbox + grants + grantPages + portal

    /// Routes that take file uploads and so the larger body limit.
    /// A check names a district, a date and a few dozen facts: 64 KB is hundreds of times that.
    static let checkBodyLimit = 64 * 1024

    static let uploadKeys: Set<String> = [apiUploadDocument.key, uploadDocumentForm.key]

    static let byKey: [String: Endpoint] = Dictionary(all.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
}
