import Testing
import TeukguCore

@Suite struct ParameterTests {
    let catalog = ParameterCatalog.seed

    @Test func demonstrationExemptionValidityFollowsTheGrantDate() throws {
        #expect(try catalog.value("demonstrationExemption.validity", at: date("2024-08-06")) == .years(2))
        #expect(try catalog.value("demonstrationExemption.validity", at: date("2024-08-07")) == .years(4))
    }

    /// Law 21285 was promulgated on 2025-12-30 and is in force "six months after promulgation": the
    /// promulgation day is not counted and the six months end with 30 June (Framework Act on
    /// Administrative Affairs art. 7 items 2–3), so it applies to permits granted from 1 July.
    @Test func temporaryPermitValidityBecameThreeYearsForPermitsGrantedFromJuly1st2026() throws {
        #expect(try catalog.value("temporaryPermit.validity", at: date("2026-06-30")) == .years(2))
        #expect(try catalog.value("temporaryPermit.validity", at: date("2026-07-01")) == .years(3))
    }

    @Test func theReconsiderationRouteAndItsSixtyDaysStartWithLaw20236() throws {
        #expect(throws: ParameterError.self) {
            try catalog.value("demonstrationExemption.reconsideration", at: date("2024-08-06"))
        }
        #expect(try catalog.value("demonstrationExemption.reconsideration", at: date("2024-08-07")) == .days(60))
        #expect(try catalog.value("temporaryPermit.reconsideration", at: date("2024-08-07")) == .days(60))
    }

    @Test func postExpiryDataRequestsExistOnlyFromLaw21285() throws {
        #expect(try catalog.value("district.postMonitoring", at: date("2026-06-30")) == .years(0))
        #expect(try catalog.value("district.postMonitoring", at: date("2026-07-01")) == .years(2))
    }

    @Test func citationsNameTheArticlesOfTheText() throws {
        func article(_ key: String, _ day: String = "2026-11-30") throws -> String {
            try #require(catalog.parameters[key]).versions.first { $0.covers(date(day)) }?.citation.article ?? ""
        }
        #expect(try article("rapidConfirmation.answerPeriod") == "art. 85(4)")
        #expect(try article("rapidConfirmation.committeeReferral") == "art. 85(7)")
        #expect(try article("demonstrationExemption.reviewCap") == "art. 86(3)")
        #expect(try article("demonstrationExemption.validity") == "art. 86(10)")
        #expect(try article("demonstrationExemption.resultsReport") == "art. 87(11)")
        #expect(try article("demonstrationExemption.revisionRequestLead") == "art. 87(9)")
        #expect(try article("demonstrationExemption.revisionPlan") == "art. 87(6)")
        #expect(try article("temporaryPermit.reviewCap") == "art. 90(4)")
        #expect(try article("temporaryPermit.validity") == "art. 90(11)")
        #expect(try article("designation.publicNotice") == "art. 74(2)")
        #expect(try article("designation.ministryOpinion") == "art. 75(2)")
        #expect(try article("designation.decision") == "art. 44(1)")
        #expect(try article("designation.hearingNotice") == "art. 43(3)")
    }

    @Test func grantCapDroppedTo200MillionIn2024() throws {
        #expect(try catalog.money("collaboration.grantCap", at: date("2023-12-31")) == Money(won: 300_000_000))
        #expect(try catalog.money("collaboration.grantCap", at: date("2024-01-01")) == Money(won: 200_000_000))
    }

    @Test func aDateNoVersionCoversIsRefused() {
        #expect(throws: ParameterError.noVersionInForce(key: "temporaryPermit.validity", date: date("2018-01-01"))) {
            try catalog.value("temporaryPermit.validity", at: date("2018-01-01"))
        }
        #expect(throws: ParameterError.unknownParameter(key: "nope")) {
            try catalog.value("nope", at: date("2025-01-01"))
        }
    }

    @Test func aNewVersionClosesThePreviousOneAndNeverRewritesHistory() throws {
        let parameter = try catalog.parameter("rapidConfirmation.answerPeriod")
        let today = date("2026-11-28")
        let cite = Citation(law: "Regional Special Zones Act", article: "art. 85(3)")
        let updated = try parameter.addingVersion(
            value: .days(20), effectiveFrom: date("2027-01-01"), citation: cite, today: today)
        #expect(try updated.value(at: date("2026-12-31")) == .days(30))
        #expect(try updated.value(at: date("2027-01-01")) == .days(20))
        #expect(throws: ParameterError.retroactive(key: parameter.key, effectiveFrom: date("2026-01-01"), today: today))
        {
            try parameter.addingVersion(
                value: .days(20), effectiveFrom: date("2026-01-01"), citation: cite, today: today)
        }
        #expect(throws: ParameterError.unitMismatch(key: parameter.key, expected: "days", got: "won")) {
            try parameter.addingVersion(
                value: .won(Money(won: 1)), effectiveFrom: date("2027-01-01"), citation: cite, today: today)
        }
        #expect(throws: ParameterError.notAfterLatest(key: parameter.key, latest: date("2027-01-01"))) {
            try updated.addingVersion(value: .days(10), effectiveFrom: date("2027-01-01"), citation: cite, today: today)
        }
    }

    @Test func everySeededVersionHasACitation() {
        for parameter in catalog.parameters.values {
            #expect(!parameter.versions.isEmpty)
            for version in parameter.versions {
                #expect(!version.citation.law.isEmpty && !version.citation.article.isEmpty)
            }
        }
    }
}

/// "Within N years of founding", counted by the Civil Act arts. 157 and 160.
@Suite struct CompanyAgeTests {
    @Test func withinSevenYearsOfFoundingEndsOnTheSevenYearDay() {
        let eligibility = CollaborationEligibility(minimumAgeYears: 0, maximumAgeYears: 7, sectors: [])
        let founded = date("2021-03-15")
        #expect(eligibility.lastEligibleDay(foundedOn: founded) == date("2028-03-15"))
        #expect(eligibility.problems(foundedOn: founded, sector: "ai", on: date("2028-03-15")).isEmpty)
        #expect(!eligibility.problems(foundedOn: founded, sector: "ai", on: date("2028-03-16")).isEmpty)
    }

    @Test func aPeriodWithoutItsCorrespondingDayEndsWithTheMonth() {
        // Founded 28 Feb 2020: the period starts on 29 Feb; 2027 has no 29 Feb, so it ends on 28 Feb 2027.
        #expect(CollaborationEligibility.lastDayWithin(years: 7, of: date("2020-02-28")) == date("2027-02-28"))
        // Founded 29 Feb 2020: it starts on 1 March and ends the day before 1 March 2027.
        #expect(CollaborationEligibility.lastDayWithin(years: 7, of: date("2020-02-29")) == date("2027-02-28"))
    }

    @Test func tracksThatAdmitTenYearOldCompaniesUseTheirOwnLimit() {
        let tenYears = CollaborationEligibility(minimumAgeYears: 0, maximumAgeYears: 10, sectors: [])
        #expect(tenYears.problems(foundedOn: date("2016-06-01"), sector: "", on: date("2026-06-01")).isEmpty)
        #expect(!tenYears.problems(foundedOn: date("2016-06-01"), sector: "", on: date("2026-06-02")).isEmpty)
    }
}
