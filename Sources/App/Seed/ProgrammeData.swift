// A copy of ../shared/data/programme.yaml, kept in the repository so that a fresh clone seeds by itself.
enum ProgrammeData {
    static let yaml = #"""
        # Facts for seeding and demos. Public sources (Ministry press material, news, statute text);
        # "unconfirmed: true" marks what public sources did not settle.
        regions:   # the 17 metropolitan/provincial governments; capital: excluded from district calls
          - {id: seoul, ko: 서울특별시, en: Seoul, capital: true}
          - {id: busan, ko: 부산광역시, en: Busan, capital: false}
          - {id: daegu, ko: 대구광역시, en: Daegu, capital: false}
          - {id: incheon, ko: 인천광역시, en: Incheon, capital: true}
          - {id: gwangju, ko: 광주광역시, en: Gwangju, capital: false}
          - {id: daejeon, ko: 대전광역시, en: Daejeon, capital: false}
          - {id: ulsan, ko: 울산광역시, en: Ulsan, capital: false}
          - {id: sejong, ko: 세종특별자치시, en: Sejong, capital: false}
          - {id: gyeonggi, ko: 경기도, en: Gyeonggi, capital: true}
          - {id: gangwon, ko: 강원특별자치도, en: Gangwon, capital: false}
          - {id: chungbuk, ko: 충청북도, en: North Chungcheong, capital: false}
          - {id: chungnam, ko: 충청남도, en: South Chungcheong, capital: false}
          - {id: jeonbuk, ko: 전북특별자치도, en: Jeonbuk, capital: false}
          - {id: jeonnam, ko: 전라남도, en: South Jeolla, capital: false}
          - {id: gyeongbuk, ko: 경상북도, en: North Gyeongsang, capital: false}
          - {id: gyeongnam, ko: 경상남도, en: South Gyeongsang, capital: false}
          - {id: jeju, ko: 제주특별자치도, en: Jeju, capital: false}

        district_rounds:
          - round: 1
            call_published: 2023-05-31
            applications: {governments: 14, projects: 18}
            written_evaluation: {passed: 8, regions: [busan, daegu, daejeon, ulsan, gangwon, jeonnam, gyeongbuk, chungbuk]}
            presentation_evaluation: 2023-12-27
            candidates_announced: 2023-12-28
            special_zone_committee: 2024-04-30
            gazette: 2024-05-29
          - round: 2
            call_published: 2024-07-01
            eligibility_note: city/county/district governments may apply too; zone operators recruited publicly
            applications: {governments: 7, projects: 9}
            written_evaluation: {passed: 6, decided: 2024-12-04}
            candidates_announced: 2024-12-08
            special_zone_committee: 2025-05-21

        districts:
          - {id: busan-marine-mobility, region: busan, round: 1, ko: 부산 차세대 해양모빌리티, en: Busan next-generation marine mobility,
             starts: 2024-06-01, ends: 2028-05-31, notes: "ammonia-hydrogen propulsion, onboard CO2 capture, autonomous ships; ~20 zone operators"}
          - {id: gangwon-ai-healthcare, region: gangwon, round: 1, ko: 강원 AI 헬스케어, en: Gangwon AI healthcare,
             starts: 2024-06-01, ends: 2028-05-31, area_km2: 16875, budget_krw: 12600000000,
             notes: "decentralised clinical trials, remote nurse-doctor care, national health-check data"}
          - {id: chungbuk-regenerative-bio, region: chungbuk, round: 1, ko: 충북 첨단재생바이오, en: Chungbuk advanced regenerative bio,
             starts: 2024-06-01, ends: 2028-05-31, area_km2: 941, budget_krw: 50000000000, unconfirmed: true,
             notes: "Osong cluster; regenerative-medicine trials; shared cell-processing facility"}
          - {id: jeonnam-dc-energy, region: jeonnam, round: 1, ko: 전남 에너지신산업(직류), en: Jeonnam DC power and new energy,
             starts: 2024-06-01, ends: 2028-05-31, area_km2: 12.1, budget_krw: 100200000000,
             notes: "DC distribution at 35 kV, 5 kV, 1.5 kV in Naju; certification with UL Solutions"}
          - {id: daegu-ai-robots, region: daegu, round: 2, ko: 대구 AI 로봇, en: Daegu AI robots,
             starts: 2025-06-01, ends: 2029-05-31, unconfirmed: true,
             notes: "personal data collected by autonomous robots for research; road demonstrations"}
          - {id: gyeongnam-satellites, region: gyeongnam, round: 2, ko: 경남 차세대 첨단위성, en: Gyeongnam next-generation satellites,
             starts: 2025-06-01, ends: 2029-05-31, unconfirmed: true,
             notes: "private satellite development and space-environment testing"}
          - {id: daejeon-synthetic-bio, region: daejeon, round: 2, ko: 대전 합성생물학 기반 첨단바이오제조, en: Daejeon synthetic-biology biomanufacturing,
             starts: 2025-06-01, ends: 2029-12-31, budget_krw: 27200000000,
             notes: "simplified LMO risk review; bio-foundry"}

        insurance_minimums_krw:   # Enforcement Decree art. 60(3)
          death_per_person: 150000000
          death_floor_payout: 20000000
          injury_per_person: 30000000
          disability_per_person: 150000000
          property_per_accident: 1000000000

        collaboration_programme:
          grant_cap_krw: [{until: 2023-12-31, value: 300000000}, {from: 2024-01-01, value: 200000000}]
          years:
            - {year: 2019, partners: [Google Play], startups: 60, note: "track 창구 (Changgu)",
               source: "MSS 2019 programme: Google Play's 창구 (Changgu) track only"}
            - {year: 2021, partners_count: 6, startups: 200, source: "MSS 2021 figures: six partners (names not listed here)"}
            - {year: 2023, partners_count: 9, source: "MSS 2023 figures: nine partners (names not listed here)"}
            - {year: 2024, startups: 305, budget_krw: 43000000000,
               partners: [Google, NVIDIA, Microsoft, AWS, Dassault Systèmes, Ansys, Siemens, Oracle, IBM, Intel, OpenAI],
               source: "MSS 2024 programme announcement: eleven partners, 305 startups"}
            - {year: 2025, startups_planned: 364, tracks: 14, partners_count: 13, name: "Around X",
               partners_added: [Thales, L'Oréal Korea, Air Liquide], partners_continued: [Ansys],
               source: "MSS 2025 'Around X' announcement: 13 partners in 14 tracks; Thales, L'Oréal Korea and Air Liquide added",
               continued_source: "press reports: Ansys continued, adding an aerospace track",
               note: "which 2024 partner left is not in the sources: the rest of 2024 is carried over as assumed"}
          partner_aliases: {Google Play: Google}
          known_tracks: {Google Play: 창구, NVIDIA: N&UP (엔업), Dassault Systèmes: 다온다, Microsoft: 마중, IBM: I-Start}
          openai_2024_funnel: [220, 40, 14]
          unconfirmed: [self-contribution ratio, instalment schedule, per-track scoring weights]
        """#
}
