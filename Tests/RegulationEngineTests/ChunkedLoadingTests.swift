import Testing

@testable import RegulationEngine

/// Large rulebooks are composed in chunks on every core and through our own libyaml reader; both
/// must read exactly what reading the file whole reads, positions included.
@Suite struct ChunkedLoadingTests {
    /// A rulebook with every construct a rule may use, a few mistakes (so there are diagnostics with
    /// positions), comments between items, and keys after the rule list.
    func mixedRulebook(rules count: Int, factsAfterRules: Bool = false) -> String {
        var text =
            "# generated\nid: national\nscope: national\ntitle: {ko: 국가, en: National}\neffective: {from: 2020-01-01}\n"
        let facts =
            "facts:\n  activity.kind: {type: string, label: {ko: 활동, en: Activity}}\n  activity.level: {type: number, label: {ko: 수준, en: Level}}\n"
        if !factsAfterRules { text += facts }
        text += "rules:\n"
        for index in 0..<count {
            switch index % 6 {
            case 0:
                text +=
                    "  - id: r\(index)\n    title: {ko: \"규칙 \(index)\", en: 'Rule \(index)'}\n    effect: prohibit\n    when: 'activity.kind == \"k\(index)\"'\n    cites: [{law: Act, article: art. \(index)}]\n"
            case 1:
                text +=
                    "  # a comment between items\n\n  - id: r\(index)\n    title:\n      ko: 규칙\n      en: Rule\n    effect: require\n    when: |\n      activity.level > \(index)\n    cites:\n      - law: Act\n        article: art. 1\n        note: \"- not an item\"\n    conditions:\n      - {type: insurance, death: 150_000_000}\n      - type: permit\n        authority: Agency\n        name: Permit\n"
            case 2:
                // an expression error
                text +=
                    "  - id: r\(index)\n    title: {ko: 규칙, en: Rule}\n    effect: prohibit\n    when: \"activity.level >\"\n    cites: [{law: Act, article: art. 2}]\n"
            case 3:
                // an unknown key
                text +=
                    "  - id: r\(index)\n    title: {ko: 규칙, en: Rule}\n    effect: prohibit\n    colour: blue\n    when: >\n      activity.kind == \"a\"\n      and activity.level < 3\n    cites: [{law: Act, article: art. 3}]\n"
            case 4:
                // an unknown fact
                text +=
                    "  -\n    id: r\(index)\n    title: {ko: 규칙, en: Rule}\n    effect: prohibit\n    when: activity.unknown == 1\n    cites: [{law: Act, article: art. 4}]\n"
            default:
                text +=
                    "  - {id: r\(index), title: {ko: 규칙, en: Rule}, effect: prohibit, when: 'activity.level >= 1', cites: [{law: Act, article: art. 5}]}\n"
            }
        }
        if factsAfterRules { text += "# facts come last here\n" + facts }
        return text
    }

    func whole(_ text: String, file: String = "national.yaml") -> (Rulebook?, [Diagnostic]) {
        RulebookParser.parse(sources: [(file, text)], splitFrom: Int.max)[0]
    }

    func chunked(_ text: String, file: String = "national.yaml") -> (Rulebook?, [Diagnostic]) {
        RulebookParser.parse(sources: [(file, text)], splitFrom: 1)[0]
    }

