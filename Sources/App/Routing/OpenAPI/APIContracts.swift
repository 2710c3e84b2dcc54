import Foundation

/// What an API operation takes and gives, named by the Swift types its handler decodes and
/// encodes; `OpenAPIDocument` records their schemas, so the document follows the code.
struct APIContract: Sendable {
    let request: (any Decodable.Type)?
    let response: (any Decodable.Type)?

    init(request: (any Decodable.Type)? = nil, response: (any Decodable.Type)? = nil) {
        self.request = request
        self.response = response
    }
}

/// The operations whose bodies are described so far, by endpoint key. Operations not listed are
/// documented with free-form bodies until their types are named here.
enum APIContracts {
    static let byKey: [String: APIContract] = [
        Endpoints.apiCollaborationCalls.key: .init(response: Array<CollaborationCallDTO>.self),
        Endpoints.apiOpenCollaborationCall.key: .init(request: CollaborationCallInput.self),
        Endpoints.apiCollaborationCall.key: .init(response: CollaborationCallDTO.self),
        Endpoints.apiTracks.key: .init(response: Array<TrackDTO>.self),
        Endpoints.apiCreateTrack.key: .init(request: TrackInput.self),
        Endpoints.apiTrack.key: .init(response: TrackDTO.self),
        Endpoints.apiUpdateTrack.key: .init(request: TrackInput.self, response: TrackDTO.self),
        Endpoints.apiTrackApplications.key: .init(response: Array<CollaborationApplicationDTO>.self),
        Endpoints.apiProfile.key: .init(response: CompanyProfiles.ProfileDTO.self),
        Endpoints.apiCorrectCompanyIdentity.key: .init(
            request: IdentityCorrectionInput.self, response: CompanyProfiles.ProfileDTO.self),
        Endpoints.apiUpdateProfile.key: .init(request: ProfileInput.self, response: CompanyProfiles.ProfileDTO.self),
        Endpoints.apiMyCollaborationApplications.key: .init(response: Array<CollaborationApplicationDTO>.self),
        Endpoints.apiCreateCollaborationApplication.key: .init(request: CollaborationApplicationInput.self),
        Endpoints.apiCollaborationApplication.key: .init(response: CollaborationApplicationDTO.self),
        Endpoints.apiSaveCollaborationApplication.key: .init(
            request: CollaborationApplicationInput.self, response: CollaborationApplicationDTO.self),
        Endpoints.apiSubmitCollaborationApplication.key: .init(response: CollaborationApplicationDTO.self),
        Endpoints.apiWithdrawCollaborationApplication.key: .init(response: CollaborationApplicationDTO.self),
        Endpoints.apiMatching.key: .init(response: CollaborationMatching.Report.self),
        Endpoints.apiGrantAgreements.key: .init(response: ApiGrantController.AgreementList.self),
        Endpoints.apiDraftGrantAgreement.key: .init(request: AgreementDraftInput.self),
        Endpoints.apiGrantAgreement.key: .init(response: GrantAgreementDTO.self),
        Endpoints.apiGrantAgreementEvent.key: .init(request: AgreementEventInput.self),
        Endpoints.apiGrantInstalmentEvent.key: .init(request: InstalmentEventInput.self),
        Endpoints.apiGrantSpendings.key: .init(request: SpendingInput.self),
        Endpoints.apiGrantSpendingReview.key: .init(request: SpendingReviewInput.self),
        Endpoints.apiGrantReallocations.key: .init(request: ReallocationInput.self),
        Endpoints.apiGrantReallocationDecision.key: .init(request: ReallocationDecisionInput.self),
        Endpoints.apiGrantClawbacks.key: .init(request: ClawbackInput.self),
        Endpoints.apiGrantEntryReversal.key: .init(request: ReasonInput.self),
        Endpoints.apiCallBudget.key: .init(response: CallBudgetFigures.self),
        Endpoints.apiGrantBenefits.key: .init(request: BenefitInput.self),
        Endpoints.apiGrantOutcomes.key: .init(request: OutcomeInput.self),
        Endpoints.apiGrantOutcomeReview.key: .init(request: OutcomeReviewInput.self),
        Endpoints.apiGrantCohortReport.key: .init(response: GrantCohortReport.self),
        Endpoints.apiTrackTerms.key: .init(request: TrackTermsInput.self, response: TrackTermsDTO.self),
        Endpoints.apiCalls.key: .init(response: Array<CallDTO>.self),
        Endpoints.apiOpenCall.key: .init(request: CallInput.self),
        Endpoints.apiCall.key: .init(response: CallDTO.self),
        Endpoints.apiCallApplications.key: .init(response: Array<ApplicationDTO>.self),
        Endpoints.apiCreateApplication.key: .init(request: ApplicationInput.self),
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
        Endpoints.apiFormPanel.key: .init(request: ApiEvaluationController.FormPanelInput.self),
        Endpoints.apiPanel.key: .init(response: PanelDTO.self),
        Endpoints.apiFinalise.key: .init(response: PanelDTO.self),
        Endpoints.apiEvaluators.key: .init(response: Array<ApiEvaluationController.EvaluatorDTO>.self),
        Endpoints.apiAssignments.key: .init(response: Array<AssignmentDTO>.self),
        Endpoints.apiAssignment.key: .init(response: AssignmentDTO.self),
        Endpoints.apiDistrictOperation.key: .init(response: DistrictOperationDTO.self),
        Endpoints.apiPlanChange.key: .init(request: PlanChangeInput.self),
        Endpoints.apiPlanChangeDecision.key: .init(
            request: PlanChangeDecisionInput.self, response: DistrictOperationDTO.self),
        Endpoints.apiExtension.key: .init(request: ExtensionInput.self, response: DistrictOperationDTO.self),
        Endpoints.apiDedesignation.key: .init(request: DedesignationInput.self, response: DistrictOperationDTO.self),
        Endpoints.apiSelfEvaluation.key: .init(request: SelfEvaluationInput.self),
        Endpoints.apiPanelEvaluation.key: .init(
            request: PanelEvaluationInput.self, response: DistrictOperationDTO.self),
        Endpoints.apiLogin.key: .init(request: ApiAccountController.LoginInput.self, response: AccountDTO.self),
        Endpoints.apiMe.key: .init(response: AccountDTO.self),
        Endpoints.apiTokens.key: .init(response: Array<TokenDTO>.self),
        Endpoints.apiCreateToken.key: .init(request: ApiAccountController.CreateTokenInput.self),
        Endpoints.apiRevokeToken.key: .init(response: TokenDTO.self),
        Endpoints.apiUsers.key: .init(response: ListDTO<AccountDTO>.self),
        Endpoints.apiCreateUser.key: .init(request: NewAccountInput.self),
        Endpoints.apiDeactivateUser.key: .init(response: AccountDTO.self),
        Endpoints.apiAudit.key: .init(response: ListDTO<AuditEntryDTO>.self),
        Endpoints.apiAuditVerify.key: .init(response: AuditVerification.self),
        Endpoints.apiMessages.key: .init(response: ListDTO<MessageDTO>.self),
        Endpoints.apiDocument.key: .init(response: DocumentDTO.self),
        Endpoints.apiRegions.key: .init(response: Array<ApiReferenceController.RegionDTO>.self),
        Endpoints.apiDistricts.key: .init(response: Array<ApiReferenceController.DistrictDTO>.self),
        Endpoints.apiPartners.key: .init(response: Array<ApiReferenceController.PartnerDTO>.self),
        Endpoints.apiPartnerListings.key: .init(response: Array<ApiReferenceController.PartnerListingDTO>.self),
        Endpoints.apiParameters.key: .init(response: Array<ParameterDTO>.self),
        Endpoints.apiParameter.key: .init(response: ParameterDTO.self),
        Endpoints.apiAddParameterVersion.key: .init(request: NewParameterVersionInput.self),
        Endpoints.apiHolidays.key: .init(response: HolidayTableDTO.self),
        Endpoints.apiAddHoliday.key: .init(request: NewHolidayInput.self),
        Endpoints.apiLegalClock.key: .init(request: LegalClockInput.self, response: LegalClockResultDTO.self),
        Endpoints.apiRegulationDecisions.key: .init(response: ListDTO<ApiRegulationController.DecisionRow>.self),
        Endpoints.apiSandboxPolicy.key: .init(request: PolicyInput.self),
        Endpoints.apiCertifications.key: .init(response: ApiSandboxController.CertificationList.self),
        Endpoints.apiFileCertification.key: .init(request: CertificationInput.self),
        Endpoints.apiSandboxCases.key: .init(response: ApiSandboxController.CaseList.self),
        Endpoints.apiFileSandboxCase.key: .init(request: SandboxFilingInput.self),
        Endpoints.apiSandboxCase.key: .init(response: SandboxCaseDTO.self),
        Endpoints.apiSandboxCaseEvent.key: .init(request: SandboxEventInput.self, response: SandboxCaseDTO.self),
        Endpoints.apiSandboxClaims.key: .init(request: ClaimInput.self),
        Endpoints.apiSandboxClaimSettlement.key: .init(request: ClaimSettlementInput.self, response: ClaimDTO.self),
        Endpoints.apiSandboxClaimReport.key: .init(request: ClaimReportInput.self, response: ClaimDTO.self),
        Endpoints.apiSearch.key: .init(response: SearchController.Answer.self),
        Endpoints.apiRegulationVersions.key: .init(response: Array<RulebookVersionDTO>.self),
        Endpoints.apiRegulationVersion.key: .init(response: RulebookVersionDTO.self),
        Endpoints.apiRegulationWhatIf.key: .init(request: ApiRegulationController.WhatIfInput.self),
        Endpoints.apiRegulationWhatIfJob.key: .init(response: WhatIfJobDTO.self),
        Endpoints.apiRegulationStatistics.key: .init(response: RegulationStatistics.self),
        Endpoints.health.key: .init(response: ApiReferenceController.Health.self),
        Endpoints.apiCallWindow.key: .init(
            request: ApiDesignationController.CallWindowInput.self, response: CallDTO.self),
        Endpoints.apiInfoRequest.key: .init(
            request: ApiDesignationController.InformationRequestInput.self, response: ApplicationDTO.self),
        Endpoints.apiConfirmSelection.key: .init(request: ApiDesignationController.SelectionConfirmationInput.self),
        Endpoints.apiConsensus.key: .init(
            request: ApiEvaluationController.ConsensusInput.self, response: PanelDTO.self),
        Endpoints.apiAddAffiliation.key: .init(request: ApiEvaluationController.AffiliationInput.self),
        Endpoints.apiDeclaration.key: .init(
            request: ApiEvaluationController.DeclarationInput.self, response: AssignmentDTO.self),
        Endpoints.apiScorecard.key: .init(
            request: ApiEvaluationController.ScorecardInput.self, response: AssignmentDTO.self),
        Endpoints.apiCollaborationCallMode.key: .init(
            request: ApiCollaborationController.ChoiceModeInput.self, response: CollaborationCallDTO.self),
        Endpoints.apiRegulationCheck.key: .init(
            request: RegulationCheckRequestDoc.self, response: RegulationCheckAnswerDoc.self),
    ]
}
