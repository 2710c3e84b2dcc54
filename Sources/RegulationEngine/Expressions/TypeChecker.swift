/// A problem found in one expression, at a character offset within it.
struct ExpressionIssue: Equatable {
    let kind: Diagnostic.Kind
    let message: String
    let offset: Int
}

/// Checks an expression against a fact schema: facts exist, operands fit their operators, the
/// whole is a condition, and nothing can obviously never hold.
struct TypeChecker {
    let schema: [String: FactDeclaration]
    private(set) var issues: [ExpressionIssue] = []

    init(schema: [String: FactDeclaration]) {
        self.schema = schema
    }

    /// The static type of an expression node.
    enum StaticType: Equatable {
        case bool, string, number, date, list, unknown
        /// A string restricted to declared values.
        case enumeration([String])

        var name: String {
            switch self {
            case .bool: "bool"
            case .string: "string"
            case .number: "number"
            case .date: "date"
            case .list: "list"
            case .unknown: "unknown"
            case .enumeration: "enum"
            }
        }

        var isStringLike: Bool {
            switch self {
            case .string, .enumeration: true
            default: false
            }
        }
    }

    static func check(_ expression: Expression, schema: [String: FactDeclaration]) -> [ExpressionIssue] {
        var checker = TypeChecker(schema: schema)
        let type = checker.type(of: expression)
        if type != .bool && type != .unknown {
            checker.issues.append(
                ExpressionIssue(
                    kind: .typeMismatch, message: "a condition must be true or false, but this is a \(type.name)",
                    offset: expression.offset))
        }
        checker.findContradictions(expression)
        return checker.issues
    }

    mutating func report(_ kind: Diagnostic.Kind, _ message: String, at offset: Int) {
        issues.append(ExpressionIssue(kind: kind, message: message, offset: offset))
    }

    static func staticType(of declaration: FactType) -> StaticType {
        switch declaration {
        case .string: .string
        case .enumeration(let values): .enumeration(values)
        case .number: .number
        case .bool: .bool
        case .date: .date
        case .list: .list
        }
    }

    static func staticType(of value: FactValue) -> StaticType {
        switch value {
        case .string: .string
        case .number: .number
        case .bool: .bool
        case .date: .date
        case .list: .list
        }
    }

    mutating func type(of expression: Expression) -> StaticType {
        switch expression {
        case .literal(let value, let offset):
            if case .list(let items) = value, let first = items.first,
                items.contains(where: { $0.typeName != first.typeName })
            {
                report(.typeMismatch, "a list must hold values of one type", at: offset)
            }
            return Self.staticType(of: value)
        case .fact(let path, let offset):
            guard let declaration = schema[path] else {
                report(.unknownFact, "unknown fact '\(path)'", at: offset)
                return .unknown
            }
            return Self.staticType(of: declaration.type)
        case .not(let inner, let offset):
            let innerType = type(of: inner)
            if innerType != .bool && innerType != .unknown {
                report(.typeMismatch, "'not' needs a condition, not a \(innerType.name)", at: offset)
            }
            return .bool
        case .and(let items, _), .or(let items, _):
            for item in items {
                let itemType = type(of: item)
                if itemType != .bool && itemType != .unknown {
                    report(.typeMismatch, "'and'/'or' join conditions, not a \(itemType.name)", at: item.offset)
                }
            }
            return .bool
        case .comparison(let op, let left, let right, let offset):
            checkComparison(op, left, right, offset: offset)
            return .bool
        }
    }

