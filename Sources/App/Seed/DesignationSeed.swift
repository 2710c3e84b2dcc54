import Fluent
import Foundation
import TeukguCore
import Vapor

/// Designation data: the two past rounds as closed calls with their published counts, the seven
/// districts in operation (reference data), and for demos an open, illustrative round 3.
enum DesignationSeed {
    /// Zone operators and KPIs of the seeded districts are illustrative: the real lists run to dozens
    /// of companies and are not published as data. Registration numbers are fictitious but valid.
    static let illustrativeOperators: [String: [(String, String)]] = [
        "busan-marine-mobility": [
            ("Haeum Marine Robotics", "605812345"), ("Busan Ammonia Propulsion (illustrative)", "607811111"),
        ],
        "gangwon-ai-healthcare": [
            ("Gangwon Care AI", "221874321"), ("Chuncheon Remote Clinic (illustrative)", "221812222"),
        ],
        "chungbuk-regenerative-bio": [("Osong Cell Works (illustrative)", "301813333")],
        "jeonnam-dc-energy": [("Naju DC Grid", "412860077"), ("Jeonnam DC Devices (illustrative)", "412814444")],
        "daegu-ai-robots": [("Daegu Delivery Robots (illustrative)", "503815555")],
        "gyeongnam-satellites": [("Sacheon Smallsat (illustrative)", "608816666")],
        "daejeon-synthetic-bio": [("Daedeok Biofoundry (illustrative)", "305817777")],
    ]

    static func seedIfEmpty(on database: any Database) async throws {
        guard try await DesignationCallRecord.query(on: database).count() == 0,
            try await DistrictOperationRecord.query(on: database).count() == 0
        else { return }
        let rounds = try await DistrictRoundRecord.query(on: database).sort(\.$id).all()
        let districts = try await DistrictRecord.query(on: database).all()
        try await database.transaction { transaction in
            for round in rounds {
                try await historicalCall(round).create(on: transaction)
            }
            for district in districts {
                try await operation(for: district).create(on: transaction)
            }
        }
    }

    static func historicalCall(_ round: DistrictRoundRecord) throws -> DesignationCallRecord {
        let call = DesignationCallRecord()
        let number = round.id ?? 0
        call.round = number
        call.title = "글로벌혁신특구 \(number)차 공모"
        call.titleEnglish = "Global innovation special districts, round \(number)"
        call.description = "공개된 수치로만 남긴 지난 공모입니다. 개별 신청서는 공개하지 않습니다."
        call.descriptionEnglish = "Past round kept as its published figures; individual applications are not public."
        let published = CalendarDate(iso: round.callPublished) ?? CalendarDate(year: 2023, month: 5, day: 31)!
        call.opensAt = published.startInstant
        call.closesAt = published.adding(days: 60).startInstant
        call.localGovernmentsEligible = number >= 2
        call.cap = round.candidates
        call.stagesJSON = (try? JSONColumn.encode(StandardStages.designation)) ?? "[]"
        call.balanceJSON =
            (try? JSONColumn.encode(BalancePolicy(maxPerRegion: 1, preferRegionsWithoutDistrict: true))) ?? "{}"
        call.status = .historical
        call.stageIndex = 0
        call.funnelJSON = try JSONColumn.encode(
            CallFunnel(
                governments: round.governments, projects: round.projects, writtenPassed: round.writtenPassed,
                candidates: round.candidates, designatedOn: round.designatedOn))
        return call
    }

    static func operation(for district: DistrictRecord) throws -> DistrictOperationRecord {
        let start = CalendarDate(iso: district.startsOn) ?? CalendarDate(year: 2024, month: 6, day: 1)!
        let end = CalendarDate(iso: district.endsOn) ?? start.adding(years: 4).adding(days: -1)
        let record = DistrictOperationRecord()
        record.id = district.id
        record.termJSON = try JSONColumn.encode(DistrictTerm(startsOn: start, endsOn: end))
        record.operatorsJSON = try JSONColumn.encode(
            (illustrativeOperators[district.id ?? ""] ?? []).map { name, first9 in
                ZoneOperatorEntry(
                    name: name, businessRegistrationNumber: DemoAccounts.registrationNumber(first9), since: start,
                    until: nil)
            })
        record.changesJSON = "[]"
        record.kpisJSON = try JSONColumn.encode([
            DistrictPlan.KPI(
                name: "실증 건수", unit: "건", target: 20, nameEnglish: "Demonstrations run", unitEnglish: "cases"),
            DistrictPlan.KPI(
                name: "해외 인증 취득", unit: "건", target: 5, nameEnglish: "Overseas certifications", unitEnglish: "cases"),
            DistrictPlan.KPI(
                name: "일자리 창출", unit: "명", target: 300, nameEnglish: "Jobs created", unitEnglish: "people"),
        ])
        return record
    }

    /// Illustrative self-evaluations of last year for the round-1 districts, so the ministry's
    /// dashboard and the district pages have reported figures to set against targets. The figures
    /// are made up and the comments say so.
    static func seedDemoEvaluations(now: Date, on database: any Database) async throws {
        guard try await DistrictEvaluationRecord.query(on: database).count() == 0 else { return }
        let year = CalendarDate(instant: now).year - 1
        // Busan is left to the demo region to file itself.
        let figures: [String: [Double]] = [
            "gangwon-ai-healthcare": [9, 1, 95],
            "chungbuk-regenerative-bio": [6, 3, 120], "jeonnam-dc-energy": [15, 4, 210],
        ]
        for (districtID, actuals) in figures.sorted(by: { $0.key < $1.key }) {
            guard let operation = try await DistrictOperationRecord.find(districtID, on: database),
                let kpis = try? JSONColumn.decode([DistrictPlan.KPI].self, operation.kpisJSON),
                let term = try? JSONColumn.decode(DistrictTerm.self, operation.termJSON), term.startsOn.year <= year
            else { continue }
            let record = DistrictEvaluationRecord()
            record.districtID = districtID
            record.year = year
            record.actualsJSON = try JSONColumn.encode(
                zip(kpis, actuals).map { SelfEvaluationInput.Actual(name: $0.name, actual: $1) })
            record.selfScore = 70
            record.selfComment = "예시 자체평가입니다 (illustrative self-evaluation)."
            try await record.create(on: database)
        }
    }

    /// The open, illustrative round 3 for demos: written then presentation, at most 3, one per region.
    static func demoCall(now: Date) throws -> DesignationCallRecord {
        let call = DesignationCallRecord()
        call.round = 3
        call.title = "글로벌혁신특구 3차 공모 (예시)"
        call.titleEnglish = "Global innovation special districts, round 3 (illustrative)"
        call.description = "제품을 써 보기 위한 예시 공모입니다. 평가 항목과 배점은 예시이며 부처의 것이 아닙니다."
        call.descriptionEnglish =
            "An illustrative call for trying the product: criteria and weights are examples, not the ministry's."
        // On the hour, as real calls are: 09:00 two weeks ago to 18:00 in about six weeks (Seoul time).
        let today = CalendarDate(instant: now)
        call.opensAt = today.adding(days: -14).startInstant.addingTimeInterval(9 * 3600)
        call.closesAt = today.adding(days: 45).startInstant.addingTimeInterval(18 * 3600)
        call.localGovernmentsEligible = true
        call.cap = 3
        call.stagesJSON = try JSONColumn.encode(StandardStages.designation)
        call.balanceJSON = try JSONColumn.encode(BalancePolicy(maxPerRegion: 1, preferRegionsWithoutDistrict: true))
        call.status = .accepting
        call.stageIndex = 0
        return call
    }
}
