import TeukguCore

/// The datasets the public may download, each with a fixed list of columns. Nothing personal is
/// ever a column: companies appear by name only where the ministry announces them (awards), and
/// case and decision figures are counts. `OpenDataFieldsTests` holds every file to this list.
enum OpenDataset: String, CaseIterable, Sendable {
    case districts
    case designationCalls = "designation-calls"
    case designationResults = "designation-results"
    case awards
    case sandboxStatistics = "sandbox-statistics"
    case decisionStatistics = "decision-statistics"

    /// Korea Open Government Licence type 1: reuse, also commercially, with attribution.
    static let licence = (
        korean: "공공누리 제1유형(출처표시): 출처를 밝히면 상업적 이용을 포함해 자유롭게 이용할 수 있습니다. 출처: 중소벤처기업부 Teukgu.",
        english:
            "Korea Open Government Licence type 1 (attribution): free to reuse, also commercially, naming the source. Source: Ministry of SMEs and Startups, Teukgu."
    )

    static let licenceURL = "https://www.kogl.or.kr/info/licenseType1.do"

    var title: (korean: String, english: String) {
        switch self {
        case .districts: ("글로벌혁신특구", "Global innovation special districts")
        case .designationCalls: ("특구 지정 공모", "District designation calls")
        case .designationResults: ("특구 지정 결과", "District designation results")
        case .awards: ("글로벌 협업 지원 협약", "Collaboration programme awards")
        case .sandboxStatistics: ("규제특례 사건 통계", "Sandbox case statistics")
        case .decisionStatistics: ("규제 확인 판정 통계", "Regulation check decision statistics")
        }
    }

    var summary: (korean: String, english: String) {
        switch self {
        case .districts:
            (
                "지정된 특구마다 지역, 차수, 지정 기간, 면적, 예산과 현재 상태입니다.",
                "Each designated district with its region, round, term, area, budget and current status."
            )
        case .designationCalls:
            (
                "차수별 공모와 신청·통과·지정 건수입니다.",
                "Each call by round with how many applied, passed and were designated."
            )
        case .designationResults:
            (
                "결정된 공모의 신청별 결과입니다. 지정 전의 심사 중 결과는 싣지 않습니다.",
                "The result of each application in a decided call. Results still under evaluation are not published."
            )
        case .awards:
            (
                "체결된 협약마다 연도, 협업 기업 트랙, 선정 스타트업, 지원금입니다. 계좌 등 협약 세부는 싣지 않습니다.",
                "Each signed agreement: year, partner track, the startup selected and the award. Bank details and terms are not published."
            )
        case .sandboxStatistics:
            (
                "사건 종류와 결과별 건수, 회신까지 걸린 일수의 중앙값, 간주 회신 건수입니다. 개별 사건은 싣지 않습니다.",
                "Counts by case type and outcome, the median days to an answer and the deemed answers. No single case is published."
            )
        case .decisionStatistics:
            (
                "특구와 판정 결과별 규제 확인 건수입니다. 질문 내용은 싣지 않습니다.",
                "Regulation checks counted by district and verdict. The questions asked are not published."
            )
        }
    }

    var columns: [OpenDataColumn] {
        switch self {
        case .districts:
            [
                .init("district_id", .text, "특구 식별자", "District identifier"),
                .init("region_id", .text, "시·도 식별자", "Region identifier"),
                .init("region_name_ko", .text, "시·도 이름(한국어)", "Region name in Korean"),
                .init("region_name_en", .text, "시·도 이름(영어)", "Region name in English"),
                .init("name_ko", .text, "특구 이름(한국어)", "District name in Korean"),
                .init("name_en", .text, "특구 이름(영어)", "District name in English"),
                .init("round", .integer, "지정 차수", "Designation round"),
                .init("starts_on", .date, "지정 기간 시작일", "First day of the term"),
                .init("ends_on", .date, "지정 기간 종료일(연장 반영)", "Last day of the term, extensions included"),
                .init("status", .text, "상태(operating, expired, dedesignated 등)", "Status (operating, expired, …)"),
                .init("area_km2", .number, "면적(㎢)", "Area in square kilometres", optional: true),
                .init("budget_won", .integer, "사업 예산(원)", "Programme budget in won", optional: true),
                .init("zone_operators", .integer, "특구사업자 수", "Number of zone operators"),
                .init("illustrative", .boolean, "수치가 확인되지 않은 예시인지", "Whether figures are unconfirmed"),
            ]
        case .designationCalls:
            [
                .init("round", .integer, "차수", "Round"),
                .init("title_ko", .text, "공모명(한국어)", "Title in Korean"),
                .init("title_en", .text, "공모명(영어)", "Title in English", optional: true),
                .init("status", .text, "공모 상태", "Call status"),
                .init("opens_on", .date, "접수 시작일", "Applications open", optional: true),
                .init("closes_on", .date, "접수 마감일", "Applications close", optional: true),
                .init("applications", .integer, "신청 건수", "Applications received"),
                .init("designated", .integer, "지정 특구 수", "Districts designated"),
                .init("designated_on", .date, "지정일", "Designation day", optional: true),
            ]
        case .designationResults:
            [
                .init("round", .integer, "차수", "Round"),
                .init("region_id", .text, "시·도 식별자", "Region identifier"),
                .init("region_name_ko", .text, "시·도 이름(한국어)", "Region name in Korean"),
                .init("region_name_en", .text, "시·도 이름(영어)", "Region name in English"),
                .init("project_name", .text, "계획(특구) 이름", "Plan or district name"),
                .init("result", .text, "결과(designated, not-selected, failed:<단계>)", "Result"),
                .init("district_id", .text, "지정된 특구 식별자", "District identifier when designated", optional: true),
            ]
        case .awards:
            [
                .init("year", .integer, "연도", "Year"),
                .init("partner_id", .text, "협업 기업 식별자", "Partner identifier", optional: true),
                .init("partner_name", .text, "협업 기업", "Partner company", optional: true),
                .init("track_name", .text, "트랙", "Track", optional: true),
                .init("company_name", .text, "선정 스타트업", "Startup selected"),
                .init("award_won", .integer, "지원금(원)", "Award in won"),
                .init("status", .text, "협약 상태(signed, settling, settled)", "Agreement status"),
            ]
        case .sandboxStatistics:
            [
                .init("case_type", .text, "사건 종류", "Case type"),
                .init("outcome", .text, "결과(open, no-permit-needed, granted 등)", "Outcome"),
                .init("cases", .integer, "건수", "Cases"),
                .init("answered", .integer, "회신된 건수", "Cases answered"),
                .init(
                    "median_days_to_answer", .number, "접수부터 회신까지 일수의 중앙값", "Median days from filing to answer",
                    optional: true),
                .init("deemed_answers", .integer, "기한 경과로 간주된 회신", "Answers deemed given when time ran out"),
            ]
        case .decisionStatistics:
            [
                .init("district_id", .text, "특구 식별자", "District identifier"),
                .init("outcome", .text, "판정(allowed, conditional, prohibited 등)", "Verdict"),
                .init("decisions", .integer, "판정 건수", "Decisions"),
            ]
        }
    }

    /// The file name a download is saved as.
    func fileName(_ format: String) -> String { "teukgu-\(rawValue).\(format)" }
}
