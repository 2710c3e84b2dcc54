import Foundation

/// JSON Schemas read off the very types the handlers decode, by decoding them from a recorder
/// instead of from JSON: `decode` marks a field required, `decodeIfPresent` optional, and each
/// value's type gives its schema. The document can then not drift from the code: a field added to
/// an input is in the schema the next time the server starts.
///
/// Named structs become components (`#/components/schemas/<Name>`); string enums (any
/// `CaseIterable` with string raw values) list their values; `OpenAPILeaf` types (days, instants,
/// ids) give their own format. A type whose decoding needs more than this (a custom initialiser
/// that validates what it reads) cannot be recorded: `schema(for:)` then throws and names it.
final class SchemaRecorder {
    private(set) var components: [String: [String: Any]] = [:]
    private var inProgress: Set<String> = []

    struct Unrecordable: Error, CustomStringConvertible {
        let type: String
        let reason: String
        var description: String { "\(type): \(reason)" }
    }

    /// The schema of `type`: a reference for a named struct, inline for anything else.
    func schema<T: Decodable>(for type: T.Type) throws -> [String: Any] {
        try record(T.self).schema
    }

    /// A value of `T` made while recording, and `T`'s schema.
    func record<T: Decodable>(_ type: T.Type) throws -> (value: T, schema: [String: Any]) {
        if let scalar = Self.scalar(T.self) { return (scalar.value as! T, scalar.schema) }
        if let leaf = T.self as? any OpenAPILeaf.Type {
            return (Self.sample(of: leaf) as! T, leaf.openAPISchema)
        }
        if let cases = T.self as? any CaseIterable.Type, let values = Self.stringCases(of: cases) {
            return (values.first!.value as! T, ["type": "string", "enum": values.map(\.raw)])
        }
        let name = Self.componentName(T.self)
        let node = SchemaNode()
        let value: T
        do {
            value = try T(from: RecordingDecoder(recorder: self, node: node))
        } catch let error as Unrecordable {
            throw error
        } catch {
            throw Unrecordable(type: name, reason: "\(error)")
        }
        var schema = node.schema()
        if let limited = T.self as? any DocumentedLimits.Type,
            var properties = schema["properties"] as? [String: [String: Any]]
        {
            for (field, limit) in limited.limits {
                properties[field]?.merge(limit.openAPI) { _, bound in bound }
            }
            schema["properties"] = properties
        }
        // Objects with fields are named components; arrays, maps and wrappers stay inline.
        guard node.isObjectWithFields, !name.contains("<"), !name.hasPrefix("Optional") else {
            return (value, schema)
        }
        components[name] = schema
        return (value, ["$ref": "#/components/schemas/\(name)"])
    }

    static func componentName<T>(_ type: T.Type) -> String {
        String(reflecting: type).replacingOccurrences(of: "App.", with: "").replacingOccurrences(
            of: "TeukguCore.", with: ""
        ).replacingOccurrences(of: ".", with: "_")
    }

    private static func sample<Leaf: OpenAPILeaf>(of type: Leaf.Type) -> Any { Leaf.openAPISample }

    /// The cases of a string enum with their raw values, nil when its raw values are not strings.
    private static func stringCases<C: CaseIterable>(of type: C.Type) -> [(value: Any, raw: String)]? {
        var out: [(value: Any, raw: String)] = []
        for value in C.allCases {
            guard let raw = value as? any RawRepresentable, let text = rawString(raw) else { return nil }
            out.append((value, text))
        }
        return out.isEmpty ? nil : out
    }

    private static func rawString<R: RawRepresentable>(_ value: R) -> String? { value.rawValue as? String }

    private static func scalar<T>(_ type: T.Type) -> (value: Any, schema: [String: Any])? {
        switch type {
        case is String.Type: ("", ["type": "string"])
        case is Bool.Type: (false, ["type": "boolean"])
        case is Int.Type: (0, ["type": "integer", "format": "int64"])
        case is Int64.Type: (Int64(0), ["type": "integer", "format": "int64"])
        case is Int32.Type: (Int32(0), ["type": "integer", "format": "int32"])
        case is Int16.Type: (Int16(0), ["type": "integer"])
        case is Int8.Type: (Int8(0), ["type": "integer"])
        case is UInt.Type: (UInt(0), ["type": "integer", "minimum": 0])
        case is UInt64.Type: (UInt64(0), ["type": "integer", "minimum": 0])
        case is UInt32.Type: (UInt32(0), ["type": "integer", "minimum": 0])
        case is UInt16.Type: (UInt16(0), ["type": "integer", "minimum": 0])
        case is UInt8.Type: (UInt8(0), ["type": "integer", "minimum": 0])
        case is Double.Type: (0.0, ["type": "number"])
        case is Float.Type: (Float(0), ["type": "number"])
        default: nil
        }
    }
}

