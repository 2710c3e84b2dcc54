/// The comparison operators of condition expressions.
public enum ComparisonOperator: String, Hashable, Sendable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case isIn = "in"
    case notIn = "not in"
    case contains
}

/// A parsed condition, each node carrying its character offset in the source text.
public indirect enum Expression: Hashable, Sendable {
    case literal(FactValue, offset: Int)
    case fact(String, offset: Int)
    case comparison(ComparisonOperator, Expression, Expression, offset: Int)
    case and([Expression], offset: Int)
    case or([Expression], offset: Int)
    case not(Expression, offset: Int)

    public var offset: Int {
        switch self {
        case .literal(_, let o), .fact(_, let o), .comparison(_, _, _, let o), .and(_, let o), .or(_, let o),
            .not(_, let o):
            o
        }
    }

    /// Every fact path the expression reads, in order of appearance.
    public var factPaths: [String] {
        switch self {
        case .literal: return []
        case .fact(let path, _): return [path]
        case .comparison(_, let l, let r, _): return l.factPaths + r.factPaths
        case .and(let items, _), .or(let items, _): return items.flatMap(\.factPaths)
        case .not(let inner, _): return inner.factPaths
        }
    }
}
