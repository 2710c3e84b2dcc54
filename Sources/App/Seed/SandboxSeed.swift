import Fluent
import Foundation
import TeukguCore

/// Illustrative sandbox cases for the seven districts, one in every state, so each party's queue and
/// every page has something to show. Titles say they are examples.
enum SandboxSeed {
    struct Demo {
        let company: String
        let district: String
        let kind: SandboxCaseKind
        let title: String
        let activity: String
        let question: String
        /// The steps taken, each with how many days ago.
        let steps: [(SandboxCaseStatus.Event, Int)]
        let answer: String?
        /// For a granted case: the national rules it switches off and its conditions.
        var exempts: [String] = []
        var conditions: [String] = []
    }

    static let demos: [Demo] = [
        Demo(
            company: "Haeum Marine Robotics", district: "busan-marine-mobility", kind: .rapidConfirmation,
            title: "암모니아 벙커링 허가 필요 여부 (예시)", activity: "북측 부두에서 선박 간 암모니아 연료 공급",
            question: "화학물질관리법상 유해화학물질 취급 허가가 필요한가요?", steps: [], answer: nil),
        Demo(
            company: "Haeum Marine Robotics", district: "busan-marine-mobility", kind: .demonstrationExemption,
            title: "무인 자율운항 선박 야간 실증 (예시)", activity: "시험해역에서 승선 인원 없이 야간 운항",
            question: "선박직원법의 승무 기준을 실증 기간에 적용받지 않을 수 있나요?",
            steps: [(.forward, 12), (.notify, 10)], answer: nil),
        Demo(
            company: "Gangwon Care AI", district: "gangwon-ai-healthcare", kind: .rapidConfirmation,
            title: "간호사 보조 원격 상담 (예시)", activity: "도서 지역 만성질환자에게 간호사가 함께하는 원격 상담",
            question: "의료법 제34조의 원격의료 범위에 드나요?", steps: [(.forward, 3)], answer: nil),
        Demo(
            company: "Gangwon Care AI", district: "gangwon-ai-healthcare", kind: .temporaryPermit,
            title: "가정용 AI 복약 관리기 (예시)", activity: "복약 시간을 알리고 기록하는 가정용 기기 판매",
            question: "기준이 없는 기기의 시장 출시를 임시허가 받을 수 있나요?",
            steps: [(.forward, 20), (.notify, 18), (.requestSupplement, 8)], answer: nil),
        Demo(
            company: "Naju DC Grid", district: "jeonnam-dc-energy", kind: .rapidConfirmation,
            title: "35 kV 직류 배전반 설치 (예시)", activity: "에너지밸리 안 35 kV 직류 배전반 설치",
            question: "전기사업법 기술기준 외에 따로 승인이 필요한가요?",
            steps: [(.forward, 40), (.notify, 38), (.referToCommittee, 6)], answer: nil),
        Demo(
            company: "Naju DC Grid", district: "jeonnam-dc-energy", kind: .demonstrationExemption,
            title: "1.5 kV 직류 가정 배전 실증 (예시)", activity: "시범 주택 20가구에 1.5 kV 직류 공급",
            question: "KC 인증 대상 밖의 직류 기기를 실증에 쓸 수 있나요?",
            steps: [(.forward, 80), (.notify, 75), (.grant, 30), (.startUse, 25)],
            answer: "조건부 승인: 시범 주택 20가구, 2년, 책임보험 가입 (예시)",
            exempts: ["national.electric.dc-over-low-voltage"],
            conditions: ["시범 주택 20가구까지 (예시)", "Remote shut-off at the substation (illustrative)"]),
        Demo(
            company: "Haeum Marine Robotics", district: "gyeongnam-satellites", kind: .rapidConfirmation,
            title: "차폐시설 안 전파 시험 (예시)", activity: "사천 시험센터 차폐시설 안에서 위성 송신기 시험",
            question: "무선국 개설허가가 필요한가요?",
            steps: [(.forward, 70), (.notify, 65), (.confirmNoPermitNeeded, 50)],
            answer: "차폐시설 안 시험은 신고로 충분하며 허가는 필요하지 않습니다 (예시)"),
        Demo(
            company: "Gangwon Care AI", district: "chungbuk-regenerative-bio", kind: .rapidConfirmation,
            title: "공동 세포처리시설 세포 사용 (예시)", activity: "오송 공동 세포처리시설의 세포로 임상연구",
            question: "연구기관별로 세포처리시설 허가를 따로 받아야 하나요?",
            steps: [(.forward, 60), (.notify, 58), (.confirmPermitNeeded, 40)],
            answer: "첨단재생바이오법 제12조의 연구계획 심의는 그대로 받아야 합니다 (예시)"),
        Demo(
            company: "Haeum Marine Robotics", district: "daegu-ai-robots", kind: .rapidConfirmation,
            title: "보도 배송 로봇 영상 수집 (예시)", activity: "배송 로봇이 보도 주행 중 영상을 수집",
            question: "개인정보 보호법상 동의 없이 수집할 수 있나요?",
            steps: [(.forward, 90), (.notify, 85)], answer: nil),
        Demo(
            company: "Naju DC Grid", district: "daejeon-synthetic-bio", kind: .temporaryPermit,
            title: "합성생물 키트 판매 (예시)", activity: "교육용 합성생물 키트의 온라인 판매",
            question: "유전자변형생물체법의 수입·판매 승인 없이 팔 수 있나요?",
            steps: [(.forward, 70), (.notify, 66), (.refuse, 35)],
            answer: "위해성 심사 없이 판매할 수 없어 임시허가를 거부합니다 (예시)"),
        Demo(
            company: "Gangwon Care AI", district: "gangwon-ai-healthcare", kind: .demonstrationExemption,
            title: "건강검진 자료 외부 분석 (예시)", activity: "폐쇄형 분석센터 밖에서 검진 자료 분석",
            question: "국민건강보험법 제102조의 제한을 실증 기간에 받지 않을 수 있나요?",
            steps: [(.withdraw, 15)], answer: nil),
    ]

