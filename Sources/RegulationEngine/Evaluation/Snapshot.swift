import TeukguCore

/// One compiled rule: its condition over slots and the days it is in force. A class, so the hot
/// loop passes one reference instead of copying the rule's many fields.
final class CompiledRule: @unchecked Sendable {
    // The fields evaluation reads come first, in the object's first cache line beside the
    // reference count that appending the rule to a list touches anyway: at 10k+ rules each
    // object a request reaches is a cache miss, and one line is cheaper than several.
    /// Exemptions that can switch this rule off; set once while compiling, read-only afterwards.
    var exemptions: [CompiledRule] = []
    /// The rule's rank by id among the district's rules, so decisions sort integers, not strings.
    var order = 0
    /// What a decision says about this rule, built once.
    let summary: RuleSummary
    let isProhibition: Bool
    /// Read when conditions are merged, so kept here rather than behind `rule`.
    let id: String
    let conditions: [RuleCondition]
    /// The rule itself lives in a box of its own: inline it would make every compiled rule several
    /// cache lines long and spread one request's candidates over many more lines at 100k rules.
    private let box: RuleBox
    var rule: Rule { box.rule }
    let rulebookID: String
    /// Where its condition starts in the district's `ConditionCode`.
    let codeStart: Int
    /// The intersection of the rulebook's and the rule's periods, as day numbers (until exclusive).
    let firstDay: Int
    let endDay: Int

    init(rule: Rule, rulebookID: String, periods: [EffectivePeriod], codeStart: Int) {
        box = RuleBox(rule)
        id = rule.id
        conditions = rule.conditions
        self.rulebookID = rulebookID
        self.codeStart = codeStart
        firstDay = periods.compactMap { $0.from?.dayNumber }.max() ?? Int.min
        endDay = periods.compactMap { $0.until?.dayNumber }.min() ?? Int.max
        summary = RuleSummary(rule: rule, rulebookID: rulebookID)
        isProhibition = rule.effect == .prohibit
    }

    @inline(__always) func isInForce(on day: Int) -> Bool { day >= firstDay && day < endDay }
}

final class RuleBox: @unchecked Sendable {
    let rule: Rule
    init(_ rule: Rule) { self.rule = rule }
}

/// Everything that applies in one district: national and district rules, compiled and indexed.
final class DistrictProgram: Sendable {
    let districtID: String
    let rulebooks: [Rulebook]
    let districtRulebooks: [Rulebook]
    /// Prohibit and require rules.
    let rules: [CompiledRule]
    let index: RuleIndex
    let code: ConditionCode
    /// Rule periods and condition starts side by side, so a candidate that does not hold is
    /// rejected without touching its rule object.
    let firstDays: [Int]
    let endDays: [Int]
    let codeStarts: [Int]
    /// What a rule that holds does, whether exemptions can switch it off, and its rank by id, also
    /// side by side: a verdict touches only the rule objects its answer reports.
    let prohibits: [Bool]
    let hasExemptions: [Bool]
    let orders: [Int]
    /// Declared facts by path, with their slots; company facts also by their bare name.
    let declarations: [String: (declaration: FactDeclaration, slot: Int)]
    let companyDeclarations: [String: (declaration: FactDeclaration, slot: Int)]
    /// The rulebooks' references with their periods, so a decision lists those in force.
    let referencePeriods: [(period: EffectivePeriod, reference: RulebookReference)]
    let allReferences: [RulebookReference]
    let encodedAllReferences: [UInt8]
    /// The days on which every rulebook is in force.
    let allReferencesPeriod: EffectivePeriod

    init(districtID: String, rulebooks: [Rulebook], districtRulebooks: [Rulebook], rules: [CompiledRule],
         index: RuleIndex, code: ConditionCode, declarations: [String: (declaration: FactDeclaration, slot: Int)], references: [(period: EffectivePeriod, reference: RulebookReference)]) {
        self.districtID = districtID
        self.rulebooks = rulebooks
        self.districtRulebooks = districtRulebooks
        self.rules = rules
        self.index = index
        self.code = code
        firstDays = rules.map(\.firstDay)
        endDays = rules.map(\.endDay)
        codeStarts = rules.map(\.codeStart)
        prohibits = rules.map(\.isProhibition)
        hasExemptions = rules.map { !$0.exemptions.isEmpty }
        orders = rules.map(\.order)
        self.declarations = declarations
        var company: [String: (declaration: FactDeclaration, slot: Int)] = [:]
        for (path, entry) in declarations where path.hasPrefix("company.") { company[String(path.dropFirst("company.".count))] = entry }
        companyDeclarations = company
        referencePeriods = references
        allReferences = references.map(\.reference)
        encodedAllReferences = DecisionJSON.rulebooks(allReferences)
        let starts = references.compactMap(\.period.from)
        let ends = references.compactMap(\.period.until)
        allReferencesPeriod = EffectivePeriod(from: starts.max(), until: ends.min())
    }
}

