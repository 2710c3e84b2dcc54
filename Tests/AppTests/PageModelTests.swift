import Foundation
import Testing
import TeukguCore

@testable import App

/// What pages show for given records, without a database or a template.
@Suite struct DesignationApplicationPageTests {
    static let opens = Date(timeIntervalSince1970: 1_800_000_000)

    static func records(
        status: ApplicationStatus, outcome: ApplicationOutcome, plan: DistrictPlan = DistrictPlan(name: "Busan marine"),
        revisions: [DesignationRevisionRecord] = []
    ) throws -> DesignationApplicationPage.Records {
        let call = DesignationCallRecord()
        call.id = UUID()
        call.round = 3
        call.title = "Round 3"
        call.opensAt = opens
        call.closesAt = opens.addingTimeInterval(30 * 86_400)
        call.status = .accepting
        call.stagesJSON = try JSONColumn.encode([
            EvaluationStage(
                id: "written", titleKorean: "서면평가", titleEnglish: "Written evaluation", criteria: [], passThreshold: 60,
                advanceCount: nil)
        ])
        let application = DesignationApplicationRecord()
        application.id = UUID()
        application.callID = try call.requireID()
        application.regionID = "busan"
        application.applicantName = "부산광역시"
        application.applicantLevel = "metropolitan"
        application.status = status
        application.outcome = outcome
        application.planJSON = try JSONColumn.encode(plan)
        application.revision = 2
        if status != .draft {
            application.receiptNumber = "GID-R3-0001"
            application.submittedAt = opens.addingTimeInterval(3600)
        }
        let region = RegionRecord()
        region.id = "busan"
        region.nameKorean = "부산광역시"
        region.nameEnglish = "Busan"
        region.isCapitalRegion = false
        return .init(
            application: application, call: call, region: region, revisions: revisions, feedback: [], documents: [],
            rules: [("national.example", "An example rule")], knownRuleIDs: ["national.example"])
    }

    static func viewer(_ role: Role, region: String? = nil) -> CurrentAccount {
        CurrentAccount(
            id: UUID(), email: "x@y.z", displayName: "X", role: role, regionID: region, companyID: nil, partnerID: nil,
            organisationID: nil, language: "ko", viaToken: false)
    }

    @Test func aDraftShowsItsRegionTheFormAndWhatIsStillMissingInWords() throws {
        let page = try DesignationApplicationPage(
            Self.records(status: .draft, outcome: .draft), viewer: Self.viewer(.regionalOfficial, region: "busan"),
            now: Self.opens.addingTimeInterval(60), language: "ko", form: nil, error: nil)
        #expect(page.application.statusText == "작성 중 (제출 전)")
        #expect(page.application.regionName == "부산광역시" && page.application.applicantLevelText == "시·도")
        #expect(page.showForm && page.canWithdraw && !page.canRequestInformation)
        #expect(!page.application.missingForSubmission.isEmpty)
        #expect(page.rules.map(\.id) == ["national.example"])
    }

    @Test func aSubmittedApplicationShowsItsReceiptInSeoulTimeAndNoForm() throws {
        let page = try DesignationApplicationPage(
            Self.records(status: .submitted, outcome: .submitted),
            viewer: Self.viewer(.regionalOfficial, region: "busan"), now: Self.opens.addingTimeInterval(7200),
            language: "en", form: nil, error: nil)
        #expect(page.application.state == "submitted" && page.application.statusText == "Submitted")
        #expect(page.application.receiptNumber == "GID-R3-0001")
        #expect(page.application.submittedAt.wholeMatch(of: /\d{4}-\d{2}-\d{2} \d{2}:\d{2} KST/) != nil)
        #expect(!page.showForm && page.application.missingForSubmission.isEmpty)
        #expect(page.application.regionName == "Busan")
    }

