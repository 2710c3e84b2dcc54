import Fluent
import Vapor

enum TeukguMigrations {
    /// Append-only: add new migrations at the end, never edit a shipped one.
    static func register(on app: Application) {
        app.migrations.add(CreateReferenceTables())
        app.migrations.add(CreateAccountTables())
        app.migrations.add(CreatePlatformTables())
        app.migrations.add(CreateLegalTimeTables())
        app.migrations.add(SessionRecord.migration)
        app.migrations.add(CreateRegulationTables())
        app.migrations.add(AddDecisionLogKeysetIndex())
        app.migrations.add(CreateDesignationTables())
        app.migrations.add(CreateCollaborationTables())
        app.migrations.add(DropRedundantDecisionTimeIndex())
        app.migrations.add(AddCollaborationInformationRequest())
        app.migrations.add(CheckLifecycleStates())
        app.migrations.add(CreateWebSessions())
        app.migrations.add(CreatePartnerListings())
        app.migrations.add(AddDecisionContinuation())
        app.migrations.add(AddCallEnglishTexts())
        app.migrations.add(CreateSandboxTables())
        app.migrations.add(SandboxReminders.Migration())
        app.migrations.add(AddSandboxGrants())
        app.migrations.add(InsurancePolicyRecord.Migration())
        app.migrations.add(AddSandboxGrantLookupIndex())
        app.migrations.add(CertificationRecord.Migration())
        app.migrations.add(AddPermitRevisionAndConversion())
        app.migrations.add(SandboxDeadlineReminders.Migration())
        app.migrations.add(SandboxClaimRecord.Migration())
        app.migrations.add(SandboxDue.Migration())
        app.migrations.add(SandboxQueue.Migration())
        app.migrations.add(CreateGrantTables())
        app.migrations.add(GrantOutcomeRecord.Migration())
        app.migrations.add(OpenDataVersionRecord.Migration())
    }
}
