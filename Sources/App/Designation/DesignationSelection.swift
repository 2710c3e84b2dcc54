import Fluent
import Foundation
import TeukguCore
import Vapor

/// The proposal of candidates for a call, and its confirmation (with any override and its reason).
enum DesignationSelection {
    struct ProposalLine: Content {
        let applicationID: UUID
        let receiptNumber: String?
        let planName: String
        let regionID: String
        let score: Double
        let regionHasDistrict: Bool
        let proposed: Bool
        let sentence: String
        let sentenceKorean: String
    }

    struct Proposal: Content {
        let callID: UUID
        let cap: Int
        let policy: BalancePolicy
        let policyText: String
        let lines: [ProposalLine]
        let notReachingSelection: [ProposalLine]
        let confirmed: Confirmation?
    }

    struct Confirmation: Content {
        let chosen: [UUID]
        let overrideReason: String?
        let confirmedAt: String?
    }

    static func proposal(
        for call: DesignationCallRecord, today: CalendarDate, on database: any Database
    ) async throws -> Proposal {
        let stages = try DesignationCalls.stages(of: call)
        guard call.status.hasSelection, let last = stages.last else {
            throw AppError.conflict("not_selecting", "Candidates are proposed once the last stage is finalised.")
        }
        let callID = try call.requireID()
        guard
            let panel = try await EvaluationPanelRecord.query(on: database).filter(
                \.$programme == DesignationEvaluation.shared.id
            )
            .filter(\.$callID == callID).filter(\.$stageID == last.id).first(), let resultsJSON = panel.resultsJSON
        else {
            throw AppError.conflict("not_selecting", "The last stage has no results yet.")
        }
        let results = try JSONColumn.decode([StageResult].self, resultsJSON)
        let applications = try await DesignationApplicationRecord.query(on: database).filter(\.$callID == callID).all()
        let byID = Dictionary(
            uniqueKeysWithValues: applications.compactMap { record in record.id.map { ($0.uuidString, record) } })
        let regionsWithDistrict = try await regionsWithOperatingDistrict(today: today, on: database)
        var entrants: [SelectionEntrant] = []
        for result in results where result.advances {
            guard let application = byID[result.applicationID] else { continue }
            entrants.append(
                SelectionEntrant(
                    id: result.applicationID, regionID: application.regionID, score: result.score,
                    regionHasDistrict: regionsWithDistrict.contains(application.regionID),
                    submittedOrder: application.submittedOrder ?? Int.max))
        }
        let policy = try JSONColumn.decode(BalancePolicy.self, call.balanceJSON)
        let proposal = CandidateSelection(cap: call.cap, policy: policy).propose(entrants)
        func line(
            _ application: DesignationApplicationRecord, score: Double, proposed: Bool, english: String, korean: String
        ) throws -> ProposalLine {
            ProposalLine(
                applicationID: try application.requireID(), receiptNumber: application.receiptNumber,
                planName: (try? JSONColumn.decode(DistrictPlan.self, application.planJSON).name) ?? "",
                regionID: application.regionID, score: score,
                regionHasDistrict: regionsWithDistrict.contains(application.regionID),
                proposed: proposed, sentence: english, sentenceKorean: korean)
        }
        let lines = try proposal.lines.compactMap { item -> ProposalLine? in
            guard let application = byID[item.entrant.id] else { return nil }
            return try line(
                application, score: item.entrant.score, proposed: item.reason.isProposed,
                english: item.sentence(korean: false), korean: item.sentence(korean: true))
        }
        // Applications that stopped at an earlier stage get their sentence too.
        var others: [ProposalLine] = []
        for application in applications.sorted(by: { ($0.submittedOrder ?? .max) < ($1.submittedOrder ?? .max) })
        where application.submittedAt != nil && !lines.contains(where: { $0.applicationID == application.id }) {
            let stageID: String
            if case .failed(let stage) = application.outcome {
                stageID = stage
            } else {
                stageID = application.outcome.rawValue
            }
            let stage = stages.first { $0.id == stageID }
            let english =
                application.status == .withdrawn
                ? "Not proposed: withdrawn by the applicant."
                : "Not proposed: did not pass the \(stage?.titleEnglish.lowercased() ?? stageID) stage."
            let korean =
                application.status == .withdrawn ? "신청이 철회되었습니다." : "\(stage?.titleKorean ?? stageID) 단계를 통과하지 못했습니다."
            others.append(try line(application, score: 0, proposed: false, english: english, korean: korean))
        }
        var confirmation: Confirmation?
        if let record = try await DesignationSelectionRecord.query(on: database).filter(\.$callID == callID).first() {
            confirmation = Confirmation(
                chosen: try JSONColumn.decode([UUID].self, record.chosenJSON), overrideReason: record.overrideReason,
                confirmedAt: Timestamps.text(record.confirmedAt))
        }
        return Proposal(
            callID: callID, cap: call.cap, policy: policy, policyText: policy.summaryEnglish, lines: lines,
            notReachingSelection: others, confirmed: confirmation)
    }

