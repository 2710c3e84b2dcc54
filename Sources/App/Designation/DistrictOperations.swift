import Fluent
import Foundation
import TeukguCore
import Vapor

/// Districts in operation: term, zone operators and plan changes, annual evaluation, extension,
/// de-designation, expiry and post-monitoring.
enum DistrictOperations {
    static func find(_ id: String?, on database: any Database) async throws -> (DistrictRecord, DistrictOperationRecord)
    {
        guard let id, let district = try await DistrictRecord.find(id, on: database),
            let operation = try await DistrictOperationRecord.find(id, on: database)
        else {
            throw AppError.notFound("district")
        }
        return (district, operation)
    }

    /// Designation done: the district exists from the designation day with the plan's operators and KPIs.
    static func createDistrict(
        from procedure: DesignationProcedureRecord, designatedOn: CalendarDate, actor: AuditLog.Actor,
        on database: any Database
    ) async throws -> String {
        guard let application = try await DesignationApplicationRecord.find(procedure.applicationID, on: database),
            let call = try await DesignationCallRecord.find(procedure.callID, on: database)
        else { throw AppError.notFound("application") }
        let plan = try JSONColumn.decode(DistrictPlan.self, application.planJSON)
        let catalog = try await LegalTimeStore.catalog(on: database)
        let term: DistrictTerm
        do {
            term = try DistrictTerm.starting(on: designatedOn, planYears: plan.periodYears, parameters: catalog)
        } catch {
            throw AppError(.unprocessableEntity, error.code, error.description)
        }
        let sameRound = try await DistrictRecord.query(on: database).filter(\.$regionID == procedure.regionID).filter(
            \.$round == call.round
        ).count()
        let id = "\(procedure.regionID)-r\(call.round)-\(sameRound + 1)"
        let district = DistrictRecord()
        district.id = id
        district.regionID = procedure.regionID
        district.round = call.round
        district.nameKorean = plan.name
        district.nameEnglish = plan.name
        district.startsOn = term.startsOn.iso
        district.endsOn = term.endsOn.iso
        district.areaSquareKilometres = plan.areaSquareKilometres
        district.budgetWon = plan.financing.totalWon
        district.notes = plan.industry
        district.unconfirmed = false
        try await district.create(on: database)
        let operation = DistrictOperationRecord()
        operation.id = id
        operation.termJSON = try JSONColumn.encode(term)
        operation.operatorsJSON = try JSONColumn.encode(
            plan.zoneOperators.map {
                ZoneOperatorEntry(
                    name: $0.name,
                    businessRegistrationNumber: BusinessRegistrationNumber($0.businessRegistrationNumber)?.digits
                        ?? $0.businessRegistrationNumber,
                    since: designatedOn, until: nil)
            })
        operation.changesJSON = "[]"
        operation.kpisJSON = try JSONColumn.encode(plan.kpis)
        try await operation.create(on: database)
        try await AuditLog.record(
            on: database, actor: actor, action: "district.designated", targetType: "district", targetID: id,
            after: [
                "from": term.startsOn.iso, "until": term.endsOn.iso, "procedure": try procedure.requireID().uuidString,
            ])
        return id
    }

    static func view(
        _ district: DistrictRecord, _ operation: DistrictOperationRecord, today: CalendarDate, hasRulebook: Bool,
        on database: any Database
    ) async throws -> DistrictOperationDTO {
        let term = try JSONColumn.decode(DistrictTerm.self, operation.termJSON)
        let catalog = try await LegalTimeStore.catalog(on: database)
        let kpis = try JSONColumn.decode([DistrictPlan.KPI].self, operation.kpisJSON)
        let evaluations = try await DistrictEvaluationRecord.query(on: database).filter(
            \.$districtID == district.requireID()
        ).sort(\.$year).all()
        let status: DistrictTerm.Status
        let monitoring: CalendarDate
        do {
            status = try term.status(on: today, parameters: catalog)
            monitoring = try term.postMonitoringUntil(parameters: catalog)
        } catch { throw AppError(.unprocessableEntity, error.code, error.description) }
        let shownStatus =
            status == .operating
            ? "operating"
            : (term.dedesignatedOn != nil ? "dedesignated, \(status.rawValue)" : "expired, \(status.rawValue)")
        return DistrictOperationDTO(
            id: try district.requireID(), name: district.nameEnglish, nameKorean: district.nameKorean,
            regionID: district.regionID, round: district.round,
            startsOn: term.startsOn.iso, endsOn: term.endsOn.iso, extended: term.extendedBy != nil,
            dedesignatedOn: term.dedesignatedOn?.iso,
            dedesignationReason: term.dedesignationReason, status: shownStatus, termStatus: status,
            postMonitoringUntil: monitoring.iso,
            zoneOperators: try JSONColumn.decode([ZoneOperatorEntry].self, operation.operatorsJSON),
            planChanges: try JSONColumn.decode([PlanChange].self, operation.changesJSON), kpis: kpis,
            evaluations: try evaluations.map { record in
                let actuals = try JSONColumn.decode([SelfEvaluationInput.Actual].self, record.actualsJSON)
                return DistrictOperationDTO.EvaluationDTO(
                    year: record.year,
                    kpis: kpis.map { kpi in
                        let actual = actuals.first { $0.name == kpi.name }?.actual
                        return .init(
                            name: kpi.name, unit: kpi.unit, target: kpi.target, actual: actual,
                            achieved: actual.flatMap { kpi.target > 0 ? ($0 / kpi.target * 1000).rounded() / 10 : nil })
                    },
                    selfScore: record.selfScore, selfComment: record.selfComment, panelScore: record.panelScore,
                    panelComment: record.panelComment, grade: record.grade)
            },
            hasRulebook: hasRulebook)
    }

