import Testing
import TeukguCore

@Suite struct ParameterTests {
    let catalog = ParameterCatalog.seed

    @Test func demonstrationExemptionValidityFollowsTheGrantDate() throws {
        #expect(try catalog.value("demonstrationExemption.validity", at: date("2024-08-06")) == .years(2))
        #expect(try catalog.value("demonstrationExemption.validity", at: date("2024-08-07")) == .years(4))
    }

    @Test func temporaryPermitValidityBecameThreeYearsOnJune30th2026() throws {
        #expect(try catalog.value("temporaryPermit.validity", at: date("2026-06-29")) == .years(2))
        #expect(try catalog.value("temporaryPermit.validity", at: date("2026-06-30")) == .years(3))
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