    @Test func theMinistryMayAskForMoreAndSeesEveryRevisionInWords() throws {
        let revision = DesignationRevisionRecord()
        revision.revision = 1
        revision.event = "created"
        revision.savedAt = Self.opens
        let page = try DesignationApplicationPage(
            Self.records(status: .submitted, outcome: .passed(stage: "written"), revisions: [revision]),
            viewer: Self.viewer(.ministryOfficer), now: Self.opens, language: "en", form: nil, error: nil)
        #expect(page.canRequestInformation && !page.canWithdraw && !page.showForm)
        #expect(page.application.outcomeText == "Written evaluation passed")
        #expect(page.revisions.count == 1 && page.revisions[0].contains("created") && page.revisions[0].hasPrefix("r1"))
    }

    @Test func someoneElseSeesNeitherFormNorRevisions() throws {
        let page = try DesignationApplicationPage(
            Self.records(status: .submitted, outcome: .submitted), viewer: Self.viewer(.evaluator),
            now: Self.opens, language: "ko", form: nil, error: nil)
        #expect(!page.showForm && !page.canWithdraw && !page.canRequestInformation && page.revisions.isEmpty)
    }
}

@Suite struct CollaborationApplicationPageTests {
    static let opens = Date(timeIntervalSince1970: 1_800_000_000)

    static func records(
        status: ApplicationStatus, outcome: ApplicationOutcome, callStatus: CallStatus = .accepting
    )
        throws -> CollaborationApplicationPage.Records
    {
        let call = CollaborationCallRecord()
        call.id = UUID()
        call.year = 2026
        call.title = "2026 call"
        call.opensAt = opens
        call.closesAt = opens.addingTimeInterval(30 * 86_400)
        call.grantCapWon = 200_000_000
        call.maxChoices = 1
        call.status = callStatus
        call.stagesJSON = "[]"
        let track = CollaborationTrackRecord()
        track.id = UUID()
        track.name = "NVIDIA Inception"
        let application = CollaborationApplicationRecord()
        application.id = UUID()
        application.callID = try call.requireID()
        application.companyID = UUID()
        application.status = status
        application.outcome = outcome
        if status != .draft {
            application.receiptNumber = "GCP-2026-00001"
            application.submittedAt = opens
        }
        let visible = CollaborationApplicationDTO(
            id: try application.requireID(), callID: try call.requireID(), companyID: application.companyID,
            company: "Haeum Marine Robotics", status: status, outcome: outcome,
            receiptNumber: application.receiptNumber,
            submittedAt: nil, choices: [.init(trackID: try track.requireID(), name: track.name, partner: "NVIDIA")],
            plan: "A plan", requestedWon: 150_000_000, grantCapWon: 200_000_000, documentIDs: [],
            editable: status == .draft,
            missingForSubmission: [], assignedTrackID: nil, feedback: nil)
        return .init(
            application: application, visible: visible, call: call, tracks: [track], documents: [], submissionIssues: []
        )
    }

    static let company = CurrentAccount(
        id: UUID(), email: "s@t.u", displayName: "S", role: .companyMember, regionID: nil, companyID: nil,
        partnerID: nil,
        organisationID: nil, language: "ko", viaToken: false)

    @Test func theCompanyEditsItsDraftWithTheTrackPreselectedAndAmountsInWon() throws {
        var records = try Self.records(status: .draft, outcome: .draft)
        let viewer = CurrentAccount(
            id: UUID(), email: "s@t.u", displayName: "S", role: .companyMember, regionID: nil,
            companyID: records.application.companyID, partnerID: nil, organisationID: nil, language: "ko",
            viaToken: false)
        records = try Self.records(status: .draft, outcome: .draft)
        records.application.companyID = try #require(viewer.companyID)
        let page = try CollaborationApplicationPage(
            records, viewer: viewer, now: Self.opens.addingTimeInterval(60), language: "ko", error: nil)
        #expect(page.showForm && page.canWithdraw)
        #expect(page.slots.count == 1 && page.slots[0].options.first?.selected == true)
        #expect(page.application.statusText == "작성 중 (제출 전)" && page.application.choices == ["NVIDIA Inception"])
        #expect(page.cap.contains("2억") || page.cap.contains("200"))
    }

