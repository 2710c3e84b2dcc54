/// Rules indexed by an equality their condition requires, so evaluation looks only at rules whose
/// guard matches the request (plus those without a guard).
///
/// A guard is a top-level conjunct `fact == literal` or `fact in [literals]`. When the request lacks
/// the guarded fact, every rule under it is a candidate, since its condition may then be unknown.
///
/// Guards on strings (nearly all of them: activity kinds, zones) are found through the district's
/// string literals: one dictionary lookup per string in the request gives both the id conditions
/// compare against and the rules the string guards. At 100k rules each lookup is a few cache
/// misses, so doing one instead of two matters.
struct RuleIndex: Sendable {
    struct Table: Sendable {
        let slot: Int
        /// Guards on values other than strings.
        let byValue: [FactValue: [Int]]
        let all: [Int]
    }

    /// A string literal: its id, and where the rules it guards are listed (`guards[guardStart ..< guardStart + guardCount]`).
    struct LiteralString: Sendable {
        let id: Int32
        let guardStart: Int32
        let guardCount: Int32
    }

    /// The rules a string guards in one slot: `members[start ..< start + count]`.
    struct StringGuard: Sendable {
        let slot: Int32
        let start: Int32
        let count: Int32
    }

    let tables: [Table]
    let unguarded: [Int]
    let strings: [String: LiteralString]
    let guards: [StringGuard]
    let members: [Int32]

    /// `conditions` pairs each rule's position with its condition; candidates are positions.
    /// `stringIDs` numbers every string literal the condition code compares against.
    init(conditions: [(position: Int, condition: CompiledCondition)], stringIDs: [String: Int32]) {
        var byPath: [Int: [FactValue: [Int]]] = [:]
        var byString: [String: [Int: [Int32]]] = [:]
        var allBySlot: [Int: [Int]] = [:]
        var unguarded: [Int] = []
        for (position, condition) in conditions {
            guard let (slot, values) = RuleIndex.guardOf(condition) else {
                unguarded.append(position)
                continue
            }
            for value in values {
                if case .string(let text) = value {
                    byString[text, default: [:]][slot, default: []].append(Int32(position))
                } else {
                    byPath[slot, default: [:]][value, default: []].append(position)
                }
            }
            allBySlot[slot, default: []].append(position)
        }
        tables = allBySlot.keys.sorted().map { Table(slot: $0, byValue: byPath[$0] ?? [:], all: allBySlot[$0]!) }
        self.unguarded = unguarded
        // A guard written literal-first (`"x" == fact`) names a string no instruction numbered.
        var ids = stringIDs
        for text in byString.keys where ids[text] == nil { ids[text] = Int32(ids.count) }
        var strings: [String: LiteralString] = [:]
        var guards: [StringGuard] = []
        var members: [Int32] = []
        for (text, id) in ids {
            let start = guards.count
            for (slot, positions) in (byString[text] ?? [:]).sorted(by: { $0.key < $1.key }) {
                guards.append(
                    StringGuard(slot: Int32(slot), start: Int32(members.count), count: Int32(positions.count)))
                members += positions
            }
            strings[text] = LiteralString(id: id, guardStart: Int32(start), guardCount: Int32(guards.count - start))
        }
        self.strings = strings
        self.guards = guards
        self.members = members
    }

    /// The indexable equality of a condition, if it has one.
    static func guardOf(_ condition: CompiledCondition) -> (Int, Set<FactValue>)? {
        switch condition {
        case .compare(.slot(let slot), .equal, .literal(let value), _) where slot >= 0:
            return (slot, [value])
        case .compare(.literal(let value), .equal, .slot(let slot), _) where slot >= 0:
            return (slot, [value])
        case .compare(.slot(let slot), .isIn, .literal, let set?) where slot >= 0 && !set.isEmpty:
            return (slot, set)
        case .and(let items):
            for item in items { if let found = guardOf(item) { return found } }
            return nil
        default:
            return nil
        }
    }

    /// Looks up the request's strings, once each: their ids go to `ids` (see `ConditionCode.StringID`)
    /// and the rules they guard in their slot to `guarded` (an index into `guards`, or -1).
    func lookUp(
        _ facts: [FactValue?], ids: UnsafeMutableBufferPointer<Int32>, guarded: UnsafeMutableBufferPointer<Int32>
    ) {
        for slot in facts.indices {
            guarded[slot] = -1
            switch facts[slot] {
            case nil:
                ids[slot] = ConditionCode.StringID.missing
            case .string(let text)?:
                guard let literal = strings[text] else {
                    ids[slot] = ConditionCode.StringID.unnamed
                    continue
                }
                ids[slot] = literal.id
                let first = Int(literal.guardStart)
                for index in first..<(first + Int(literal.guardCount)) where guards[index].slot == Int32(slot) {
                    guarded[slot] = Int32(index)
                }
            default:
                ids[slot] = ConditionCode.StringID.unnamed
            }
        }
    }

    /// Positions of the rules that could hold for these facts, into a reused buffer. Order is
    /// irrelevant: decisions sort by rule id. `guarded` comes from `lookUp`.
    func candidates(_ facts: [FactValue?], guarded: UnsafeMutableBufferPointer<Int32>, into result: inout [Int]) {
        result.removeAll(keepingCapacity: true)
        result.reserveCapacity(unguarded.count + 16)
        result += unguarded
        for table in tables {
            switch facts[table.slot] {
            case nil:
                result += table.all
            case .string?:
                let index = Int(guarded[table.slot])
                guard index >= 0 else { continue }
                let found = guards[index]
                members.withUnsafeBufferPointer { members in
                    for member in members[Int(found.start)..<Int(found.start + found.count)] {
                        result.append(Int(member))
                    }
                }
            case let value?:
                if let matched = table.byValue[value] { result += matched }
            }
        }
    }
}
