import Fluent
import Foundation
import TeukguCore
import Vapor

/// An application as its company, the ministry and its tracks' staff see it.
struct CollaborationApplicationDTO: Content {
    struct Choice: Content {
        let trackID: UUID
        let name: String
        let partner: String
    }

    struct TrackFeedback: Content {
        let trackID: UUID
        let trackName: String
        let stages: [StageFeedback]
    }

    let id: UUID
    let callID: UUID
    let companyID: UUID
    let company: String
    let status: ApplicationStatus
    let outcome: ApplicationOutcome
    let receiptNumber: String?
    let submittedAt: String?
    let choices: [Choice]
    let plan: String
    let requestedWon: Int64
    let grantCapWon: Int64
    let documentIDs: [UUID]
    let editable: Bool
    let missingForSubmission: [String]
    let assignedTrackID: UUID?
    let feedback: [TrackFeedback]?

    static func make(
        _ record: CollaborationApplicationRecord, for request: Request
    ) async throws -> CollaborationApplicationDTO {
        try await makeAll([record], for: request)[0]
    }

    /// Many applications' views from a handful of queries (calls, companies, tracks, feedback),
    /// not a handful per application: a popular track lists thousands.
    static func makeAll(
        _ records: [CollaborationApplicationRecord], for request: Request
    ) async throws -> [CollaborationApplicationDTO] {
        guard !records.isEmpty else { return [] }
        let database = request.db
        let account = try request.requireAccount()
        let callIDs = Array(Set(records.map(\.callID)))
        let calls = try await CollaborationCallRecord.query(on: database).filter(\.$id ~~ callIDs).all().keyedByID()
        let companyIDs = Array(Set(records.map(\.companyID)))
        var companies: [UUID: CompanyRecord] = [:]
        for chunk in companyIDs.queryChunks {
            companies.merge(try await CompanyRecord.query(on: database).filter(\.$id ~~ chunk).all().keyedByID()) {
                first, _ in first
            }
        }
        var choicesByRecord: [[UUID]] = []
        for record in records { choicesByRecord.append(try JSONColumn.decode([UUID].self, record.choicesJSON)) }
        let trackIDs = Array(Set(choicesByRecord.joined()))
        let tracks =
            trackIDs.isEmpty
            ? [] : try await CollaborationTrackRecord.query(on: database).filter(\.$id ~~ trackIDs).all()
        let byID = tracks.keyedByID()
        func seesAll(_ record: CollaborationApplicationRecord) -> Bool {
            account.role.isMinistry || (account.role == .companyMember && account.companyID == record.companyID)
        }
        func seesFeedback(_ record: CollaborationApplicationRecord) -> Bool {
            seesAll(record) || account.role == .partnerStaff || account.role == .operatingOrganisationStaff
        }
        let batch =
            records.contains(where: seesFeedback)
            ? try await StageFeedback.Batch.load(
                programme: CollaborationEvaluation.shared.id, callIDs: trackIDs,
                applicationIDs: records.compactMap(\.id), on: database)
            : StageFeedback.Batch(panelsByCall: [:], cards: [:])

        var out: [CollaborationApplicationDTO] = []
        out.reserveCapacity(records.count)
        for (record, choiceIDs) in zip(records, choicesByRecord) {
            guard let call = calls[record.callID] else { throw AppError.notFound("call") }
            guard let company = companies[record.companyID] else { throw AppError.notFound("company") }
            let seesAll = seesAll(record)
            let visibleChoices = choiceIDs.filter { id in
                seesAll || byID[id].map { CollaborationTracks.isOwnTrack($0, account) } == true
            }
            var feedback: [TrackFeedback]?
            if seesFeedback(record) {
                let stages = try CollaborationCalls.stages(of: call)
                feedback = try visibleChoices.map { id in
                    TrackFeedback(
                        trackID: id, trackName: byID[id]?.name ?? "",
                        stages: try batch.feedback(
                            try record.requireID(), callID: id, stages: stages, language: request.language))
                }
            }
            let problems =
                record.status == .draft
                ? try await CollaborationApplications.submissionProblems(
                    record, call: call, company: company, on: database) : []
            out.append(
                CollaborationApplicationDTO(
                    id: try record.requireID(), callID: record.callID, companyID: record.companyID,
                    company: company.name, status: record.status,
                    outcome: record.outcome, receiptNumber: record.receiptNumber,
                    submittedAt: Timestamps.text(record.submittedAt),
                    choices: visibleChoices.map {
                        Choice(trackID: $0, name: byID[$0]?.name ?? "", partner: byID[$0]?.partnerID ?? "")
                    },
                    plan: record.plan, requestedWon: record.requestedWon, grantCapWon: call.grantCapWon,
                    documentIDs: seesAll ? try JSONColumn.decode([UUID].self, record.documentsJSON) : [],
                    editable: CollaborationApplications.isEditable(record, call: call, now: request.now),
                    missingForSubmission: problems.map(\.english),
                    assignedTrackID: seesAll || record.assignedTrackID.map { id in visibleChoices.contains(id) } == true
                        ? record.assignedTrackID : nil,
                    feedback: feedback))
        }
        return out
    }
}

