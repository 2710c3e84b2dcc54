import Foundation
import TeukguCore

/// Reads one rulebook file into a `Rulebook`, collecting diagnostics instead of stopping at the first.
/// Expressions are parsed here; they are type-checked later, once every schema is known.
enum RulebookParser {
    static let rulebookKeys: [String] = ["id", "scope", "title", "description", "effective", "facts", "rules"]
    static let ruleKeys: [String] = [
        "id", "title", "effect", "when", "cites", "effective", "conditions", "exempts", "group",
    ]

    /// One file, read whole.
    static func parse(source: String, file: String) -> (Rulebook?, [Diagnostic]) {
        parse(sources: [(file, source)])[0]
    }

    /// Reads the rulebook from `text`; its rules too unless they were read already.
    static func parse(
        text: String, file: String, source: String,
        rules parsedRules: (rules: [Rule], diagnostics: [Diagnostic], hash: String)?
    ) -> (Rulebook?, [Diagnostic]) {
        var reader = YAMLReader(file: file)
        let root: YAMLNode
        do {
            guard let composed = try YAMLComposer.compose(text) else {
                reader.error(.yamlSyntax, "the file is empty", at: nil)
                return (nil, reader.diagnostics)
            }
            root = composed
        } catch {
            reader.diagnostics.append(yamlDiagnostic(error, file: file))
            return (nil, reader.diagnostics)
        }
        guard let top = reader.fields(root, allowed: rulebookKeys, context: "a rulebook") else {
            return (nil, reader.diagnostics)
        }
        let id = reader.requiredString(top, "id", context: "a rulebook", parent: root) ?? "?"
        let scope = parseScope(top["scope"], reader: &reader, parent: root)
        let title = reader.localized(top["title"], context: "title") ?? LocalizedText(ko: id, en: id)
        let effective = reader.period(top["effective"], context: "effective")
        var facts: [FactDeclaration] = []
        if let factsNode = top["facts"], case .mapping(let mapping) = factsNode {
            for (key, value) in mapping {
                guard let path = key.string else { continue }
                if let declaration = parseFact(path: path, node: value, reader: &reader) { facts.append(declaration) }
            }
        } else if top["facts"] != nil {
            reader.error(.structure, "'facts' must map each fact name to its declaration", at: top["facts"])
        }
        let (rules, ruleDiagnostics, contentHash) =
            parsedRules ?? parseRules(reader.sequence(top["rules"], context: "rules"), file: file, source: source)
        reader.diagnostics += ruleDiagnostics
        var korean: [String: String] = [:]
        let description = reader.optionalText(top, "description", context: "the rulebook", korean: &korean) ?? ""
        let rulebook = Rulebook(
            id: id, scope: scope ?? .national, title: title, description: description,
            effective: effective, facts: facts, rules: rules, file: file, contentHash: contentHash,
            descriptionKorean: korean[description])
        return (scope == nil ? nil : rulebook, reader.diagnostics)
    }

    /// The rules of a file read whole, with the file's content hash. Runs as one task of
    /// `parse(sources:)`, which spreads large files over the cores by cutting them instead.
    static func parseRules(
        _ nodes: [YAMLNode], file: String, source: String
    ) -> (rules: [Rule], diagnostics: [Diagnostic], hash: String) {
        var reader = YAMLReader(file: file)
        var rules: [Rule] = []
        rules.reserveCapacity(nodes.count)
        for node in nodes {
            if let rule = parseRule(node, reader: &reader) { rules.append(rule) }
        }
        return (rules, reader.diagnostics, SHA256Digest.hex(Array(source.utf8)))
    }

    /// Composes and reads one chunk of a cut rule list; nil when it does not compose alone.
    static func parseRules(chunk: (text: String, linesBefore: Int), file: String) -> ([Rule], [Diagnostic])? {
        guard let composed = try? YAMLComposer.compose(chunk.text), case .sequence(let items) = composed else {
            return nil
        }
        var reader = YAMLReader(file: file, lineOffset: chunk.linesBefore)
        var rules: [Rule] = []
        rules.reserveCapacity(items.count)
        for item in items {
            if let rule = parseRule(item, reader: &reader) { rules.append(rule) }
        }
        return (rules, reader.diagnostics)
    }

    static func yamlDiagnostic(_ error: YAMLSyntaxError, file: String) -> Diagnostic {
        Diagnostic(
            .error, .yamlSyntax, error.problem,
            at: SourceLocation(file: file, line: error.mark.line, column: error.mark.column))
    }