    @Test func aSubmittedApplicationUnderEvaluationCannotBeWithdrawnHere() throws {
        let records = try Self.records(status: .submitted, outcome: .submitted, callStatus: .evaluating)
        let viewer = CurrentAccount(
            id: UUID(), email: "s@t.u", displayName: "S", role: .companyMember, regionID: nil,
            companyID: records.application.companyID, partnerID: nil, organisationID: nil, language: "en",
            viaToken: false)
        let page = try CollaborationApplicationPage(
            records, viewer: viewer, now: Self.opens, language: "en", error: nil)
        #expect(!page.showForm && !page.canWithdraw)
        #expect(page.application.state == "submitted" && page.application.outcomeText == "Submitted")
        #expect(page.application.receiptNumber == "GCP-2026-00001")
    }

    @Test func partnerStaffSeeTheApplicationButNoControls() throws {
        let records = try Self.records(status: .submitted, outcome: .selected, callStatus: .decided)
        let partner = CurrentAccount(
            id: UUID(), email: "p@n.v", displayName: "P", role: .partnerStaff, regionID: nil, companyID: nil,
            partnerID: "nvidia", organisationID: nil, language: "en", viaToken: false)
        let page = try CollaborationApplicationPage(
            records, viewer: partner, now: Self.opens, language: "en", error: nil)
        #expect(!page.isOwner && !page.showForm && !page.canWithdraw)
        #expect(page.application.outcomeText == "Selected")
    }
}

@Suite struct ProcedurePageTests {
    static func rules() throws -> ProcedureRules {
        ProcedureRules(
            parameters: .seed,
            holidays: HolidayCalendar(
                holidays: try HolidayCalendar.parseCSV(HolidayCalendar.seedCSV),
                coveredYears: HolidayCalendar.seedCoveredYears))
    }

    static func record(_ state: ProcedureState) throws -> DesignationProcedureRecord {
        let record = DesignationProcedureRecord()
        record.id = UUID()
        record.applicationID = UUID()
        record.callID = UUID()
        record.regionID = "busan"
        record.title = "Busan marine"
        record.stateJSON = try JSONColumn.encode(state)
        record.currentStep = state.current.rawValue
        return record
    }

    @Test func theOfficerSeesTheStepsInTheirLanguageAndTheNextStepsToRecord() throws {
        let started = try #require(CalendarDate(iso: "2027-01-04"))
        let page = try ProcedurePage(
            Self.record(ProcedureState(startedOn: started)), region: nil, rules: Self.rules(),
            viewer: CurrentAccount(
                id: UUID(), email: "o@m.k", displayName: "O", role: .ministryOfficer, regionID: nil, companyID: nil,
                partnerID: nil, organisationID: nil, language: "ko", viaToken: false),
            today: started, language: "ko", error: nil)
        #expect(page.canAct && !page.next.isEmpty)
        #expect(page.steps.first?.isCurrent == true && page.steps.first?.enteredOn == "2027-01-04")
        #expect(page.steps.allSatisfy { !$0.citation.isEmpty })
        #expect(page.currentTitle.unicodeScalars.contains { $0.value >= 0xAC00 && $0.value <= 0xD7A3 })
        #expect(page.regionName == "busan")
    }

    @Test func theRegionReadsButCannotAct() throws {
        let started = try #require(CalendarDate(iso: "2027-01-04"))
        let page = try ProcedurePage(
            Self.record(ProcedureState(startedOn: started)), region: nil, rules: Self.rules(),
            viewer: CurrentAccount(
                id: UUID(), email: "b@b.k", displayName: "B", role: .regionalOfficial, regionID: "busan",
                companyID: nil,
                partnerID: nil, organisationID: nil, language: "en", viaToken: false),
            today: started, language: "en", error: nil)
        #expect(!page.canAct && page.listHref == Endpoints.proceduresPage.link())
    }
}

