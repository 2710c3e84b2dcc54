import Foundation

/// An example body made from a schema, so that every operation shows one and none can fall out of
/// step with its types. Field names pick plausible values (days for dates, amounts in won); a test
/// decodes every request example with the type its handler decodes.
enum OpenAPIExamples {
    static func value(
        of schema: [String: Any], named name: String? = nil, components: [String: [String: Any]], depth: Int = 0
    ) -> Any {
        guard depth < 12 else { return NSNull() }
        if let example = schema["example"] { return example }
        if let reference = schema["$ref"] as? String {
            let component = components[String(reference.split(separator: "/").last ?? "")] ?? [:]
            return value(of: component, named: name, components: components, depth: depth + 1)
        }
        if let choices = schema["anyOf"] as? [[String: Any]],
            let first = choices.first(where: { $0["type"] as? String != "null" })
        {
            return value(of: first, named: name, components: components, depth: depth + 1)
        }
        if let values = schema["enum"] as? [Any], let first = values.first(where: { !($0 is NSNull) }) {
            return first
        }
        let type = (schema["type"] as? String) ?? (schema["type"] as? [String])?.first { $0 != "null" }
        switch type {
        case "object":
            guard let properties = schema["properties"] as? [String: [String: Any]] else { return [String: Any]() }
            var out: [String: Any] = [:]
            for (key, child) in properties {
                out[key] = value(of: child, named: key, components: components, depth: depth + 1)
            }
            return out
        case "array":
            let items = schema["items"] as? [String: Any] ?? [:]
            return [value(of: items, named: name.map(singular), components: components, depth: depth + 1)]
        case "integer":
            if let minimum = schema["minimum"] as? Int, minimum > 1 { return minimum }
            return integer(named: name ?? "")
        case "number": return 1.5
        case "boolean": return true
        case "string": return string(format: schema["format"] as? String, named: name ?? "")
        default: return [String: Any]()
        }
    }

    private static func singular(_ name: String) -> String {
        name.hasSuffix("s") ? String(name.dropLast()) : name
    }

    private static func integer(named name: String) -> Int {
        let lower = name.lowercased()
        if lower.hasSuffix("won") || lower.contains("amount") || lower.contains("budget") { return 50_000_000 }
        if lower == "year" || name.hasSuffix("Year") { return 2026 }
        return 1
    }

    private static func string(format: String?, named name: String) -> String {
        switch format {
        case "date": return "2026-12-01"
        case "date-time": return "2026-12-01T09:00:00Z"
        case "uuid": return "3f2b8a6e-0c4e-4a8e-9b1d-2a7c5e9f0d14"
        case "binary": return ""
        default: break
        }
        let lower = name.lowercased()
        if lower == "email" || lower.hasSuffix("email") { return "startup@example.kr" }
        // Inputs carry days as text (the handler parses and refuses bad ones): startsOn, effectiveFrom…
        let dayNames: Set<String> = ["from", "to", "until", "asOf", "date", "start", "deadline", "day"]
        if dayNames.contains(name) || ["On", "From", "Until", "Date"].contains(where: name.hasSuffix) {
            return "2026-12-01"
        }
        if name.hasSuffix("At") { return "2026-12-01T09:00:00+09:00" }
        if lower.contains("district") { return "busan-marine-mobility" }
        if lower.contains("businessnumber") || lower.contains("registrationnumber") { return "123-45-67890" }
        if lower.contains("password") { return "a long pass phrase" }
        if lower.contains("language") { return "ko" }
        return "text"
    }
}