    static func requireRegionOrMinistry(_ district: DistrictRecord, _ account: CurrentAccount) throws {
        if account.role.isMinistry { return }
        guard account.role == .regionalOfficial, account.regionID == district.regionID else {
            throw AppError.notFound("district")
        }
    }

    private static func requireOperating(_ term: DistrictTerm, today: CalendarDate) throws {
        guard today <= term.lastDesignatedDay else {
            throw AppError.conflict("district_not_operating", "The district is no longer designated.")
        }
    }

    static func fileChange(
        _ input: PlanChangeInput, district: DistrictRecord, operation: DistrictOperationRecord, account: CurrentAccount,
        today: CalendarDate, on database: any Database
    ) async throws {
        try requireRegionOrMinistry(district, account)
        try requireOperating(try JSONColumn.decode(DistrictTerm.self, operation.termJSON), today: today)
        guard input.kind == "minor" || input.kind == "major" else {
            throw AppError.invalid("invalid_kind", "kind is 'minor' (Act art. 81, no committee) or 'major'.")
        }
        let description = input.description.trimmed
        guard (5...4000).contains(description.count) else {
            throw AppError.invalid("invalid_description", "Describe the change in 5–4,000 characters.")
        }
        let add = input.addOperators ?? []
        let remove = try (input.removeOperators ?? []).map { text -> String in
            guard let number = BusinessRegistrationNumber(text) else {
                throw AppError.invalid(
                    "invalid_business_registration_number", "'\(text)' is not a valid business registration number.")
            }
            return number.digits
        }
        let probe = DistrictPlan(zoneOperators: add)
        if let problem = probe.formProblems(knownRuleIDs: []).first {
            throw AppError.invalid(problem.code, problem.description)
        }
        guard !add.isEmpty || !remove.isEmpty || input.kind == "major" else {
            throw AppError.invalid("empty_change", "A minor change must add or remove zone operators.")
        }
        var operators = try JSONColumn.decode([ZoneOperatorEntry].self, operation.operatorsJSON)
        let current = Set(operators.filter { $0.until == nil }.map(\.businessRegistrationNumber))
        if let missing = remove.first(where: { !current.contains($0) }) {
            throw AppError.invalid("unknown_operator", "\(missing) is not a current zone operator.")
        }
        if let duplicate = add.compactMap({ BusinessRegistrationNumber($0.businessRegistrationNumber)?.digits }).first(
            where: current.contains)
        {
            throw AppError.invalid("duplicate_operator", "\(duplicate) is already a zone operator.")
        }
        var changes = try JSONColumn.decode([PlanChange].self, operation.changesJSON)
        var change = PlanChange(
            number: changes.count + 1, kind: input.kind, description: description, add: add, remove: remove,
            status: .filed(isMinor: input.kind == "minor"), filedOn: today)
        if input.kind == "minor" { apply(change, to: &operators, on: today) }
        change.decidedOn = input.kind == "minor" ? today : nil
        changes.append(change)
        let filed = change
        operation.operatorsJSON = try JSONColumn.encode(operators)
        operation.changesJSON = try JSONColumn.encode(changes)
        try await database.transaction { transaction in
            try await operation.save(on: transaction)
            try await AuditLog.record(
                on: transaction, actor: account.auditActor, action: "district.plan-change-filed",
                targetType: "district",
                targetID: try district.requireID(),
                after: ["number": String(filed.number), "kind": filed.kind, "status": filed.status.rawValue])
        }
    }

