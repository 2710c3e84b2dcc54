import Testing
import TeukguCore

@Suite struct MoneyTests {
    @Test func englishGroupsThousands() {
        #expect(Money(won: 200_000_000).englishText == "₩200,000,000")
        #expect(Money(won: 0).englishText == "₩0")
        #expect(Money(won: -1_500).englishText == "-₩1,500")
    }

    @Test func koreanUsesTenThousandUnits() {
        #expect(Money(won: 200_000_000).koreanText == "2억 원")
        #expect(Money(won: 150_000_000).koreanText == "1억 5,000만 원")
        #expect(Money(won: 43_000_000_000).koreanText == "430억 원")
        #expect(Money(won: 100_200_000_000).koreanText == "1,002억 원")
        #expect(Money(won: 12_345).koreanText == "1만 2,345원")
        #expect(Money(won: 500).koreanText == "500원")
        #expect(Money(won: 1_000_000_000_000).koreanText == "1조 원")
    }

    @Test func additionRefusesToOverflow() throws {
        #expect(throws: MoneyError.overflow) { try Money(won: .max).adding(Money(won: 1)) }
        #expect(try Money(won: 1).adding(Money(won: 2)) == Money(won: 3))
    }
}

@Suite struct BusinessRegistrationNumberTests {
    @Test func acceptsAValidCheckDigit() {
        // 220-81-62517 is a well-known valid number (check digit 7).
        #expect(BusinessRegistrationNumber("220-81-62517")?.description == "220-81-62517")
        #expect(BusinessRegistrationNumber("2208162517") != nil)
    }

    @Test func refusesAWrongCheckDigitOrShape() {
        #expect(BusinessRegistrationNumber("220-81-62518") == nil)
        #expect(BusinessRegistrationNumber("220-81-6251") == nil)
        #expect(BusinessRegistrationNumber("22a-81-62517") == nil)
    }
}

@Suite struct SHA256DigestTests {
    @Test func matchesTheStandardTestVectors() {
        #expect(
            SHA256Digest.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256Digest.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            SHA256Digest.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}

@Suite struct DistrictPlanFinancingTests {
    /// Out-of-range amounts are named as problems; summing them never traps.
    @Test func hugeOrNegativeAmountsAreProblemsNotCrashes() {
        let huge = DistrictPlan(name: "x", financing: .init(stateWon: .max, localWon: .max, privateWon: .max))
        #expect(huge.financing.totalWon == .max)
        #expect(huge.submissionProblems(knownRuleIDs: []).contains(.financingTooLarge))
        let negative = DistrictPlan(name: "x", financing: .init(stateWon: .min, localWon: -1, privateWon: .min))
        #expect(negative.financing.totalWon == .min)
        let problems = negative.submissionProblems(knownRuleIDs: [])
        #expect(problems.contains(.negativeFinancing) && problems.contains(.missing("financing")))
        #expect(
            DistrictPlan(name: "x", financing: .init(stateWon: 3, localWon: 4, privateWon: 5)).financing.totalWon == 12)
    }
}
