import Fluent
import Foundation
import SQLKit
import TeukguCore
import Vapor

/// Panels, assignments, conflict declarations, blind scoring, consensus rounds and finalisation,
/// shared by every programme.
enum EvaluationPanels {
    static func findPanel(_ id: String?, on database: any Database) async throws -> EvaluationPanelRecord {
        try await EvaluationPanelRecord.find(text: id, on: database, what: "panel")
    }

    static func stage(
        of panel: EvaluationPanelRecord, on database: any Database
    ) async throws -> (any EvaluationProgramme, EvaluationStage, Int) {
        let programme = try EvaluationProgrammes.named(panel.programme)
        let stages = try await programme.stages(callID: panel.callID, on: database)
        guard let index = stages.firstIndex(where: { $0.id == panel.stageID }) else { throw AppError.notFound("stage") }
        return (programme, stages[index], index)
    }

    /// Forms the panel of the call's current stage (or adds to it) and assigns every evaluator to
    /// every application in the stage. Conflicts the system can see block the assignment at once.
    static func assign(
        programmeID: String, callID: UUID, stageID: String, evaluatorIDs: [UUID], actor: CurrentAccount, now: Date,
        on database: any Database
    ) async throws -> EvaluationPanelRecord {
        let programme = try EvaluationProgrammes.named(programmeID)
        guard !evaluatorIDs.isEmpty, evaluatorIDs.count <= 50, Set(evaluatorIDs).count == evaluatorIDs.count else {
            throw AppError.invalid("invalid_evaluators", "Name 1–50 different evaluators.")
        }
        return try await database.transaction { transaction in
            let stages = try await programme.stages(callID: callID, on: transaction)
            let index = try await programme.currentStageIndex(callID: callID, now: now, on: transaction)
            guard stages.indices.contains(index), stages[index].id == stageID else {
                throw AppError.conflict(
                    "stage_not_current",
                    "Panels can be formed only for the stage being evaluated now\(stages.indices.contains(index) ? " ('\(stages[index].id)')" : "")."
                )
            }
            let evaluators = try await AccountRecord.query(on: transaction).filter(\.$id ~~ evaluatorIDs).filter(
                \.$isActive == true
            ).all()
            guard evaluators.count == evaluatorIDs.count else {
                throw AppError.invalid("invalid_evaluators", "Every evaluator must be an active account.")
            }
            for evaluator in evaluators
            where !(try await programme.mayEvaluate(evaluator, callID: callID, on: transaction)) {
                throw AppError.invalid(
                    "invalid_evaluators",
                    "\(evaluator.email) may not sit on this panel (evaluators, and partner staff only for their own partner's track)."
                )
            }
            let panel: EvaluationPanelRecord
            if let existing = try await EvaluationPanelRecord.query(on: transaction).filter(
                \.$programme == programme.id
            )
            .filter(\.$callID == callID).filter(\.$stageID == stageID).first() {
                guard existing.status == .scoring else {
                    throw AppError.conflict("panel_finalised", "This stage is already finalised.")
                }
                panel = existing
            } else {
                panel = EvaluationPanelRecord()
                panel.programme = programme.id
                panel.callID = callID
                panel.stageID = stageID
                panel.round = 1
                panel.status = .scoring
                try await panel.create(on: transaction)
                try await AuditLog.record(
                    on: transaction, actor: actor.auditActor, action: "evaluation.panel-formed",
                    targetType: "evaluation-panel",
                    targetID: try panel.requireID().uuidString,
                    after: ["programme": programme.id, "call": callID.uuidString, "stage": stageID])
            }
            let entrants = try await programme.entrants(callID: callID, stageIndex: index, on: transaction)
            guard !entrants.isEmpty else {
                throw AppError.conflict("no_applications", "No application is in this stage.")
            }
            let panelID = try panel.requireID()
            let existing = try await EvaluationAssignmentRecord.query(on: transaction).filter(\.$panelID == panelID)
                .all()
            let taken = Set(existing.map { "\($0.evaluatorID)|\($0.applicationID)" })
            for evaluator in evaluators {
                let ties = try await ties(of: evaluator, on: transaction)
                for entrant in entrants where !taken.contains("\(try evaluator.requireID())|\(entrant.applicationID)") {
                    let assignment = EvaluationAssignmentRecord()
                    assignment.panelID = panelID
                    assignment.evaluatorID = try evaluator.requireID()
                    assignment.applicationID = entrant.applicationID
                    let conflicts = DetectedConflict.detect(evaluator: ties, application: entrant.parties)
                    if conflicts.isEmpty {
                        assignment.status = .awaitingDeclaration
                    } else {
                        assignment.status = .conflictDetected
                        assignment.conflictText = conflicts.map(\.description).joined(separator: " ")
                    }
                    try await assignment.create(on: transaction)
                    try await AuditLog.record(
                        on: transaction, actor: actor.auditActor,
                        action: conflicts.isEmpty ? "evaluation.assigned" : "evaluation.conflict-detected",
                        targetType: "evaluation-assignment", targetID: try assignment.requireID().uuidString,
                        after: [
                            "evaluator": evaluator.email, "application": entrant.applicationID.uuidString,
                            "conflict": assignment.conflictText ?? "",
                        ])
                    if conflicts.isEmpty {
                        try await Outbox.write(
                            on: transaction, to: evaluator, subject: "평가 배정 / New evaluation assignment",
                            body:
                                "\(entrant.label): 이해충돌 여부를 먼저 신고해 주세요. Please declare any conflict of interest first.",
                            relatedType: "evaluation-assignment", relatedID: try assignment.requireID().uuidString)
                    }
                }
            }
            return panel
        }
    }

