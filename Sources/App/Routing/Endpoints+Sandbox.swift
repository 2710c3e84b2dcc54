import TeukguCore
import Vapor

extension Access {
    /// Everyone a sandbox case routes through: the company, its region, the ministry, the committee.
    static let sandboxParties = Access.roles([
        .companyMember, .regionalOfficial, .ministryAdmin, .ministryOfficer, .committeeMember,
    ])
    static let companies = Access.roles([.companyMember])
}

/// Sandbox cases (rapid confirmation, demonstration exemptions, temporary permits): pages and JSON.
extension Endpoints {
    static let sandboxHome = Endpoint(
        .GET, "/sandbox", .sandboxParties, .boundRecords, "Sandbox cases: what waits on you, and every case you may see"
    )
    static let fileSandboxCaseForm = Endpoint(
        .POST, "/sandbox/cases", .companies, .ownRecords, "File a sandbox case")
    static let sandboxCasePage = Endpoint(
        .GET, "/sandbox/cases/:caseID", .sandboxParties, .boundRecords, "A sandbox case with its clock and history")
    static let sandboxEventForm = Endpoint(
        .POST, "/sandbox/cases/:caseID/events", .sandboxParties, .boundRecords, "Take the next step on a case")

    static let sandboxPolicyForm = Endpoint(
        .POST, "/sandbox/cases/:caseID/policies", .companies, .ownRecords, "File a liability insurance policy")
    static let apiSandboxPolicy = Endpoint(
        .POST, "/api/v1/sandbox/cases/:caseID/policies", .companies, .ownRecords,
        "File a liability insurance policy for a granted case")
    static let certificationForm = Endpoint(
        .POST, "/sandbox/certifications", .companies, .ownRecords, "File a certification of the company")
    static let apiCertifications = Endpoint(
        .GET, "/api/v1/certifications", .companies, .ownRecords, "The company's certifications")
    static let apiFileCertification = Endpoint(
        .POST, "/api/v1/certifications", .companies, .ownRecords, "File a certification (KC, UL, CE, IEC-based …)")
    static let apiSandboxCases = Endpoint(
        .GET, "/api/v1/sandbox/cases", .sandboxParties, .boundRecords,
        "Sandbox cases the caller may see (?waiting=true: those waiting on the caller)")
    static let apiFileSandboxCase = Endpoint(
        .POST, "/api/v1/sandbox/cases", .companies, .ownRecords, "File a sandbox case")
    static let apiSandboxCase = Endpoint(
        .GET, "/api/v1/sandbox/cases/:caseID", .sandboxParties, .boundRecords, "A sandbox case")
    static let apiSandboxCaseEvent = Endpoint(
        .POST, "/api/v1/sandbox/cases/:caseID/events", .sandboxParties, .boundRecords,
        "Take a step on a case (forward, notify, request-supplement, supplement, refer-to-committee, extend-review, "
            + "confirm-no-permit-needed, confirm-permit-needed, grant, refuse, withdraw)")

    static let sandboxClaimForm = Endpoint(
        .POST, "/sandbox/cases/:caseID/claims", .companies, .ownRecords, "Record a damage claim received")
    static let sandboxClaimSettlementForm = Endpoint(
        .POST, "/sandbox/cases/:caseID/claims/:claimID/settlement", .companies, .ownRecords,
        "Record a claim paid or refused")
    static let sandboxClaimReportForm = Endpoint(
        .POST, "/sandbox/cases/:caseID/claims/:claimID/report", .companies, .ownRecords,
        "Record that a claim's result was reported")
    static let apiSandboxClaims = Endpoint(
        .POST, "/api/v1/sandbox/cases/:caseID/claims", .companies, .ownRecords,
        "Record a damage claim received under a grant (Decree art. 62(1))")
    static let apiSandboxClaimSettlement = Endpoint(
        .POST, "/api/v1/sandbox/cases/:caseID/claims/:claimID/settlement", .companies, .ownRecords,
        "Record a claim paid (paidWon) or refused (reason, as told in writing; Decree art. 62(3)–(4))")
    static let apiSandboxClaimReport = Endpoint(
        .POST, "/api/v1/sandbox/cases/:caseID/claims/:claimID/report", .companies, .ownRecords,
        "Record that a claim's result was reported to the ministry and the region (Decree art. 62(5))")

    static let sandbox: [Endpoint] = [
        sandboxHome, fileSandboxCaseForm, sandboxCasePage, sandboxEventForm, apiSandboxCases, apiFileSandboxCase,
        apiSandboxCase, apiSandboxCaseEvent, sandboxPolicyForm, apiSandboxPolicy, certificationForm, apiCertifications,
        apiFileCertification, sandboxClaimForm, sandboxClaimSettlementForm, sandboxClaimReportForm, apiSandboxClaims,
        apiSandboxClaimSettlement, apiSandboxClaimReport,
    ]
}
