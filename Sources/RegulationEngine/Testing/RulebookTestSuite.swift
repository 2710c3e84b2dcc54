import Foundation
import TeukguCore

/// One case of a rulebook test file: a request and what the engine must answer.
public struct RulebookTestCase: Sendable {
    public let name: String
    public let location: SourceLocation
    public let request: EvaluationRequest
    public let outcome: Outcome
    /// Exactly these rule ids in the reasons, when given.
    public let reasons: [String]?
    /// Each listed condition (type plus any fields) must be among the decision's, when given.
    public let conditions: [[String: String]]?
    public let missingFacts: [String]?
}

/// The outcome of running every test file beside a rulebook set.
public struct RulebookTestReport: Sendable {
    public struct Failure: Sendable {
        public let name: String
        public let location: SourceLocation
        public let differences: [String]
    }

    public let passed: Int
    public let failures: [Failure]
    /// Rules that no case's decision mentions.
    public let untestedRules: [String]
    public let problems: [Diagnostic]

    public var ran: Int { passed + failures.count }
    public var succeeded: Bool { failures.isEmpty && problems.isEmpty && ran > 0 }
}

public enum RulebookTestRunner {
    public static func run(set: RulebookSet, snapshot: Snapshot) -> RulebookTestReport {
        var cases: [RulebookTestCase] = []
        var problems: [Diagnostic] = []
        for file in set.testFiles {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                problems.append(
                    Diagnostic(
                        .error, .structure, "cannot read test file", at: SourceLocation(file: file, line: 1, column: 1))
                )
                continue
            }
            let (found, issues) = parse(text, file: file)
            cases += found
            problems += issues
        }
        var passed = 0
        var failures: [RulebookTestReport.Failure] = []
        var exercised: Set<String> = []
        for testCase in cases {
            do {
                let decision = try snapshot.evaluate(testCase.request)
                exercised.formUnion(decision.reasons.map(\.ruleID))
                exercised.formUnion(decision.exemptions.map(\.ruleID))
                let differences = compare(testCase, decision)
                if differences.isEmpty {
                    passed += 1
                } else {
                    failures.append(.init(name: testCase.name, location: testCase.location, differences: differences))
                }
            } catch {
                failures.append(
                    .init(
                        name: testCase.name, location: testCase.location,
                        differences: ["evaluation failed: \(error.codeAndMessage.message)"]))
            }
        }
        let allRules = set.rulebooks.flatMap(\.rules).map(\.id)
        return RulebookTestReport(
            passed: passed, failures: failures, untestedRules: allRules.filter { !exercised.contains($0) }.sorted(),
            problems: problems)
    }

    static func compare(_ testCase: RulebookTestCase, _ decision: Decision) -> [String] {
        var differences: [String] = []
        if decision.outcome != testCase.outcome {
            differences.append("outcome: expected \(testCase.outcome.rawValue), got \(decision.outcome.rawValue)")
        }
        if let expected = testCase.reasons {
            let got = decision.reasons.map(\.ruleID).sorted()
            if got != expected.sorted() {
                differences.append("reasons:\n    - expected \(expected.sorted())\n    + got      \(got)")
            }
        }
        if let expected = testCase.conditions {
            let got = decision.conditions.map { fields(of: $0.condition) }
            for want in expected where !got.contains(where: { have in want.allSatisfy { have[$0.key] == $0.value } }) {
                differences.append(
                    "conditions: expected one matching \(want.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")), got \(got.map { $0.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ") })"
                )
            }
        }
        if let expected = testCase.missingFacts {
            let got = decision.missingFacts.map(\.path).sorted()
            if got != expected.sorted() {
                differences.append("missingFacts:\n    - expected \(expected.sorted())\n    + got      \(got)")
            }
        }
        return differences
    }

    static func fields(of condition: RuleCondition) -> [String: String] {
        var out = ["type": condition.kind]
        switch condition {
        case .permit(let authority, let name):
            out["authority"] = authority
            out["name"] = name
        case .certification(let scheme, let note):
            out["scheme"] = scheme
            out["note"] = note
        case .insurance(let d, let i, let dis, let p):
            out["death"] = d.map(String.init)
            out["injury"] = i.map(String.init)
            out["disability"] = dis.map(String.init)
            out["property"] = p.map(String.init)
        case .demonstrationArea(let zone): out["zone"] = zone
        case .notification(let to, let when):
            out["to"] = to
            out["when"] = when
        case .other(let text): out["text"] = text
        }
        return out
    }

    /// The cases of one test file (diagnostics dropped), for tools that replay realistic requests.
    public static func cases(in text: String, file: String) -> [RulebookTestCase] {
        parse(text, file: file).0
    }

    static func parse(_ text: String, file: String) -> ([RulebookTestCase], [Diagnostic]) {
        var reader = YAMLReader(file: file)
        let root: YAMLNode
        do {
            guard let composed = try YAMLComposer.compose(text) else { return ([], []) }
            root = composed
        } catch {
            return ([], [RulebookParser.yamlDiagnostic(error, file: file)])
        }
        guard let top = reader.fields(root, allowed: ["cases"], context: "a test file") else {
            return ([], reader.diagnostics)
        }
        var cases: [RulebookTestCase] = []
        for node in reader.sequence(top["cases"], context: "cases") {
            guard
                let map = reader.fields(
                    node, allowed: ["name", "district", "asOf", "facts", "company", "expect"], context: "a test case"),
                let name = reader.requiredString(map, "name", context: "a test case", parent: node),
                let district = reader.requiredString(map, "district", context: "a test case", parent: node),
                let asOf = reader.date(map["asOf"], context: "asOf"),
                let expect = reader.fields(
                    map["expect"], allowed: ["outcome", "reasons", "conditions", "missingFacts"], context: "expect"),
                let outcomeText = reader.requiredString(expect, "outcome", context: "expect", parent: map["expect"]),
                let outcome = Outcome(rawValue: outcomeText)
            else {
                reader.error(
                    .structure,
                    "a test case needs name, district, asOf and expect.outcome (prohibited, conditional, permitted, indeterminate)",
                    at: node)
                continue
            }
            let request = EvaluationRequest(
                district: district, asOf: asOf, facts: factValues(map["facts"]), company: factValues(map["company"]))
            let reasons = expect["reasons"].map { reader.sequence($0, context: "reasons").compactMap(\.string) }
            let missing = expect["missingFacts"].map {
                reader.sequence($0, context: "missingFacts").compactMap(\.string)
            }
            let conditions = expect["conditions"].map { node in
                reader.sequence(node, context: "conditions").map { item -> [String: String] in
                    guard case .mapping(let mapping) = item else { return [:] }
                    var out: [String: String] = [:]
                    for (key, value) in mapping { if let k = key.string, let v = value.string { out[k] = v } }
                    return out
                }
            }
            cases.append(
                RulebookTestCase(
                    name: name, location: reader.location(node), request: request, outcome: outcome,
                    reasons: reasons, conditions: conditions, missingFacts: missing))
        }
        return (cases, reader.diagnostics)
    }

    /// YAML scalars as fact values: quoted text stays text; plain true/false and numbers are typed.
    static func factValues(_ node: YAMLNode?) -> [String: FactValue] {
        guard let node, case .mapping(let mapping) = node else { return [:] }
        var result: [String: FactValue] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            switch value {
            case .scalar(let scalar):
                result[name] = scalarValue(scalar)
            case .sequence(let items):
                result[name] = .list(items.compactMap(\.string).map(FactValue.string))
            default:
                continue
            }
        }
        return result
    }

    static func scalarValue(_ scalar: YAMLNode.Scalar) -> FactValue {
        let text = scalar.string
        if scalar.style == .singleQuoted || scalar.style == .doubleQuoted { return .string(text) }
        if text == "true" { return .bool(true) }
        if text == "false" { return .bool(false) }
        if let number = Double(text.replacingOccurrences(of: "_", with: "")),
            text.first.map({ $0.isNumber || $0 == "-" }) == true, CalendarDate(iso: text) == nil
        {
            return .number(number)
        }
        return .string(text)
    }
}