    static func decideChange(
        number: Int, _ input: PlanChangeDecisionInput, district: DistrictRecord, operation: DistrictOperationRecord,
        account: CurrentAccount, today: CalendarDate, on database: any Database
    ) async throws {
        var changes = try JSONColumn.decode([PlanChange].self, operation.changesJSON)
        guard let index = changes.firstIndex(where: { $0.number == number }) else {
            throw AppError.notFound("plan change")
        }
        guard changes[index].status == .pendingCommittee else {
            throw AppError.conflict("already_decided", "This change is already decided.")
        }
        guard input.reason.trimmed.count >= 5 else {
            throw AppError.invalid("reason_required", "Give the committee's reason.")
        }
        var operators = try JSONColumn.decode([ZoneOperatorEntry].self, operation.operatorsJSON)
        changes[index].status = try Lifecycles.move(changes[index].status, input.approve ? .approve : .reject)
        changes[index].decidedOn = today
        changes[index].decisionReason = input.reason.trimmed
        if input.approve { apply(changes[index], to: &operators, on: today) }
        operation.operatorsJSON = try JSONColumn.encode(operators)
        operation.changesJSON = try JSONColumn.encode(changes)
        let status = changes[index].status.rawValue
        try await database.transaction { transaction in
            try await operation.save(on: transaction)
            try await AuditLog.record(
                on: transaction, actor: account.auditActor, action: "district.plan-change-decided",
                targetType: "district",
                targetID: try district.requireID(), after: ["number": String(number), "status": status])
        }
    }

    private static func apply(_ change: PlanChange, to operators: inout [ZoneOperatorEntry], on day: CalendarDate) {
        for index in operators.indices
        where operators[index].until == nil && change.remove.contains(operators[index].businessRegistrationNumber) {
            operators[index].until = day
        }
        for company in change.add {
            operators.append(
                ZoneOperatorEntry(
                    name: company.name.trimmed,
                    businessRegistrationNumber: BusinessRegistrationNumber(company.businessRegistrationNumber)?.digits
                        ?? company.businessRegistrationNumber,
                    since: day, until: nil))
        }
    }

    static func extend(
        _ input: ExtensionInput, district: DistrictRecord, operation: DistrictOperationRecord, account: CurrentAccount,
        today: CalendarDate, on database: any Database
    ) async throws {
        let length: ClockLength
        switch (input.years, input.months) {
        case (let years?, nil): length = .years(years)
        case (nil, let months?): length = .months(months)
        default: throw AppError.invalid("invalid_length", "Give either years or months.")
        }
        let term = try JSONColumn.decode(DistrictTerm.self, operation.termJSON)
        let catalog = try await LegalTimeStore.catalog(on: database)
        let extended: DistrictTerm
        do { extended = try term.extended(by: length, decidedOn: today, parameters: catalog) } catch {
            throw AppError(.unprocessableEntity, error.code, error.description)
        }
        try await saveTerm(
            extended, before: term, action: "district.extended", district: district, operation: operation,
            account: account, on: database)
    }

    static func dedesignate(
        _ input: DedesignationInput, district: DistrictRecord, operation: DistrictOperationRecord,
        account: CurrentAccount,
        on database: any Database
    ) async throws {
        guard let day = CalendarDate(iso: input.on) else {
            throw AppError.invalid("invalid_date", "'on' must be a date such as 2027-01-01.")
        }
        guard input.reason.trimmed.count >= 10 else {
            throw AppError.invalid("reason_required", "Give the reason for de-designation (at least 10 characters).")
        }
        let term = try JSONColumn.decode(DistrictTerm.self, operation.termJSON)
        let ended: DistrictTerm
        do { ended = try term.dedesignated(on: day, reason: input.reason.trimmed) } catch {
            throw AppError(.unprocessableEntity, error.code, error.description)
        }
        try await saveTerm(
            ended, before: term, action: "district.dedesignated", district: district, operation: operation,
            account: account, on: database)
    }

    private static func saveTerm(
        _ term: DistrictTerm, before: DistrictTerm, action: String, district: DistrictRecord,
        operation: DistrictOperationRecord,
        account: CurrentAccount, on database: any Database
    ) async throws {
        operation.termJSON = try JSONColumn.encode(term)
        district.endsOn = term.lastDesignatedDay.iso
        try await database.transaction { transaction in
            try await operation.save(on: transaction)
            try await district.save(on: transaction)
            try await AuditLog.record(
                on: transaction, actor: account.auditActor, action: action, targetType: "district",
                targetID: try district.requireID(),
                before: ["endsOn": before.lastDesignatedDay.iso], after: ["endsOn": term.lastDesignatedDay.iso])
        }
    }

