extension ParameterCatalog {
    /// The durations and amounts of ../shared/DOMAIN.md with their history and citations.
    ///
    /// Amendment numbers are left out where public sources did not settle them; the in-force dates are
    /// what selects a version, and they are stated in each note.
    public static let seed = ParameterCatalog(seedParameters)

    static var seedParameters: [Parameter] {
        let act = Citation.specialZonesAct
        let decree = Citation.specialZonesDecree
        let zonesActStart = day("2019-04-17")
        let always = day("2019-01-01")

        func fixed(
            _ key: String, _ ko: String, _ en: String, _ value: ParameterValue, _ law: String, _ article: String,
            from: CalendarDate = zonesActStart
        ) -> Parameter {
            Parameter(
                key: key, titleKorean: ko, titleEnglish: en,
                versions: [
                    ParameterVersion(
                        value: value, effectiveFrom: from,
                        citation: Citation(law: law, article: article, note: "in force \(from.iso)"))
                ])
        }

        func changed(
            _ key: String, _ ko: String, _ en: String, _ law: String, _ article: String,
            _ steps: [(CalendarDate, ParameterValue)]
        ) -> Parameter {
            let versions = steps.enumerated().map { index, step in
                ParameterVersion(
                    value: step.1,
                    effectiveFrom: step.0,
                    effectiveUntil: index + 1 < steps.count ? steps[index + 1].0 : nil,
                    citation: Citation(law: law, article: article, note: "in force \(step.0.iso)")
                )
            }
            return Parameter(key: key, titleKorean: ko, titleEnglish: en, versions: versions)
        }

        // The amending laws whose 부칙 set the dates below (consolidated text of Law 21381, 2026-02-19):
        // Law 20236 (promulgated 2024-02-06, in force six months later: 2024-08-07) and Law 21285
        // (promulgated 2025-12-30, in force six months later: 2026-07-01).
        let law20236 = day("2024-08-07")
        let law21285 = day("2026-07-01")
        return [
            // Rapid regulatory confirmation (Act art. 85).
            fixed(
                "rapidConfirmation.answerPeriod", "신속확인 회신 기간", "Rapid confirmation: answer period", .days(30), act,
                "art. 85(4)"),
            fixed(
                "rapidConfirmation.committeeReferral", "신속확인 이견 위원회 심의 기간",
                "Rapid confirmation: committee on conflicting answers", .days(30), act, "art. 85(7)"),
            // Demonstration exemption (Act arts. 86–87).
            fixed(
                "demonstrationExemption.reviewPeriod", "실증특례 검토 기간", "Demonstration exemption: ministry review",
                .days(30), act, "art. 86(3)"),
            fixed(
                "demonstrationExemption.reviewCap", "실증특례 검토 상한(보완 포함)",
                "Demonstration exemption: review cap with supplementation", .days(90), act, "art. 86(3)"),
            fixed(
                "demonstrationExemption.reviewExtension", "실증특례 검토 연장(1회)",
                "Demonstration exemption: one review extension", .days(30), act, "art. 86(3)"),
            // A maximum set at the grant, chosen by the grant date (부칙 of Law 20236 art. 3).
            changed(
                "demonstrationExemption.validity", "실증특례 유효기간(상한)", "Demonstration exemption: longest validity",
                act, "art. 86(10)",
                [(zonesActStart, .years(2)), (law20236, .years(4))]),
            changed(
                "demonstrationExemption.extension", "실증특례 연장(1회, 상한)", "Demonstration exemption: one extension",
                act, "art. 86(10)",
                [(zonesActStart, .years(2)), (law20236, .years(2))]),
            fixed(
                "demonstrationExemption.extensionLead", "실증특례 연장 신청 기한(만료 전)",
                "Demonstration exemption: apply for extension before expiry", .months(2), act, "art. 86(10)",
                from: law20236),
            fixed(
                "demonstrationExemption.resultsReport", "실증특례 결과 보고(만료 후)",
                "Demonstration exemption: results report after expiry", .days(30), act, "art. 87(11)"),
            fixed(
                "demonstrationExemption.revisionRequestLead", "법령 정비 요청 기한(만료 전)",
                "Demonstration exemption: law-revision request before expiry", .months(2), act, "art. 87(9)"),
            // Applies to results submitted from Law 20236's entry into force (its 부칙 art. 4).
            fixed(
                "demonstrationExemption.revisionPlan", "법령 정비 계획 제출(심의위원회 보고 후)",
                "Demonstration exemption: revision plan after the report to the committee", .days(60), act,
                "art. 87(6)", from: law20236),
            // The reconsideration route came with Law 20236; the 60 days are in the Decree.
            fixed(
                "demonstrationExemption.reconsideration", "실증특례 재심의 요청 기한",
                "Demonstration exemption: reconsideration request",
                .days(60), decree, "art. 57-3(2)", from: law20236),
            // Temporary permit (Act arts. 90–91).
            fixed(
                "temporaryPermit.reviewPeriod", "임시허가 검토 기간", "Temporary permit: ministry review", .days(30), act,
                "art. 90(4)"),
            fixed(
                "temporaryPermit.reviewCap", "임시허가 검토 상한(보완 포함)", "Temporary permit: review cap with supplementation",
                .days(90), act, "art. 90(4)"),
            fixed(
                "temporaryPermit.reviewExtension", "임시허가 검토 연장(1회)", "Temporary permit: one review extension",
                .days(30), act, "art. 90(4)"),
            // A maximum set at the grant, chosen by the grant date; 3 years from Law 21285.
            changed(
                "temporaryPermit.validity", "임시허가 유효기간(상한)", "Temporary permit: longest validity", act, "art. 90(11)",
                [(zonesActStart, .years(2)), (law21285, .years(3))]),
            fixed(
                "temporaryPermit.extension", "임시허가 연장(1회, 상한)", "Temporary permit: one extension", .years(2), act,
                "art. 90(11)"),
            fixed(
                "temporaryPermit.extensionLead", "임시허가 연장 신청 기한(만료 전)",
                "Temporary permit: apply for extension before expiry", .months(2), act, "art. 90(11)", from: law20236),
            fixed(
                "temporaryPermit.reconsideration", "임시허가 재심의 요청 기한", "Temporary permit: reconsideration request",
                .days(60), decree, "art. 64-3(2)", from: law20236),
            // Liability insurance (Act arts. 88(2), 90(15); Decree arts. 60 and 62).
            fixed(
                "insurance.minimum.death", "책임보험 최저: 사망(1인당)", "Insurance minimum: death per person",
                .won(Money(won: 150_000_000)), decree, "art. 60(3)1"),
            fixed(
                "insurance.minimum.deathFloor", "책임보험: 사망 최저 지급액", "Insurance: death floor payout",
                .won(Money(won: 20_000_000)), decree, "art. 60(3)1"),
            fixed(
                "insurance.minimum.injury", "책임보험 최저: 부상(1인당)", "Insurance minimum: injury per person",
                .won(Money(won: 30_000_000)), decree, "art. 60(3)2"),
            fixed(
                "insurance.minimum.disability", "책임보험 최저: 후유장애(1인당)",
                "Insurance minimum: permanent disability per person", .won(Money(won: 150_000_000)), decree,
                "art. 60(3)3"),
            fixed(
                "insurance.minimum.property", "책임보험 최저: 재물(사고당)", "Insurance minimum: property per accident",
                .won(Money(won: 1_000_000_000)), decree, "art. 60(3)4"),
            fixed(
                "insurance.renewalFiling", "갱신 보험증서 제출(갱신 후)", "Insurance: renewed policy filed after renewal",
                .days(30), decree, "art. 60(2)"),
            fixed(
                "insurance.claimPayment", "손해배상 기한(미가입 시)", "Insurance: uninsured operator pays a claim",
                .days(30), decree, "art. 62(3)"),
            fixed(
                "insurance.claimReport", "배상 결과 보고", "Insurance: claim outcome reported", .days(15), decree,
                "art. 62(5)"),
            // Designation (Act arts. 72–75; Decree arts. 42–44).
            fixed(
                "designation.publicNotice", "특구계획 공고 기간", "Designation: public notice of the plan", .days(30), act,
                "art. 74(2)"),
            fixed(
                "designation.hearingNotice", "공청회 사전 공고", "Designation: public hearing announced ahead", .days(14),
                decree, "art. 43(3)"),
            fixed(
                "designation.ministryOpinion", "관계 부처 의견 회신", "Designation: ministries' opinions", .days(30), act,
                "art. 75(2)"),
            fixed(
                "designation.decision", "지정 여부 결정 기한", "Designation: ministry decision", .days(90), decree,
                "art. 44(1)"),
            // The statute sets no term: the designated plan does (Decree art. 42(3)1). These are the global
            // innovation special district calls' defaults, used when a plan or call names none.
            fixed(
                "district.period", "특구 지정 기간(공모 기본값)", "District: designation period (call default)", .years(4),
                "GID call policy", "default; the plan sets the term (Decree art. 42(3)1)"),
            fixed(
                "district.extension", "특구 지정 연장(1회, 공모 기본값)", "District: one extension (call default)", .years(2),
                "GID call policy", "default; the plan sets the term (Decree art. 42(3)1)"),
            // No data requests after the end until Law 21285 (Act art. 84(2)); two years since (Decree art. 55(3)).
            changed(
                "district.postMonitoring", "지정 종료 후 자료 요청 기간", "District: data requests after the end", act,
                "art. 84(2); Decree art. 55(3)",
                [(zonesActStart, .years(0)), (law21285, .years(2))]),
            // The Decree sets criteria (art. 54) but no grades or thresholds: programme policy, unconfirmed.
            fixed(
                "districtEvaluation.excellentThreshold", "연차평가 우수 기준", "Annual evaluation: excellent from", .points(85),
                "MSS programme policy", "unconfirmed; configuration"),
            fixed(
                "districtEvaluation.poorThreshold", "연차평가 미흡 기준(미만)", "Annual evaluation: poor below", .points(60),
                "MSS programme policy", "unconfirmed; configuration"),
            // Collaboration programme.
            changed(
                "collaboration.grantCap", "글로벌 협업 지원 한도(기업당)", "Collaboration programme: grant cap per startup",
                "MSS programme notice", "call for applications",
                [(always, .won(Money(won: 300_000_000))), (day("2024-01-01"), .won(Money(won: 200_000_000)))]),
            // The public sources state no period for paying back clawed-back grant money: the
            // agreement sets it, so it is configuration until a notice says otherwise.
            fixed(
                "grant.clawbackPeriod", "환수금 납부 기한", "Grant: period to pay back a clawback", .days(30),
                "MSS programme policy", "unconfirmed; configuration (the agreement's terms)"),
        ]
    }

    private static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
}
