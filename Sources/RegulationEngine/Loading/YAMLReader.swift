import Foundation
import TeukguCore

/// Walks a composed YAML tree, keeping file positions for diagnostics.
struct YAMLReader {
    let file: String
    /// Lines of the file before the composed text, when only a chunk of it was composed.
    let lineOffset: Int
    var diagnostics: [Diagnostic] = []

    init(file: String, lineOffset: Int = 0) {
        self.file = file
        self.lineOffset = lineOffset
    }

    func location(_ node: YAMLNode?) -> SourceLocation {
        let mark = node?.mark
        return SourceLocation(file: file, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    mutating func error(_ kind: Diagnostic.Kind, _ message: String, at node: YAMLNode?) {
        diagnostics.append(Diagnostic(.error, kind, message, at: location(node)))
    }

    mutating func warning(_ kind: Diagnostic.Kind, _ message: String, at node: YAMLNode?) {
        diagnostics.append(Diagnostic(.warning, kind, message, at: location(node)))
    }

    /// The mapping's entries by key, warning about keys nobody reads.
    /// Lists are short, so `allowed` is searched in order rather than hashed.
    mutating func fields(_ node: YAMLNode?, allowed: [String], context: String) -> YAMLFields? {
        guard let node, case .mapping(let mapping) = node else {
            error(.structure, "\(context) must be a mapping", at: node)
            return nil
        }
        var pairs: [(name: String, value: YAMLNode)] = []
        pairs.reserveCapacity(mapping.count)
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            if !allowed.contains(name) { warning(.structure, "unknown key '\(name)' in \(context)", at: key) }
            pairs.append((name, value))
        }
        return YAMLFields(pairs: pairs)
    }

    mutating func requiredString(_ fields: YAMLFields, _ key: String, context: String, parent: YAMLNode?) -> String? {
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

    func optionalString(_ fields: YAMLFields, _ key: String) -> String? {
        guard let node = fields[key], case .scalar(let scalar) = node else { return nil }
        return scalar.string
    }

    mutating func localized(_ node: YAMLNode?, context: String) -> LocalizedText? {
        guard let node else { return nil }
        if case .scalar(let scalar) = node { return LocalizedText(ko: scalar.string, en: scalar.string) }
        guard let map = fields(node, allowed: ["ko", "en"], context: context) else { return nil }
        guard let ko = requiredString(map, "ko", context: context, parent: node),
            let en = requiredString(map, "en", context: context, parent: node)
        else { return nil }
        return LocalizedText(ko: ko, en: en)
    }

    /// A free text given plainly or as `{ko, en}`: answers the English, which the engine and its
    /// JSON carry, and records the Korean for pages.
    mutating func text(
        _ fields: YAMLFields, _ key: String, context: String, parent: YAMLNode?, korean: inout [String: String]
    ) -> String? {
        guard let node = fields[key] else {
            error(.structure, "\(context) needs '\(key)'", at: parent)
            return nil
        }
        return text(node, context: "'\(key)' of \(context)", korean: &korean)
    }

    mutating func optionalText(
        _ fields: YAMLFields, _ key: String, context: String, korean: inout [String: String]
    ) -> String? {
        guard let node = fields[key] else { return nil }
        return text(node, context: "'\(key)' of \(context)", korean: &korean)
    }

    private mutating func text(_ node: YAMLNode, context: String, korean: inout [String: String]) -> String? {
        if case .scalar(let scalar) = node, !scalar.string.allSatisfy(\.isWhitespace) { return scalar.string }
        guard case .mapping = node, let both = localized(node, context: context) else {
            error(.structure, "\(context) must be a non-empty text or {ko, en}", at: node)
            return nil
        }
        korean[both.en] = both.ko
        return both.en
    }

    mutating func date(_ node: YAMLNode?, context: String) -> CalendarDate? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, let date = CalendarDate(iso: scalar.string) else {
            error(.structure, "\(context) must be a date as YYYY-MM-DD", at: node)
            return nil
        }
        return date
    }

    mutating func period(_ node: YAMLNode?, context: String) -> EffectivePeriod {
        guard let node else { return .always }
        guard let map = fields(node, allowed: ["from", "until"], context: context) else { return .always }
        let from = date(map["from"], context: "\(context).from")
        let until = date(map["until"], context: "\(context).until")
        if let from, let until, until <= from {
            error(.structure, "\(context) ends (\(until.iso)) before it starts (\(from.iso))", at: node)
        }
        return EffectivePeriod(from: from, until: until)
    }

    mutating func sequence(_ node: YAMLNode?, context: String) -> [YAMLNode] {
        guard let node else { return [] }
        guard case .sequence(let items) = node else {
            error(.structure, "\(context) must be a list", at: node)
            return []
        }
        return Array(items)
    }

    mutating func wholeNumber(_ node: YAMLNode?, context: String) -> Int64? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, let value = Int64(scalar.string.replacingOccurrences(of: "_", with: "")),
            value > 0
        else {
            error(.structure, "\(context) must be a positive whole number of won", at: node)
            return nil
        }
        return value
    }
}

/// A mapping's entries by key. A rule has a handful of keys, so a list searched in order is
/// cheaper than a dictionary hashed for each; a key given twice counts once, the last time.
struct YAMLFields {
    let pairs: [(name: String, value: YAMLNode)]

    subscript(key: String) -> YAMLNode? { pairs.last { $0.name == key }?.value }
}
