import Foundation
import RegulationEngine
import Testing
import TeukguCore

@Suite struct EvaluationTests {
    let engine = snapshot([("national.yaml", nationalSource), ("sea.yaml", districtSource())])

    func decide(
        _ facts: [String: FactValue], company: [String: FactValue] = [:], asOf: String = "2025-01-01"
    ) throws -> Decision {
        try engine.evaluate(EvaluationRequest(district: "sea", asOf: day(asOf), facts: facts, company: company))
    }

    @Test func aListedProhibitionProhibits() throws {
        let decision = try decide([
            "activity.kind": .string("vessel"), "activity.crew": .number(0), "site.zone": .string("c"),
        ])
        #expect(decision.outcome == .prohibited)
        #expect(decision.reasons.map(\.ruleID) == ["n.crew"])
        #expect(decision.reasons.first?.cites.first?.law == "Ship Officers Act")
    }

    @Test func anExemptionReplacesTheProhibitionWithItsConditions() throws {
        let decision = try decide(
            ["activity.kind": .string("vessel"), "activity.crew": .number(0), "site.zone": .string("a")],
            company: ["isZoneOperator": .bool(true)])
        #expect(decision.outcome == .conditional)
        #expect(decision.exemptions.map(\.ruleID) == ["d.zone"])
        #expect(decision.exemptions.first?.exempts == ["n.crew"])
    }

    @Test func nothingListedMeansPermittedWithTheBasisStated() throws {
        let decision = try decide(["activity.kind": .string("bakery")])
        #expect(decision.outcome == .permitted)
        #expect(decision.basis.en.contains("no listed provision applies"))
        #expect(decision.rulebooks.map(\.id) == ["national", "sea"])
        #expect(decision.rulebooks.allSatisfy { $0.contentHash.count == 64 })
    }

    @Test func aMissingFactIsNeverReadAsFalse() throws {
        let decision = try decide(["activity.kind": .string("vessel"), "site.zone": .string("c")])
        #expect(decision.outcome == .indeterminate)
        #expect(decision.missingFacts.map(\.path) == ["activity.crew"])
        #expect(decision.missingFacts.first?.label.en == "Crew")
        let unknownExemption = try decide([
            "activity.kind": .string("vessel"), "activity.crew": .number(0), "site.zone": .string("a"),
        ])
        #expect(unknownExemption.outcome == .indeterminate)
        #expect(unknownExemption.missingFacts.map(\.path) == ["company.isZoneOperator"])
    }

    @Test func insuranceMinimumsMergeToTheHighestPerHead() throws {
        let decision = try decide(["activity.kind": .string("drone")])
        #expect(decision.outcome == .conditional)
        let insurance = decision.conditions.compactMap { item -> (Int64?, Int64?, Int64?)? in
            if case .insurance(let death, let injury, _, let property) = item.condition {
                return (death, injury, property)
            }
            return nil
        }
        #expect(insurance.count == 1)
        #expect(insurance.first?.0 == 150_000_000)
        #expect(insurance.first?.1 == nil)
        #expect(insurance.first?.2 == 2_000_000_000)
        #expect(decision.conditions.contains { if case .permit = $0.condition { true } else { false } })
    }

