/// Three-valued truth: a missing fact is unknown, never false.
enum Truth: Sendable {
    case isFalse, isTrue, unknown
}

/// A fact read from its slot, or a literal.
enum Operand: Sendable {
    case slot(Int)
    case literal(FactValue)
}

/// An expression with fact paths replaced by slot numbers: what the index reads its guards from and
/// what `ConditionCode` lowers into instructions.
indirect enum CompiledCondition: Sendable {
    case constant(Bool)
    case boolFact(Int)
    case compare(Operand, ComparisonOperator, Operand, set: Set<FactValue>?)
    case and([CompiledCondition])
    case or([CompiledCondition])
    case not(CompiledCondition)

    static func compile(_ expression: Expression, slots: [String: Int]) -> CompiledCondition {
        switch expression {
        case .literal(.bool(let value), _): return .constant(value)
        case .literal: return .constant(false)
        case .fact(let path, _): return .boolFact(slots[path] ?? -1)
        case .and(let items, _): return .and(items.map { compile($0, slots: slots) })
        case .or(let items, _): return .or(items.map { compile($0, slots: slots) })
        case .not(let inner, _): return .not(compile(inner, slots: slots))
        case .comparison(let op, let left, let right, _):
            func operand(_ e: Expression) -> Operand {
                if case .fact(let path, _) = e { return .slot(slots[path] ?? -1) }
                if case .literal(let value, _) = e { return .literal(value) }
                return .literal(.bool(false))
            }
            var set: Set<FactValue>?
            if op == .isIn || op == .notIn, case .literal(.list(let items), _) = right { set = Set(items) }
            return .compare(operand(left), op, operand(right), set: set)
        }
    }
}

/// How two values compare; types were checked when the rulebook loaded.
enum Comparison {
    static func holds(_ l: FactValue, _ op: ComparisonOperator, _ r: FactValue, set: Set<FactValue>?) -> Bool {
        switch op {
        case .equal: return l == r
        case .notEqual: return l != r
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            let order: Int
            switch (l, r) {
            case (.number(let a), .number(let b)): order = a < b ? -1 : (a > b ? 1 : 0)
            case (.date(let a), .date(let b)): order = a < b ? -1 : (a > b ? 1 : 0)
            default: return false
            }
            switch op {
            case .less: return order < 0
            case .lessOrEqual: return order <= 0
            case .greater: return order > 0
            default: return order >= 0
            }
        case .isIn, .notIn:
            let found: Bool
            if let set {
                found = set.contains(l)
            } else if case .list(let items) = r {
                found = items.contains(l)
            } else {
                found = false
            }
            return op == .isIn ? found : !found
        case .contains:
            guard case .list(let items) = l else { return false }
            return items.contains(r)
        }
    }
}
