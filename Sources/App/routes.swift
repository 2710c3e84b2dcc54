import Vapor

/// Registers every controller. Each registers only endpoints declared in `Endpoints`.
func routes(_ app: Application) throws {
    let uploadLimit = app.settings.maxUploadBytes
    SessionController().register(app)
    HomeController().register(app)
    AccountController(uploadLimit: uploadLimit).register(app)
    AdminController().register(app)
    InvitationController().register(app)
    LegalTimeController().register(app)
    ApiAccountController(uploadLimit: uploadLimit).register(app)
    ApiReferenceController().register(app)
    ApiLegalTimeController().register(app)
    ApiRegulationController().register(app)
    RegulationPagesController().register(app)
    RulebookAdminController().register(app)
    ApiDesignationController().register(app)
    ApiCollaborationController().register(app)
    DesignationPagesController().register(app)
    ApplicationPagesController().register(app)
    EvaluationPagesController().register(app)
    ProcedurePagesController().register(app)
    DistrictPagesController().register(app)
    CollaborationPagesController().register(app)
    ApiEvaluationController().register(app)
    ApiDistrictOperationController().register(app)
    ApiSandboxController().register(app)
    ApiGrantController().register(app)
    GrantPagesController().register(app)
    SandboxPagesController().register(app)
    SandboxClaimPagesController().register(app)
    OpenDataController().register(app)
}