    mutating func checkComparison(_ op: ComparisonOperator, _ left: Expression, _ right: Expression, offset: Int) {
        let leftType = type(of: left)
        let rightType = type(of: right)
        if leftType == .unknown || rightType == .unknown { return }
        switch op {
        case .equal, .notEqual:
            let compatible = (leftType.isStringLike && rightType.isStringLike) || leftType.name == rightType.name
            guard compatible, leftType != .list else {
                report(
                    .typeMismatch, "cannot compare \(leftType.name) with \(rightType.name) using \(op.rawValue)",
                    at: offset)
                return
            }
            checkEnumLiteral(leftType, right, op: op)
            checkEnumLiteral(rightType, left, op: op)
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard leftType == rightType, leftType == .number || leftType == .date else {
                report(
                    .typeMismatch,
                    "\(op.rawValue) compares two numbers or two dates, not \(leftType.name) and \(rightType.name)",
                    at: offset)
                return
            }
        case .isIn, .notIn:
            if rightType == .list, case .literal(.list(let items), let listOffset) = right {
                if items.isEmpty && op == .isIn { report(.neverHolds, "'in []' can never hold", at: listOffset) }
                if let first = items.first {
                    let elementType = Self.staticType(of: first)
                    let fits = (leftType.isStringLike && elementType == .string) || leftType.name == elementType.name
                    if !fits || leftType == .list {
                        report(
                            .typeMismatch, "cannot look for a \(leftType.name) in a list of \(elementType.name)",
                            at: offset)
                    }
                }
                if case .enumeration(let allowed) = leftType {
                    let strays = items.compactMap { item -> String? in
                        if case .string(let s) = item, !allowed.contains(s) { return s }
                        return nil
                    }
                    if !strays.isEmpty && strays.count == items.count && op == .isIn {
                        report(
                            .neverHolds,
                            "none of \(strays.map { "\"\($0)\"" }.joined(separator: ", ")) is a value of this enum, so this can never hold",
                            at: listOffset)
                    } else if !strays.isEmpty {
                        report(
                            .neverHolds,
                            "\(strays.map { "\"\($0)\"" }.joined(separator: ", ")) is not a value of this enum",
                            at: listOffset)
                    }
                }
            } else if rightType == .list {
                if !leftType.isStringLike {
                    report(.typeMismatch, "list facts hold strings; cannot look for a \(leftType.name)", at: offset)
                }
            } else {
                report(.typeMismatch, "'\(op.rawValue)' needs a list on its right, not a \(rightType.name)", at: offset)
            }
        case .contains:
            guard leftType == .list, rightType.isStringLike else {
                report(.typeMismatch, "'contains' needs a list fact on its left and a string on its right", at: offset)
                return
            }
        }
    }

    /// `kind == "typo"` against an enum can never hold (and `!=` always holds).
    mutating func checkEnumLiteral(_ type: StaticType, _ other: Expression, op: ComparisonOperator) {
        guard case .enumeration(let allowed) = type, case .literal(.string(let value), let offset) = other,
            !allowed.contains(value)
        else { return }
        let verb = op == .equal ? "can never hold" : "always holds"
        report(
            .neverHolds,
            "\"\(value)\" is not one of the values \(allowed.map { "\"\($0)\"" }.joined(separator: ", ")), so this \(verb)",
            at: offset)
    }

    /// Within one conjunction: two different required values of a fact, or an empty numeric range.
    mutating func findContradictions(_ expression: Expression) {
        switch expression {
        case .and(let items, let offset):
            var required: [String: FactValue] = [:]
            var lower: [String: Double] = [:]
            var upper: [String: Double] = [:]
            for item in items {
                guard case .comparison(let op, .fact(let path, _), .literal(let value, _), _) = item else { continue }
                switch (op, value) {
                case (.equal, _):
                    if let previous = required[path], previous != value {
                        report(.neverHolds, "'\(path)' cannot be both \(previous.text) and \(value.text)", at: offset)
                    }
                    required[path] = value
                case (.greater, .number(let n)), (.greaterOrEqual, .number(let n)):
                    lower[path] = max(lower[path] ?? -.infinity, n)
                case (.less, .number(let n)), (.lessOrEqual, .number(let n)):
                    upper[path] = min(upper[path] ?? .infinity, n)
                default: break
                }
            }
            for (path, low) in lower {
                if let high = upper[path], low > high || (low == high && !inclusiveBoth(items, path)) {
                    report(.neverHolds, "'\(path)' cannot be above \(low) and below \(high) at once", at: offset)
                }
            }
            items.forEach { findContradictions($0) }
        case .or(let items, _):
            items.forEach { findContradictions($0) }
        case .not(let inner, _):
            findContradictions(inner)
        default:
            break
        }
    }

    private func inclusiveBoth(_ items: [Expression], _ path: String) -> Bool {
        var ops: Set<ComparisonOperator> = []
        for case .comparison(let op, .fact(let p, _), .literal, _) in items where p == path { ops.insert(op) }
        return ops.contains(.greaterOrEqual) && ops.contains(.lessOrEqual)
    }
}