    static func parseScope(_ node: YAMLNode?, reader: inout YAMLReader, parent: YAMLNode) -> RulebookScope? {
        guard let node else {
            reader.error(.structure, "a rulebook needs 'scope' (national, or district: <id>)", at: parent)
            return nil
        }
        if case .scalar(let scalar) = node {
            let text = scalar.string.trimmingCharacters(in: .whitespaces)
            if text == "national" { return .national }
            if text.hasPrefix("district:") {
                let id = text.dropFirst("district:".count).trimmingCharacters(in: .whitespaces)
                if !id.isEmpty { return .district(id) }
            }
        } else if case .mapping(let mapping) = node, mapping.count == 1, let id = mapping["district"]?.string,
            !id.isEmpty
        {
            return .district(id)
        }
        reader.error(.structure, "scope must be 'national' or 'district: <id>'", at: node)
        return nil
    }

    static func parseFact(path: String, node: YAMLNode, reader: inout YAMLReader) -> FactDeclaration? {
        guard
            let map = reader.fields(
                node, allowed: ["type", "values", "unit", "label", "help", "choices", "minimum"],
                context: "fact '\(path)'")
        else { return nil }
        guard path.split(separator: ".").count >= 1,
            path.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" })
        else {
            reader.error(.structure, "'\(path)' is not a fact path (letters, digits and dots)", at: node)
            return nil
        }
        let typeName = reader.requiredString(map, "type", context: "fact '\(path)'", parent: node) ?? ""
        let type: FactType
        switch typeName {
        case "string": type = .string
        case "enum":
            let values = reader.sequence(map["values"], context: "values of '\(path)'").compactMap(\.string)
            if values.isEmpty { reader.error(.structure, "enum fact '\(path)' needs its values", at: node) }
            type = .enumeration(values)
        case "number": type = .number(unit: reader.optionalString(map, "unit"))
        case "bool": type = .bool
        case "date": type = .date
        case "list": type = .list
        default:
            reader.error(
                .structure, "fact '\(path)' has unknown type '\(typeName)' (string, enum, number, bool, date, list)",
                at: map["type"] ?? node)
            return nil
        }
        let label = reader.localized(map["label"], context: "label of '\(path)'") ?? LocalizedText(ko: path, en: path)
        var choices: [String: LocalizedText] = [:]
        if let node = map["choices"] {
            if case .mapping(let mapping) = node {
                for (key, value) in mapping {
                    guard let name = key.string else { continue }
                    if case .enumeration(let values) = type, !values.contains(name) {
                        reader.error(.structure, "'\(name)' is not one of the values of '\(path)'", at: key)
                    }
                    choices[name] = reader.localized(value, context: "choice '\(name)' of '\(path)'")
                }
            } else {
                reader.error(.structure, "choices of '\(path)' must map each value to {ko, en}", at: node)
            }
        }
        var minimum: Double?
        if let node = map["minimum"] {
            if case .number = type, case .scalar(let scalar) = node, let number = Double(scalar.string) {
                minimum = number
            } else {
                reader.error(.structure, "minimum of '\(path)' must be a number on a number fact", at: node)
            }
        }
        return FactDeclaration(
            path: path, type: type, label: label, help: reader.localized(map["help"], context: "help of '\(path)'"),
            choices: choices, minimum: minimum)
    }

    static func parseRule(_ node: YAMLNode, reader: inout YAMLReader) -> Rule? {
        guard let map = reader.fields(node, allowed: ruleKeys, context: "a rule") else { return nil }
        guard let id = reader.requiredString(map, "id", context: "a rule", parent: node) else { return nil }
        let title = reader.localized(map["title"], context: "title of '\(id)'") ?? LocalizedText(ko: id, en: id)
        guard let effectText = reader.requiredString(map, "effect", context: "rule '\(id)'", parent: node) else {
            return nil
        }
        guard let effect = RuleEffect(rawValue: effectText) else {
            reader.error(
                .structure, "rule '\(id)' has unknown effect '\(effectText)' (prohibit, require, exempt)",
                at: map["effect"])
            return nil
        }
        guard let whenNode = map["when"], case .scalar(let whenScalar) = whenNode else {
            reader.error(.structure, "rule '\(id)' needs 'when', a condition", at: node)
            return nil
        }
        let whenText = whenScalar.string
        let expression: Expression
        do {
            expression = try ExpressionParser.parse(whenText)
        } catch {
            reader.diagnostics.append(
                Diagnostic(
                    .error, .expressionSyntax, error.message,
                    at: expressionLocation(whenNode, offset: error.offset, reader: reader)))
            return nil
        }
        var korean: [String: String] = [:]
        var cites: [RuleCitation] = []
        for citeNode in reader.sequence(map["cites"], context: "cites of '\(id)'") {
            guard
                let citeMap = reader.fields(
                    citeNode, allowed: ["law", "article", "url", "note"], context: "a citation")
            else { continue }
            guard let law = reader.requiredString(citeMap, "law", context: "a citation", parent: citeNode),
                let article = reader.requiredString(citeMap, "article", context: "a citation", parent: citeNode)
            else { continue }
            cites.append(
                RuleCitation(
                    law: law, article: article, url: reader.optionalString(citeMap, "url"),
                    note: reader.optionalText(citeMap, "note", context: "a citation", korean: &korean)))
        }
        if cites.isEmpty { reader.error(.structure, "rule '\(id)' cites no provision", at: node) }
        let conditions = reader.sequence(map["conditions"], context: "conditions of '\(id)'").compactMap {
            parseCondition($0, reader: &reader, korean: &korean)
        }
        let exempts = reader.sequence(map["exempts"], context: "exempts of '\(id)'").compactMap(\.string)
        switch effect {
        case .require where conditions.isEmpty:
            reader.error(.structure, "rule '\(id)' requires something but lists no conditions", at: node)
        case .exempt where exempts.isEmpty:
            reader.error(.structure, "rule '\(id)' exempts nothing; list the national rules in 'exempts'", at: node)
        case .prohibit where !conditions.isEmpty || !exempts.isEmpty:
            reader.warning(.structure, "rule '\(id)' prohibits; its conditions and exemptions are ignored", at: node)
        default: break
        }
        if effect != .exempt && !exempts.isEmpty {
            reader.error(.structure, "only 'exempt' rules may list 'exempts' (rule '\(id)')", at: map["exempts"])
        }
        return Rule(
            id: id, title: title, effect: effect, when: expression, whenText: whenText, cites: cites,
            effective: reader.period(map["effective"], context: "effective of '\(id)'"), conditions: conditions,
            exempts: exempts,
            group: reader.optionalString(map, "group"), location: reader.location(node),
            whenLocation: expressionLocation(whenNode, offset: 0, reader: reader), korean: korean)
    }