@Suite struct DistrictPageTests {
    static func district(changes: [PlanChange]) throws -> DistrictOperationDTO {
        let since = try #require(CalendarDate(iso: "2024-06-01"))
        return DistrictOperationDTO(
            id: "busan-marine-mobility", name: "Busan next-generation marine mobility", nameKorean: "부산 차세대 해양모빌리티",
            regionID: "busan", round: 1, startsOn: "2024-06-01", endsOn: "2028-05-31", extended: false,
            dedesignatedOn: nil, dedesignationReason: nil, status: "operating", termStatus: .operating,
            postMonitoringUntil: "2030-05-31",
            zoneOperators: [
                ZoneOperatorEntry(
                    name: "Haeum", businessRegistrationNumber: DemoAccounts.registrationNumber("605812345"),
                    since: since,
                    until: nil)
            ],
            planChanges: changes, kpis: [DistrictPlan.KPI(name: "Trials", unit: "cases", target: 12)],
            evaluations: [
                .init(
                    year: 2025, kpis: [.init(name: "Trials", unit: "cases", target: 12, actual: 9, achieved: 75)],
                    selfScore: 81, selfComment: "On track", panelScore: 78.5, panelComment: nil, grade: "normal")
            ], hasRulebook: true)
    }

    static func change(_ status: PlanChangeStatus) throws -> PlanChange {
        PlanChange(
            number: 1, kind: "major", description: "Add a zone", add: [], remove: [], status: status,
            filedOn: try #require(CalendarDate(iso: "2026-03-02")), decidedOn: nil, decisionReason: nil)
    }

    static let ministry = CurrentAccount(
        id: UUID(), email: "o@m.k", displayName: "O", role: .ministryOfficer, regionID: nil, companyID: nil,
        partnerID: nil, organisationID: nil, language: "ko", viaToken: false)

    @Test func theDistrictShowsItsStatusGradeAndChangesInWords() throws {
        let today = try #require(CalendarDate(iso: "2026-11-30"))
        let page = DistrictPage(
            try Self.district(changes: [try Self.change(.pendingCommittee)]), record: nil, regime: nil, region: nil,
            viewer: Self.ministry,
            today: today, language: "ko")
        #expect(page.name == "부산 차세대 해양모빌리티" && page.statusText == "운영 중")
        #expect(page.evaluations.first?.gradeText == "보통" && page.evaluations.first?.results.first?.achieved == "75%")
        #expect(page.changes.first?.statusText == "위원회 심의 대기" && page.changes.first?.kindText == "변경 (위원회 심의)")
        #expect(page.pendingChanges.count == 1 && page.pendingChanges[0].decideAction != nil)
        #expect(page.operators.first?.businessRegistrationNumber.contains("-") == true)
        #expect(page.regimeHref == Endpoints.regimePage.link([.district: "busan-marine-mobility"]))
    }

    @Test func onlyTheMinistryDecidesAndADecidedChangeHasNoForm() throws {
        let today = try #require(CalendarDate(iso: "2026-11-30"))
        let region = CurrentAccount(
            id: UUID(), email: "b@b.k", displayName: "B", role: .regionalOfficial, regionID: "busan", companyID: nil,
            partnerID: nil, organisationID: nil, language: "en", viaToken: false)
        let asRegion = DistrictPage(
            try Self.district(changes: [try Self.change(.pendingCommittee)]), record: nil, regime: nil, region: nil,
            viewer: region, today: today,
            language: "en")
        #expect(asRegion.isRegion && !asRegion.isMinistry && asRegion.pendingChanges.isEmpty)
        let decided = DistrictPage(
            try Self.district(changes: [try Self.change(.approved)]), record: nil, regime: nil, region: nil,
            viewer: Self.ministry, today: today,
            language: "en")
        #expect(decided.pendingChanges.isEmpty && decided.changes.first?.statusText == "Approved")
    }
}

@Suite struct EvaluationPageTests {
    static let stage = EvaluationStage(
        id: "written", titleKorean: "서면평가", titleEnglish: "Written evaluation",
        criteria: [.init(id: "fit", titleKorean: "적합성", titleEnglish: "Fit", weight: 100)], passThreshold: 60,
        advanceCount: nil)

