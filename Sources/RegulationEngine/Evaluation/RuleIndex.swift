/// Rules indexed by an equality their condition requires, so evaluation looks only at rules whose
/// guard matches the request (plus those without a guard).
///
/// A guard is a top-level conjunct `fact == literal` or `fact in [literals]`. When the request lacks
/// the guarded fact, every rule under it is a candidate, since its condition may then be unknown.
struct RuleIndex: Sendable {
    struct Table: Sendable {
        let slot: Int
        let byValue: [FactValue: [Int]]
        let all: [Int]
    }

    let tables: [Table]
    let unguarded: [Int]

    /// `conditions` pairs each rule's position with its condition; candidates are positions.
    init(conditions: [(position: Int, condition: CompiledCondition)]) {
        var byPath: [Int: [FactValue: [Int]]] = [:]
        var allBySlot: [Int: [Int]] = [:]
        var unguarded: [Int] = []
        for (index, condition) in conditions {
            guard let (slot, values) = RuleIndex.guardOf(condition) else {
                unguarded.append(index)
                continue
            }
            for value in values { byPath[slot, default: [:]][value, default: []].append(index) }
            allBySlot[slot, default: []].append(index)
        }
        tables = byPath.keys.sorted().map { Table(slot: $0, byValue: byPath[$0]!, all: allBySlot[$0]!) }
        self.unguarded = unguarded
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

    /// Indices of the rules that could hold for these facts. Order is irrelevant: decisions sort by rule id.
    func candidates(_ facts: [FactValue?]) -> [Int] {
        var result: [Int] = []
        candidates(facts, into: &result)
        return result
    }

    /// The same, into a reused buffer.
    func candidates(_ facts: [FactValue?], into result: inout [Int]) {
        result.removeAll(keepingCapacity: true)
        result.reserveCapacity(unguarded.count + 16)
        result += unguarded
        for table in tables {
            if let value = facts[table.slot] {
                if let matched = table.byValue[value] { result += matched }
            } else {
                result += table.all
            }
        }
    }
}
