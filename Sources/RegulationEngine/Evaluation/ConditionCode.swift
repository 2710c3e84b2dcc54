/// Every rule condition of a district, lowered into one flat array of small instructions.
///
/// A tree of enum boxes costs a pointer chase per node; at 10k+ rules those cache misses dominate
/// evaluation. Here a condition is a contiguous run of plain structs, and rules that share a guard
/// sit next to each other, so one request's candidates are a few cache lines.
final class ConditionCode: @unchecked Sendable {
    struct Instruction {
        enum Kind: UInt8 {
            case constantTrue, constantFalse, boolFact, compareSlotLiteral, compareLiteralSlot, compareSlotSlot, and, or, not
        }

        let kind: Kind
        let op: UInt8
        /// A slot (or, for compareLiteralSlot, the literal index).
        let a: Int32
        /// A literal index, a slot, or -1; for `in`/`not in` a set index in `b2`.
        let b: Int32
        let setIndex: Int32
        /// The index just past this node's subtree.
        var end: Int32
    }

    private(set) var instructions: [Instruction] = []
    private(set) var literals: [FactValue] = []
    private(set) var sets: [Set<FactValue>] = []

    static let operators: [ComparisonOperator] = [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .isIn, .notIn, .contains]

    /// Appends a condition and returns where it starts.
    func append(_ condition: CompiledCondition) -> Int32 {
        let start = Int32(instructions.count)
        lower(condition)
        return start
    }

    private func literalIndex(_ value: FactValue) -> Int32 {
        literals.append(value)
        return Int32(literals.count - 1)
    }

    private func lower(_ condition: CompiledCondition) {
        let position = instructions.count
        switch condition {
        case .constant(let value):
            instructions.append(Instruction(kind: value ? .constantTrue : .constantFalse, op: 0, a: -1, b: -1, setIndex: -1, end: 0))
        case .boolFact(let slot):
            instructions.append(Instruction(kind: .boolFact, op: 0, a: Int32(slot), b: -1, setIndex: -1, end: 0))
        case .compare(let left, let op, let right, let set):
            let code = UInt8(Self.operators.firstIndex(of: op)!)
            var setIndex: Int32 = -1
            if let set {
                sets.append(set)
                setIndex = Int32(sets.count - 1)
            }
            switch (left, right) {
            case (.slot(let l), .literal(let value)):
                instructions.append(Instruction(kind: .compareSlotLiteral, op: code, a: Int32(l), b: literalIndex(value), setIndex: setIndex, end: 0))
            case (.literal(let value), .slot(let r)):
                instructions.append(Instruction(kind: .compareLiteralSlot, op: code, a: literalIndex(value), b: Int32(r), setIndex: setIndex, end: 0))
            case (.slot(let l), .slot(let r)):
                instructions.append(Instruction(kind: .compareSlotSlot, op: code, a: Int32(l), b: Int32(r), setIndex: setIndex, end: 0))
            case (.literal(let lv), .literal(let rv)):
                let holds = Comparison.holds(lv, op, rv, set: set)
                instructions.append(Instruction(kind: holds ? .constantTrue : .constantFalse, op: 0, a: -1, b: -1, setIndex: -1, end: 0))
            }
        case .and(let items), .or(let items):
            let isAnd: Bool
            if case .and = condition { isAnd = true } else { isAnd = false }
            instructions.append(Instruction(kind: isAnd ? .and : .or, op: 0, a: -1, b: -1, setIndex: -1, end: 0))
            for item in items { lower(item) }
        case .not(let inner):
            instructions.append(Instruction(kind: .not, op: 0, a: -1, b: -1, setIndex: -1, end: 0))
            lower(inner)
        }
        instructions[position].end = Int32(instructions.count)
    }

    /// Kleene evaluation of the condition starting at `start`, appending missing slots when unknown.
    func truth(at start: Int, _ facts: [FactValue?], missing: inout [Int]) -> Truth {
        instructions.withUnsafeBufferPointer { code in
            evaluate(code, start, facts, &missing)
        }
    }

    private func evaluate(_ code: UnsafeBufferPointer<Instruction>, _ pc: Int, _ facts: [FactValue?], _ missing: inout [Int]) -> Truth {
        let instruction = code[pc]
        switch instruction.kind {
        case .constantTrue: return .isTrue
        case .constantFalse: return .isFalse
        case .boolFact:
            let slot = Int(instruction.a)
            guard slot >= 0, let value = facts[slot] else { missing.append(slot); return .unknown }
            if case .bool(let b) = value { return b ? .isTrue : .isFalse }
            return .isFalse
        case .compareSlotLiteral:
            let slot = Int(instruction.a)
            guard slot >= 0, let value = facts[slot] else { missing.append(slot); return .unknown }
            let op = Self.operators[Int(instruction.op)]
            if instruction.setIndex >= 0 {
                let found = sets[Int(instruction.setIndex)].contains(value)
                return (op == .isIn ? found : !found) ? .isTrue : .isFalse
            }
            return Comparison.holds(value, op, literals[Int(instruction.b)], set: nil) ? .isTrue : .isFalse
        case .compareLiteralSlot:
            let slot = Int(instruction.b)
            guard slot >= 0, let value = facts[slot] else { missing.append(slot); return .unknown }
            return Comparison.holds(literals[Int(instruction.a)], Self.operators[Int(instruction.op)], value, set: nil) ? .isTrue : .isFalse
        case .compareSlotSlot:
            let l = Int(instruction.a)
            let r = Int(instruction.b)
            guard l >= 0, let left = facts[l] else { missing.append(l); return .unknown }
            guard r >= 0, let right = facts[r] else { missing.append(r); return .unknown }
            return Comparison.holds(left, Self.operators[Int(instruction.op)], right, set: nil) ? .isTrue : .isFalse
        case .and, .or:
            let decisive: Truth = instruction.kind == .and ? .isFalse : .isTrue
            let mark = missing.count
            var sawUnknown = false
            var child = pc + 1
            let end = Int(instruction.end)
            while child < end {
                let result = evaluate(code, child, facts, &missing)
                if result == decisive {
                    missing.removeSubrange(mark...)
                    return decisive
                }
                if result == .unknown { sawUnknown = true }
                child = Int(code[child].end)
            }
            if sawUnknown { return .unknown }
            return decisive == .isFalse ? .isTrue : .isFalse
        case .not:
            switch evaluate(code, pc + 1, facts, &missing) {
            case .isTrue: return .isFalse
            case .isFalse: return .isTrue
            case .unknown: return .unknown
            }
        }
    }
}