    @Test func thePanelNamesApplicationsAndStatesInWordsNotIDsOrCodes() throws {
        let application = UUID()
        let record = EvaluationPanelRecord()
        record.id = UUID()
        record.callID = UUID()
        record.status = .scoring
        let resultsJSON =
            #"[{"applicationID":"\#(application.uuidString)","score":82.5,"rank":1,"advances":true,"reason":"advanced"}]"#
        let panel = PanelDTO(
            id: try record.requireID(), programme: "designation", callID: record.callID, stageID: "written", round: 1,
            status: .scoring, expectedScorecards: 2, submittedScorecards: 1,
            assignments: [
                .init(
                    id: UUID(), evaluator: "evaluator@teukgu.demo", applicationID: application,
                    status: .conflictDetected, conflict: "Busan")
            ],
            applications: [
                .init(
                    applicationID: application, mean: 82.5, spread: 3, standardDeviation: 1.5, hasOutliers: false,
                    scores: [.init(evaluator: "evaluator3@teukgu.demo", total: 82.5, round: 1, isOutlier: false)])
            ],
            results: try JSONDecoder().decode([StageResult].self, from: Data(resultsJSON.utf8)))
        let page = try EvaluationPanelPage(
            panel, record: record, stage: Self.stage, labels: [application: "GID-R3-0001 Busan marine"], callHref: "/x",
            language: "ko")
        #expect(page.stageTitle == "서면평가" && page.statusText == "채점 중" && page.open)
        #expect(page.assignments.first?.application == "GID-R3-0001 Busan marine")
        #expect(page.assignments.first?.statusText == "이해충돌 자동 확인으로 제외")
        #expect(page.rows.first?.scores.first?.contains("1라운드") == true)
        #expect(
            page.results.first?.application == "GID-R3-0001 Busan marine" && page.results.first?.verdict == "다음 단계 진출")
    }

    static func assignment(status: AssignmentStatus, card: Scorecard?) -> AssignmentDTO {
        AssignmentDTO(
            id: UUID(), panelID: UUID(), programme: "designation", callID: UUID(), stageID: "written",
            stageTitle: "Written evaluation", round: 1, applicationID: UUID(), status: status, conflict: nil,
            disclosure: ["부산광역시 (busan)", "Busan marine"],
            criteria: status.isCleared ? Self.stage.criteria : nil, application: nil, collaborationApplication: nil,
            myScorecard: card, otherEvaluatorTotals: card == nil ? nil : [78.25], scoresHidden: card == nil)
    }

    @Test func beforeDeclaringTheEvaluatorSeesOnlyWhoAppliesAndTheDeclaration() {
        let page = EvaluationAssignmentPage(
            Self.assignment(status: .awaitingDeclaration, card: nil), language: "en", error: nil)
        #expect(page.canDeclare && !page.canScore && page.criteria.isEmpty && page.plan == nil)
        #expect(page.planName == "Busan marine" && page.statusText == "Declare conflicts first")
    }

    @Test func aRefusedScorecardComesBackWithEverythingTyped() {
        let page = EvaluationAssignmentPage(
            Self.assignment(status: .declaredNoConflict, card: nil), language: "en",
            error: "Scores are numbers from 0 to 100.",
            typed: ["score_fit": "130", "why_fit": "Strong fit with the district's plan."])
        #expect(page.canScore && page.criteria.first?.score == "130")
        #expect(page.criteria.first?.justification == "Strong fit with the district's plan.")
    }

