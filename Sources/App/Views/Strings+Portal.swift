extension Strings {
    /// The public portal, open data, the ministry's dashboard and staff search.
    static let portalEntries: [String: (String, String)] = [
        "portal.openData": ("공공데이터", "Open data"),
        "portal.collaborationResults": ("연도·트랙별 협업 결과", "Collaboration results by year and track"),
        "portal.sandboxStatistics": ("규제특례 사건 통계", "Sandbox case statistics"),
        "portal.dashboard": ("부처 현황판", "Ministry dashboard"),
        "portal.search": ("기록 검색", "Search records"),
        "portal.mapTitle": (
            "전국 17개 시·도와 글로벌혁신특구: 색칠된 칸이 특구가 있는 시·도입니다",
            "Korea's 17 regions and their global innovation special districts: filled tiles have districts"
        ),
        "portal.districtsWord": ("개 특구", "districts"),
        "portal.districtsProgramme": ("글로벌혁신특구", "Global innovation special districts"),
        "portal.districtsExplained": (
            "시·도가 특구 계획을 내면 중소벤처기업부가 평가해 글로벌혁신특구로 지정합니다. 특구 안에서는 금지 목록(네거티브 리스트)에 오른 일만 아니면 무엇이든 해 볼 수 있고, 목록에 있는 일도 허가·인증·책임보험 같은 조건을 갖추면 할 수 있는 경우가 많습니다. ‘여기서 해도 되나요?’에서 근거 조문과 함께 바로 답을 받으세요.",
            "Regions propose a plan; the Ministry of SMEs and Startups evaluates it and designates a global innovation special district. Inside a district you may try anything that is not on its negative list, and much of what is listed becomes possible with conditions such as a permit, a certification or liability insurance. Ask “May I do this here?” for an answer with the articles behind it."
        ),
        "portal.sandboxExplained": (
            "답이 분명하지 않거나 규제가 가로막으면 기업이 규제 신속확인, 실증을 위한 특례, 임시허가를 신청합니다. 법이 정한 회신 기한을 Teukgu가 지키고, 기한 안에 답이 없으면 법에 따라 회신한 것으로 봅니다.",
            "Where the answer is unclear or a rule stands in the way, a company files a case: a rapid confirmation, a demonstration exemption or a temporary permit. The law sets how long each answer may take; Teukgu keeps that clock, and an answer that does not come in time is deemed given as the law says."
        ),
        "portal.collaborationProgramme": ("글로벌 기업 협업 프로그램", "Global corporate collaboration programme"),
        "portal.collaborationExplained": (
            "스타트업이 구글, 엔비디아, 마이크로소프트, AWS 같은 글로벌 기업과 함께 운영하는 트랙에 지원합니다. 선정된 스타트업은 협업 기업의 기술 지원과 멘토링을 받고, 협약에 따라 지원금을 단계별로 받습니다.",
            "Startups apply to tracks run with global companies such as Google, NVIDIA, Microsoft and AWS. Those selected work with the partner, with its technology and mentoring, and receive a grant in instalments under an agreement."
        ),
        "portal.collaborationCap": ("이번 공모의 지원 한도는 기업당 {cap}입니다.", "This call's grant is at most {cap} per startup."),
        "portal.collaborationSteps": (
            "공모 → 서면·발표 평가 → 선정과 매칭 → 협약 → 마일스톤 보고와 지급 → 정산. 연도와 트랙별 선정 결과와 지원금은 누구나 볼 수 있습니다.",
            "Call → written and presentation evaluation → selection and matching → agreement → milestone reports and payments → settlement. Who was selected in each year and track, and the amounts awarded, are public."
        ),
        "tpl.portal.mapCaption": (
            "칸을 누르면 그 시·도의 특구로 갑니다. 같은 내용을 옆 표에 적었습니다.",
            "Select a tile to go to the region's districts. The table beside it says the same."
        ),
        "tpl.portal.mapTable": ("특구가 있는 시·도", "Regions with districts"),
        "tpl.portal.districtsLead": (
            "지정된 글로벌혁신특구와 지정 차수별 공모 결과입니다.",
            "The designated global innovation special districts, and each designation round's call."
        ),
        "tpl.portal.allDistricts": ("모든 특구", "Every district"),
        "tpl.portal.callPublished": ("공모 공고일", "Call published"),
        "tpl.portal.callsAndResults": ("특구 지정 공모와 결과", "Designation calls and results"),
        "portal.area": ("%g ㎢", "%g km²"),
        "tpl.portal.whatFor": ("무엇을 하는 특구인가", "What the district is for"),
        "tpl.portal.area": ("면적", "Area"),
        "tpl.portal.budget": ("사업 예산", "Budget"),
        "tpl.portal.illustrative": (
            "일부 수치는 공개 자료로 확인되지 않은 예시입니다.", "Some figures are illustrative: public sources do not confirm them."
        ),
        "tpl.portal.negativeList": ("이 특구의 금지 목록과 특례(요약)", "This district's negative list and exemptions, in brief"),
        "tpl.portal.negativeListLead": (
            "여기 없는 일은 특구 안에서 허용됩니다. 조건과 근거 조문은 전체 목록에서 볼 수 있습니다.",
            "What is not listed here is allowed in the district. The full list gives each condition and the articles behind it."
        ),
        "tpl.portal.mayIDoThis": ("여기서 해도 되나요? 확인하기", "May I do this here? Check"),
        "tpl.portal.targets": ("성과 목표", "Targets"),
        "tpl.portal.target": ("목표", "Target"),
        "tpl.portal.unit": ("단위", "Unit"),
        "tpl.portal.indicator": ("지표", "Indicator"),
        "portal.awardedChart": ("%d년 트랙별 지원금(백만 원)", "Awards by track in %d (million won)"),
        "portal.millionWon": ("%d백만 원", "KRW %d m"),
        "portal.days": ("{n}일", "{n} days"),
        "portal.casesChart": ("사건 종류·결과별 건수", "Cases by type and outcome"),
        "portal.daysChart": ("사건 종류별 회신까지 걸린 일수의 중앙값", "Median days to an answer by case type"),
        "portal.outcome.open": ("진행 중", "Open"),
        "portal.outcome.no-permit-needed": ("허가 불필요 회신", "No permit needed"),
        "portal.outcome.deemed-no-permit-needed": ("허가 불필요로 간주", "Deemed: no permit needed"),
        "portal.outcome.permit-needed": ("허가 필요 회신", "Permit needed"),
        "portal.outcome.granted": ("특례·임시허가 부여", "Granted"),
        "portal.outcome.refused": ("거부", "Refused"),
        "portal.outcome.cancelled": ("취소", "Cancelled"),
        "portal.outcome.withdrawn": ("철회", "Withdrawn"),
        "tpl.portal.resultsLead": (
            "연도마다 참여한 글로벌 기업, 트랙별 선정 스타트업과 체결된 협약의 지원금입니다.",
            "Each year's global partners, the startups selected in each track and the grants awarded under signed agreements."
        ),
        "tpl.portal.year": ("연도", "Year"),
        "tpl.portal.partnersListed": ("참여 글로벌 기업", "Partners taking part"),
        "tpl.portal.startupsSelected": ("선정 스타트업", "Startups selected"),
        "tpl.portal.amountsAwarded": ("협약 지원금", "Amounts awarded"),
        "tpl.portal.byTrack": ("트랙별", "By track"),
        "tpl.portal.partner": ("글로벌 기업", "Partner"),
        "tpl.portal.track": ("트랙", "Track"),
        "tpl.portal.places": ("모집 규모", "Places"),
        "tpl.portal.agreements": ("협약 수", "Agreements"),
        "tpl.portal.awardedByTrack": ("트랙별 지원금", "Amounts awarded by track"),
        "tpl.portal.chartTableNote": ("같은 수치를 위 표에 적었습니다.", "The table above gives the same figures."),
        "tpl.portal.source": ("출처", "Source"),
        "tpl.portal.awardsData": ("지원 협약 자료", "awards dataset"),
        "tpl.portal.sandboxLead": (
            "규제 신속확인, 실증을 위한 특례, 임시허가 사건을 종류와 결과별로 센 것입니다. 개별 사건과 기업은 공개하지 않습니다.",
            "Rapid confirmations, demonstration exemptions and temporary permits counted by type and outcome. No single case or company is shown."
        ),
        "tpl.portal.noCasesYet": ("아직 접수된 사건이 없습니다.", "No cases have been filed yet."),
        "tpl.portal.byType": ("사건 종류별", "By case type"),
        "tpl.portal.caseType": ("사건 종류", "Case type"),
        "tpl.portal.cases": ("건수", "Cases"),
        "tpl.portal.answered": ("회신", "Answered"),
        "tpl.portal.medianDays": ("회신까지 일수(중앙값)", "Median days to answer"),
        "tpl.portal.deemed": ("간주 회신", "Deemed answers"),
        "tpl.portal.basis": ("근거", "Basis"),
        "tpl.portal.outcome": ("결과", "Outcome"),
        "tpl.portal.casesByOutcome": ("결과별 건수", "Cases by outcome"),
        "tpl.portal.sandboxNote": (
            "일수는 접수일부터 회신일까지의 달력 일수입니다. 간주 회신은 법정 기한 안에 회신이 없어 허가가 필요 없는 것으로 본 사건입니다.",
            "Days are calendar days from filing to answer. A deemed answer is a case where no answer came within the legal period, so no permit is needed as the law provides."
        ),
        "dashboard.step.decision": ("지정 결정 기한", "decision due"),
        "dashboard.step.step": ("단계 기한", "step due"),
        "dashboard.source.procedure": ("지정 절차", "Designation procedures"),
        "dashboard.source.sandbox-case": ("규제특례 사건", "Sandbox cases"),
        "dashboard.source.instalment": ("협약 마일스톤", "Grant milestones"),
        "dashboard.source.clawback": ("환수금 납부", "Clawbacks"),
        "dashboard.source.call": ("공모 마감", "Calls closing"),
        "dashboard.stage.draft": ("작성 중", "Draft"),
        "dashboard.stage.submitted": ("접수", "Submitted"),
        "dashboard.stage.evaluating": ("평가 통과 중", "Passing evaluation"),
        "dashboard.stage.candidate": ("후보", "Candidate"),
        "dashboard.stage.selected": ("선정", "Selected"),
        "dashboard.stage.not-selected": ("미선정", "Not selected"),
        "dashboard.stage.withdrawn": ("철회", "Withdrawn"),
        "dashboard.designationChart": ("시·도별 특구 지정 신청 단계", "Designation applications by region and stage"),
        "dashboard.collaborationChart": ("공모별 협업 프로그램 신청 단계", "Collaboration applications by call and stage"),
        "dashboard.paid": ("지급", "Paid"),
        "dashboard.committedUnpaid": ("확정·미지급", "Committed, not paid"),
        "dashboard.available": ("가용", "Available"),
        "dashboard.moneyChart": (
            "공모별 예산(백만 원): 지급, 확정·미지급, 가용", "Budget per call (million won): paid, committed not paid, available"
        ),
        "dashboard.targetChart": ("특구 성과지표 달성률(최근 자체평가)", "Districts' targets reached (latest self-evaluation)"),
        "dashboard.notReported": ("보고 전", "Not reported"),
        "tpl.dashboard.lead": (
            "모든 사업의 기한, 신청 현황, 예산, 특구 성과를 한 화면에 모았습니다. 차트마다 같은 수치를 표로 함께 보여 줍니다.",
            "Every programme's deadlines, applications, money and district targets on one page. Each chart has its table."
        ),
        "tpl.dashboard.deadlines": ("기한: 경과와 임박", "Deadlines: overdue and due soon"),
        "tpl.dashboard.deadlineCounts": ("종류별 기한 수", "Deadlines by kind"),
        "tpl.dashboard.source": ("종류", "Kind"),
        "tpl.dashboard.overdue": ("기한 경과", "Overdue"),
        "dashboard.dueWithin": ("%d일 안에 도래", "Due within %d days"),
        "tpl.dashboard.nothingDue": ("기한이 지났거나 다가오는 일이 없습니다.", "Nothing is overdue or due soon."),
        "tpl.dashboard.due": ("기한", "Due"),
        "tpl.dashboard.what": ("대상", "What"),
        "tpl.dashboard.when": ("남은 기간", "When"),
        "tpl.dashboard.applications": ("신청 현황", "Applications"),
        "tpl.dashboard.designationByRegion": ("특구 지정: 시·도와 단계별", "District designation: by region and stage"),
        "tpl.dashboard.noApplications": ("진행 중인 공모에 신청이 없습니다.", "No applications in running calls."),
        "tpl.dashboard.total": ("합계", "Total"),
        "tpl.dashboard.collaborationByCall": ("협업 프로그램: 공모와 단계별", "Collaboration programme: by call and stage"),
        "tpl.dashboard.call": ("공모", "Call"),
        "tpl.dashboard.budgets": ("예산: 공모와 트랙별 확정·지급·가용", "Budgets: committed, paid and available per call and track"),
        "tpl.dashboard.callOrTrack": ("공모 / 트랙", "Call / track"),
        "tpl.dashboard.targets": ("특구 성과지표", "District targets"),
        "tpl.dashboard.reported": ("최근 실적", "Latest reported"),
        "tpl.dashboard.reached": ("달성률", "Reached"),
        "search.kind.designation-application": ("특구 지정 신청", "Designation applications"),
        "search.kind.collaboration-application": ("협업 프로그램 신청", "Collaboration applications"),
        "search.kind.sandbox-case": ("규제특례 사건", "Sandbox cases"),
        "search.kind.agreement": ("협약", "Grant agreements"),
        "search.kind.district": ("특구", "Districts"),
        "tpl.search.lead": (
            "이름, 사업자등록번호, 접수번호로 찾습니다. 볼 수 있는 기록만 나옵니다.",
            "Find records by name, business registration number or receipt number. Only records you may see are shown."
        ),
        "tpl.search.term": ("검색어", "Search for"),
        "tpl.search.search": ("찾기", "Search"),
        "tpl.search.scope": ("찾는 범위", "Searches"),
        "tpl.search.tooShort": ("두 글자 이상 입력하세요.", "Type at least two characters."),
        "tpl.search.found": ("찾은 기록:", "Records found:"),
        "tpl.openData.lead": (
            "Teukgu가 공개하는 모든 자료입니다. 열 이름은 바뀌지 않으며, 개인정보는 담지 않습니다.",
            "Everything Teukgu publishes. Column names do not change, and no file holds personal information."
        ),
        "tpl.openData.schema": ("열 설명", "Columns"),
        "tpl.openData.caching": (
            "파일마다 ETag와 Last-Modified를 보냅니다. If-None-Match 또는 If-Modified-Since로 다시 요청하면 바뀌지 않은 파일은 304로 답합니다.",
            "Each file carries an ETag and Last-Modified; ask again with If-None-Match or If-Modified-Since and an unchanged file answers 304."
        ),
        "tpl.openData.downloadCsv": ("CSV 내려받기", "Download CSV"),
        "tpl.openData.downloadJson": ("JSON 내려받기", "Download JSON"),
        "tpl.openData.columns": ("열", "Columns"),
        "tpl.openData.column": ("열 이름", "Column"),
        "tpl.openData.type": ("형식", "Type"),
        "tpl.openData.required": ("항상 값 있음", "Always present"),
        "tpl.openData.meaning": ("뜻", "Meaning"),
        "tpl.openData.preview": ("미리 보기", "Preview"),
        "tpl.openData.rows": ("행", "rows"),
    ]
}