    static func parseCondition(
        _ node: YAMLNode, reader: inout YAMLReader, korean: inout [String: String]
    ) -> RuleCondition? {
        let keys = [
            "type", "authority", "name", "scheme", "note", "death", "injury", "disability", "property", "zone", "to",
            "when", "text",
        ]
        guard let map = reader.fields(node, allowed: keys, context: "a condition") else { return nil }
        guard let type = reader.requiredString(map, "type", context: "a condition", parent: node) else { return nil }
        switch type {
        case "permit":
            guard
                let authority = reader.text(
                    map, "authority", context: "a permit condition", parent: node, korean: &korean),
                let name = reader.text(map, "name", context: "a permit condition", parent: node, korean: &korean)
            else { return nil }
            return .permit(authority: authority, name: name)
        case "certification":
            guard
                let scheme = reader.text(
                    map, "scheme", context: "a certification condition", parent: node, korean: &korean)
            else { return nil }
            return .certification(
                scheme: scheme,
                note: reader.optionalText(map, "note", context: "a certification condition", korean: &korean))
        case "insurance":
            let death = reader.wholeNumber(map["death"], context: "death cover")
            let injury = reader.wholeNumber(map["injury"], context: "injury cover")
            let disability = reader.wholeNumber(map["disability"], context: "disability cover")
            let property = reader.wholeNumber(map["property"], context: "property cover")
            if death == nil && injury == nil && disability == nil && property == nil {
                reader.error(
                    .structure,
                    "an insurance condition names at least one minimum (death, injury, disability, property)", at: node)
                return nil
            }
            return .insurance(death: death, injury: injury, disability: disability, property: property)
        case "demonstration-area":
            guard
                let zone = reader.text(
                    map, "zone", context: "a demonstration-area condition", parent: node, korean: &korean)
            else { return nil }
            return .demonstrationArea(zone: zone)
        case "notification":
            guard let to = reader.text(map, "to", context: "a notification condition", parent: node, korean: &korean),
                let when = reader.text(map, "when", context: "a notification condition", parent: node, korean: &korean)
            else { return nil }
            return .notification(to: to, when: when)
        case "other":
            guard let text = reader.text(map, "text", context: "an 'other' condition", parent: node, korean: &korean)
            else {
                return nil
            }
            return .other(text: text)
        default:
            reader.error(
                .structure,
                "unknown condition type '\(type)' (permit, certification, insurance, demonstration-area, notification, other)",
                at: map["type"])
            return nil
        }
    }

    /// The file position of a character of an expression: quoted scalars start one column later.
    static func expressionLocation(_ node: YAMLNode, offset: Int, reader: YAMLReader) -> SourceLocation {
        let mark = node.mark
        let file = reader.file
        let lineOffset = reader.lineOffset
        var quoteShift = 0
        if case .scalar(let scalar) = node, scalar.style == .singleQuoted || scalar.style == .doubleQuoted {
            quoteShift = 1
        }
        if case .scalar(let scalar) = node, scalar.style == .literal || scalar.style == .folded {
            return SourceLocation(file: file, line: mark.line + 1 + lineOffset, column: offset + 1)
        }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column + quoteShift + offset)
    }
}
