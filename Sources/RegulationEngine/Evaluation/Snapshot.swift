import TeukguCore

/// What evaluation reads of one compiled rule, packed into 24 bytes. Rules that share a guard are
/// laid out side by side, so a request's candidates cost a few cache lines instead of an object
/// each: at 100k rules every line a request touches is likely a miss.
struct RuleEntry: Sendable {
    /// The intersection of the rulebook's and the rule's periods, as day numbers (`endDay` exclusive).
    let firstDay: Int32
    let endDay: Int32
    /// Where its condition starts in the district's `ConditionCode`.
    let codeStart: Int32
    /// Its rank by id among the district's rules, so decisions sort integers, not strings.
    var order: Int32 = 0
    /// The exemptions that can switch it off: `exemptionLinks[exemptionStart ..< exemptionStart + exemptionCount]`.
    var exemptionStart: Int32 = 0
    var exemptionCount: Int32 = 0
    let isProhibition: Bool

    init(periods: [EffectivePeriod], codeStart: Int, isProhibition: Bool) {
        firstDay = Int32(clamping: periods.compactMap { $0.from?.dayNumber }.max() ?? Int.min)
        endDay = Int32(clamping: periods.compactMap { $0.until?.dayNumber }.min() ?? Int.max)
        self.codeStart = Int32(codeStart)
        self.isProhibition = isProhibition
    }

    @inline(__always) func isInForce(on day: Int32) -> Bool { day >= firstDay && day < endDay }
}

/// A declared fact with its slot. A class, so looking one up per request fact costs one retain
/// rather than a copy of the declaration's labels and values.
final class DeclaredFact: Sendable {
    let declaration: FactDeclaration
    let slot: Int

    init(declaration: FactDeclaration, slot: Int) {
        self.declaration = declaration
        self.slot = slot
    }
}

extension CalendarDate {
    /// The day number in the width `RuleEntry` keeps (every real date fits).
    var compactDayNumber: Int32 { Int32(clamping: dayNumber) }
}

/// Everything that applies in one district: national and district rules, compiled and indexed.
/// Rules are known by their position in `entries` and `summaries` (layout order); the index holds
/// positions of prohibit and require rules, `exemptionLinks` positions of exemptions.
final class DistrictProgram: Sendable {
    let districtID: String
    let rulebooks: [Rulebook]
    let districtRulebooks: [Rulebook]
    let entries: [RuleEntry]
    let exemptionLinks: [Int32]
    /// What decisions say about each rule, shared with the decisions that cite it.
    let summaries: SummaryTable
    let index: RuleIndex
    let code: ConditionCode
    /// Declared facts by path, with their slots; company facts also by their bare name.
    let declarations: [String: DeclaredFact]
    let companyDeclarations: [String: DeclaredFact]
    /// The rulebooks' references with their periods, so a decision lists those in force.
    let referencePeriods: [(period: EffectivePeriod, reference: RulebookReference)]
    let allReferences: [RulebookReference]
    let encodedAllReferences: [UInt8]
    /// The days on which every rulebook is in force.
    let allReferencesPeriod: EffectivePeriod

    init(
        districtID: String, rulebooks: [Rulebook], districtRulebooks: [Rulebook], entries: [RuleEntry],
        exemptionLinks: [Int32], summaries: SummaryTable,
        index: RuleIndex, code: ConditionCode, declarations: [String: DeclaredFact],
        references: [(period: EffectivePeriod, reference: RulebookReference)]
    ) {
        self.districtID = districtID
        self.rulebooks = rulebooks
        self.districtRulebooks = districtRulebooks
        self.entries = entries
        self.exemptionLinks = exemptionLinks
        self.summaries = summaries
        self.index = index
        self.code = code
        self.declarations = declarations
        var company: [String: DeclaredFact] = [:]
        for (path, entry) in declarations where path.hasPrefix("company.") {
            company[String(path.dropFirst("company.".count))] = entry
        }
        companyDeclarations = company
        referencePeriods = references
        allReferences = references.map(\.reference)
        encodedAllReferences = DecisionJSON.rulebooks(allReferences)
        let starts = references.compactMap(\.period.from)
        let ends = references.compactMap(\.period.until)
        allReferencesPeriod = EffectivePeriod(from: starts.max(), until: ends.min())
    }

