import Foundation
import TeukguCore

/// What an API operation takes and gives, named by the Swift types its handler decodes and
/// encodes; `OpenAPIDocument` records their schemas, so the document follows the code.
struct APIContract: Sendable {
    /// The JSON body the handler decodes; nil when the operation takes none.
    let request: (any Decodable.Type)?
    /// The JSON body a success carries; nil when it carries none.
    let response: (any Decodable.Type)?
    /// The status of a success: 201 when a record is made, 202 when work is started.
    let status: Int
    let query: [APIQuery]

    init(
        request: (any Decodable.Type)? = nil, response: (any Decodable.Type)? = nil, status: Int = 200,
        query: [APIQuery] = []
    ) {
        self.request = request
        self.response = response
        self.status = status
        self.query = query
    }

    /// An operation that makes a record and answers 201 with it.
    static func created(request: (any Decodable.Type)? = nil, response: (any Decodable.Type)?) -> APIContract {
        APIContract(request: request, response: response, status: 201)
    }
}

/// Every JSON operation's bodies, by endpoint key. A test requires an entry for each operation that
/// answers JSON; the few that answer CSV, text, bytes or nothing are described by `OpenAPIDocument`.
enum APIContracts {
    static let byKey: [String: APIContract] = [
        Endpoints.apiCollaborationCalls.key: .init(response: Array<CollaborationCallDTO>.self),
        Endpoints.apiOpenCollaborationCall.key: .created(
            request: CollaborationCallInput.self, response: CollaborationCallDTO.self),
        Endpoints.apiCollaborationCall.key: .init(response: CollaborationCallDTO.self),
        Endpoints.apiTracks.key: .init(response: Array<TrackDTO>.self),
        Endpoints.apiCreateTrack.key: .created(request: TrackInput.self, response: TrackDTO.self),
        Endpoints.apiTrack.key: .init(response: TrackDTO.self),
        Endpoints.apiUpdateTrack.key: .init(request: TrackInput.self, response: TrackDTO.self),
        Endpoints.apiTrackApplications.key: .init(response: Array<CollaborationApplicationDTO>.self),
        Endpoints.apiProfile.key: .init(response: CompanyProfiles.ProfileDTO.self),
        Endpoints.apiCorrectCompanyIdentity.key: .init(
            request: IdentityCorrectionInput.self, response: CompanyProfiles.ProfileDTO.self),
        Endpoints.apiUpdateProfile.key: .init(request: ProfileInput.self, response: CompanyProfiles.ProfileDTO.self),
        Endpoints.apiMyCollaborationApplications.key: .init(response: Array<CollaborationApplicationDTO>.self),
        Endpoints.apiCreateCollaborationApplication.key: .created(
            request: CollaborationApplicationInput.self, response: CollaborationApplicationDTO.self),
        Endpoints.apiCollaborationApplication.key: .init(response: CollaborationApplicationDTO.self),
        Endpoints.apiSaveCollaborationApplication.key: .init(
            request: CollaborationApplicationInput.self, response: CollaborationApplicationDTO.self),
        Endpoints.apiSubmitCollaborationApplication.key: .init(response: CollaborationApplicationDTO.self),
        Endpoints.apiWithdrawCollaborationApplication.key: .init(response: CollaborationApplicationDTO.self),
        Endpoints.apiMatching.key: .init(response: CollaborationMatching.Report.self),
        Endpoints.apiConfirmMatching.key: .created(response: CollaborationMatching.Report.self),
        Endpoints.apiGrantAgreements.key: .init(response: ApiGrantController.AgreementList.self),
        Endpoints.apiDraftGrantAgreement.key: .created(
            request: AgreementDraftInput.self, response: GrantAgreementDTO.self),
        Endpoints.apiGrantAgreement.key: .init(response: GrantAgreementDTO.self),
        Endpoints.apiGrantAgreementEvent.key: .init(
            request: AgreementEventInput.self, response: GrantAgreementDTO.self),
        Endpoints.apiGrantInstalmentEvent.key: .init(
            request: InstalmentEventInput.self, response: GrantStepResult.self),
        Endpoints.apiGrantSpendings.key: .created(request: SpendingInput.self, response: GrantStepResult.self),
        Endpoints.apiGrantSpendingReview.key: .init(request: SpendingReviewInput.self, response: GrantStepResult.self),
        Endpoints.apiGrantReallocations.key: .created(request: ReallocationInput.self, response: GrantStepResult.self),
        Endpoints.apiGrantReallocationDecision.key: .init(
            request: ReallocationDecisionInput.self, response: GrantStepResult.self),
        Endpoints.apiGrantClawbacks.key: .created(request: ClawbackInput.self, response: GrantStepResult.self),
        Endpoints.apiGrantClawbackRecovery.key: .init(response: GrantStepResult.self),
        Endpoints.apiGrantEntryReversal.key: .created(request: ReasonInput.self, response: GrantStepResult.self),
        Endpoints.apiCallBudget.key: .init(response: CallBudgetFigures.self),
        Endpoints.apiGrantBenefits.key: .created(request: BenefitInput.self, response: GrantStepResult.self),
        Endpoints.apiGrantOutcomes.key: .created(request: OutcomeInput.self, response: GrantStepResult.self),
        Endpoints.apiGrantOutcomeReview.key: .init(request: OutcomeReviewInput.self, response: GrantStepResult.self),
        Endpoints.apiGrantCohortReport.key: .init(response: GrantCohortReport.self, query: APIQuery.reportYear),
        Endpoints.apiGrantCohortReportCSV.key: .init(response: String.self, query: APIQuery.reportYear),
        Endpoints.apiTrackTerms.key: .init(request: TrackTermsInput.self, response: TrackTermsDTO.self),
        Endpoints.apiCalls.key: .init(response: Array<CallDTO>.self),
        Endpoints.apiOpenCall.key: .created(request: CallInput.self, response: CallDTO.self),
        Endpoints.apiCall.key: .init(response: CallDTO.self),
        Endpoints.apiCallApplications.key: .init(response: Array<ApplicationDTO>.self),
        Endpoints.apiCreateApplication.key: .created(request: ApplicationInput.self, response: ApplicationDTO.self),
        Endpoints.apiApplication.key: .init(response: ApplicationDTO.self),
        Endpoints.apiSaveApplication.key: .init(request: ApplicationInput.self, response: ApplicationDTO.self),
        Endpoints.apiSubmitApplication.key: .init(response: ApplicationDTO.self),
        Endpoints.apiWithdrawApplication.key: .init(response: ApplicationDTO.self),
        Endpoints.apiRevisions.key: .init(response: Array<RevisionDTO>.self),
        Endpoints.apiSelection.key: .init(response: DesignationSelection.Proposal.self),
        Endpoints.apiProcedures.key: .init(response: Array<ProcedureDTO>.self),
        Endpoints.apiProcedure.key: .init(response: ProcedureDTO.self),
        Endpoints.apiProcedureAction.key: .init(request: ProcedureActionInput.self, response: ProcedureDTO.self),
        Endpoints.apiPanels.key: .init(response: Array<PanelDTO>.self),
        Endpoints.apiFormPanel.key: .created(
            request: ApiEvaluationController.FormPanelInput.self, response: PanelDTO.self),
        Endpoints.apiPanel.key: .init(response: PanelDTO.self),
        Endpoints.apiFinalise.key: .init(response: PanelDTO.self),
        Endpoints.apiEvaluators.key: .init(response: Array<ApiEvaluationController.EvaluatorDTO>.self),
        Endpoints.apiAssignments.key: .init(response: Array<AssignmentDTO>.self),
        Endpoints.apiAssignment.key: .init(response: AssignmentDTO.self),
        Endpoints.apiDistrictOperation.key: .init(response: DistrictOperationDTO.self),
        Endpoints.apiPlanChange.key: .created(request: PlanChangeInput.self, response: DistrictOperationDTO.self),
        Endpoints.apiPlanChangeDecision.key: .init(
            request: PlanChangeDecisionInput.self, response: DistrictOperationDTO.self),
        Endpoints.apiExtension.key: .init(request: ExtensionInput.self, response: DistrictOperationDTO.self),
        Endpoints.apiDedesignation.key: .init(request: DedesignationInput.self, response: DistrictOperationDTO.self),
        Endpoints.apiSelfEvaluation.key: .created(
            request: SelfEvaluationInput.self, response: DistrictOperationDTO.self),
        Endpoints.apiPanelEvaluation.key: .init(
            request: PanelEvaluationInput.self, response: DistrictOperationDTO.self),
        Endpoints.apiLogin.key: .init(request: ApiAccountController.LoginInput.self, response: AccountDTO.self),
        Endpoints.apiMe.key: .init(response: AccountDTO.self),
        Endpoints.apiTokens.key: .init(response: Array<TokenDTO>.self),
        Endpoints.apiCreateToken.key: .created(
            request: ApiAccountController.CreateTokenInput.self, response: CreatedTokenDTO.self),
        Endpoints.apiRevokeToken.key: .init(response: TokenDTO.self),
        Endpoints.apiUsers.key: .init(
            response: ListDTO<AccountDTO>.self,
            query: [
                APIQuery(
                    name: "role", about: "Only accounts with this role", kind: .choice(Role.allCases.map(\.rawValue)))
            ]
                + APIQuery.paging),
        Endpoints.apiCreateUser.key: .created(request: NewAccountInput.self, response: AccountDTO.self),
        Endpoints.apiDeactivateUser.key: .init(response: AccountDTO.self),
        Endpoints.apiAudit.key: .init(
            response: ListDTO<AuditEntryDTO>.self, query: APIQuery.auditFilter + APIQuery.paging),
        Endpoints.apiAuditVerify.key: .init(response: AuditVerification.self),
        Endpoints.apiMessages.key: .init(response: ListDTO<MessageDTO>.self, query: APIQuery.paging),
        Endpoints.apiUploadDocument.key: .created(response: DocumentDTO.self),
        Endpoints.apiDocument.key: .init(response: DocumentDTO.self),
        Endpoints.apiRegions.key: .init(response: Array<ApiReferenceController.RegionDTO>.self),
        Endpoints.apiDistricts.key: .init(response: Array<ApiReferenceController.DistrictDTO>.self),
        Endpoints.apiPartners.key: .init(response: Array<ApiReferenceController.PartnerDTO>.self),
        Endpoints.apiPartnerListings.key: .init(response: Array<ApiReferenceController.PartnerListingDTO>.self),
        Endpoints.apiParameters.key: .init(response: Array<ParameterDTO>.self, query: APIQuery.asOf),
        Endpoints.apiParameter.key: .init(response: ParameterDTO.self, query: APIQuery.asOf),
        Endpoints.apiAddParameterVersion.key: .created(
            request: NewParameterVersionInput.self, response: ParameterDTO.self),
        Endpoints.apiHolidays.key: .init(
            response: HolidayTableDTO.self,
            query: [APIQuery(name: "year", about: "Only this year's holidays", kind: .integer(1900...2200))]),
        Endpoints.apiAddHoliday.key: .created(request: NewHolidayInput.self, response: HolidayDTO.self),
        Endpoints.apiLegalClock.key: .init(request: LegalClockInput.self, response: LegalClockResultDTO.self),
        Endpoints.apiRegulationDecisions.key: .init(
            response: ListDTO<ApiRegulationController.DecisionRow>.self,
            query: APIQuery.decisionFilter + APIQuery.paging),
        Endpoints.apiRegulationDecisionsCSV.key: .init(response: String.self, query: APIQuery.decisionFilter),
        Endpoints.apiSandboxPolicy.key: .created(request: PolicyInput.self, response: SandboxCaseDTO.self),
        Endpoints.apiCertifications.key: .init(response: ApiSandboxController.CertificationList.self),
        Endpoints.apiFileCertification.key: .created(request: CertificationInput.self, response: CertificationDTO.self),
        Endpoints.apiSandboxCases.key: .init(
            response: ApiSandboxController.CaseList.self,
            query: [APIQuery(name: "waiting", about: "Only cases waiting on the caller", kind: .boolean)]
                + APIQuery.paging),
        Endpoints.apiFileSandboxCase.key: .created(request: SandboxFilingInput.self, response: SandboxCaseDTO.self),
        Endpoints.apiSandboxCase.key: .init(response: SandboxCaseDTO.self),
        Endpoints.apiSandboxCaseEvent.key: .init(request: SandboxEventInput.self, response: SandboxCaseDTO.self),
        Endpoints.apiSandboxClaims.key: .created(request: ClaimInput.self, response: ClaimDTO.self),
        Endpoints.apiSandboxClaimSettlement.key: .init(request: ClaimSettlementInput.self, response: ClaimDTO.self),
        Endpoints.apiSandboxClaimReport.key: .init(request: ClaimReportInput.self, response: ClaimDTO.self),
        Endpoints.apiSearch.key: .init(
            response: SearchController.Answer.self,
            query: [
                APIQuery(
                    name: "q", about: "A name, business registration number or receipt number; * and ? are wildcards",
                    kind: .text(minLength: RecordSearch.minimumLength, maxLength: RecordSearch.maximumLength),
                    required: true)
            ]),
        Endpoints.apiRegulationVersions.key: .init(response: Array<RulebookVersionDTO>.self),
        Endpoints.apiRegulationVersion.key: .init(response: RulebookVersionDTO.self),
        Endpoints.apiRegulationUploadVersion.key: .created(
            request: RulebookVersioning.UploadInput.self, response: RulebookVersionDTO.self),
        Endpoints.apiRegulationPublishVersion.key: .init(
            request: ApiRegulationController.PublishInput.self, response: RulebookVersionDTO.self),
        Endpoints.apiRegulationWhatIf.key: .init(
            request: ApiRegulationController.WhatIfInput.self, response: WhatIfJobDTO.self, status: 202),
        Endpoints.apiRegulationWhatIfJob.key: .init(response: WhatIfJobDTO.self),
        Endpoints.apiRegulationStatistics.key: .init(response: RegulationStatistics.self, query: APIQuery.period),
        Endpoints.health.key: .init(response: ApiReferenceController.Health.self),
        Endpoints.apiCallWindow.key: .init(
            request: ApiDesignationController.CallWindowInput.self, response: CallDTO.self),
        Endpoints.apiInfoRequest.key: .init(
            request: ApiDesignationController.InformationRequestInput.self, response: ApplicationDTO.self),
        Endpoints.apiConfirmSelection.key: .created(
            request: ApiDesignationController.SelectionConfirmationInput.self, response: Array<ProcedureDTO>.self),
        Endpoints.apiConsensus.key: .init(
            request: ApiEvaluationController.ConsensusInput.self, response: PanelDTO.self),
        Endpoints.apiAddAffiliation.key: .created(
            request: ApiEvaluationController.AffiliationInput.self, response: nil),
        Endpoints.apiDeclaration.key: .init(
            request: ApiEvaluationController.DeclarationInput.self, response: AssignmentDTO.self),
        Endpoints.apiScorecard.key: .init(
            request: ApiEvaluationController.ScorecardInput.self, response: AssignmentDTO.self),
        Endpoints.apiCollaborationCallMode.key: .init(
            request: ApiCollaborationController.ChoiceModeInput.self, response: CollaborationCallDTO.self),
        Endpoints.apiRegulationCheck.key: .init(
            request: RegulationCheckRequestDoc.self, response: RegulationCheckAnswerDoc.self),
        Endpoints.apiRegulationDecision.key: .init(response: RegulationCheckAnswerDoc.self),
        Endpoints.apiRegulationReplay.key: .init(response: RegulationReplayDoc.self),
        Endpoints.apiRegulationDistricts.key: .init(response: Array<RegulationDistrictDoc>.self),
        Endpoints.apiRegulationRegime.key: .init(
            response: RegimeView.self,
            query: [
                APIQuery(name: "format", about: "yaml for the rulebook as published", kind: .choice(["json", "yaml"]))
            ]),
        Endpoints.apiPing.key: .init(response: PingDoc.self),
    ]
}