    /// An evaluator's declaration: no conflict opens the application to them; a conflict removes the
    /// assignment for good and is recorded.
    static func declare(
        _ assignment: EvaluationAssignmentRecord, conflict: Bool, statement: String, account: CurrentAccount, now: Date,
        on database: any Database
    ) async throws {
        try requireOwn(assignment, account)
        guard assignment.status == .awaitingDeclaration else {
            throw AppError.conflict(
                "already_declared", "This assignment's declaration is already made (\(assignment.status)).")
        }
        let text = statement.trimmed
        if conflict && text.count < 5 {
            throw AppError.invalid("statement_required", "Describe the conflict in a few words.")
        }
        guard text.count <= 2000 else {
            throw AppError.invalid("statement_too_long", "Keep the statement under 2,000 characters.")
        }
        assignment.status = try Lifecycles.move(assignment.status, conflict ? .declareConflict : .declareNoConflict)
        assignment.conflictText = text.nilIfEmpty
        assignment.declaredAt = now
        try await database.transaction { transaction in
            try await assignment.save(on: transaction)
            try await AuditLog.record(
                on: transaction, actor: account.auditActor,
                action: conflict ? "evaluation.conflict-declared" : "evaluation.no-conflict-declared",
                targetType: "evaluation-assignment", targetID: try assignment.requireID().uuidString,
                after: ["statement": text])
        }
    }

    /// Stores a scorecard for the panel's current round. Cards are final once sent; only a consensus
    /// round reopens them.
    static func submitScorecard(
        _ assignment: EvaluationAssignmentRecord, card: Scorecard, account: CurrentAccount, on database: any Database
    ) async throws {
        try requireOwn(assignment, account)
        let panel = try await findPanel(assignment.panelID.uuidString, on: database)
        guard panel.status == .scoring else {
            throw AppError.conflict("panel_finalised", "This stage is finalised; scores can no longer change.")
        }
        switch assignment.status {
        case .declaredNoConflict: break
        case .awaitingDeclaration:
            throw AppError.conflict("declaration_required", "Declare whether you have a conflict of interest first.")
        case .submitted:
            throw AppError.conflict("already_submitted", "Your scorecard for this round is already submitted.")
        default:
            throw AppError.conflict(
                "assignment_removed", "This assignment was removed because of a conflict of interest.")
        }
        let (_, stage, _) = try await stage(of: panel, on: database)
        do { try stage.validate(card) } catch { throw AppError.invalid(error.code, error.description) }
        let total = try stage.weightedTotal(card.scores)
        try await database.transaction { transaction in
            let record = EvaluationScorecardRecord()
            record.assignmentID = try assignment.requireID()
            record.round = panel.round
            record.cardJSON = try JSONColumn.encode(card)
            record.total = total
            try await record.create(on: transaction)
            assignment.status = try Lifecycles.move(assignment.status, .submitScorecard)
            try await assignment.save(on: transaction)
            try await AuditLog.record(
                on: transaction, actor: account.auditActor, action: "evaluation.scorecard-submitted",
                targetType: "evaluation-assignment",
                targetID: try assignment.requireID().uuidString,
                after: ["round": String(panel.round), "total": String(format: "%.2f", total)])
        }
    }