    @Test func undeclaredFactsWrongTypesAndUnknownDistrictsAreErrors() {
        #expect(throws: EvaluationError.unknownFact("activity.colour")) {
            try decide(["activity.colour": .string("red")])
        }
        #expect(throws: EvaluationError.wrongType(path: "activity.crew", expected: "number", got: "\"two\"")) {
            try decide(["activity.crew": .string("two")])
        }
        #expect(
            throws: EvaluationError.wrongType(path: "vessel.fuel", expected: "enum (ammonia, diesel)", got: "\"coal\"")
        ) { try decide(["vessel.fuel": .string("coal")]) }
        #expect(throws: EvaluationError.unknownDistrict("moon")) {
            try engine.evaluate(EvaluationRequest(district: "moon", asOf: day("2025-01-01"), facts: [:]))
        }
        #expect(throws: EvaluationError.notInForce(district: "sea", date: day("2030-01-01"))) {
            try decide([:], asOf: "2030-01-01")
        }
    }

    /// Values that are codes carry the reader's words; a number fact may declare its least value,
    /// which every request is held to and a choice naming no value of its enum is a load error.
    @Test func choicesCarryWordsAndAMinimumRefusesSmallerNumbers() throws {
        let facts = """
              site.distance: {type: number, unit: m, minimum: 0, label: {ko: 거리, en: Distance}}
              vessel.kind: {type: enum, values: [tug], label: {ko: 종류, en: Kind}, choices: {tug: {ko: 예인선, en: Tug}}}
            """
        let bounded = snapshot([("national.yaml", nationalSource), ("sea.yaml", districtSource(extraFacts: facts))])
        let request = { (distance: Double) in
            EvaluationRequest(district: "sea", asOf: day("2025-01-01"), facts: ["site.distance": .number(distance)])
        }
        #expect(throws: EvaluationError.wrongType(path: "site.distance", expected: "number of at least 0", got: "-500"))
        {
            try bounded.evaluate(request(-500))
        }
        #expect(throws: Never.self) { try bounded.evaluate(request(0)) }
        let kind = try #require(bounded.factDeclarations(district: "sea").first { $0.path == "vessel.kind" })
        #expect(kind.choiceLabel("tug").ko == "예인선")
        #expect(kind.choiceLabel("barge").en == "barge")
        let wrongChoice = facts.replacingOccurrences(of: "choices: {tug:", with: "choices: {barge:")
        let diagnostics = load([
            ("national.yaml", nationalSource), ("sea.yaml", districtSource(extraFacts: wrongChoice)),
        ])
        .errors
        #expect(diagnostics.contains { $0.message.contains("'barge' is not one of the values of 'vessel.kind'") })
    }

    /// A company's grant switches its rules off only in its district, within its validity, and puts
    /// its conditions in their place; without the grant the same check is prohibited.
    @Test func aGrantAppliesOnlyToItsDistrictAndValidity() throws {
        let facts: [String: FactValue] = [
            "activity.kind": .string("vessel"), "activity.crew": .number(0), "site.zone": .string("c"),
        ]
        let grant = CompanyGrant(
            caseNumber: "SB-2025-0007", district: "sea", exempts: ["n.crew"], validFrom: day("2025-01-01"),
            validUntil: day("2026-12-31"), conditions: ["Remote monitoring from the shore"])
        func check(_ asOf: String, grants: [CompanyGrant]) throws -> Decision {
            try engine.evaluate(EvaluationRequest(district: "sea", asOf: day(asOf), facts: facts, grants: grants))
        }
        #expect(try check("2025-06-01", grants: []).outcome == .prohibited)
        let granted = try check("2025-06-01", grants: [grant])
        #expect(granted.outcome == .conditional)
        #expect(
            granted.grants == [
                AppliedGrant(
                    caseNumber: "SB-2025-0007", exempts: ["n.crew"], conditions: ["Remote monitoring from the shore"])
            ])
        #expect(granted.conditions.contains { $0.sources == ["SB-2025-0007"] })
        #expect(DecisionJSON.encode(granted).contains("\"grants\":[{\"caseNumber\":\"SB-2025-0007\""))
        #expect(!DecisionJSON.encode(try check("2025-06-01", grants: [])).contains("grants"))
        let elsewhere = CompanyGrant(
            caseNumber: "SB-2025-0008", district: "land", exempts: ["n.crew"], validFrom: day("2025-01-01"),
            validUntil: day("2026-12-31"), conditions: [])
        #expect(try check("2025-06-01", grants: [elsewhere]).outcome == .prohibited)
        let expired = CompanyGrant(
            caseNumber: "SB-2024-0001", district: "sea", exempts: ["n.crew"], validFrom: day("2024-06-01"),
            validUntil: day("2024-12-31"), conditions: [])
        #expect(try check("2025-06-01", grants: [expired]).outcome == .prohibited)
        // A grant without conditions leaves nothing to meet: permitted, and the grant is named.
        let plain = CompanyGrant(
            caseNumber: "SB-2025-0009", district: "sea", exempts: ["n.crew"], validFrom: day("2025-01-01"),
            validUntil: day("2025-12-31"), conditions: [])
        let permitted = try check("2025-06-01", grants: [plain])
        #expect(permitted.outcome == .permitted && permitted.grants.first?.caseNumber == "SB-2025-0009")
    }

    @Test func ruleOrderNeverMatters() throws {
        let reversed = districtSource().replacingOccurrences(of: "  - id: d.zone", with: "  - id: d.zone-tmp")
        let shuffled = snapshot([("sea.yaml", reversed), ("national.yaml", nationalSource)])
        let request = EvaluationRequest(
            district: "sea", asOf: day("2025-01-01"), facts: ["activity.kind": .string("drone")])
        #expect(try shuffled.evaluate(request).reasons.map(\.ruleID) == engine.evaluate(request).reasons.map(\.ruleID))
    }

    @Test func rulesCountOnlyWhileInForce() throws {
        let dated = districtSource(
            extraRules: """
                  - id: d.winter
                    title: {ko: 겨울, en: Winter}
                    effect: prohibit
                    when: 'activity.kind == "sailing"'
                    cites: [{law: Act, article: art. 2}]
                    effective: {from: 2025-12-01, until: 2026-03-01}
                """)
        let seasonal = snapshot([("national.yaml", nationalSource), ("sea.yaml", dated)])
        func outcome(_ date: String) throws -> Outcome {
            try seasonal.evaluate(
                EvaluationRequest(district: "sea", asOf: day(date), facts: ["activity.kind": .string("sailing")])
            ).outcome
        }
        #expect(try outcome("2025-11-30") == .permitted)
        #expect(try outcome("2025-12-01") == .prohibited)
        #expect(try outcome("2026-02-28") == .prohibited)
        #expect(try outcome("2026-03-01") == .permitted)
    }

    @Test func theShippedTestCasesPass() {
        let set = RulebookSet.load(directory: shippedRulesDirectory)
        let report = RulebookTestRunner.run(set: set, snapshot: Snapshot(set))
        #expect(report.problems.isEmpty)
        #expect(report.failures.isEmpty, "\(report.failures.map { "\($0.name): \($0.differences)" })")
        #expect(report.ran >= 35)
        #expect(report.untestedRules.isEmpty, "\(report.untestedRules)")
        // At least five cases per district, and every outcome per district.
        var outcomes: [String: Set<String>] = [:]
        for file in set.testFiles {
            let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
            let district = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
                .replacingOccurrences(of: ".tests", with: "")
            for outcome in Outcome.allCases where text.contains("outcome: \(outcome.rawValue)") {
                outcomes[district, default: []].insert(outcome.rawValue)
            }
            #expect(text.components(separatedBy: "- name:").count - 1 >= 5, "\(district)")
        }
        #expect(outcomes.count == 7)
        #expect(outcomes.values.allSatisfy { $0.count == 4 }, "\(outcomes)")
    }
}