/// An immutable, compiled view of a rulebook set that answers requests without scanning every rule.
public final class Snapshot: Sendable {
    let programs: [String: DistrictProgram]
    let slots: [String: Int]
    let slotPaths: [String]
    public let rulebooks: [Rulebook]

    /// Compiles a rulebook set that loaded without errors.
    public init(_ set: RulebookSet) {
        rulebooks = set.rulebooks
        var slots: [String: Int] = [:]
        var paths: [String] = []
        for fact in set.rulebooks.flatMap(\.facts) where slots[fact.path] == nil {
            slots[fact.path] = paths.count
            paths.append(fact.path)
        }
        self.slots = slots
        slotPaths = paths
        let national = set.rulebooks.filter { $0.scope == .national }
        var districtBooks: [String: [Rulebook]] = [:]
        for rulebook in set.rulebooks {
            if case .district(let id) = rulebook.scope { districtBooks[id, default: []].append(rulebook) }
        }
        var programs: [String: DistrictProgram] = [:]
        for (district, books) in districtBooks {
            programs[district] = Snapshot.program(district: district, national: national, district: books, slots: slots)
        }
        self.programs = programs
    }

    static func program(district: String, national: [Rulebook], district books: [Rulebook], slots: [String: Int]) -> DistrictProgram {
        var rules: [CompiledRule] = []
        var exemptions: [String: [CompiledRule]] = [:]
        var declarations: [String: (declaration: FactDeclaration, slot: Int)] = [:]
        var pending: [(rule: Rule, rulebook: Rulebook, condition: CompiledCondition, sortKey: String)] = []
        for rulebook in national + books {
            for fact in rulebook.facts where declarations[fact.path] == nil { declarations[fact.path] = (fact, slots[fact.path] ?? -1) }
            for rule in rulebook.rules {
                let condition = CompiledCondition.compile(rule.when, slots: slots)
                let sortKey = RuleIndex.guardOf(condition).map { "\($0.0):\($0.1.map(\.text).sorted().first ?? "")" } ?? ""
                pending.append((rule, rulebook, condition, sortKey))
            }
        }
        // Rules that share a guard are evaluated together; allocating them side by side keeps one
        // request's candidates close in memory, which matters more than anything else at 10k+ rules.
        pending.sort { $0.sortKey < $1.sortKey }
        let code = ConditionCode()
        var conditions: [CompiledCondition] = []
        for item in pending {
            let start = Int(code.append(item.condition))
            let compiled = CompiledRule(rule: item.rule, rulebookID: item.rulebook.id, periods: [item.rulebook.effective, item.rule.effective], codeStart: start)
            if item.rule.effect == .exempt {
                for target in item.rule.exempts { exemptions[target, default: []].append(compiled) }
            } else {
                rules.append(compiled)
                conditions.append(item.condition)
            }
        }
        for rule in rules { rule.exemptions = exemptions[rule.rule.id] ?? [] }
        var everyRule = rules
        var seen: Set<ObjectIdentifier> = Set(rules.map(ObjectIdentifier.init))
        for exemption in exemptions.values.flatMap({ $0 }) where seen.insert(ObjectIdentifier(exemption)).inserted { everyRule.append(exemption) }
        for (rank, rule) in everyRule.sorted(by: { $0.rule.id < $1.rule.id }).enumerated() { rule.order = rank }
        return DistrictProgram(districtID: district, rulebooks: national + books, districtRulebooks: books, rules: rules,
                               index: RuleIndex(conditions: conditions), code: code, declarations: declarations,
                               references: (national + books).map { ($0.effective, RulebookReference(id: $0.id, contentHash: $0.contentHash)) })
    }

    /// The district ids this snapshot can answer for.
    public var districts: [String] { programs.keys.sorted() }

    /// The facts a form for the district should offer, national ones first.
    public func factDeclarations(district: String) -> [FactDeclaration] {
        guard let program = programs[district] else { return [] }
        var seen: Set<String> = []
        return program.rulebooks.flatMap(\.facts).filter { seen.insert($0.path).inserted }
    }