    /// Creates the demo cases once; the daegu case's clock has run out, so the settler deems it when
    /// the server starts (its legal date is in the past).
    static let demoActor = AuditLog.Actor(id: nil, label: "demo")

    static func seedDemo(now: Date, on database: any Database) async throws {
        guard try await SandboxCaseRecord.query(on: database).count() == 0 else { return }
        let companies = try await CompanyRecord.query(on: database).all()
        let districts = try await DistrictRecord.query(on: database).all()
        let today = CalendarDate(instant: now)
        for (index, demo) in demos.enumerated() {
            guard let company = companies.first(where: { $0.name == demo.company })?.id,
                let district = districts.first(where: { $0.id == demo.district })
            else { continue }
            let record = SandboxCaseRecord()
            record.number = String(format: "SB-%d-%04d", today.year, index + 1)
            record.kind = demo.kind
            record.companyID = company
            record.districtID = demo.district
            record.regionID = district.regionID
            record.title = demo.title
            record.activity = demo.activity
            record.question = demo.question
            record.documentsJSON = "[]"
            let filedDaysAgo = (demo.steps.first?.1 ?? 1) + 2
            record.filedAt = now.addingTimeInterval(-Double(filedDaysAgo) * 86_400)
            record.pausesJSON = "[]"
            record.extensionDays = 0
            var status = SandboxCaseStatus.atRegion
            var pauses: [SandboxCases.Pause] = []
            for (event, daysAgo) in demo.steps {
                status = try status.applying(event)
                let day = today.adding(days: -daysAgo)
                switch event {
                case .notify: record.notifiedOn = day.iso
                case .requestSupplement: pauses.append(.init(from: day.iso, to: nil))
                case .confirmNoPermitNeeded, .confirmPermitNeeded, .grant, .refuse:
                    record.answer = demo.answer
                    record.answeredOn = day.iso
                default: break
                }
            }
            record.status = status
            record.pausesJSON = try JSONColumn.encode(pauses)
            if status == .inUse, let granted = record.answeredOn.flatMap(CalendarDate.init(iso:)) {
                let districtEnd = CalendarDate(iso: district.endsOn) ?? granted.adding(years: 2)
                record.grantExemptsJSON = try JSONColumn.encode(demo.exempts)
                record.grantConditionsJSON = try JSONColumn.encode(demo.conditions)
                record.validFrom = granted.iso
                record.validUntil = min(granted.adding(years: 2).adding(days: -1), districtEnd).iso
            }
            try await record.create(on: database)
            if status == .inUse, let from = record.validFrom, let until = record.validUntil {
                let policy = InsurancePolicyRecord()
                policy.caseID = try record.requireID()
                policy.companyID = company
                policy.insurer = "예시손해보험 (demo)"
                policy.number = "DEMO-\(record.number)"
                policy.coversFrom = from
                policy.coversUntil = until
                policy.deathWon = 150_000_000
                policy.injuryWon = 30_000_000
                policy.disabilityWon = 150_000_000
                policy.propertyWon = 1_000_000_000
                policy.filedAt = now
                try await policy.create(on: database)
            }
            try await SandboxCases.history(
                record, event: "file", on: CalendarDate(instant: record.filedAt), note: "", documents: [],
                actor: demoActor, at: record.filedAt, on: database)
            for (event, daysAgo) in demo.steps {
                try await SandboxCases.history(
                    record, event: event.rawValue, on: today.adding(days: -daysAgo), note: "", documents: [],
                    actor: demoActor, at: now.addingTimeInterval(-Double(daysAgo) * 86_400), on: database)
            }
            try await SandboxDue.refresh(record, today: today, on: database)
            try await record.save(on: database)
        }
    }
}
