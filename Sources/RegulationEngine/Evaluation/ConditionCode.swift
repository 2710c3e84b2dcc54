/// Every rule condition of a district, lowered into one flat array of 16-byte instructions.
///
/// A tree of enum boxes costs a pointer chase per node; at 10k+ rules those cache misses dominate
/// evaluation. Here a condition is a contiguous run of plain structs, and rules that share a guard
/// sit next to each other, so one request's candidates are a few cache lines. The common
/// comparisons carry their literal inside the instruction: a number as its bits, a string as an
/// interned id that the request's own strings are looked up against once per request. Reading a
/// separate literal per comparison was the largest single cost of evaluation.
final class ConditionCode: Sendable {
    struct Instruction: Sendable {
        enum Kind: UInt8, Sendable {
            case constantTrue, constantFalse, boolFact
            /// A number fact against the number in `payload`.
            case numberLiteral
            /// A string fact against the interned string id in `payload`.
            case stringEqual, stringNotEqual
            /// A string fact against the sorted ids `setMembers[start ..< start + count]` (payload: start, count).
            case stringIn, stringNotIn
            /// Anything else: `payload` is a literal index (or, for slot–slot, the right slot; for
            /// `in` over other values, a set index).
            case compareSlotLiteral, compareLiteralSlot, compareSlotSlot, setMembership
            /// `payload` is the index just past the subtree.
            case and, or, not
        }

        let kind: Kind
        let op: UInt8
        /// The fact's slot (or, for compareLiteralSlot, the slot on the right).
        let slot: Int32
        let payload: UInt64

        var isComposite: Bool { kind == .and || kind == .or || kind == .not }
    }

    let instructions: [Instruction]
    let literals: [FactValue]
    let sets: [Set<FactValue>]
    let setMembers: [Int32]

    static let operators: [ComparisonOperator] = [
        .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .isIn, .notIn, .contains,
    ]

    /// What a request's string fact is, per slot, for the string instructions.
    enum StringID {
        static let missing: Int32 = -2
        /// Present, but not a string any condition names (or not a string at all).
        static let unnamed: Int32 = -1
    }

    init(_ builder: Builder) {
        instructions = builder.instructions
        literals = builder.literals
        sets = builder.sets
        setMembers = builder.setMembers
    }

    /// Collects conditions while a district compiles.
    struct Builder {
        fileprivate(set) var instructions: [Instruction] = []
        fileprivate(set) var literals: [FactValue] = []
        fileprivate(set) var sets: [Set<FactValue>] = []
        fileprivate(set) var setMembers: [Int32] = []
        /// Every string literal of the district's conditions, numbered; the index takes them over.
        fileprivate(set) var stringIDs: [String: Int32] = [:]

        /// Appends a condition and returns where it starts.
        mutating func append(_ condition: CompiledCondition) -> Int32 {
            let start = Int32(instructions.count)
            lower(condition)
            return start
        }

        private mutating func id(_ text: String) -> Int32 {
            if let known = stringIDs[text] { return known }
            let id = Int32(stringIDs.count)
            stringIDs[text] = id
            return id
        }

        private mutating func literalIndex(_ value: FactValue) -> UInt64 {
            literals.append(value)
            return UInt64(literals.count - 1)
        }

        private mutating func emit(
            _ kind: Instruction.Kind, op: ComparisonOperator? = nil, slot: Int, payload: UInt64 = 0
        ) {
            let code = op.map { UInt8(ConditionCode.operators.firstIndex(of: $0)!) } ?? 0
            instructions.append(Instruction(kind: kind, op: code, slot: Int32(slot), payload: payload))
        }

        private mutating func lower(_ condition: CompiledCondition) {
            switch condition {
            case .constant(let value):
                emit(value ? .constantTrue : .constantFalse, slot: -1)
            case .boolFact(let slot):
                emit(.boolFact, slot: slot)
            case .compare(let left, let op, let right, let set):
                lowerComparison(left, op, right, set: set)
            case .and(let items), .or(let items):
                let position = instructions.count
                if case .and = condition { emit(.and, slot: -1) } else { emit(.or, slot: -1) }
                for item in items { lower(item) }
                closeComposite(at: position)
            case .not(let inner):
                let position = instructions.count
                emit(.not, slot: -1)
                lower(inner)
                closeComposite(at: position)
            }
        }