    @inline(__always) func summary(_ position: Int) -> RuleSummary { summaries.items[position] }

    /// Positions of the rules `grants` switch off, each with the index of its grant.
    func grantedPositions(_ grants: [CompanyGrant]) -> [Int: Int] {
        guard !grants.isEmpty else { return [:] }
        var wanted: [String: Int] = [:]
        for (index, grant) in grants.enumerated() {
            for rule in grant.exempts where wanted[rule] == nil { wanted[rule] = index }
        }
        var positions: [Int: Int] = [:]
        // A company holds a handful of grants; one pass over the district's summaries finds them.
        for (position, item) in summaries.items.enumerated() {
            if let grant = wanted[item.ruleID] { positions[position] = grant }
        }
        return positions
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

    static func program(
        district: String, national: [Rulebook], district books: [Rulebook], slots: [String: Int]
    ) -> DistrictProgram {
        let rulebooks = national + books
        var declarations: [String: DeclaredFact] = [:]
        for rulebook in rulebooks {
            for fact in rulebook.facts where declarations[fact.path] == nil {
                declarations[fact.path] = DeclaredFact(declaration: fact, slot: slots[fact.path] ?? -1)
            }
        }
        let prepared = PreparedRule.prepareAll(rulebooks, slots: slots)
        // Rules that share a guard are evaluated together; laying them out side by side keeps one
        // request's candidates close in memory, which matters more than anything else at 10k+ rules.
        let layout = prepared.indices.sorted { prepared[$0].sortKey < prepared[$1].sortKey }
        let shared = ReadOnly((rulebooks, prepared))
        let described = inParallel(layout) { index in
            let (rulebooks, prepared) = shared.value
            let item = prepared[index]
            let rule = rulebooks[item.rulebook].rules[item.rule]
            let summary = RuleSummary(rule: rule, rulebookID: rulebooks[item.rulebook].id)
            return (summary, SummaryTable.fragments(of: rule, rulebookID: summary.rulebookID, exempts: summary.exempts))
        }
        let summaries = described.map(\.0)
        var codeBuilder = ConditionCode.Builder()
        var entries: [RuleEntry] = []
        entries.reserveCapacity(layout.count)
        var indexed: [(position: Int, condition: CompiledCondition)] = []
        var exemptionsByTarget: [String: [Int32]] = [:]
        for (position, index) in layout.enumerated() {
            let item = prepared[index]
            let rulebook = rulebooks[item.rulebook]
            let rule = rulebook.rules[item.rule]
            let start = Int(codeBuilder.append(item.condition))
            entries.append(
                RuleEntry(
                    periods: [rulebook.effective, rule.effective], codeStart: start,
                    isProhibition: rule.effect == .prohibit))
            if rule.effect == .exempt {
                for target in rule.exempts { exemptionsByTarget[target, default: []].append(Int32(position)) }
            } else {
                indexed.append((position, item.condition))
            }
        }
        var exemptionLinks: [Int32] = []
        for (position, _) in indexed {
            guard let exemptions = exemptionsByTarget[summaries[position].ruleID] else { continue }
            entries[position].exemptionStart = Int32(exemptionLinks.count)
            entries[position].exemptionCount = Int32(exemptions.count)
            exemptionLinks += exemptions
        }
        let code = ConditionCode(codeBuilder)
        // Ranks by id, so decisions sort integers rather than strings.
        for (rank, position) in entries.indices.sorted(by: { summaries[$0].ruleID < summaries[$1].ruleID }).enumerated()
        {
            entries[position].order = Int32(rank)
        }
        return DistrictProgram(
            districtID: district, rulebooks: rulebooks, districtRulebooks: books, entries: entries,
            exemptionLinks: exemptionLinks,
            summaries: SummaryTable(summaries, fragments: described.map(\.1)),
            index: RuleIndex(conditions: indexed, stringIDs: codeBuilder.stringIDs), code: code,
            declarations: declarations,
            references: rulebooks.map { ($0.effective, RulebookReference(id: $0.id, contentHash: $0.contentHash)) })
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
        let grants = request.grants.filter { $0.covers(district: request.district, on: request.asOf) }
        return Evaluator.decide(
            program: program, district: request.district, asOf: request.asOf, facts: facts, slotPaths: slotPaths,
            grants: grants)
    }

    /// The same, from facts given as pairs (the bulk reader's form, which skips building dictionaries).
    func evaluate(
        district: String, asOf: CalendarDate, facts given: [(String, FactValue)], company: [(String, FactValue)]
    ) throws(EvaluationError) -> Decision {
        let (program, facts) = try prepare(district: district, asOf: asOf, facts: given, company: company)
        return Evaluator.decide(program: program, district: district, asOf: asOf, facts: facts, slotPaths: slotPaths)
    }

    func prepare(
        district: String, asOf: CalendarDate, facts given: [(String, FactValue)], company: [(String, FactValue)]
    ) throws(EvaluationError) -> (DistrictProgram, [FactValue?]) {
        var facts: [FactValue?] = []
        let program = try prepare(district: district, asOf: asOf, facts: given, company: company, into: &facts)
        return (program, facts)
    }

    /// Lays the facts out by slot into a reused buffer.
    func prepare(
        district: String, asOf: CalendarDate, facts given: [(String, FactValue)], company: [(String, FactValue)],
        into facts: inout [FactValue?]
    ) throws(EvaluationError) -> DistrictProgram {
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
    private func placeCompany(
        _ name: String, _ given: FactValue, program: DistrictProgram, into facts: inout [FactValue?]
    ) throws(EvaluationError) {
        if let entry = program.companyDeclarations[name] {
            try place("company." + name, given, entry: entry, into: &facts)  // the path is built only on error
        } else {
            try place(name.hasPrefix("company.") ? name : "company." + name, given, program: program, into: &facts)
        }
    }

    private func place(
        _ path: String, _ given: FactValue, program: DistrictProgram, into facts: inout [FactValue?]
    ) throws(EvaluationError) {
        guard let entry = program.declarations[path] else { throw .unknownFact(path) }
        try place(path, given, entry: entry, into: &facts)
    }

    private func place(
        _ path: @autoclosure () -> String, _ given: FactValue, entry: DeclaredFact, into facts: inout [FactValue?]
    ) throws(EvaluationError) {
        let type = entry.declaration.type
        var value = given
        // JSON has no dates: a date fact arrives as "YYYY-MM-DD".
        if case .date = type, case .string(let text) = given, let date = CalendarDate(iso: text) { value = .date(date) }
        guard type.accepts(value) else {
            var expected = type.name
            if case .enumeration(let values) = type { expected += " (" + values.joined(separator: ", ") + ")" }
            throw .wrongType(path: path(), expected: expected, got: value.text)
        }
        if let minimum = entry.declaration.minimum, case .number(let number) = value, number < minimum {
            throw .wrongType(path: path(), expected: "number of at least \(minimum.formatted())", got: value.text)
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
    /// The checking company's grants; those covering the district on `asOf` switch their rules off.
    public let grants: [CompanyGrant]

    public init(
        district: String, asOf: CalendarDate, facts: [String: FactValue], company: [String: FactValue] = [:],
        grants: [CompanyGrant] = []
    ) {
        self.district = district
        self.asOf = asOf
        self.facts = facts
        self.company = company
        self.grants = grants
    }

}
