import TeukguCore
import Vapor

extension Access {
    /// Everyone an agreement concerns: the startup, the operating organisation, the partner, the ministry.
    static let grantParties = Access.roles([
        .companyMember, .operatingOrganisationStaff, .partnerStaff, .ministryAdmin, .ministryOfficer,
    ])
    /// Those who run agreements and move their money.
    static let grantOperators = Access.roles([.operatingOrganisationStaff, .ministryAdmin, .ministryOfficer])
    /// Who records what a partner gave a startup.
    static let benefitRecorders = Access.roles([
        .partnerStaff, .operatingOrganisationStaff, .ministryAdmin, .ministryOfficer,
    ])
    /// Who reads cohort reports: the ministry, operating organisations and partners (their tracks).
    static let cohortReaders = Access.roles([
        .partnerStaff, .operatingOrganisationStaff, .ministryAdmin, .ministryOfficer,
    ])
    /// Steps either side takes (the startup signs and reports; the organisation reviews and pays).
    static let grantActors = Access.roles([
        .companyMember, .operatingOrganisationStaff, .ministryAdmin, .ministryOfficer,
    ])
}

extension Endpoint {
    /// Writes to grant money take an `Idempotency-Key`.
    var isIdempotentWrite: Bool { method == .POST && path.hasPrefix("/api/v1/grants/") }
}

/// Grant agreements and their ledger: JSON.
extension Endpoints {
    static let apiGrantAgreements = Endpoint(
        .GET, "/api/v1/grants/agreements", .grantParties, .boundRecords, "The grant agreements the caller may see")
    static let apiDraftGrantAgreement = Endpoint(
        .POST, "/api/v1/grants/agreements", .grantOperators, .boundRecords,
        "Draft an agreement for a selected startup (award, instalments by milestone, plan by category, project account)"
    )
    static let apiGrantAgreement = Endpoint(
        .GET, "/api/v1/grants/agreements/:agreementID", .grantParties, .boundRecords,
        "An agreement with its balances, instalments, plan, spending, clawbacks, amendments and ledger entries")
    static let apiGrantAgreementEvent = Endpoint(
        .POST, "/api/v1/grants/agreements/:agreementID/events", .grantActors, .boundRecords,
        "A step on an agreement: sign (the startup), amend (reason, terms), terminate (reason), withdraw, "
            + "open-settlement, close-settlement")
    static let apiGrantInstalmentEvent = Endpoint(
        .POST, "/api/v1/grants/agreements/:agreementID/instalments/:number/events", .grantActors, .boundRecords,
        "A step on an instalment: report (the startup), approve, return (note), pay (amountWon)")
    static let apiGrantSpendings = Endpoint(
        .POST, "/api/v1/grants/agreements/:agreementID/spendings", .company, .ownRecords,
        "Record a spending from the project account, by budget category, with receipts")
    static let apiGrantSpendingReview = Endpoint(
        .POST, "/api/v1/grants/agreements/:agreementID/spendings/:spendingID/review", .grantOperators, .boundRecords,
        "Accept a spending, or reject it (the amount is clawed back)")
    static let apiGrantReallocations = Endpoint(
        .POST, "/api/v1/grants/agreements/:agreementID/reallocations", .company, .ownRecords,
        "Ask to move planned money between budget categories")
    static let apiGrantReallocationDecision = Endpoint(
        .POST, "/api/v1/grants/agreements/:agreementID/reallocations/:reallocationID/decision", .grantOperators,
        .boundRecords, "Approve or refuse a reallocation")
    static let apiGrantClawbacks = Endpoint(
        .POST, "/api/v1/grants/agreements/:agreementID/clawbacks", .grantOperators, .boundRecords,
        "Claw back unspent or misspent money, due on the clawback period in force")
    static let apiGrantClawbackRecovery = Endpoint(
        .POST, "/api/v1/grants/agreements/:agreementID/clawbacks/:clawbackID/recovery", .grantOperators,
        .boundRecords, "Record a clawback's money received")
    static let apiGrantEntryReversal = Endpoint(
        .POST, "/api/v1/grants/agreements/:agreementID/entries/:entryID/reversal", .grantOperators, .boundRecords,
        "Reverse a payment, clawback or recovery made in error (a mirror entry; nothing is deleted)")
    static let apiCallBudget = Endpoint(
        .GET, "/api/v1/grants/calls/:callID/budget", .grantOperators, .boundRecords,
        "A call's budget: committed, paid and available, per track")

    static let apiGrantBenefits = Endpoint(
        .POST, "/api/v1/grants/agreements/:agreementID/benefits", .benefitRecorders, .boundRecords,
        "Record a partner benefit: credits (value, currency), mentoring (sessions), poc, overseas-programme")
    static let apiGrantOutcomes = Endpoint(
        .POST, "/api/v1/grants/agreements/:agreementID/outcomes", .company, .ownRecords,
        "Report a half-year's outcomes (period 2026-H2: hires, follow-on investment, revenue, overseas revenue, "
            + "M&A, patents, PoCs with the partner)")
    static let apiGrantOutcomeReview = Endpoint(
        .POST, "/api/v1/grants/agreements/:agreementID/outcomes/:outcomeID/review", .grantOperators, .boundRecords,
        "Confirm reported outcomes, or return them with a note")
    static let apiGrantCohortReport = Endpoint(
        .GET, "/api/v1/grants/reports/cohort", .cohortReaders, .boundRecords,
        "A programme year's cohort by track (?year=): startups, money, benefits, confirmed outcomes")
    static let apiGrantCohortReportCSV = Endpoint(
        .GET, "/api/v1/grants/reports/cohort.csv", .cohortReaders, .boundRecords, "The cohort report as CSV (?year=)")

    static let apiTrackTerms = Endpoint(
        .PUT, "/api/v1/grants/tracks/:trackID/terms", .ministry, .everything,
        "Set a track's budget (optional) and cost-share ratios (government, cash, in-kind percent)")

    static let grants: [Endpoint] = [
        apiTrackTerms,
        apiGrantBenefits, apiGrantOutcomes, apiGrantOutcomeReview, apiGrantCohortReport, apiGrantCohortReportCSV,
        apiGrantAgreements, apiDraftGrantAgreement, apiGrantAgreement, apiGrantAgreementEvent, apiGrantInstalmentEvent,
        apiGrantSpendings, apiGrantSpendingReview, apiGrantReallocations, apiGrantReallocationDecision,
        apiGrantClawbacks, apiGrantClawbackRecovery, apiGrantEntryReversal, apiCallBudget,
    ]
}

/// Grant agreements: pages.
extension Endpoints {
    static let grantsHome = Endpoint(
        .GET, "/grants", .grantParties, .boundRecords, "Grant agreements and the balances they depend on")
    static let draftGrantAgreementForm = Endpoint(
        .POST, "/grants/agreements", .grantOperators, .boundRecords, "Draft an agreement for a selected startup")
    static let grantAgreementPage = Endpoint(
        .GET, "/grants/agreements/:agreementID", .grantParties, .boundRecords, "An agreement with its money")
    static let grantAgreementActionForm = Endpoint(
        .POST, "/grants/agreements/:agreementID/actions", .grantParties, .boundRecords, "A step on an agreement")

    static let grantReportsPage = Endpoint(
        .GET, "/grants/reports", .cohortReaders, .boundRecords, "Cohort reports by track and year, with charts")

    static let grantPages: [Endpoint] = [
        grantsHome, draftGrantAgreementForm, grantAgreementPage, grantAgreementActionForm, grantReportsPage,
    ]
}
