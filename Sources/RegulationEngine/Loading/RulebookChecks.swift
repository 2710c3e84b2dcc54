import TeukguCore

/// The checks that need every rulebook at once: schemas, types, ids, exemptions, periods.
enum RulebookChecks {
    static func run(_ rulebooks: [Rulebook]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let national = rulebooks.filter { $0.scope == .national }
        var nationalSchema: [String: FactDeclaration] = [:]
        for rulebook in national {
            diagnostics += merge(rulebook, into: &nationalSchema)
        }
        var nationalRuleIDs: Set<String> = []
        for rulebook in national { nationalRuleIDs.formUnion(rulebook.rules.map(\.id)) }

        var seenRules: [String: SourceLocation] = [:]
        var seenRulebooks: [String: String] = [:]
        var allRuleIDs: Set<String> = []
        for rulebook in rulebooks { allRuleIDs.formUnion(rulebook.rules.map(\.id)) }

        var schemas: [[String: FactDeclaration]] = []
        for rulebook in rulebooks {
            var schema = nationalSchema
            if rulebook.scope != .national { diagnostics += merge(rulebook, into: &schema) }
            schemas.append(schema)
        }
        diagnostics += typeDiagnostics(rulebooks, schemas: schemas)
        diagnostics += citationDiagnostics(rulebooks)

        for rulebook in rulebooks {
            if let other = seenRulebooks[rulebook.id] {
                diagnostics.append(
                    Diagnostic(
                        .error, .duplicateRule, "rulebook id '\(rulebook.id)' is also used by \(other)",
                        at: SourceLocation(file: rulebook.file, line: 1, column: 1)))
            }
            seenRulebooks[rulebook.id] = rulebook.file
            for rule in rulebook.rules {
                if let first = seenRules[rule.id] {
                    diagnostics.append(
                        Diagnostic(
                            .error, .duplicateRule, "rule id '\(rule.id)' is already used at \(first)",
                            at: rule.location))
                } else {
                    seenRules[rule.id] = rule.location
                }
                if !rule.effective.isWithin(rulebook.effective) {
                    diagnostics.append(
                        Diagnostic(
                            .error, .effectiveOutsideRulebook,
                            "rule '\(rule.id)' is effective outside its rulebook's period", at: rule.location))
                }
                guard rule.effect == .exempt else { continue }
                if rulebook.scope == .national {
                    diagnostics.append(
                        Diagnostic(
                            .error, .structure, "exemptions belong to district rulebooks; '\(rule.id)' is national",
                            at: rule.location))
                }
                for target in rule.exempts {
                    if !allRuleIDs.contains(target) {
                        diagnostics.append(
                            Diagnostic(
                                .error, .missingExemptionTarget,
                                "rule '\(rule.id)' exempts '\(target)', which no rulebook defines", at: rule.location))
                    } else if !nationalRuleIDs.contains(target) {
                        diagnostics.append(
                            Diagnostic(
                                .error, .nonNationalExemptionTarget,
                                "rule '\(rule.id)' exempts '\(target)', which is not a national rule", at: rule.location
                            ))
                    }
                }
            }
        }
        diagnostics += exemptionCycles(rulebooks)
        return diagnostics
    }

    /// Every rule's condition checked against its rulebook's schema; rules are independent, so this
    /// runs on every core.
    static func typeDiagnostics(_ rulebooks: [Rulebook], schemas: [[String: FactDeclaration]]) -> [Diagnostic] {
        let places = Rulebook.rulePlaces(rulebooks)
        let shared = ReadOnly((rulebooks, schemas))
        return inParallel(places) { place -> [Diagnostic] in
            let (rulebooks, schemas) = shared.value
            let rule = rulebooks[place.rulebook].rules[place.rule]
            return TypeChecker.check(rule.when, schema: schemas[place.rulebook]).map { issue in
                let at = SourceLocation(
                    file: rule.whenLocation.file, line: rule.whenLocation.line,
                    column: rule.whenLocation.column + issue.offset)
                return Diagnostic(.error, issue.kind, "\(issue.message) (rule '\(rule.id)')", at: at)
            }
        }.flatMap { $0 }
    }

    /// Adds a rulebook's facts to a schema, reporting a fact declared twice with different types.
    static func merge(_ rulebook: Rulebook, into schema: inout [String: FactDeclaration]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for fact in rulebook.facts {
            if let existing = schema[fact.path], existing.type != fact.type {
                diagnostics.append(
                    Diagnostic(
                        .error, .conflictingFact,
                        "fact '\(fact.path)' is declared as \(fact.type.name) here and as \(existing.type.name) elsewhere",
                        at: SourceLocation(file: rulebook.file, line: 1, column: 1)))
            } else {
                schema[fact.path] = fact
            }
        }
        return diagnostics
    }

    /// Exemptions that, followed from rule to rule, come back to where they started.
    static func exemptionCycles(_ rulebooks: [Rulebook]) -> [Diagnostic] {
        var edges: [String: [String]] = [:]
        var locations: [String: SourceLocation] = [:]
        for rulebook in rulebooks {
            for rule in rulebook.rules where rule.effect == .exempt {
                edges[rule.id] = rule.exempts
                locations[rule.id] = rule.location
            }
        }
        var diagnostics: [Diagnostic] = []
        var state: [String: Int] = [:]  // 1 = on the current path, 2 = done
        var reported: Set<String> = []
        func visit(_ node: String, path: [String]) {
            state[node] = 1
            for next in edges[node] ?? [] where edges[next] != nil {
                if state[next] == 1 {
                    let cycle = Array(path.drop(while: { $0 != next })) + [node, next]
                    let key = Set(cycle).sorted().joined(separator: ",")
                    if !reported.contains(key), let at = locations[next] {
                        reported.insert(key)
                        diagnostics.append(
                            Diagnostic(
                                .error, .exemptionCycle, "exemption cycle: " + cycle.joined(separator: " → "), at: at))
                    }
                } else if state[next] == nil {
                    visit(next, path: path + [node])
                }
            }
            state[node] = 2
        }
        for node in edges.keys.sorted() where state[node] == nil { visit(node, path: []) }
        return diagnostics
    }

    /// Citations of an indexed law must name articles and paragraphs the law has (`StatuteIndex`);
    /// laws and articles outside the index are cited as given.
    static func citationDiagnostics(_ rulebooks: [Rulebook], index: StatuteIndex = .seed) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for rulebook in rulebooks {
            for rule in rulebook.rules {
                for cite in rule.cites {
                    if case .unknownArticle(let why) = index.check(law: cite.law, article: cite.article) {
                        diagnostics.append(
                            Diagnostic(.error, .unknownArticle, "rule '\(rule.id)' cites \(why)", at: rule.location))
                    }
                }
            }
        }
        return diagnostics
    }
}
