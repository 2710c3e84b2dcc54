import Foundation
import TeukguCore

/// A district in operation: its term, status, operators, plan changes and annual evaluations in
/// words, with the region's and the ministry's forms. Built from the district as loaded once.
struct DistrictPage: Encodable {
    struct Operator: Encodable {
        let name: String
        let businessRegistrationNumber: String
        let listed: String
    }

    struct Change: Encodable {
        let number: Int
        let kindText: String
        let statusText: String
        let filedOn: String
        let description: String
        let decisionReason: String?
        /// The committee's decision form, for the ministry while the change waits for it.
        let decideAction: String?
    }

    struct Evaluation: Encodable {
        struct Result: Encodable {
            let name: String
            let unit: String
            let target: String
            let actual: String
            let achieved: String?
        }

        let year: Int
        let results: [Result]
        let gradeText: String?
        let panelScore: String?
        let selfScore: String?
        let selfComment: String
        let panelComment: String?
    }

    struct KPI: Encodable {
        let name: String
        let unit: String
        let target: String
    }

    /// A line of the negative list in plain words: what is prohibited, required or exempted.
    struct ListedRule: Encodable {
        let effect: String
        let effectKey: String
        let title: String
        let conditions: [String]
    }

    /// The plan's facts for the public: what the district is for, its area and budget.
    struct PlanFacts: Encodable {
        let industry: String
        let area: String?
        let budget: String?
        let illustrative: Bool
    }

    let name: String
    let regionName: String
    let facts: PlanFacts?
    let negativeList: [ListedRule]
    let checkHref: String?
    let round: Int
    let period: String
    let extended: Bool
    let statusText: String
    let dedesignatedOn: String?
    let dedesignationReason: String?
    let postMonitoringUntil: String
    let operators: [Operator]
    let changes: [Change]
    /// The changes waiting for the committee, each with its decision form (the ministry only).
    let pendingChanges: [Change]
    let evaluations: [Evaluation]
    let kpis: [KPI]
    let isMinistry: Bool
    let isRegion: Bool
    let regimeHref: String?
    let listHref: String
    let actions: [String: String]
    let currentYear: Int

    init(
        _ district: DistrictOperationDTO, record: DistrictRecord?, regime: RegimeView?, region: RegionRecord?,
        viewer: CurrentAccount?, today: CalendarDate, language: String
    ) {
        name = Strings.pick(district.nameKorean, district.name, language)
        facts = record.map { record in
            PlanFacts(
                industry: record.notes,
                area: record.areaSquareKilometres.map { Strings.format("portal.area", language, $0) },
                budget: record.budgetWon.map { Money(won: $0).text(language: language) },
                illustrative: record.unconfirmed)
        }
        negativeList = (regime?.groups ?? []).flatMap(\.rules).map { rule in
            let effectKey = "rule.effect." + rule.effect
            return ListedRule(
                effect: Strings.text(effectKey, language), effectKey: rule.effect,
                title: Strings.pick(rule.titleKorean, rule.titleEnglish, language),
                conditions: Strings.pick(rule.conditionsKorean, rule.conditions, language))
        }
        checkHref = district.hasRulebook ? Endpoints.checkPage.link([.district: district.id]) : nil
        regionName = region.map { Strings.pick($0.nameKorean, $0.nameEnglish, language) } ?? district.regionID
        round = district.round
        period = "\(district.startsOn) – \(district.endsOn)"
        extended = district.extended
        statusText = Strings.text("district.status.\(district.termStatus.rawValue)", language)
        dedesignatedOn = district.dedesignatedOn
        dedesignationReason = district.dedesignationReason
        postMonitoringUntil = district.postMonitoringUntil
        isMinistry = viewer?.role.isMinistry == true
        isRegion = viewer?.role == .regionalOfficial && viewer?.regionID == district.regionID
        operators = district.zoneOperators.map { entry in
            Operator(
                name: entry.name,
                businessRegistrationNumber: BusinessRegistrationNumber(entry.businessRegistrationNumber)?.description
                    ?? entry.businessRegistrationNumber,
                listed: entry.until.map { "\(entry.since.iso) – \($0.iso)" } ?? "\(entry.since.iso) –")
        }
        let isMinistry = isMinistry
        changes = district.planChanges.map {
            Change(
                number: $0.number, kindText: Strings.text("planChange.\($0.kind)", language),
                statusText: $0.status.text(language), filedOn: $0.filedOn.iso, description: $0.description,
                decisionReason: $0.decisionReason,
                decideAction: isMinistry && $0.status == .pendingCommittee
                    ? Endpoints.planChangeDecisionForm.link([.districtID: district.id, .number: String($0.number)])
                    : nil)
        }
        pendingChanges = changes.filter { $0.decideAction != nil }
        let planKPIs = Dictionary(district.kpis.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        evaluations = district.evaluations.map {
            Evaluation(
                year: $0.year,
                results: $0.kpis.map { kpi in
                    Evaluation.Result(
                        name: planKPIs[kpi.name]?.name(in: language) ?? kpi.name,
                        unit: planKPIs[kpi.name]?.unit(in: language) ?? kpi.unit,
                        target: String(format: "%g", kpi.target),
                        actual: kpi.actual.map { String(format: "%g", $0) } ?? "—",
                        achieved: kpi.achieved.map { String(format: "%.0f%%", $0) })
                },
                gradeText: $0.grade.map { Strings.text("grade.\($0)", language) },
                panelScore: $0.panelScore.map { String(format: "%.1f", $0) },
                selfScore: $0.selfScore.map { String(format: "%.1f", $0) }, selfComment: $0.selfComment,
                panelComment: $0.panelComment)
        }
        kpis = district.kpis.map {
            KPI(name: $0.name(in: language), unit: $0.unit(in: language), target: String(format: "%g", $0.target))
        }
        regimeHref = district.hasRulebook ? Endpoints.regimePage.link([.district: district.id]) : nil
        listHref = Endpoints.districtsPage.link()
        let links: [PathParameter: String] = [.districtID: district.id]
        actions = [
            "planChange": Endpoints.planChangeForm.link(links), "extension": Endpoints.extensionForm.link(links),
            "dedesignation": Endpoints.dedesignationForm.link(links),
            "selfEvaluation": Endpoints.selfEvaluationForm.link(links),
            "panelEvaluation": Endpoints.panelEvaluationForm.link(links),
        ]
        currentYear = today.year
    }
}
