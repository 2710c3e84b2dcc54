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

        return [
            // Rapid regulatory confirmation.
            fixed(
                "rapidConfirmation.answerPeriod", "신속확인 회신 기간", "Rapid confirmation: answer period", .days(30), act,
                "art. 85(3)"),
            fixed(
                "rapidConfirmation.committeeReferral", "신속확인 이견 위원회 회부 기간",
                "Rapid confirmation: referral of conflicting answers", .days(30), act, "art. 85(5)"),
            // Demonstration exemption.
            fixed(
                "demonstrationExemption.reviewPeriod", "실증특례 검토 기간", "Demonstration exemption: ministry review",
                .days(30), act, "art. 86(3)"),
            fixed(
                "demonstrationExemption.reviewCap", "실증특례 검토 상한(보완 포함)",
                "Demonstration exemption: review cap with supplementation", .days(90), decree, "art. 57"),
            fixed(
                "demonstrationExemption.reviewExtension", "실증특례 검토 연장(1회)",
                "Demonstration exemption: one review extension", .days(30), decree, "art. 57"),
            changed(
                "demonstrationExemption.validity", "실증특례 유효기간", "Demonstration exemption: validity", act, "art. 90(1)",
                [(zonesActStart, .years(2)), (day("2024-08-07"), .years(4))]),
            changed(
                "demonstrationExemption.extension", "실증특례 연장(1회)", "Demonstration exemption: one extension", act,
                "art. 90(1)",
                [(zonesActStart, .years(2)), (day("2024-08-07"), .years(2))]),
            fixed(
                "demonstrationExemption.extensionLead", "실증특례 연장 신청 기한(만료 전)",
                "Demonstration exemption: apply for extension before expiry", .months(2), act, "art. 90(2)"),
            fixed(
                "demonstrationExemption.resultsReport", "실증특례 결과 보고(만료 후)",
                "Demonstration exemption: results report after expiry", .days(30), act, "art. 90(3)"),
            fixed(
                "demonstrationExemption.revisionRequestLead", "법령 정비 요청 기한(만료 전)",
                "Demonstration exemption: law-revision request before expiry", .months(2), act, "art. 90(4)"),
            fixed(
                "demonstrationExemption.revisionPlan", "법령 정비 계획 제출", "Demonstration exemption: ministry revision plan",
                .days(60), act, "art. 90(5)"),
            fixed(
                "demonstrationExemption.reconsideration", "재검토 신청 기한", "Refusal: reconsideration request", .days(60),
                act, "art. 86(8)"),
            // Temporary permit.
            fixed(
                "temporaryPermit.reviewPeriod", "임시허가 검토 기간", "Temporary permit: ministry review", .days(30), act,
                "art. 91(2)"),
            changed(
                "temporaryPermit.validity", "임시허가 유효기간", "Temporary permit: validity", act, "art. 91(5)",
                [(zonesActStart, .years(2)), (day("2026-06-30"), .years(3))]),
            fixed(
                "temporaryPermit.extension", "임시허가 연장(1회)", "Temporary permit: one extension", .years(2), act,
                "art. 91(5)"),
            // Liability insurance, Decree art. 60(3).
            fixed(
                "insurance.minimum.death", "책임보험 최저: 사망(1인당)", "Insurance minimum: death per person",
                .won(Money(won: 150_000_000)), decree, "art. 60(3)"),
            fixed(
                "insurance.minimum.deathFloor", "책임보험: 사망 최저 지급액", "Insurance: death floor payout",
                .won(Money(won: 20_000_000)), decree, "art. 60(3)"),
            fixed(
                "insurance.minimum.injury", "책임보험 최저: 부상(1인당)", "Insurance minimum: injury per person",
                .won(Money(won: 30_000_000)), decree, "art. 60(3)"),
            fixed(
                "insurance.minimum.disability", "책임보험 최저: 후유장애(1인당)",
                "Insurance minimum: permanent disability per person", .won(Money(won: 150_000_000)), decree,
                "art. 60(3)"),
            fixed(
                "insurance.minimum.property", "책임보험 최저: 재산(사고당)", "Insurance minimum: property per accident",
                .won(Money(won: 1_000_000_000)), decree, "art. 60(3)"),
            fixed(
                "insurance.renewalFiling", "연장 후 보험 갱신 제출", "Insurance: renewal filed after an extension", .days(30),
                decree, "art. 60(4)"),
            fixed("insurance.claimPayment", "손해배상 지급 기한", "Insurance: claims paid", .days(30), decree, "art. 60(6)"),
            fixed(
                "insurance.claimReport", "배상 결과 보고", "Insurance: claim outcome reported", .days(15), decree,
                "art. 60(7)"),
            // Designation.
            fixed(
                "designation.publicNotice", "특구계획 공고 기간", "Designation: public notice of the plan", .days(30), act,
                "art. 72(2)"),
            fixed(
                "designation.hearingNotice", "공청회 사전 공고", "Designation: public hearing announced ahead", .days(14),
                decree, "art. 43(2)"),
            fixed(
                "designation.ministryOpinion", "관계 부처 의견 회신", "Designation: ministries' opinions", .days(30), act,
                "art. 73(2)"),
            fixed(
                "designation.decision", "지정 여부 결정 기한", "Designation: ministry decision", .days(90), act, "art. 74(1)"),
            fixed("district.period", "특구 지정 기간", "District: designation period", .years(4), act, "art. 75(1)"),
            fixed("district.extension", "특구 지정 연장(1회)", "District: one extension", .years(2), act, "art. 75(2)"),
            fixed(
                "district.postMonitoring", "지정 종료 후 자료 요청 기간", "District: post-monitoring after expiry", .years(2), act,
                "art. 84(5)"),
            fixed(
                "districtEvaluation.excellentThreshold", "연차평가 우수 기준", "Annual evaluation: excellent from", .points(85),
                decree, "art. 54"),
            fixed(
                "districtEvaluation.poorThreshold", "연차평가 미흡 기준(미만)", "Annual evaluation: poor below", .points(60),
                decree, "art. 54"),
            // Collaboration programme.
            changed(
                "collaboration.grantCap", "글로벌 협업 지원 한도(기업당)", "Collaboration programme: grant cap per startup",
                "MSS programme notice", "call for applications",
                [(always, .won(Money(won: 300_000_000))), (day("2024-01-01"), .won(Money(won: 200_000_000)))]),
        ]
    }

    private static func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
}