        private mutating func closeComposite(at position: Int) {
            let open = instructions[position]
            instructions[position] = Instruction(kind: open.kind, op: 0, slot: -1, payload: UInt64(instructions.count))
        }

        private mutating func lowerComparison(
            _ left: Operand, _ op: ComparisonOperator, _ right: Operand, set: Set<FactValue>?
        ) {
            switch (left, right) {
            case (.slot(let slot), .literal(.number(let number))) where op != .isIn && op != .notIn && op != .contains:
                emit(.numberLiteral, op: op, slot: slot, payload: number.bitPattern)
            case (.slot(let slot), .literal(.string(let text))) where op == .equal || op == .notEqual:
                emit(
                    op == .equal ? .stringEqual : .stringNotEqual, slot: slot,
                    payload: UInt64(UInt32(bitPattern: id(text))))
            case (.slot(let slot), .literal) where (op == .isIn || op == .notIn) && set.map(Self.allStrings) == true:
                let ids = set!.compactMap { value -> Int32? in
                    if case .string(let text) = value { return id(text) } else { return nil }
                }.sorted()
                let start = setMembers.count
                setMembers += ids
                emit(
                    op == .isIn ? .stringIn : .stringNotIn, slot: slot, payload: UInt64(start) << 32 | UInt64(ids.count)
                )
            case (.slot(let slot), .literal) where (op == .isIn || op == .notIn) && set != nil:
                sets.append(set!)
                emit(.setMembership, op: op, slot: slot, payload: UInt64(sets.count - 1))
            case (.slot(let slot), .literal(let value)):
                emit(.compareSlotLiteral, op: op, slot: slot, payload: literalIndex(value))
            case (.literal(let value), .slot(let slot)):
                emit(.compareLiteralSlot, op: op, slot: slot, payload: literalIndex(value))
            case (.slot(let l), .slot(let r)):
                emit(.compareSlotSlot, op: op, slot: l, payload: UInt64(UInt32(bitPattern: Int32(r))))
            case (.literal(let lv), .literal(let rv)):
                emit(Comparison.holds(lv, op, rv, set: set) ? .constantTrue : .constantFalse, slot: -1)
            }
        }

        private static func allStrings(_ set: Set<FactValue>) -> Bool {
            set.allSatisfy { if case .string = $0 { true } else { false } }
        }
    }

    /// Kleene evaluation of the condition starting at `start`, appending missing slots when unknown.
    /// `ids` holds the request's string ids by slot (see `RuleIndex.lookUp`).
    func truth(
        at start: Int, _ facts: [FactValue?], _ ids: UnsafeMutableBufferPointer<Int32>, missing: inout [Int]
    ) -> Truth {
        instructions.withUnsafeBufferPointer { code in
            evaluate(code, start, facts, UnsafeBufferPointer(ids), &missing)
        }
    }

