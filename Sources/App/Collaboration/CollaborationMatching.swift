import Fluent
import Foundation
import TeukguCore
import Vapor

/// Selection: single track takes the top of each track's ranking up to capacity; ranked choice runs
/// applicant-proposing deferred acceptance. Both are the same algorithm (one choice each is simply
/// the top of the ranking), so both get the same explanations. Officers run it as a what-if first.
enum CollaborationMatching {
    struct Line: Content {
        let applicationID: UUID
        let receiptNumber: String?
        let company: String
        let trackID: UUID?
        let trackName: String?
        let choiceNumber: Int?
        let requestedWon: Int64
        let sentence: String
        let sentenceKorean: String
    }

    struct TrackFill: Content {
        let trackID: UUID
        let name: String
        let capacity: Int
        let admitted: Int
        let ranked: Int
    }

    struct Report: Content {
        let callID: UUID
        let mode: String
        let confirmed: Bool
        let lines: [Line]
        let tracks: [TrackFill]
        let grantsWon: Int64
        let budgetWon: Int64
    }

    /// Every track anyone chose is ranked: the call moves on to selection.
    static func refreshCallStatus(_ call: CollaborationCallRecord, on database: any Database) async throws {
        guard call.status == .evaluating else { return }
        let stages = try CollaborationCalls.stages(of: call)
        let applications = try await CollaborationApplicationRecord.query(on: database).filter(
            \.$callID == call.requireID()
        )
        .filter(\.$submittedAt != nil).filter(\.$status != .withdrawn).all()
        var chosen: Set<UUID> = []
        for application in applications {
            chosen.formUnion(try JSONColumn.decode([UUID].self, application.choicesJSON))
        }
        let tracks = try await CollaborationCalls.tracks(of: call, on: database)
        if tracks.filter({ chosen.contains($0.id ?? UUID()) }).allSatisfy({ $0.stageIndex >= stages.count }) {
            call.status = try Lifecycles.move(call.status, .finishEvaluation)
            try await call.save(on: database)
        }
    }

    static func report(for call: CollaborationCallRecord, on database: any Database) async throws -> Report {
        let callID = try call.requireID()
        if call.status == .decided,
            let stored = try await CollaborationMatchingRecord.query(on: database).filter(\.$callID == callID).first()
        {
            return try JSONColumn.decode(Report.self, stored.resultJSON)
        }
        guard call.status == .selecting else {
            throw AppError.conflict(
                "not_selecting",
                "Matching runs once every chosen track has its final ranking (the call is '\(call.status.rawValue)').")
        }
        let tracks = try await CollaborationCalls.tracks(of: call, on: database)
        let stages = try CollaborationCalls.stages(of: call)
        let applications = try await CollaborationApplicationRecord.query(on: database).filter(\.$callID == callID)
            .filter(\.$submittedAt != nil).filter(\.$status != .withdrawn).sort(\.$submittedOrder).all()
        var rankings: [String: [String]] = [:]
        for track in tracks {
            let trackID = try track.requireID()
            let panel = try await EvaluationPanelRecord.query(on: database).filter(
                \.$programme == CollaborationEvaluation.shared.id
            )
            .filter(\.$callID == trackID).filter(\.$stageID == (stages.last?.id ?? "")).first()
            let results = try panel?.resultsJSON.map { try JSONColumn.decode([StageResult].self, $0) } ?? []
            rankings[trackID.uuidString] = results.filter(\.advances).sorted { $0.rank < $1.rank }.map(\.applicationID)
        }
        let instance = MatchingInstance(
            tracks: try tracks.map { MatchingInstance.Track(id: try $0.requireID().uuidString, capacity: $0.capacity) },
            applicants: try applications.map {
                MatchingInstance.Applicant(
                    id: try $0.requireID().uuidString,
                    choices: try JSONColumn.decode([UUID].self, $0.choicesJSON).map(\.uuidString))
            },
            rankings: rankings)
        let matcher: DeferredAcceptance
        do { matcher = try DeferredAcceptance(instance) } catch {
            throw AppError.conflict("matching_invalid", error.description)
        }
        let result = matcher.run()
        let explanations = matcher.explain(result)
        let companies = try await CompanyRecord.query(on: database).filter(\.$id ~~ applications.map(\.companyID)).all()
            .keyedByID(\.name)
        let trackByID = Dictionary(
            tracks.compactMap { track in track.id.map { ($0.uuidString, track) } },
            uniquingKeysWith: { first, _ in first })
        let receipts = Dictionary(
            applications.compactMap { record in record.id.map { ($0.uuidString, record.receiptNumber ?? "") } },
            uniquingKeysWith: { first, _ in first })
        let assigned = result.byApplicant
        var lines: [Line] = []
        for (application, why) in zip(applications, explanations) {
            let id = try application.requireID()
            let trackID = (assigned[id.uuidString] ?? nil)
            let text = sentences(
                why, trackID: trackID, rankings: rankings, trackByID: trackByID, receipts: receipts,
                mode: call.choiceMode)
            lines.append(
                Line(
                    applicationID: id, receiptNumber: application.receiptNumber,
                    company: companies[application.companyID] ?? "",
                    trackID: trackID.flatMap(UUID.init(uuidString:)),
                    trackName: trackID.flatMap { trackByID[$0]?.name },
                    choiceNumber: why.choiceNumber, requestedWon: application.requestedWon, sentence: text.english,
                    sentenceKorean: text.korean))
        }
        let fills = try tracks.map { track in
            let id = try track.requireID()
            return TrackFill(
                trackID: id, name: track.name, capacity: track.capacity,
                admitted: lines.filter { $0.trackID == id }.count,
                ranked: rankings[id.uuidString]?.count ?? 0)
        }
        return Report(
            callID: callID, mode: call.choiceMode, confirmed: false, lines: lines, tracks: fills,
            grantsWon: lines.filter { $0.trackID != nil }.reduce(0) { $0 + $1.requestedWon }, budgetWon: call.budgetWon)
    }