/// The ministry's exports of a collaboration call.
enum CollaborationCSV {
    static func applications(_ call: CollaborationCallRecord, on database: any Database) async throws -> String {
        var rows = [
            [
                "receipt", "company", "registration_number", "founded_on", "sector", "employees", "revenue_won",
                "choices", "requested_won", "status", "outcome", "submitted_at",
            ]
        ]
        let tracks = try await CollaborationCalls.tracks(of: call, on: database).keyedByID(\.name)
        for application in try await CollaborationApplicationRecord.query(on: database).filter(
            \.$callID == call.requireID()
        ).sort(\.$submittedOrder).all() {
            let company = try await CompanyRecord.find(application.companyID, on: database)
            let choices = try JSONColumn.decode([UUID].self, application.choicesJSON).map {
                tracks[$0] ?? $0.uuidString
            }.joined(separator: " > ")
            rows.append([
                application.receiptNumber ?? "", company?.name ?? "", company?.businessRegistrationNumber ?? "",
                company?.foundedOn ?? "",
                company?.sector ?? "", company?.employees.map(String.init) ?? "",
                company?.revenueWon.map(String.init) ?? "", choices,
                String(application.requestedWon), application.status.rawValue, application.outcome.rawValue,
                Timestamps.text(application.submittedAt) ?? "",
            ])
        }
        return CSVText.render(rows)
    }

    static func scores(_ call: CollaborationCallRecord, on database: any Database) async throws -> String {
        var rows = [
            [
                "track", "stage", "round", "receipt", "evaluator", "criterion", "weight", "score", "justification",
                "weighted_total",
            ]
        ]
        let stages = try CollaborationCalls.stages(of: call)
        let receipts = try await CollaborationApplicationRecord.query(on: database).filter(
            \.$callID == call.requireID()
        ).all().keyedByID { record in record.receiptNumber ?? "" }
        let accounts = try await AccountRecord.query(on: database).all().keyedByID(\.email)
        for track in try await CollaborationCalls.tracks(of: call, on: database) {
            let panels = try await EvaluationPanelRecord.query(on: database).filter(
                \.$programme == CollaborationEvaluation.shared.id
            ).filter(\.$callID == track.requireID()).all()
            for stage in stages {
                guard let panel = panels.first(where: { $0.stageID == stage.id }) else { continue }
                for assignment in try await EvaluationAssignmentRecord.query(on: database).filter(
                    \.$panelID == panel.requireID()
                ).all() {
                    for card in try await EvaluationScorecardRecord.query(on: database).filter(
                        \.$assignmentID == assignment.requireID()
                    ).sort(\.$round).all() {
                        let scorecard = try JSONColumn.decode(Scorecard.self, card.cardJSON)
                        for criterion in stage.criteria {
                            let entry = scorecard.entries[criterion.id]
                            rows.append([
                                track.name, stage.id, String(card.round), receipts[assignment.applicationID] ?? "",
                                accounts[assignment.evaluatorID] ?? "",
                                criterion.id, String(criterion.weight), entry.map { String($0.score) } ?? "",
                                entry?.justification ?? "",
                                String(format: "%.2f", card.total),
                            ])
                        }
                    }
                }
            }
        }
        return CSVText.render(rows)
    }

    static func results(_ report: CollaborationMatching.Report) -> String {
        var rows = [["receipt", "company", "track", "choice", "requested_won", "explanation"]]
        for line in report.lines {
            rows.append([
                line.receiptNumber ?? "", line.company, line.trackName ?? "", line.choiceNumber.map(String.init) ?? "",
                String(line.requestedWon), line.sentence,
            ])
        }
        return CSVText.render(rows)
    }
}
