import Testing
import TeukguCore

/// Every citation Teukgu makes of the Act or the Decree names an article and paragraph the text has.
@Suite struct StatuteIndexTests {
    let index = StatuteIndex.seed
    let act = "Regional Special Zones Act"
    let decree = "Regional Special Zones Act Enforcement Decree"

    @Test func citationsOfMissingArticlesOrParagraphsAreCaught() {
        #expect(index.check(law: act, article: "art. 85(4)") == .valid)
        #expect(
            index.check(law: act, article: "art. 85(10)")
                == .unknownArticle("\(act) art. 85 has 9 paragraph(s), not (10)"))
        #expect(index.check(law: act, article: "art. 74-3") == .unknownArticle("\(act) has no art. 74-3"))
        #expect(index.check(law: decree, article: "art. 57-3(2)") == .valid)
        #expect(index.check(law: act, article: "art. 74(2); Decree art. 43(3)") == .valid)
        #expect(index.check(law: act, article: "art. 75(2); Decree art. 44(4)") == .valid)
        #expect(index.check(law: act, article: "art. 75(2); Decree art. 44(5)") != .valid)
    }

    @Test func listsRangesAndContinuationsAreRead() {
        #expect(index.check(law: act, article: "arts. 75(3), 77–78; Decree art. 47(7)") == .valid)
        #expect(index.check(law: act, article: "art. 75(1)–(2)") == .valid)
        #expect(index.check(law: act, article: "art. 75(3), (5)") == .valid)
        #expect(index.check(law: act, article: "art. 75(3), (7)") != .valid)
        #expect(index.check(law: decree, article: "art. 60(3)4") == .valid)
    }

    @Test func theOtherLawsTheRulebooksCiteAreCheckedOverTheArticlesRead() {
        let space = "Space Liability Act"
        let lmo = "Act on Transboundary Movements of Living Modified Organisms"
        let regenerative = "Advanced Regenerative Medicine and Advanced Biological Products Act"
        #expect(index.check(law: space, article: "art. 6") == .valid)
        #expect(index.check(law: space, article: "art. 6(2)") == .valid)
        #expect(index.check(law: space, article: "art. 6(3)") != .valid)
        #expect(index.check(law: lmo, article: "art. 22(7)") == .valid)
        #expect(index.check(law: lmo, article: "art. 22(8)") != .valid)
        #expect(index.check(law: lmo, article: "art. 22-4(4)") == .valid)
        #expect(index.check(law: lmo, article: "art. 22-5") != .valid)
        #expect(index.check(law: regenerative, article: "art. 12(3)") == .valid)
        #expect(index.check(law: regenerative, article: "art. 15(7)") != .valid)
        #expect(index.check(law: lmo, article: "art. 8(6)") == .valid)
        #expect(index.check(law: lmo, article: "art. 8(7)") != .valid)
        if case .notIndexed = index.check(law: lmo, article: "art. 9") {
        } else {
            Issue.record("an LMO Act article outside the part read was judged")
        }
    }

    @Test func dataMaritimeRoadProductAndChemicalsLawsAreChecked() {
        let privacy = "Personal Information Protection Act"
        #expect(index.check(law: privacy, article: "art. 28-2") == .valid)
        #expect(index.check(law: privacy, article: "art. 25-2") == .valid)
        #expect(index.check(law: privacy, article: "art. 23(3)") == .valid)
        #expect(index.check(law: privacy, article: "art. 23(4)") != .valid)
        #expect(index.check(law: privacy, article: "art. 28-6") == .unknownArticle("\(privacy) has no art. 28-6"))
        #expect(index.check(law: "Road Traffic Act", article: "art. 8-2") == .valid)
        #expect(index.check(law: "Road Traffic Act", article: "art. 8-3") != .valid)
        #expect(index.check(law: "Ship Officers Act", article: "art. 11(3)") != .valid)
        #expect(index.check(law: "Chemicals Control Act", article: "art. 24(7)") == .valid)
        let robots = "Intelligent Robots Development and Distribution Promotion Act"
        #expect(index.check(law: robots, article: "art. 40-2") == .valid)
        #expect(index.check(law: robots, article: "art. 40-5") != .valid)
        #expect(index.check(law: "Medical Service Act", article: "art. 33(1)") == .valid)
        #expect(index.check(law: "Medical Service Act", article: "art. 34(5)") != .valid)
        #expect(index.check(law: "Radio Waves Act", article: "art. 19-2") == .valid)
        #expect(index.check(law: "Electric Utility Act", article: "art. 67(4)") != .valid)
        #expect(index.check(law: "Pharmaceutical Affairs Act", article: "art. 34(3)") == .valid)
        #expect(index.check(law: "Pharmaceutical Affairs Act", article: "art. 34(8)") != .valid)
        #expect(index.check(law: "Pharmaceutical Affairs Act", article: "art. 34-6(3)") == .valid)
        #expect(index.check(law: "Pharmaceutical Affairs Act", article: "art. 34-7") != .valid)
    }

    /// Read from the current texts (Law Nos. 21065, 20878 and 20674): the germline ban is art. 47(5)
    /// since Law No. 17783; arts. 29 and 31 of the Narcotics Control Act are deleted.
    @Test func bioethicsNarcoticsAndSpaceDevelopmentActsAreChecked() {
        let bioethics = "Bioethics and Safety Act"
        #expect(index.check(law: bioethics, article: "art. 47(5)") == .valid)
        #expect(index.check(law: bioethics, article: "art. 47(6)") != .valid)
        #expect(index.check(law: bioethics, article: "art. 49-3(4)") == .valid)
        #expect(index.check(law: bioethics, article: "art. 49-4") != .valid)
        let narcotics = "Narcotics Control Act"
        #expect(index.check(law: narcotics, article: "art. 30(1), (3)") == .valid)
        #expect(index.check(law: narcotics, article: "art. 30(5)") != .valid)
        #expect(index.check(law: narcotics, article: "art. 31") == .unknownArticle("\(narcotics) has no art. 31"))
        let space = "Space Development Promotion Act"
        #expect(index.check(law: space, article: "art. 11(5)") == .valid)
        #expect(index.check(law: space, article: "art. 11(6)") != .valid)
        #expect(index.check(law: space, article: "art. 14-3") == .valid)
    }

    /// The legal clocks' counting rules and every step they explain cite articles the Civil Act,
    /// the Civil Petitions Act and the holidays regulation have.
    @Test func theLegalClocksCiteArticlesTheCountingLawsHave() throws {
        for rule in CountingRule.allCases {
            #expect(index.check(law: rule.citation.law, article: rule.citation.article) == .valid, "\(rule)")
        }
        let holidays = HolidayCalendar.citation
        #expect(index.check(law: holidays.law, article: holidays.article) == .valid)
        let clock = LegalClock(holidays: shippedHolidays)
        let specs = [
            LegalClockSpec(start: date("2024-12-26"), length: .days(30)),
            LegalClockSpec(start: date("2025-03-10"), startTime: .midnight, length: .days(30)),
            LegalClockSpec(start: date("2025-01-30"), length: .months(1)),
            LegalClockSpec(start: date("2026-02-13"), length: .days(6), rule: .civilPetitionsAct),
            LegalClockSpec(start: date("2026-02-13"), length: .weeks(2), rule: .civilPetitionsAct),
            LegalClockSpec(
                start: date("2026-02-13"), startTime: TimeOfDay(hour: 10, minute: 0), length: .workingHours(16),
                rule: .civilPetitionsAct),
        ]
        var cited = Set<String>()
        for spec in specs {
            for step in try clock.compute(spec, asOf: date("2026-01-01")).steps {
                step.citation.map { cited.insert($0) }
            }
        }
        #expect(cited.count >= 5, "\(cited)")
        for text in cited {
            let law = index.laws.keys.filter { text.hasPrefix($0 + " ") }.max { $0.count < $1.count }
            guard let law else {
                Issue.record("\(text) cites a law outside the index")
                continue
            }
            let finding = index.check(law: law, article: String(text.dropFirst(law.count + 1)))
            #expect(finding == .valid, "\(text) → \(finding)")
        }
        #expect(index.check(law: "Civil Act", article: "art. 158") != .valid)
        #expect(index.check(law: "Civil Act", article: "art. 160(4)") != .valid)
        #expect(index.check(law: "Civil Petitions Act", article: "art. 19(4)") != .valid)
        #expect(index.check(law: "Framework Act on Administrative Affairs", article: "art. 6(2)") == .valid)
    }

    @Test func lawsAndArticlesOutsideTheIndexAreCitedAsGiven() {
        if case .notIndexed = index.check(law: "Aviation Safety Act", article: "art. 127") {
        } else {
            Issue.record("an unindexed law was judged")
        }
        if case .notIndexed = index.check(law: act, article: "art. 5") {
        } else {
            Issue.record("an article outside the covered range was judged")
        }
        if case .notIndexed = index.check(law: "Narcotics Control Act", article: "art. 5") {
        } else {
            Issue.record("a Narcotics Control Act article outside the part read was judged")
        }
    }

    @Test func everyParameterAndProcedureCitationExistsInTheText() {
        for parameter in ParameterCatalog.seed.parameters.values {
            for version in parameter.versions {
                let finding = index.check(law: version.citation.law, article: version.citation.article)
                if case .unknownArticle(let why) = finding { Issue.record("\(parameter.key): \(why)") }
            }
        }
        for step in ProcedureDefinition.standard.steps {
            let finding = index.check(law: step.citation.law, article: step.citation.article)
            #expect(finding == .valid, "\(step.id.rawValue): \(step.citation.text) → \(finding)")
        }
        // The statutory parameters are all checked, not merely cited as given.
        for key in [
            "rapidConfirmation.answerPeriod", "demonstrationExemption.validity", "temporaryPermit.validity",
            "designation.decision", "insurance.minimum.property", "district.postMonitoring",
        ] {
            let version = ParameterCatalog.seed.parameters[key]!.versions.last!
            #expect(index.check(law: version.citation.law, article: version.citation.article) == .valid, "\(key)")
        }
    }
}
