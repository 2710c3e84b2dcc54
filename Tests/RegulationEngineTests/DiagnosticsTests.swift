import Foundation
import RegulationEngine
import Testing
import TeukguCore

/// Every kind of load-time diagnostic, with its position.
@Suite struct DiagnosticsTests {
    func diagnostics(_ district: String) -> [Diagnostic] {
        load([("national.yaml", nationalSource), ("sea.yaml", district)]).diagnostics
    }

    func rule(_ id: String, effect: String = "prohibit", when: String, extra: String = "") -> String {
        """
          - id: \(id)
            title: {ko: 규칙, en: Rule}
            effect: \(effect)
            when: '\(when)'
            cites: [{law: Act, article: art. 1}]
        \(extra)
        """
    }

    @Test func theShippedRulebooksHaveNoErrorsOrWarnings() {
        let set = RulebookSet.load(directory: shippedRulesDirectory)
        #expect(set.diagnostics.isEmpty, "\(set.diagnostics)")
        #expect(set.rulebooks.count == 8)
        #expect(
            Set(Snapshot(set).districts) == [
                "busan-marine-mobility", "chungbuk-regenerative-bio", "daegu-ai-robots", "daejeon-synthetic-bio",
                "gangwon-ai-healthcare", "gyeongnam-satellites", "jeonnam-dc-energy",
            ])
    }

    /// A deployment that links `Rules` to a folder elsewhere loads the same rulebooks.
    @Test func aLinkedRulesFolderIsReadThroughTheLink() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rules-link-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("Rules")
        try FileManager.default.createSymbolicLink(
            at: link, withDestinationURL: URL(fileURLWithPath: shippedRulesDirectory))
        let set = RulebookSet.load(directory: link.path)
        #expect(set.diagnostics.isEmpty, "\(set.diagnostics)")
        #expect(set.rulebooks.count == 8)
        // Diagnostics name files by the path given, link included.
        #expect(set.rulebooks.contains { $0.file == link.path + "/districts/busan-marine-mobility.yaml" })
    }

    /// Every citation the shipped rulebooks make is checked against the statute index, none merely
    /// cited as given: each law they cite is indexed over the articles they cite.
    @Test func everyShippedCitationIsCheckedAgainstTheIndex() {
        let set = RulebookSet.load(directory: shippedRulesDirectory)
        var checked = 0
        for rulebook in set.rulebooks {
            for rule in rulebook.rules {
                for cite in rule.cites {
                    let finding = StatuteIndex.seed.check(law: cite.law, article: cite.article)
                    #expect(finding == .valid, "\(rule.id): \(cite.law) \(cite.article) → \(finding)")
                    checked += 1
                }
            }
        }
        #expect(checked > 60)
    }

    /// A citation of the indexed Act or Decree must name an article and paragraph the text has.
    @Test func aCitationOfAMissingArticleIsAnError() {
        let rules = """
              - id: d.cites-wrong
                title: {ko: 규칙, en: Rule}
                effect: prohibit
                when: 'vessel.fuel == "diesel"'
                cites: [{law: Regional Special Zones Act, article: art. 85(12)}]
              - id: d.cites-right
                title: {ko: 규칙, en: Rule}
                effect: prohibit
                when: 'vessel.fuel == "ammonia"'
                cites: [{law: Regional Special Zones Act Enforcement Decree, article: art. 60(3)}, {law: Ship Safety Act, article: art. 999}]
            """
        let found = diagnostics(districtSource(extraRules: rules)).filter { $0.kind == .unknownArticle }
        #expect(found.count == 1)
        #expect(found.first?.message.contains("art. 85 has 9 paragraph(s), not (12)") == true)
        #expect(found.first?.location.file == "sea.yaml" && (found.first?.location.line ?? 0) > 1)
        #expect(found.first?.description.hasSuffix("[unknown-article]") == true)
    }

    @Test func yamlSyntaxErrorsPointAtTheLine() {
        let found = load([("broken.yaml", "id: x\nscope: national\nrules: [\n  - {id: a\n")]).diagnostics
        #expect(found.first?.kind == .yamlSyntax)
        #expect(found.first?.location.file == "broken.yaml")
        #expect((found.first?.location.line ?? 0) >= 3)
    }

    @Test func expressionSyntaxErrorsPointAtTheColumn() {
        let source = districtSource(extraRules: rule("d.bad", when: "activity.kind == "))
        let found = diagnostics(source).filter { $0.kind == .expressionSyntax }
        #expect(found.count == 1)
        #expect(found.first?.description.hasPrefix("sea.yaml:") == true)
        #expect(found.first?.message.contains("expected a fact") == true)
    }

    @Test func unknownFactsAreNamedWithTheirPosition() {
        let source = districtSource(extraRules: rule("d.typo", when: "site.zoen == \"a\""))
        let found = diagnostics(source).filter { $0.kind == .unknownFact }
        #expect(found.count == 1)
        #expect(found.first?.message.contains("site.zoen") == true)
        // "    when: '" is ten characters, so the fact itself starts at column 12.
        let line = source.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
            $0.contains("site.zoen")
        }.map { $0 + 1 }
        #expect(found.first?.location.line == line)
        #expect(found.first?.location.column == 12)
    }

    @Test func typeMismatchesAreReported() {
        let found = diagnostics(districtSource(extraRules: rule("d.type", when: "activity.crew == \"three\""))).filter {
            $0.kind == .typeMismatch
        }
        #expect(found.count == 1)
        let notCondition = diagnostics(districtSource(extraRules: rule("d.bare", when: "site.zone"))).filter {
            $0.kind == .typeMismatch
        }
        #expect(notCondition.count == 1)
        let order = diagnostics(districtSource(extraRules: rule("d.order", when: "site.zone < 3"))).filter {
            $0.kind == .typeMismatch
        }
        #expect(order.count == 1)
    }

    @Test func duplicateRuleIDsAreRefused() {
        let found = diagnostics(districtSource(extraRules: rule("n.crew", when: "activity.crew > 3"))).filter {
            $0.kind == .duplicateRule
        }
        #expect(found.count == 1)
    }

    @Test func exemptionsMustNameExistingNationalRules() {
        let missing = rule("d.ex1", effect: "exempt", when: "activity.crew > 1", extra: "    exempts: [n.nothing]")
        #expect(diagnostics(districtSource(extraRules: missing)).contains { $0.kind == .missingExemptionTarget })
        let local = rule(
            "d.ex2", effect: "exempt", when: "activity.crew > 1", extra: "    exempts: [d.drone-insurance]")
        #expect(diagnostics(districtSource(extraRules: local)).contains { $0.kind == .nonNationalExemptionTarget })
    }

    @Test func exemptionCyclesAreFound() {
        let first = rule("d.c1", effect: "exempt", when: "activity.crew > 1", extra: "    exempts: [d.c2]")
        let second = rule("d.c2", effect: "exempt", when: "activity.crew > 2", extra: "    exempts: [d.c1]")
        let found = diagnostics(districtSource(extraRules: first + "\n" + second)).filter { $0.kind == .exemptionCycle }
        #expect(found.count == 1)
        #expect(found.first?.message.contains("d.c1") == true && found.first?.message.contains("d.c2") == true)
    }

    @Test func conditionsThatCanNeverHoldAreCaught() {
        let enumTypo = diagnostics(districtSource(extraRules: rule("d.enum", when: "vessel.fuel == \"amonia\"")))
        #expect(enumTypo.contains { $0.kind == .neverHolds && $0.message.contains("amonia") })
        let contradiction = diagnostics(
            districtSource(extraRules: rule("d.both", when: "site.zone == \"a\" and site.zone == \"b\"")))
        #expect(contradiction.contains { $0.kind == .neverHolds })
        let range = diagnostics(
            districtSource(extraRules: rule("d.range", when: "activity.crew > 5 and activity.crew < 2")))
        #expect(range.contains { $0.kind == .neverHolds })
        let empty = diagnostics(districtSource(extraRules: rule("d.empty", when: "site.zone in []")))
        #expect(empty.contains { $0.kind == .neverHolds })
    }

    @Test func ruleDatesMustLieInsideTheRulebooks() {
        let early = rule("d.early", when: "activity.crew > 1", extra: "    effective: {from: 2023-01-01}")
        #expect(diagnostics(districtSource(extraRules: early)).contains { $0.kind == .effectiveOutsideRulebook })
        let inside = rule(
            "d.inside", when: "activity.crew > 1", extra: "    effective: {from: 2025-01-01, until: 2026-01-01}")
        #expect(!diagnostics(districtSource(extraRules: inside)).contains { $0.kind == .effectiveOutsideRulebook })
    }

    @Test func aFactDeclaredTwiceWithDifferentTypesIsAConflict() {
        let source = districtSource(extraFacts: "  activity.crew: {type: string, label: {ko: x, en: x}}")
        #expect(diagnostics(source).contains { $0.kind == .conflictingFact })
    }

    @Test func structuralMistakesAreReported() {
        let noConditions = rule("d.req", effect: "require", when: "activity.crew > 1")
        #expect(
            diagnostics(districtSource(extraRules: noConditions)).contains {
                $0.kind == .structure && $0.message.contains("lists no conditions")
            })
        let badEffect = rule("d.eff", effect: "allow", when: "activity.crew > 1")
        #expect(diagnostics(districtSource(extraRules: badEffect)).contains { $0.message.contains("unknown effect") })
        let nationalExempt =
            nationalSource + "\n"
            + rule("n.ex", effect: "exempt", when: "activity.crew > 1", extra: "    exempts: [n.crew]")
        #expect(
            load([("national.yaml", nationalExempt)]).diagnostics.contains {
                $0.message.contains("belong to district rulebooks")
            })
    }

    @Test func diagnosticsPrintLikeACompiler() {
        let diagnostic = Diagnostic(
            .error, .unknownFact, "unknown fact 'x'", at: SourceLocation(file: "a.yaml", line: 3, column: 9))
        #expect(diagnostic.description == "a.yaml:3:9: error: unknown fact 'x' [unknown-fact]")
    }
}