    /// A consensus round: the named applications' evaluators score again; earlier cards stay on record.
    static func openConsensusRound(
        _ panel: EvaluationPanelRecord, applicationIDs: [UUID], note: String, account: CurrentAccount,
        on database: any Database
    ) async throws {
        guard panel.status == .scoring else {
            throw AppError.conflict("panel_finalised", "This stage is already finalised.")
        }
        guard !applicationIDs.isEmpty else {
            throw AppError.invalid("invalid_applications", "Name the applications to discuss.")
        }
        try await database.transaction { transaction in
            let assignments = try await EvaluationAssignmentRecord.query(on: transaction).filter(
                \.$panelID == panel.requireID()
            )
            .filter(\.$applicationID ~~ applicationIDs).filter(\.$status == .submitted).all()
            guard !assignments.isEmpty else {
                throw AppError.conflict(
                    "nothing_to_discuss", "None of these applications has submitted scores in this panel.")
            }
            panel.round += 1
            try await panel.save(on: transaction)
            for assignment in assignments {
                assignment.status = try Lifecycles.move(assignment.status, .reopenForConsensus)
                try await assignment.save(on: transaction)
            }
            try await AuditLog.record(
                on: transaction, actor: account.auditActor, action: "evaluation.consensus-round",
                targetType: "evaluation-panel",
                targetID: try panel.requireID().uuidString,
                after: [
                    "round": String(panel.round),
                    "applications": applicationIDs.map(\.uuidString).joined(separator: ","), "note": note,
                ])
        }
    }

    /// Decides the stage: every active assignment must have scored; the ranking and the threshold decide who advances.
    static func finalise(
        _ panel: EvaluationPanelRecord, account: CurrentAccount, now: Date, on database: any Database
    ) async throws -> [StageResult] {
        guard panel.status == .scoring else {
            throw AppError.conflict("panel_finalised", "This stage is already finalised.")
        }
        let (programme, stage, index) = try await stage(of: panel, on: database)
        let overview = try await overview(panel, on: database)
        let pending = overview.assignments.filter { $0.status.isPending }
        guard pending.isEmpty else {
            throw AppError.conflict(
                "scoring_incomplete", "\(pending.count) assignment(s) have not submitted a scorecard for this round.")
        }
        let entrants = try await programme.entrants(callID: panel.callID, stageIndex: index, on: database)
        var entries: [RankingEntry] = []
        for entrant in entrants {
            guard let mean = overview.summaries[entrant.applicationID]?.exactMean else {
                throw AppError.conflict(
                    "scoring_incomplete",
                    "\(entrant.label) has no scorecard; assign another evaluator without a conflict.")
            }
            entries.append(
                RankingEntry(
                    applicationID: entrant.applicationID.uuidString, exact: mean,
                    submittedOrder: entrant.submittedOrder))
        }
        let results = StageAggregation(stage: stage).rank(entries)
        try await database.transaction { transaction in
            panel.status = try Lifecycles.move(panel.status, .finalise)
            panel.resultsJSON = try JSONColumn.encode(results)
            panel.finalisedAt = now
            try await panel.save(on: transaction)
            try await programme.stageFinalised(
                callID: panel.callID, stageIndex: index, results: results, actor: account.auditActor, on: transaction)
            try await AuditLog.record(
                on: transaction, actor: account.auditActor, action: "evaluation.stage-finalised",
                targetType: "evaluation-panel",
                targetID: try panel.requireID().uuidString,
                after: [
                    "stage": stage.id, "advanced": String(results.filter(\.advances).count),
                    "ranked": String(results.count),
                ])
        }
        return results
    }

