/// A position in a YAML text, 1-based like a compiler's.
struct YAMLMark: Hashable, Sendable {
    let line: Int
    let column: Int
}

/// A composed YAML node with its position: the part of YAML the rulebook and test readers use.
///
/// Values, not objects: a rulebook of 100k rules composes into millions of nodes, and a node
/// here is a few words in its parent's array instead of a heap object with a tag object beside it.
enum YAMLNode: Sendable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)

    struct Scalar: Sendable {
        enum Style: UInt8, Sendable {
            case any, plain, singleQuoted, doubleQuoted, literal, folded
        }

        let string: String
        let style: Style
        let mark: YAMLMark
    }

    /// Key–value pairs in file order; duplicate keys are kept, the reader decides.
    struct Mapping: Sendable, RandomAccessCollection {
        let pairs: [(key: YAMLNode, value: YAMLNode)]
        let mark: YAMLMark

        var startIndex: Int { pairs.startIndex }
        var endIndex: Int { pairs.endIndex }
        subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) { pairs[position] }

        /// The value of the last pair whose key is this text.
        subscript(key: String) -> YAMLNode? { pairs.last { $0.key.string == key }?.value }
    }

    struct Sequence: Sendable, RandomAccessCollection {
        let items: [YAMLNode]
        let mark: YAMLMark

        var startIndex: Int { items.startIndex }
        var endIndex: Int { items.endIndex }
        subscript(position: Int) -> YAMLNode { items[position] }
    }

    var mark: YAMLMark {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .mapping(let mapping): mapping.mark
        case .sequence(let sequence): sequence.mark
        }
    }

    /// A scalar's text; nil for collections.
    var string: String? {
        if case .scalar(let scalar) = self { return scalar.string }
        return nil
    }
}
