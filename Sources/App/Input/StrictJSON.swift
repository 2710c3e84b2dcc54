import Vapor

/// A JSON request body whose every field is declared; anything else is refused, never ignored,
/// so a misspelt field cannot silently fall back to a default.
protocol StrictJSONInput: Decodable {
    static var fields: Set<String> { get }
    /// The declared fields of nested objects by path: `"stages[]"` for the objects of the array
    /// `stages`, `"stages[].criteria[]"` deeper, `"balance"` for an object. Objects at paths not
    /// listed here are free-form (fact maps, for instance).
    static var nestedFields: [String: Set<String>] { get }
}

extension StrictJSONInput {
    static var nestedFields: [String: Set<String>] { [:] }
}

enum StrictJSONShape {
    /// The first undeclared field anywhere in the document, with its path.
    static func firstUnknownField(in value: Any, path: String, nested: [String: Set<String>]) -> String? {
        if let array = value as? [Any] {
            for element in array {
                if let found = firstUnknownField(in: element, path: path + "[]", nested: nested) { return found }
            }
            return nil
        }
        guard let object = value as? [String: Any] else { return nil }
        let allowed = nested[path]
        if let allowed, let unknown = Set(object.keys).subtracting(allowed).sorted().first {
            return path + "." + unknown
        }
        // `path.*` declares the fields of every value in a map keyed by data (scores by criterion).
        let isMap = nested.keys.contains { $0.hasPrefix(path + ".*") }
        guard allowed != nil || isMap || nested.keys.contains(where: { $0.hasPrefix(path + ".") }) else { return nil }
        for (key, child) in object {
            if let found = firstUnknownField(in: child, path: isMap ? path + ".*" : path + "." + key, nested: nested) {
                return found
            }
        }
        return nil
    }
}

extension Request {
    /// The body of a JSON request as text: right media type, not empty, valid UTF-8.
    func jsonBodyText() throws -> String {
        guard let contentType = headers.contentType, contentType.type == "application", contentType.subType == "json"
        else {
            throw AppError(
                .unsupportedMediaType, "json_expected", "Send a JSON body with Content-Type: application/json.")
        }
        guard let buffer = body.data, buffer.readableBytes > 0 else {
            throw AppError.invalid("empty_body", "The request body is empty.")
        }
        // Straight from the buffer, validating: no intermediate Data copy.
        guard
            let text = buffer.readableBytesView.withContiguousStorageIfAvailable({
                String(validating: $0, as: UTF8.self)
            }) ?? String(data: Data(buffer: buffer), encoding: .utf8)
        else {
            throw AppError.invalid("invalid_utf8", "The body is not valid UTF-8.")
        }
        return text
    }

    /// Decodes a JSON body strictly: right media type, valid UTF-8 JSON object, only declared fields.
    func decodeStrictJSON<T: StrictJSONInput>(_ type: T.Type) throws -> T {
        let data = Data(try jsonBodyText().utf8)
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            throw AppError.invalid("malformed_json", "The body is not well-formed JSON.")
        }
        guard let dictionary = object as? [String: Any] else {
            throw AppError.invalid("json_object_expected", "The body must be a JSON object.")
        }
        let unknown = Set(dictionary.keys).subtracting(T.fields).sorted()
        if let first = unknown.first {
            throw AppError.invalid(
                "unknown_field",
                "Unknown field '\(first)'" + (unknown.count > 1 ? " (and \(unknown.count - 1) more)." : "."))
        }
        for (key, child) in dictionary {
            if let path = StrictJSONShape.firstUnknownField(in: child, path: key, nested: T.nestedFields) {
                throw AppError.invalid("unknown_field", "Unknown field '\(path)'.")
            }
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw AppError.invalid("invalid_field", DecodingErrorText.describe(error))
        }
    }
}