    private func evaluate(
        _ code: UnsafeBufferPointer<Instruction>, _ pc: Int, _ facts: [FactValue?], _ ids: UnsafeBufferPointer<Int32>,
        _ missing: inout [Int]
    ) -> Truth {
        let instruction = code[pc]
        let slot = Int(instruction.slot)
        switch instruction.kind {
        case .constantTrue: return .isTrue
        case .constantFalse: return .isFalse
        case .boolFact:
            guard slot >= 0, let value = facts[slot] else {
                missing.append(slot)
                return .unknown
            }
            if case .bool(let b) = value { return b ? .isTrue : .isFalse }
            return .isFalse
        case .numberLiteral:
            guard slot >= 0, let value = facts[slot] else {
                missing.append(slot)
                return .unknown
            }
            guard case .number(let number) = value else {
                return Self.operators[Int(instruction.op)] == .notEqual ? .isTrue : .isFalse
            }
            let literal = Double(bitPattern: instruction.payload)
            let holds: Bool
            switch Self.operators[Int(instruction.op)] {
            case .equal: holds = number == literal
            case .notEqual: holds = number != literal
            case .less: holds = number < literal
            case .lessOrEqual: holds = number <= literal
            case .greater: holds = number > literal
            default: holds = number >= literal
            }
            return holds ? .isTrue : .isFalse
        case .stringEqual, .stringNotEqual:
            let id = slot >= 0 ? ids[slot] : StringID.missing
            guard id != StringID.missing else {
                missing.append(slot)
                return .unknown
            }
            let equal = id == Int32(bitPattern: UInt32(truncatingIfNeeded: instruction.payload))
            return (equal == (instruction.kind == .stringEqual)) ? .isTrue : .isFalse
        case .stringIn, .stringNotIn:
            let id = slot >= 0 ? ids[slot] : StringID.missing
            guard id != StringID.missing else {
                missing.append(slot)
                return .unknown
            }
            let start = Int(instruction.payload >> 32)
            let count = Int(instruction.payload & 0xFFFF_FFFF)
            let found = id >= 0 && setMembers.withUnsafeBufferPointer { Self.contains($0[start..<(start + count)], id) }
            return (found == (instruction.kind == .stringIn)) ? .isTrue : .isFalse
        case .setMembership:
            guard slot >= 0, let value = facts[slot] else {
                missing.append(slot)
                return .unknown
            }
            let found = sets[Int(instruction.payload)].contains(value)
            return (found == (Self.operators[Int(instruction.op)] == .isIn)) ? .isTrue : .isFalse
        case .compareSlotLiteral:
            guard slot >= 0, let value = facts[slot] else {
                missing.append(slot)
                return .unknown
            }
            return Comparison.holds(
                value, Self.operators[Int(instruction.op)], literals[Int(instruction.payload)], set: nil)
                ? .isTrue : .isFalse
        case .compareLiteralSlot:
            guard slot >= 0, let value = facts[slot] else {
                missing.append(slot)
                return .unknown
            }
            return Comparison.holds(
                literals[Int(instruction.payload)], Self.operators[Int(instruction.op)], value, set: nil)
                ? .isTrue : .isFalse
        case .compareSlotSlot:
            let right = Int(Int32(bitPattern: UInt32(truncatingIfNeeded: instruction.payload)))
            guard slot >= 0, let left = facts[slot] else {
                missing.append(slot)
                return .unknown
            }
            guard right >= 0, let other = facts[right] else {
                missing.append(right)
                return .unknown
            }
            return Comparison.holds(left, Self.operators[Int(instruction.op)], other, set: nil) ? .isTrue : .isFalse
        case .and, .or:
            let decisive: Truth = instruction.kind == .and ? .isFalse : .isTrue
            let mark = missing.count
            var sawUnknown = false
            var child = pc + 1
            let end = Int(instruction.payload)
            while child < end {
                let result = evaluate(code, child, facts, ids, &missing)
                if result == decisive {
                    missing.removeSubrange(mark...)
                    return decisive
                }
                if result == .unknown { sawUnknown = true }
                child = code[child].isComposite ? Int(code[child].payload) : child + 1
            }
            if sawUnknown { return .unknown }
            return decisive == .isFalse ? .isTrue : .isFalse
        case .not:
            switch evaluate(code, pc + 1, facts, ids, &missing) {
            case .isTrue: return .isFalse
            case .isFalse: return .isTrue
            case .unknown: return .unknown
            }
        }
    }

    /// Whether sorted `ids` hold `id`: a scan for the short lists conditions usually name.
    private static func contains(_ ids: Slice<UnsafeBufferPointer<Int32>>, _ id: Int32) -> Bool {
        if ids.count <= 16 { return ids.contains(id) }
        var low = ids.startIndex
        var high = ids.endIndex
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < ids.endIndex && ids[low] == id
    }
}
