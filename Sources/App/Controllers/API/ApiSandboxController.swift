import Fluent
import Foundation
import TeukguCore
import Vapor

/// Sandbox cases over JSON.
struct ApiSandboxController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(Endpoints.apiSandboxCases, use: list)
        routes.on(Endpoints.apiFileSandboxCase, use: file)
        routes.on(Endpoints.apiSandboxCase, use: show)
        routes.on(Endpoints.apiSandboxCaseEvent, use: step)
        routes.on(Endpoints.apiSandboxPolicy, use: policy)
        routes.on(Endpoints.apiCertifications, use: certifications)
        routes.on(Endpoints.apiFileCertification, use: fileCertification)
        routes.on(Endpoints.apiSandboxClaims, use: receiveClaim)
        routes.on(Endpoints.apiSandboxClaimSettlement, use: settleClaim)
        routes.on(Endpoints.apiSandboxClaimReport, use: reportClaim)
    }

    /// The case the path names, once the caller may read it (another party's case answers 404).
    private func readableCase(_ request: Request) async throws -> (SandboxCaseRecord, CurrentAccount) {
        let account = try request.requireAccount()
        let record = try await SandboxCases.find(request.parameters.get("caseID"), on: request.db)
        try await SandboxCases.requireReadable(record, by: account, on: request.db)
        return (record, account)
    }

    @Sendable func receiveClaim(_ request: Request) async throws -> Response {
        let input = try request.decodeStrictJSON(ClaimInput.self)
        let (record, account) = try await readableCase(request)
        let claim = try await SandboxClaimSteps.receive(
            input, on: record, by: account, now: request.now, database: request.db)
        return try await ClaimDTO(claim).encodeResponse(status: .created, for: request)
    }

    @Sendable func settleClaim(_ request: Request) async throws -> ClaimDTO {
        let input = try request.decodeStrictJSON(ClaimSettlementInput.self)
        let (record, account) = try await readableCase(request)
        let claim = try await SandboxClaimSteps.find(request.parameters.get("claimID"), in: record, on: request.db)
        try await SandboxClaimSteps.settle(
            input, claim: claim, on: record, by: account, now: request.now, database: request.db)
        return try ClaimDTO(claim)
    }

    @Sendable func reportClaim(_ request: Request) async throws -> ClaimDTO {
        let input = try request.decodeStrictJSON(ClaimReportInput.self)
        let (record, account) = try await readableCase(request)
        let claim = try await SandboxClaimSteps.find(request.parameters.get("claimID"), in: record, on: request.db)
        try await SandboxClaimSteps.report(
            input, claim: claim, on: record, by: account, now: request.now, database: request.db)
        return try ClaimDTO(claim)
    }

    struct CertificationList: Content {
        let certifications: [CertificationDTO]
    }

    @Sendable func certifications(_ request: Request) async throws -> CertificationList {
        guard let company = try request.requireAccount().companyID else { return CertificationList(certifications: []) }
        return CertificationList(
            certifications: try await Certifications.list(company: company, on: request.db).map(CertificationDTO.init))
    }

    @Sendable func fileCertification(_ request: Request) async throws -> Response {
        let input = try request.decodeStrictJSON(CertificationInput.self)
        let record = try await Certifications.file(
            input, by: try request.requireAccount(), now: request.now, on: request.db)
        return try await CertificationDTO(record).encodeResponse(status: .created, for: request)
    }

    @Sendable func policy(_ request: Request) async throws -> Response {
        let input = try request.decodeStrictJSON(PolicyInput.self)
        let account = try request.requireAccount()
        let record = try await SandboxCases.find(request.parameters.get("caseID"), on: request.db)
        try await SandboxCases.requireReadable(record, by: account, on: request.db)
        try await SandboxPolicies.file(input, on: record, by: account, now: request.now, database: request.db)
        return try await SandboxCaseDTO.load(record, viewer: account, today: request.today, on: request.db)
            .encodeResponse(status: .created, for: request)
    }

    struct CaseList: Content {
        let cases: [SandboxCaseSummary]
        let page: Int
        let perPage: Int
        let total: Int
    }

    /// A page of the cases the caller may see (`?waiting=true`: those waiting on the caller, soonest
    /// due first), `?page=` and `?perPage=` (at most 500).
    @Sendable func list(_ request: Request) async throws -> CaseList {
        let account = try request.requireAccount()
        let waiting = (try? request.query.get(Bool.self, at: "waiting")) ?? false
        let (page, perPage) = try ApiPaging.read(request)
        let found = try await SandboxQueue.page(
            to: account, waiting: waiting, page: page, perPage: perPage, on: request.db)
        return CaseList(
            cases: found.entries.map { SandboxCaseSummary($0, today: request.today) }, page: page,
            perPage: perPage, total: found.total)
    }

    @Sendable func file(_ request: Request) async throws -> Response {
        let input = try request.decodeStrictJSON(SandboxFilingInput.self)
        let account = try request.requireAccount()
        let record = try await SandboxCases.file(input, account: account, now: request.now, on: request.db)
        return try await SandboxCaseDTO.load(record, viewer: account, today: request.today, on: request.db)
            .encodeResponse(status: .created, for: request)
    }

    @Sendable func show(_ request: Request) async throws -> SandboxCaseDTO {
        let record = try await SandboxCases.find(request.parameters.get("caseID"), on: request.db)
        return try await SandboxCaseDTO.load(
            record, viewer: try request.requireAccount(), today: request.today, on: request.db)
    }

    @Sendable func step(_ request: Request) async throws -> SandboxCaseDTO {
        let input = try request.decodeStrictJSON(SandboxEventInput.self)
        let account = try request.requireAccount()
        let record = try await SandboxCases.find(request.parameters.get("caseID"), on: request.db)
        // Reading comes first, so another party's case answers 404 rather than revealing itself.
        try await SandboxCases.requireReadable(record, by: account, on: request.db)
        try await SandboxCases.act(
            input, on: record, by: account, now: request.now, app: request.application, database: request.db)
        return try await SandboxCaseDTO.load(record, viewer: account, today: request.today, on: request.db)
    }
}