    /// Evaluates a request using the index.
    public func evaluate(_ request: EvaluationRequest) throws(EvaluationError) -> Decision {
        let (program, facts) = try prepare(request)
        return Evaluator.decide(program: program, district: request.district, asOf: request.asOf, facts: facts,
                                candidates: program.index.candidates(facts), slotPaths: slotPaths)
    }

    /// The same, from facts given as pairs (the bulk reader's form, which skips building dictionaries).
    func evaluate(district: String, asOf: CalendarDate, facts given: [(String, FactValue)], company: [(String, FactValue)]) throws(EvaluationError) -> Decision {
        let (program, facts) = try prepare(district: district, asOf: asOf, facts: given, company: company)
        return Evaluator.decide(program: program, district: district, asOf: asOf, facts: facts, candidates: program.index.candidates(facts), slotPaths: slotPaths)
    }

    func prepare(district: String, asOf: CalendarDate, facts given: [(String, FactValue)], company: [(String, FactValue)]) throws(EvaluationError) -> (DistrictProgram, [FactValue?]) {
        var facts: [FactValue?] = []
        let program = try prepare(district: district, asOf: asOf, facts: given, company: company, into: &facts)
        return (program, facts)
    }

    /// Lays the facts out by slot into a reused buffer.
    func prepare(district: String, asOf: CalendarDate, facts given: [(String, FactValue)], company: [(String, FactValue)], into facts: inout [FactValue?]) throws(EvaluationError) -> DistrictProgram {
        let program = try program(district: district, asOf: asOf)
        if facts.count == slotPaths.count {
            for index in facts.indices { facts[index] = nil }
        } else {
            facts = [FactValue?](repeating: nil, count: slotPaths.count)
        }
        for (path, value) in given { try place(path, value, program: program, into: &facts) }
        for (name, value) in company { try placeCompany(name, value, program: program, into: &facts) }
        return program
    }

    private func program(district: String, asOf: CalendarDate) throws(EvaluationError) -> DistrictProgram {
        guard let program = programs[district] else { throw .unknownDistrict(district) }
        guard program.districtRulebooks.contains(where: { $0.effective.contains(asOf) }) else {
            throw .notInForce(district: district, date: asOf)
        }
        return program
    }

    /// Validates the request's facts against the district's schema and lays them out by slot.
    func prepare(_ request: EvaluationRequest) throws(EvaluationError) -> (DistrictProgram, [FactValue?]) {
        let program = try program(district: request.district, asOf: request.asOf)
        var facts = [FactValue?](repeating: nil, count: slotPaths.count)
        for (path, given) in request.facts { try place(path, given, program: program, into: &facts) }
        for (name, given) in request.company { try placeCompany(name, given, program: program, into: &facts) }
        return (program, facts)
    }

    /// Company facts may be named with or without their `company.` prefix.
    private func placeCompany(_ name: String, _ given: FactValue, program: DistrictProgram, into facts: inout [FactValue?]) throws(EvaluationError) {
        if let entry = program.companyDeclarations[name] {
            try place("company." + name, given, entry: entry, into: &facts)  // the path is built only on error
        } else {
            try place(name.hasPrefix("company.") ? name : "company." + name, given, program: program, into: &facts)
        }
    }

    private func place(_ path: String, _ given: FactValue, program: DistrictProgram, into facts: inout [FactValue?]) throws(EvaluationError) {
        guard let entry = program.declarations[path] else { throw .unknownFact(path) }
        try place(path, given, entry: entry, into: &facts)
    }

    private func place(_ path: @autoclosure () -> String, _ given: FactValue, entry: (declaration: FactDeclaration, slot: Int), into facts: inout [FactValue?]) throws(EvaluationError) {
        let declaration = entry.declaration
        var value = given
        // JSON has no dates: a date fact arrives as "YYYY-MM-DD".
        if case .date = declaration.type, case .string(let text) = given, let date = CalendarDate(iso: text) { value = .date(date) }
        guard declaration.type.accepts(value) else {
            var expected = declaration.type.name
            if case .enumeration(let values) = declaration.type { expected += " (" + values.joined(separator: ", ") + ")" }
            throw .wrongType(path: path(), expected: expected, got: value.text)
        }
        facts[entry.slot] = value
    }
}

/// What is asked: which district, on which day, about which activity.
public struct EvaluationRequest: Sendable, Hashable {
    public let district: String
    public let asOf: CalendarDate
    public let facts: [String: FactValue]
    /// Facts about the company, read as `company.<name>`.
    public let company: [String: FactValue]

    public init(district: String, asOf: CalendarDate, facts: [String: FactValue], company: [String: FactValue] = [:]) {
        self.district = district
        self.asOf = asOf
        self.facts = facts
        self.company = company
    }

}
