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

    static let sandbox: [Endpoint] = [
        sandboxHome, fileSandboxCaseForm, sandboxCasePage, sandboxEventForm, apiSandboxCases, apiFileSandboxCase,
        apiSandboxCase, apiSandboxCaseEvent, sandboxPolicyForm, apiSandboxPolicy, certificationForm, apiCertifications,
        apiFileCertification,
    ]
}
