/// Three-valued truth: a missing fact is unknown, never false.
enum Truth: Sendable {
    case isFalse, isTrue, unknown
}

/// A fact read from its slot, or a literal.
enum Operand: Sendable {
    case slot(Int)
    case literal(FactValue)
}

/// An expression with fact paths replaced by slot numbers, ready to evaluate without lookups.
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

    /// Evaluates with Kleene logic, appending the slots of missing facts that left it unknown.
    func truth(_ facts: [FactValue?], missing: inout [Int]) -> Truth {
        switch self {
        case .constant(let value):
            return value ? .isTrue : .isFalse
        case .boolFact(let slot):
            guard slot >= 0, let value = facts[slot] else {
                missing.append(slot)
                return .unknown
            }
            if case .bool(let b) = value { return b ? .isTrue : .isFalse }
            return .isFalse
        case .compare(let left, let op, let right, let set):
            let l: FactValue
            let r: FactValue
            switch left {
            case .literal(let value): l = value
            case .slot(let slot):
                guard slot >= 0, let value = facts[slot] else { missing.append(slot); return .unknown }
                l = value
            }
            switch right {
            case .literal(let value): r = value
            case .slot(let slot):
                guard slot >= 0, let value = facts[slot] else { missing.append(slot); return .unknown }
                r = value
            }
            return Comparison.holds(l, op, r, set: set) ? .isTrue : .isFalse
        case .and(let items):
            let mark = missing.count
            var sawUnknown = false
            for item in items {
                switch item.truth(facts, missing: &missing) {
                case .isFalse:
                    missing.removeSubrange(mark...)
                    return .isFalse
                case .unknown: sawUnknown = true
                case .isTrue: break
                }
            }
            return sawUnknown ? .unknown : .isTrue
        case .or(let items):
            let mark = missing.count
            var sawUnknown = false
            for item in items {
                switch item.truth(facts, missing: &missing) {
                case .isTrue:
                    missing.removeSubrange(mark...)
                    return .isTrue
                case .unknown: sawUnknown = true
                case .isFalse: break
                }
            }
            return sawUnknown ? .unknown : .isFalse
        case .not(let inner):
            switch inner.truth(facts, missing: &missing) {
            case .isTrue: return .isFalse
            case .isFalse: return .isTrue
            case .unknown: return .unknown
            }
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
            if let set { found = set.contains(l) } else if case .list(let items) = r { found = items.contains(l) } else { found = false }
            return op == .isIn ? found : !found
        case .contains:
            guard case .list(let items) = l else { return false }
            return items.contains(r)
        }
    }
}