    /// Confirms the candidates. Choosing other than the proposal needs a written reason (logged);
    /// the cap holds regardless, and only proposal entrants (who passed every stage) can be chosen.
    static func confirm(
        call: DesignationCallRecord, chosen: [UUID], reason: String?, account: CurrentAccount, today: CalendarDate,
        on database: any Database
    ) async throws -> [DesignationProcedureRecord] {
        guard call.status == .selecting else {
            throw AppError.conflict(
                "not_selecting", "This call is not awaiting its selection (it is '\(call.status.rawValue)').")
        }
        let proposal = try await proposal(for: call, today: today, on: database)
        guard Set(chosen).count == chosen.count, !chosen.isEmpty else {
            throw AppError.invalid("invalid_choice", "Choose one or more different applications.")
        }
        let eligible = Dictionary(uniqueKeysWithValues: proposal.lines.map { ($0.applicationID, $0) })
        guard chosen.allSatisfy({ eligible[$0] != nil }) else {
            throw AppError.invalid("not_eligible", "Only applications that passed every stage can become candidates.")
        }
        let proposed = Set(proposal.lines.filter(\.proposed).map(\.applicationID))
        let overriding = Set(chosen) != proposed
        let text = reason?.trimmed ?? ""
        if overriding && text.count < 20 {
            throw AppError.invalid(
                "override_reason_required",
                "Choosing other than the proposal needs a written reason (at least 20 characters).")
        }
        let entrants = chosen.compactMap { eligible[$0] }.map {
            SelectionEntrant(
                id: $0.applicationID.uuidString, regionID: $0.regionID, score: $0.score,
                regionHasDistrict: $0.regionHasDistrict, submittedOrder: 0)
        }
        let violations = CandidateSelection(cap: call.cap, policy: proposal.policy).violations(
            of: entrants, allowingRegionOverride: overriding)
        guard violations.isEmpty else {
            throw AppError.invalid("selection_violates_call", violations.joined(separator: " "))
        }
        return try await database.transaction { transaction in
            let record = DesignationSelectionRecord()
            record.callID = try call.requireID()
            record.proposalJSON = try JSONColumn.encode(proposal.lines)
            record.chosenJSON = try JSONColumn.encode(chosen)
            record.overrideReason = overriding ? text : nil
            record.confirmedBy = account.id
            try await record.create(on: transaction)
            call.status = try Lifecycles.move(call.status, .confirmSelection)
            try await call.save(on: transaction)
            var procedures: [DesignationProcedureRecord] = []
            for line in proposal.lines {
                guard let application = try await DesignationApplicationRecord.find(line.applicationID, on: transaction)
                else { continue }
                let isChosen = chosen.contains(line.applicationID)
                application.outcome = isChosen ? .candidate : .notSelected
                try await application.save(on: transaction)
                if isChosen {
                    let procedure = DesignationProcedureRecord()
                    procedure.applicationID = line.applicationID
                    procedure.callID = try call.requireID()
                    procedure.regionID = line.regionID
                    procedure.title = line.planName
                    procedure.stateJSON = try JSONColumn.encode(
                        ProcedureState(startedOn: today, note: "candidate of round \(call.round)"))
                    procedure.currentStep = ProcedureStepID.plan.rawValue
                    try await procedure.create(on: transaction)
                    procedures.append(procedure)
                }
                let officials = try await Recipients.officials(ofRegion: application.regionID, on: transaction)
                for official in officials {
                    try await Outbox.write(
                        on: transaction, to: official,
                        subject: isChosen ? "후보 선정 / Selected as a candidate" : "후보 미선정 / Not selected as a candidate",
                        body: "\(line.sentenceKorean)\n\(line.sentence)", relatedType: "designation-application",
                        relatedID: line.applicationID.uuidString)
                }
            }
            try await AuditLog.record(
                on: transaction, actor: account.auditActor,
                action: overriding ? "designation.selection-overridden" : "designation.selection-confirmed",
                targetType: "designation-call", targetID: try call.requireID().uuidString,
                after: [
                    "chosen": chosen.map(\.uuidString).joined(separator: ","),
                    "proposed": proposed.map(\.uuidString).sorted().joined(separator: ","), "reason": text,
                ])
            return procedures
        }
    }

    static func regionsWithOperatingDistrict(today: CalendarDate, on database: any Database) async throws -> Set<String>
    {
        let districts = try await DistrictRecord.query(on: database).all()
        return Set(districts.filter { ($0.endsOn >= today.iso) && ($0.startsOn <= today.iso) }.map(\.regionID))
    }
}