    static func selfEvaluate(
        _ input: SelfEvaluationInput, district: DistrictRecord, operation: DistrictOperationRecord,
        account: CurrentAccount,
        today: CalendarDate, on database: any Database
    ) async throws {
        try requireRegionOrMinistry(district, account)
        let term = try JSONColumn.decode(DistrictTerm.self, operation.termJSON)
        guard input.year >= term.startsOn.year, input.year <= min(today.year, term.lastDesignatedDay.year) else {
            throw AppError.invalid(
                "invalid_year",
                "Evaluate a year between \(term.startsOn.year) and \(min(today.year, term.lastDesignatedDay.year)).")
        }
        guard input.selfScore.isFinite, (0...100).contains(input.selfScore) else {
            throw AppError.invalid("score_out_of_range", "selfScore must be 0–100.")
        }
        let kpis = Set(try JSONColumn.decode([DistrictPlan.KPI].self, operation.kpisJSON).map(\.name))
        if let unknown = input.actuals.first(where: { !kpis.contains($0.name) }) {
            throw AppError.invalid("unknown_kpi", "'\(unknown.name)' is not a KPI of this district.")
        }
        if input.actuals.contains(where: { !$0.actual.isFinite || $0.actual < 0 }) {
            throw AppError.invalid("invalid_actual", "KPI actuals must be zero or more.")
        }
        let districtID = try district.requireID()
        let record =
            try await DistrictEvaluationRecord.query(on: database).filter(\.$districtID == districtID).filter(
                \.$year == input.year
            ).first()
            ?? DistrictEvaluationRecord()
        guard record.panelScore == nil else {
            throw AppError.conflict("already_graded", "The panel has already graded \(input.year).")
        }
        record.districtID = districtID
        record.year = input.year
        record.actualsJSON = try JSONColumn.encode(input.actuals)
        record.selfScore = input.selfScore
        record.selfComment = input.comment?.trimmed ?? ""
        try await database.transaction { transaction in
            try await record.save(on: transaction)
            try await AuditLog.record(
                on: transaction, actor: account.auditActor, action: "district.self-evaluated", targetType: "district",
                targetID: districtID,
                after: ["year": String(input.year), "selfScore": String(input.selfScore)])
        }
    }

    static func panelEvaluate(
        _ input: PanelEvaluationInput, district: DistrictRecord, account: CurrentAccount, today: CalendarDate,
        on database: any Database
    ) async throws {
        let districtID = try district.requireID()
        guard
            let record = try await DistrictEvaluationRecord.query(on: database).filter(\.$districtID == districtID)
                .filter(\.$year == input.year).first()
        else {
            throw AppError.conflict(
                "self_evaluation_missing", "The region's self-evaluation for \(input.year) comes first.")
        }
        guard input.score.isFinite, (0...100).contains(input.score) else {
            throw AppError.invalid("score_out_of_range", "score must be 0–100.")
        }
        let catalog = try await LegalTimeStore.catalog(on: database)
        let grade: AnnualGrade
        do { grade = try AnnualGrade.grade(score: input.score, on: today, parameters: catalog) } catch {
            throw AppError(.unprocessableEntity, error.code, error.description)
        }
        record.panelScore = input.score
        record.panelComment = input.comment?.trimmed
        record.grade = grade.rawValue
        try await database.transaction { transaction in
            try await record.save(on: transaction)
            try await AuditLog.record(
                on: transaction, actor: account.auditActor, action: "district.graded", targetType: "district",
                targetID: districtID,
                after: ["year": String(input.year), "score": String(input.score), "grade": grade.rawValue])
        }
    }

    /// A district as the API and pages show it, with whether its rulebook is loaded.
    static func view(_ id: String?, _ request: Request) async throws -> DistrictOperationDTO {
        try await viewWithRecord(id, request).view
    }

    /// The view and the district's record it was read from, for a page that shows plan facts too.
    static func viewWithRecord(
        _ id: String?, _ request: Request
    ) async throws
        -> (record: DistrictRecord, view: DistrictOperationDTO)
    {
        let (district, operation) = try await DistrictOperations.find(id, on: request.db)
        let hasRulebook = request.application.rulebooks.live?.snapshot.districts.contains(district.id ?? "") ?? false
        return (
            district,
            try await view(district, operation, today: request.today, hasRulebook: hasRulebook, on: request.db)
        )
    }
}