    /// "Your 2nd choice, …; your 1st choice admitted down to GCP-2026-00012 (ranked 14th), who was ranked above you."
    static func sentences(
        _ why: DeferredAcceptance.Explanation, trackID: String?, rankings: [String: [String]],
        trackByID: [String: CollaborationTrackRecord], receipts: [String: String], mode: String
    ) -> (english: String, korean: String) {
        func name(_ id: String) -> String { trackByID[id]?.name ?? id }
        func rank(_ applicant: String, in track: String) -> Int? {
            rankings[track]?.firstIndex(of: applicant).map { $0 + 1 }
        }
        var english: [String] = []
        var korean: [String] = []
        if let trackID, let number = why.choiceNumber {
            let place = rank(why.applicant, in: trackID).map { " (ranked \($0))" } ?? ""
            english.append(
                mode == "single"
                    ? "Selected for \(name(trackID))\(place)."
                    : "Matched to your choice \(number), \(name(trackID))\(place).")
            korean.append(mode == "single" ? "\(name(trackID))에 선정되었습니다." : "\(number)지망 \(name(trackID))에 선정되었습니다.")
        } else {
            english.append("Not selected.")
            korean.append("선정되지 않았습니다.")
        }
        for (index, higher) in why.higherChoices.enumerated() {
            let label = mode == "single" ? name(higher.track) : "Choice \(index + 1), \(name(higher.track))"
            let koLabel = mode == "single" ? name(higher.track) : "\(index + 1)지망 \(name(higher.track))"
            if !higher.acceptable {
                english.append("\(label): you did not pass its evaluation.")
                korean.append("\(koLabel): 평가를 통과하지 못했습니다.")
            } else if let lowest = higher.lowestAdmitted {
                let lowestRank = rank(lowest, in: higher.track).map { ", ranked \($0)" } ?? ""
                let mine = rank(why.applicant, in: higher.track).map { "; you were ranked \($0)" } ?? ""
                english.append(
                    "\(label): filled down to \(receipts[lowest] ?? lowest)\(lowestRank), who was ranked above you\(mine)."
                )
                korean.append("\(koLabel): 더 높은 순위의 \(receipts[lowest] ?? lowest)까지 선정되었습니다.")
            } else {
                english.append("\(label): it admitted no one.")
                korean.append("\(koLabel): 선정된 기업이 없습니다.")
            }
        }
        return (english.joined(separator: " "), korean.joined(separator: " "))
    }

    static func confirm(
        _ call: CollaborationCallRecord, account: CurrentAccount, on database: any Database
    ) async throws -> Report {
        guard call.status == .selecting else {
            throw AppError.conflict(
                "not_selecting", "This call is not awaiting its selection (it is '\(call.status.rawValue)').")
        }
        let computed = try await report(for: call, on: database)
        let report = Report(
            callID: computed.callID, mode: computed.mode, confirmed: true, lines: computed.lines,
            tracks: computed.tracks,
            grantsWon: computed.grantsWon, budgetWon: computed.budgetWon)
        guard report.grantsWon <= call.budgetWon else {
            throw AppError.conflict(
                "over_budget",
                "The selected grants (\(report.grantsWon) won) exceed the call's budget (\(call.budgetWon) won).")
        }
        try await database.transaction { transaction in
            let record = CollaborationMatchingRecord()
            record.callID = try call.requireID()
            record.resultJSON = try JSONColumn.encode(report)
            record.confirmedBy = account.id
            try await record.create(on: transaction)
            call.status = try Lifecycles.move(call.status, .confirmSelection)
            try await call.save(on: transaction)
            for line in report.lines {
                guard
                    let application = try await CollaborationApplicationRecord.find(line.applicationID, on: transaction)
                else { continue }
                application.outcome = line.trackID == nil ? .notSelected : .selected
                application.assignedTrackID = line.trackID
                try await application.save(on: transaction)
                for member in try await Recipients.members(ofCompany: application.companyID, on: transaction) {
                    try await Outbox.write(
                        on: transaction, to: member,
                        subject: line.trackID == nil
                            ? "선정 결과 / Result: not selected" : "선정 / Selected: \(line.trackName ?? "")",
                        body: "\(line.sentenceKorean)\n\(line.sentence)", relatedType: "collaboration-application",
                        relatedID: line.applicationID.uuidString)
                }
            }
            try await AuditLog.record(
                on: transaction, actor: account.auditActor, action: "collaboration.selection-confirmed",
                targetType: "collaboration-call",
                targetID: try call.requireID().uuidString,
                after: [
                    "selected": String(report.lines.filter { $0.trackID != nil }.count),
                    "grants": String(report.grantsWon),
                ])
        }
        return report
    }
}