    @Test func afterScoringTheOtherTotalsAppear() {
        let card = Scorecard(entries: ["fit": .init(score: 80, justification: "Good fit for the zone's plan.")])
        let page = EvaluationAssignmentPage(Self.assignment(status: .submitted, card: card), language: "en", error: nil)
        #expect(
            !page.canScore && page.hasScorecard && page.otherTotals == ["78.25"] && page.criteria.first?.score == "80")
    }
}

@Suite struct CollaborationPagesModelTests {
    @Test func theProfileLocksIdentityWhileAnApplicationIsUnderWay() throws {
        let company = CompanyRecord()
        company.id = UUID()
        company.name = "Haeum Marine Robotics"
        company.businessRegistrationNumber = DemoAccounts.registrationNumber("605812345").filter(\.isNumber)
        company.foundedOn = "2021-03-15"
        company.sector = "marine"
        let call = CollaborationCallRecord()
        call.id = UUID()
        call.year = 2026
        call.stagesJSON = "[]"
        let application = CollaborationApplicationRecord()
        application.id = UUID()
        application.callID = try call.requireID()
        application.status = .submitted
        application.outcome = .submitted
        application.receiptNumber = "GCP-2026-00007"
        let page = try CompanyProfilePage(
            company, applications: [application], calls: [try call.requireID(): call], language: "en")
        #expect(page.identityLocked && page.businessRegistrationNumber.contains("-"))
        #expect(page.applications.first?.status == "Submitted" && page.applications.first?.receipt == "GCP-2026-00007")
        application.outcome = .notSelected
        let afterwards = try CompanyProfilePage(
            company, applications: [application], calls: [try call.requireID(): call], language: "ko")
        #expect(!afterwards.identityLocked && afterwards.applications.first?.status == "미선정")
    }

    @Test func aRulebookVersionShowsItsStateAndItsRunsInWords() throws {
        let record = RulebookVersionRecord()
        record.id = UUID()
        record.number = 2
        record.status = .draft
        record.note = "Busan zone change"
        let job = WhatIfJobRecord()
        job.fromDay = "2026-10-31"
        job.toDay = "2026-11-30"
        job.status = .finished
        job.processed = 10
        job.total = 10
        job.changed = 1
        let admin = CurrentAccount(
            id: UUID(), email: "a@m.k", displayName: "A", role: .ministryAdmin, regionID: nil, companyID: nil,
            partnerID: nil, organisationID: nil, language: "ko", viaToken: false)
        let page = try RulebookVersionPage(
            record, diff: nil, jobs: [job], viewer: admin, today: try #require(CalendarDate(iso: "2026-11-30")),
            language: "ko")
        #expect(page.statusText == "초안" && page.isAdmin && page.isDraft && page.monthAgo == "2026-10-31")
        #expect(page.jobs.first?.statusText == "완료" && page.jobs.first?.period == "2026-10-31 – 2026-11-30")
    }
}

@Suite struct SandboxCaseTableTests {
    @Test func rowsBuiltInSwiftEscapeWhatCompaniesTyped() throws {
        let entry = SandboxQueueEntry(
            id: UUID(), number: "SB-2026-0001", kind: .rapidConfirmation, status: .underReview,
            title: "<script>alert('x')</script> & \"quotes\"", companyID: UUID(), districtID: "busan",
            regionID: "busan", filedAt: Date(timeIntervalSince1970: 0), dueOn: "2026-12-01")
        var row = SandboxCaseRow(entry, districtName: "부산 <b>", due: "2026-12-01", language: "ko")
        row.urgency = "paused"
        row.urgencyText = "1일 남음"
        let table = SandboxCaseTable([row])
        #expect(table.count == 1)
        #expect(!table.html.contains("<script>") && !table.html.contains("<b>"))
        #expect(table.html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"))
        #expect(table.html.contains("badge badge-paused\">1일 남음</span>"))
        #expect(table.html.hasPrefix("<tr><td><a href=\"/sandbox/cases/"))
    }
}