    @Test func chunkedReadingEqualsWholeReading() throws {
        for factsAfterRules in [false, true] {
            let text = mixedRulebook(rules: 120, factsAfterRules: factsAfterRules)
            let split = try #require(RuleListSplit(source: text, minimumItems: 1, chunkCount: 7))
            #expect(split.chunks.count == 7)
            #expect(
                split.header.split(separator: "\n", omittingEmptySubsequences: false).count
                    == text.split(separator: "\n", omittingEmptySubsequences: false).count)
            let (a, aDiagnostics) = whole(text)
            let (b, bDiagnostics) = chunked(text)
            #expect(a != nil)
            #expect(a == b)
            #expect(a?.rules.count == 100)  // the 20 with expression errors are left out
            #expect(a?.facts.count == 2)
            #expect(aDiagnostics.count == 40)  // 20 expression errors, 20 unknown keys
            #expect(aDiagnostics.map(\.description).sorted() == bDiagnostics.map(\.description).sorted())
        }
    }

    @Test func positionsInLaterChunksAreLinesOfTheFile() throws {
        let text = mixedRulebook(rules: 60)
        let (rulebook, _) = chunked(text)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let last = try #require(rulebook?.rules.last)
        #expect(lines[last.location.line - 1].contains("id: r59"))
        let diagnostics = RulebookChecks.run([try #require(rulebook)])
        let unknownFact = try #require(diagnostics.last { $0.kind == .unknownFact })
        #expect(lines[unknownFact.location.line - 1].contains("activity.unknown"))
    }

    @Test func aChunkThatCannotStandAloneFallsBackToTheWholeFile() {
        // The anchor is in the first item, the alias in the last: composed apart, the alias is unknown.
        var text =
            "id: national\nscope: national\ntitle: {ko: 국가, en: National}\nfacts:\n  a.b: {type: bool, label: {ko: a, en: a}}\nrules:\n"
        text +=
            "  - id: first\n    title: &shared {ko: 공통, en: Shared}\n    effect: prohibit\n    when: a.b\n    cites: [{law: Act, article: art. 1}]\n"
        for index in 0..<20 {
            text += "  - {id: r\(index), title: t, effect: prohibit, when: a.b, cites: [{law: Act, article: art. 1}]}\n"
        }
        text +=
            "  - id: last\n    title: *shared\n    effect: prohibit\n    when: a.b\n    cites: [{law: Act, article: art. 1}]\n"
        let (a, aDiagnostics) = whole(text)
        let (b, bDiagnostics) = chunked(text)
        #expect(aDiagnostics.isEmpty)
        #expect(bDiagnostics.isEmpty)
        #expect(a == b)
        #expect(b?.rules.last?.title.en == "Shared")
    }

    @Test func unusualLayoutsAreReadWhole() {
        let flow =
            "id: n\nscope: national\nrules: [{id: a, title: t, effect: prohibit, when: 'true', cites: [{law: L, article: a}]}]\n"
        #expect(RuleListSplit(source: flow, minimumItems: 1, chunkCount: 4) == nil)
        let json = "{\"id\": \"n\", \"scope\": \"national\", \"rules\": []}"
        #expect(RuleListSplit(source: json, minimumItems: 1, chunkCount: 4) == nil)
        let twoDocuments = "id: n\nscope: national\nrules:\n  - {id: a}\n---\nid: m\n"
        #expect(RuleListSplit(source: twoDocuments, minimumItems: 1, chunkCount: 4) == nil)
        let directive = "%YAML 1.1\n---\nid: n\nrules:\n  - {id: a}\n"
        #expect(RuleListSplit(source: directive, minimumItems: 1, chunkCount: 4) == nil)
        let twice = "id: n\nrules:\n  - {id: a}\nrules:\n  - {id: b}\n"
        #expect(RuleListSplit(source: twice, minimumItems: 1, chunkCount: 4) == nil)
        // Items at the left margin are split like indented ones.
        let margin = "id: n\nscope: national\nrules:\n- {id: a}\n- {id: b}\nfacts: {}\n"
        let split = RuleListSplit(source: margin, minimumItems: 1, chunkCount: 2)
        #expect(split?.chunks.map(\.text) == ["- {id: a}\n", "- {id: b}\n"])
        #expect(split?.chunks.map(\.linesBefore) == [3, 4])
        #expect(split?.header == "id: n\nscope: national\nrules: []\n\n\nfacts: {}\n")
        // Small files are not worth cutting.
        #expect(RuleListSplit(source: margin, minimumItems: 3, chunkCount: 2) == nil)
    }

    @Test func theComposerReadsWhatYamlMeans() throws {
        let text =
            "a: &x plain\nb: *x\nc: 'single'\nd: \"dou\\tble\"\ne: |\n  literal\n  text\nf: >\n  folded\n  text\ng: [1, 2]\n"
        let root = try #require(try YAMLComposer.compose(text))
        guard case .mapping(let mapping) = root else {
            Issue.record("not a mapping")
            return
        }
        #expect(mapping.count == 7)
        #expect(mapping["b"]?.string == "plain")
        #expect(mapping["d"]?.string == "dou\tble")
        #expect(mapping["e"]?.string == "literal\ntext\n")
        #expect(mapping["f"]?.string == "folded text\n")
        if case .scalar(let c) = mapping["c"] { #expect(c.style == .singleQuoted) } else { Issue.record("c") }
        if case .scalar(let e) = mapping["e"] { #expect(e.style == .literal) } else { Issue.record("e") }
        if case .sequence(let g) = mapping["g"] {
            #expect(g.compactMap(\.string) == ["1", "2"])
        } else {
            Issue.record("g")
        }
        #expect(mapping["c"]?.mark == YAMLMark(line: 3, column: 4))
        #expect(try YAMLComposer.compose("") == nil)
        #expect(try YAMLComposer.compose("# only a comment\n") == nil)
    }

    @Test func composerErrorsCarryTheirPosition() {
        #expect(throws: YAMLSyntaxError.self) { try YAMLComposer.compose("a: *missing\n") }
        #expect(throws: YAMLSyntaxError.self) { try YAMLComposer.compose("a: 1\n---\nb: 2\n") }
        do {
            _ = try YAMLComposer.compose("a: [1, 2\nb: 3\n")
            Issue.record("an unclosed list was accepted")
        } catch {
            #expect(error.mark.line >= 2)
            #expect(!error.problem.isEmpty)
        }
    }

    /// Nesting is bounded, so a crafted rulebook gets a diagnostic instead of overflowing the stack.
    @Test func deepNestingIsADiagnosticNotACrash() throws {
        let deepYAML =
            "id: n\nscope: national\ntitle: t\nrules:\n  - id: r\n    group: " + String(repeating: "[", count: 100_000)
            + String(repeating: "]", count: 100_000) + "\n"
        let (rulebook, diagnostics) = whole(deepYAML)
        #expect(rulebook == nil)
        #expect(diagnostics.first?.kind == .yamlSyntax)
        #expect(diagnostics.first?.message.contains("nested more than") == true)
        #expect(throws: YAMLSyntaxError.self) { try YAMLComposer.compose(String(repeating: "- ", count: 70) + "x\n") }
        #expect(try YAMLComposer.compose(String(repeating: "[", count: 60) + String(repeating: "]", count: 60)) != nil)

        let parentheses = String(repeating: "(", count: 100_000) + "a.b" + String(repeating: ")", count: 100_000)
        #expect(throws: ExpressionSyntaxError.self) { try ExpressionParser.parse(parentheses) }
        #expect(throws: ExpressionSyntaxError.self) {
            try ExpressionParser.parse(String(repeating: "not ", count: 100_000) + "a.b")
        }
        #expect(throws: ExpressionSyntaxError.self) {
            try ExpressionParser.parse("a.b in " + String(repeating: "[", count: 100_000))
        }
        // Ordinary nesting still reads.
        _ = try ExpressionParser.parse(String(repeating: "(", count: 60) + "a.b" + String(repeating: ")", count: 60))
        _ = try ExpressionParser.parse(String(repeating: "not ", count: 60) + "a.b")
    }

    /// The random rulebooks of the index property test, read in chunks and whole: always the same.
    @Test func randomRulebooksReadTheSameInChunks() {
        for seed in 1...120 {
            for (file, text) in IndexPropertyTests.rulebooks(seed: UInt64(seed) * 7919) {
                // The cut applies and every chunk stands alone, so the chunked path is the one taken.
                let split = RuleListSplit(source: text, minimumItems: 1, chunkCount: 8)
                #expect(
                    split?.chunks.allSatisfy { RulebookParser.parseRules(chunk: $0, file: file) != nil } == true,
                    "seed \(seed) \(file)")
                let (a, aDiagnostics) = whole(text, file: file)
                let (b, bDiagnostics) = chunked(text, file: file)
                #expect(a == b, "seed \(seed) \(file)")
                #expect(aDiagnostics.map(\.description) == bDiagnostics.map(\.description), "seed \(seed) \(file)")
            }
        }
    }
}
