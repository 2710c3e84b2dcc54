// libyaml's event parser, which Yams is built on. Yams composes into `Node`s that carry a tag
// object each; reading events straight into `YAMLNode` values makes loading 100k rules several
// times faster and uses a fraction of the memory.
import CYaml

/// A YAML syntax error at a position.
struct YAMLSyntaxError: Error, Sendable {
    let problem: String
    let mark: YAMLMark
}

/// Composes a YAML text of one document into `YAMLNode`s, resolving aliases to their anchors.
/// Scalars keep their text and style; tags are not interpreted (the readers only read text).
enum YAMLComposer {
    /// The document's root; nil for an empty text.
    static func compose(_ text: String) throws(YAMLSyntaxError) -> YAMLNode? {
        var text = text
        let result = text.withUTF8 { bytes -> Result<YAMLNode?, YAMLSyntaxError> in
            let reader = YAMLEventReader(bytes)
            defer { reader.close() }
            do throws(YAMLSyntaxError) { return .success(try reader.document()) } catch { return .failure(error) }
        }
        return try result.get()
    }
}

/// Pulls libyaml events and builds nodes from them. A class, so libyaml's parser state stays at
/// one address while it is in use.
private final class YAMLEventReader {
    private var parser = yaml_parser_t()
    private var event = yaml_event_t()
    private var hasEvent = false
    private var anchors: [String: YAMLNode] = [:]

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        yaml_parser_initialize(&parser)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
    }

    func close() {
        if hasEvent { yaml_event_delete(&event) }
        yaml_parser_delete(&parser)
    }

    /// Moves to the next event, releasing the previous one.
    private func next() throws(YAMLSyntaxError) {
        if hasEvent {
            yaml_event_delete(&event)
            hasEvent = false
        }
        guard yaml_parser_parse(&parser, &event) == 1 else { throw syntaxError() }
        hasEvent = true
    }

    private func syntaxError() -> YAMLSyntaxError {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        if parser.error == YAML_READER_ERROR {
            return YAMLSyntaxError(problem: problem, mark: YAMLMark(line: 1, column: 1))
        }
        return YAMLSyntaxError(
            problem: problem,
            mark: YAMLMark(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1))
    }

    private var startMark: YAMLMark {
        YAMLMark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
    }

    /// The stream's only document, as `Yams.compose` reads it: nil when empty, an error when there are two.
    func document() throws(YAMLSyntaxError) -> YAMLNode? {
        try next()  // stream start
        try next()
        if event.type == YAML_STREAM_END_EVENT { return nil }
        try next()  // past document start
        let root = try node(depth: 0)
        try next()  // document end
        try next()
        if event.type != YAML_STREAM_END_EVENT {
            throw YAMLSyntaxError(problem: "but found another document", mark: startMark)
        }
        return root
    }

    /// How deep collections may nest. Composing recurses along the nesting, so a crafted file of
    /// nested brackets would otherwise overflow the stack; rulebooks nest about six deep.
    static let maximumNesting = 64

    /// The node starting at the current event; leaves the reader on the node's last event.
    private func node(depth: Int) throws(YAMLSyntaxError) -> YAMLNode {
        if (event.type == YAML_SEQUENCE_START_EVENT || event.type == YAML_MAPPING_START_EVENT)
            && depth >= Self.maximumNesting
        {
            throw YAMLSyntaxError(problem: "nested more than \(Self.maximumNesting) levels deep", mark: startMark)
        }
        switch event.type {
        case YAML_ALIAS_EVENT:
            let name = Self.text(event.data.alias.anchor)
            guard let name, let target = anchors[name] else {
                throw YAMLSyntaxError(problem: "found undefined alias", mark: startMark)
            }
            return target
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            let style = YAMLNode.Scalar.Style(rawValue: UInt8(truncatingIfNeeded: scalar.style.rawValue)) ?? .any
            let node = YAMLNode.scalar(.init(string: value, style: style, mark: startMark))
            if let anchor = Self.text(scalar.anchor) { anchors[anchor] = node }
            return node
        case YAML_SEQUENCE_START_EVENT:
            let mark = startMark
            let anchor = Self.text(event.data.sequence_start.anchor)
            var items: [YAMLNode] = []
            try next()
            while event.type != YAML_SEQUENCE_END_EVENT {
                items.append(try node(depth: depth + 1))
                try next()
            }
            let node = YAMLNode.sequence(.init(items: items, mark: mark))
            if let anchor { anchors[anchor] = node }
            return node
        case YAML_MAPPING_START_EVENT:
            let mark = startMark
            let anchor = Self.text(event.data.mapping_start.anchor)
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            try next()
            while event.type != YAML_MAPPING_END_EVENT {
                let key = try node(depth: depth + 1)
                try next()
                let value = try node(depth: depth + 1)
                pairs.append((key, value))
                try next()
            }
            let node = YAMLNode.mapping(.init(pairs: pairs, mark: mark))
            if let anchor { anchors[anchor] = node }
            return node
        default:
            throw YAMLSyntaxError(problem: "unexpected YAML event", mark: startMark)
        }
    }

    private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}