    // MARK: - Reading

    struct Overview {
        let assignments: [EvaluationAssignmentRecord]
        /// The card that counts for each assignment: its latest round.
        let cards: [UUID: EvaluationScorecardRecord]
        let summaries: [UUID: ScoreSummary]
    }

    static func overview(_ panel: EvaluationPanelRecord, on database: any Database) async throws -> Overview {
        let (_, stage, _) = try await stage(of: panel, on: database)
        let assignments = try await EvaluationAssignmentRecord.query(on: database).filter(
            \.$panelID == panel.requireID()
        ).sort(\.$createdAt).all()
        let ids = assignments.compactMap(\.id)
        let allCards =
            ids.isEmpty
            ? []
            : try await EvaluationScorecardRecord.query(on: database).filter(\.$assignmentID ~~ ids).sort(\.$round)
                .all()
        var latest: [UUID: EvaluationScorecardRecord] = [:]
        for card in allCards { latest[card.assignmentID] = card }
        var byApplication: [UUID: [String: Scorecard]] = [:]
        for assignment in assignments {
            guard let id = assignment.id, let card = latest[id],
                assignment.status == .submitted || card.round < panel.round
            else { continue }
            byApplication[assignment.applicationID, default: [:]][assignment.evaluatorID.uuidString] =
                try JSONColumn.decode(Scorecard.self, card.cardJSON)
        }
        var summaries: [UUID: ScoreSummary] = [:]
        let aggregation = StageAggregation(stage: stage)
        for (application, cards) in byApplication {
            summaries[application] = try aggregation.summary(applicationID: application.uuidString, cards: cards)
        }
        return Overview(assignments: assignments, cards: latest, summaries: summaries)
    }

    /// Blind scoring: an evaluator sees the panel's other scores for an application only after
    /// submitting their own for the current round.
    static func peerScores(
        for assignment: EvaluationAssignmentRecord, on database: any Database
    ) async throws -> [Double]? {
        guard assignment.status == .submitted else { return nil }
        let panel = try await findPanel(assignment.panelID.uuidString, on: database)
        let overview = try await overview(panel, on: database)
        guard let summary = overview.summaries[assignment.applicationID] else { return [] }
        return summary.totals.filter { $0.evaluatorID != assignment.evaluatorID.uuidString }.map {
            ($0.total * 100).rounded() / 100
        }
    }

    static func findAssignment(
        _ id: String?, for account: CurrentAccount, on database: any Database
    ) async throws -> EvaluationAssignmentRecord {
        guard let id, let uuid = UUID(uuidString: id),
            let assignment = try await EvaluationAssignmentRecord.find(uuid, on: database)
        else {
            throw AppError.notFound("assignment")
        }
        try requireOwn(assignment, account)
        return assignment
    }

    private static func requireOwn(_ assignment: EvaluationAssignmentRecord, _ account: CurrentAccount) throws {
        guard assignment.evaluatorID == account.id else { throw AppError.notFound("assignment") }
    }

    /// What the system knows an evaluator is tied to: their affiliations and, for bound roles, their binding.
    static func ties(of evaluator: AccountRecord, on database: any Database) async throws -> EvaluatorTies {
        let affiliations = try await EvaluatorAffiliationRecord.query(on: database).filter(
            \.$accountID == evaluator.requireID()
        ).all()
        var ties = EvaluatorTies(
            regionID: evaluator.regionID, partnerID: evaluator.partnerID,
            organisationID: evaluator.organisationID?.uuidString)
        for affiliation in affiliations {
            switch affiliation.kind {
            case "region": ties.regionID = affiliation.value
            case "company": ties.businessRegistrationNumbers.insert(affiliation.value)
            default: break
            }
        }
        if let companyID = evaluator.companyID, let company = try await CompanyRecord.find(companyID, on: database) {
            ties.businessRegistrationNumbers.insert(company.businessRegistrationNumber)
        }
        return ties
    }
}

extension Double {
    /// Scores are shown and ranked to two decimals, so ties are ties as people see them.
    var toHundredths: Double { (self * 100).rounded() / 100 }
}
