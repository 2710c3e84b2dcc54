/// Request bodies written out by hand for the operations people call first, where an example
/// made from the schema alone would not say enough (which rule, which units, which stage).
/// `OpenAPIBodiesTests` decodes each with the handler's type, and sends those that need no
/// existing record to a running server, which must accept them.
enum APIExamples {
    static let requests: [String: String] = [
        Endpoints.apiLegalClock.key: """
        {"start": "2026-12-01", "length": {"days": 30}, "rule": "civil-act", \
        "pauses": [{"from": "2026-12-10", "to": "2026-12-14"}], "asOf": "2026-12-20"}
        """,
        Endpoints.apiRegulationCheck.key: """
        {"district": "busan-marine-mobility", "asOf": "2026-11-30", "facts": {"activity.kind": \
        "autonomous-vessel-trial", "activity.crewOnboard": 0, "site.zone": "test-north", \
        "company.isZoneOperator": true}}
        """,
        Endpoints.apiLogin.key: """
        {"email": "startup@example.kr", "password": "a long pass phrase"}
        """,
        Endpoints.apiCreateToken.key: """
        {"name": "Nightly export"}
        """,
        Endpoints.apiFileSandboxCase.key: """
        {"kind": "rapid-confirmation", "districtID": "busan-marine-mobility", \
        "title": "Autonomous harbour shuttle", "activity": "An uncrewed electric shuttle between two piers \
        inside the test zone, carrying up to 12 passengers.", \
        "question": "Does the Ship Officers Act's crewing rule apply to an uncrewed vessel on this route?"}
        """,
        Endpoints.apiAddHoliday.key: """
        {"date": "2027-06-03", "nameKorean": "임시공휴일", "nameEnglish": "Temporary holiday", "kind": "one-off"}
        """,
        Endpoints.apiOpenCall.key: """
        {"round": 5, "title": "제5차 글로벌혁신특구 지정 공모", "titleEnglish": "Round 5 designation call", \
        "opensAt": "2027-01-04T09:00:00+09:00", "closesAt": "2027-02-26T18:00:00+09:00", "cap": 3, \
        "localGovernmentsEligible": true, "balance": {"maxPerRegion": 1, "preferRegionsWithoutDistrict": true}, \
        "stages": [{"id": "written", "titleKorean": "서면평가", "titleEnglish": "Written", "passThreshold": 60, \
        "advanceCount": 6, "criteria": [{"id": "plan", "titleKorean": "계획", "titleEnglish": "Plan", \
        "weight": 60}, {"id": "impact", "titleKorean": "효과", "titleEnglish": "Impact", "weight": 40}]}, \
        {"id": "presentation", "titleKorean": "발표평가", "titleEnglish": "Presentation", "passThreshold": 60, \
        "criteria": [{"id": "readiness", "titleKorean": "준비도", "titleEnglish": "Readiness", "weight": 100}]}]}
        """,
        Endpoints.apiGrantInstalmentEvent.key: """
        {"event": "pay", "amountWon": 60000000}
        """,
        Endpoints.apiGrantAgreementEvent.key: """
        {"event": "sign"}
        """,
        Endpoints.apiCreateCollaborationApplication.key: """
        {"choices": ["3f2b8a6e-0c4e-4a8e-9b1d-2a7c5e9f0d14"], "plan": "A vision model for harbour \
        inspection, trained on partner GPUs and piloted with two port operators.", "requestedWon": 150000000}
        """,
    ]
}
