import TeukguCore
import Yams

/// Walks a composed YAML tree, keeping file positions for diagnostics.
struct YAMLReader {
    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    func location(_ node: Node?) -> SourceLocation {
        let mark = node?.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    mutating func error(_ kind: Diagnostic.Kind, _ message: String, at node: Node?) {
        diagnostics.append(Diagnostic(.error, kind, message, at: location(node)))
    }

    mutating func warning(_ kind: Diagnostic.Kind, _ message: String, at node: Node?) {
        diagnostics.append(Diagnostic(.warning, kind, message, at: location(node)))
    }

    /// The mapping's entries by key, warning about keys nobody reads.
    mutating func fields(_ node: Node?, allowed: Set<String>, context: String) -> [String: Node]? {
        guard let node, case .mapping(let mapping) = node else {
            error(.structure, "\(context) must be a mapping", at: node)
            return nil
        }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            if !allowed.contains(name) { warning(.structure, "unknown key '\(name)' in \(context)", at: key) }
            result[name] = value
        }
        return result
    }

    mutating func requiredString(_ fields: [String: Node], _ key: String, context: String, parent: Node?) -> String? {
        guard let node = fields[key] else {
            error(.structure, "\(context) needs '\(key)'", at: parent)
            return nil
        }
        guard case .scalar(let scalar) = node, !scalar.string.allSatisfy(\.isWhitespace) else {
            error(.structure, "'\(key)' must be a non-empty text", at: node)
            return nil
        }
        return scalar.string
    }

    func optionalString(_ fields: [String: Node], _ key: String) -> String? {
        guard let node = fields[key], case .scalar(let scalar) = node else { return nil }
        return scalar.string
    }

    mutating func localized(_ node: Node?, context: String) -> LocalizedText? {
        guard let node else { return nil }
        if case .scalar(let scalar) = node { return LocalizedText(ko: scalar.string, en: scalar.string) }
        guard let map = fields(node, allowed: ["ko", "en"], context: context) else { return nil }
        guard let ko = requiredString(map, "ko", context: context, parent: node), let en = requiredString(map, "en", context: context, parent: node) else { return nil }
        return LocalizedText(ko: ko, en: en)
    }

    mutating func date(_ node: Node?, context: String) -> CalendarDate? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, let date = CalendarDate(iso: scalar.string) else {
            error(.structure, "\(context) must be a date as YYYY-MM-DD", at: node)
            return nil
        }
        return date
    }

    mutating func period(_ node: Node?, context: String) -> EffectivePeriod {
        guard let node else { return .always }
        guard let map = fields(node, allowed: ["from", "until"], context: context) else { return .always }
        let from = date(map["from"], context: "\(context).from")
        let until = date(map["until"], context: "\(context).until")
        if let from, let until, until <= from {
            error(.structure, "\(context) ends (\(until.iso)) before it starts (\(from.iso))", at: node)
        }
        return EffectivePeriod(from: from, until: until)
    }

    mutating func sequence(_ node: Node?, context: String) -> [Node] {
        guard let node else { return [] }
        guard case .sequence(let items) = node else {
            error(.structure, "\(context) must be a list", at: node)
            return []
        }
        return Array(items)
    }

    mutating func wholeNumber(_ node: Node?, context: String) -> Int64? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, let value = Int64(scalar.string.replacingOccurrences(of: "_", with: "")), value > 0 else {
            error(.structure, "\(context) must be a positive whole number of won", at: node)
            return nil
        }
        return value
    }
}

import Foundation