/// What one decode call saw: an object's fields, an array's element, or a single value.
final class SchemaNode {
    enum Shape {
        case unknown
        case object
        case array
        case single([String: Any])
    }

    var shape: Shape = .unknown
    var properties: [(name: String, schema: [String: Any])] = []
    var required: [String] = []
    var element: [String: Any]?
    /// Keys asked `decodeNil(forKey:)` first: the standard library's `decodeIfPresent` for
    /// strings and numbers does that before `decode`, so these fields are optional.
    var nilChecked: Set<String> = []

    var isObjectWithFields: Bool {
        if case .object = shape { return !properties.isEmpty }
        return false
    }

    func schema() -> [String: Any] {
        var out: [String: Any]
        switch shape {
        case .unknown: out = [:]
        case .single(let schema): out = schema
        case .array: out = ["type": "array", "items": element ?? [:]]
        case .object:
            if properties.isEmpty {
                // A map keyed by data (facts, counts by name): its keys are not the type's.
                out = ["type": "object"]
            } else {
                var fields: [String: Any] = [:]
                for property in properties { fields[property.name] = property.schema }
                out = ["type": "object", "properties": fields]
                if !required.isEmpty { out["required"] = required }
            }
        }
        return out
    }
}

/// A schema that also admits null: an optional field may come as null from a custom encoder.
func nullable(_ schema: [String: Any]) -> [String: Any] {
    if schema["$ref"] != nil { return ["anyOf": [schema, ["type": "null"]]] }
    if let type = schema["type"] as? String {
        var copy = schema
        copy["type"] = [type, "null"]
        if var values = copy["enum"] as? [Any] {
            values.append(NSNull())
            copy["enum"] = values
        }
        return copy
    }
    return schema
}

private struct RecordingDecoder: Decoder {
    let recorder: SchemaRecorder
    let node: SchemaNode
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        node.shape = .object
        return KeyedDecodingContainer(RecordingKeyedContainer<Key>(recorder: recorder, node: node))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        node.shape = .array
        return RecordingUnkeyedContainer(recorder: recorder, node: node)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        RecordingSingleValueContainer(recorder: recorder, node: node)
    }
}

private struct RecordingKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let recorder: SchemaRecorder
    let node: SchemaNode
    var codingPath: [any CodingKey] = []
    /// None: a map decoded by iterating its keys comes out empty, and is described as an object.
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }

    func decodeNil(forKey key: Key) throws -> Bool {
        node.nilChecked.insert(key.stringValue)
        return false
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let (value, schema) = try recorder.record(T.self)
        let optional = node.nilChecked.contains(key.stringValue)
        add(key, optional ? nullable(schema) : schema, required: !optional)
        return value
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        let (value, schema) = try recorder.record(T.self)
        add(key, nullable(schema), required: false)
        return value
    }

    private func add(_ key: Key, _ schema: [String: Any], required: Bool) {
        guard !node.properties.contains(where: { $0.name == key.stringValue }) else { return }
        node.properties.append((key.stringValue, schema))
        if required { node.required.append(key.stringValue) }
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        let child = SchemaNode()
        child.shape = .object
        add(key, [:], required: true)
        return KeyedDecodingContainer(RecordingKeyedContainer<NestedKey>(recorder: recorder, node: child))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        let child = SchemaNode()
        child.shape = .array
        add(key, ["type": "array"], required: true)
        return RecordingUnkeyedContainer(recorder: recorder, node: child)
    }

    func superDecoder() throws -> any Decoder { RecordingDecoder(recorder: recorder, node: node) }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        RecordingDecoder(recorder: recorder, node: SchemaNode())
    }
}

private struct RecordingUnkeyedContainer: UnkeyedDecodingContainer {
    let recorder: SchemaRecorder
    let node: SchemaNode
    var codingPath: [any CodingKey] = []
    var count: Int? { nil }
    var currentIndex = 0
    /// One element is read, to learn its type; then the array ends.
    var isAtEnd: Bool { currentIndex > 0 }

    mutating func decodeNil() throws -> Bool { false }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (value, schema) = try recorder.record(T.self)
        node.element = schema
        currentIndex += 1
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        currentIndex += 1
        let child = SchemaNode()
        child.shape = .object
        return KeyedDecodingContainer(RecordingKeyedContainer<NestedKey>(recorder: recorder, node: child))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        currentIndex += 1
        return RecordingUnkeyedContainer(recorder: recorder, node: SchemaNode())
    }

    mutating func superDecoder() throws -> any Decoder { RecordingDecoder(recorder: recorder, node: SchemaNode()) }
}

private struct RecordingSingleValueContainer: SingleValueDecodingContainer {
    let recorder: SchemaRecorder
    let node: SchemaNode
    var codingPath: [any CodingKey] = []

    func decodeNil() -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (value, schema) = try recorder.record(T.self)
        node.shape = .single(schema)
        return value
    }
}
