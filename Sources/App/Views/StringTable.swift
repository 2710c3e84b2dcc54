import LeafKit

/// One language's whole catalogue as templates read it (`layout.t.app_name`). Every page carries it,
/// so it is converted to Leaf's values once per language rather than once per page: Leaf takes a
/// value that is already `LeafData` as it is.
struct StringTable: Encodable, LeafDataRepresentable, Sendable {
    let entries: [String: String]
    let leafData: LeafData

    init(language: String) {
        // Leaf reads a dot as a nested key, so `app.name` becomes `app_name` in templates.
        entries = Dictionary(
            uniqueKeysWithValues: Strings.entries.map { key, value in
                (key.replacingOccurrences(of: ".", with: "_"), Strings.pick(value.0, value.1, language))
            })
        leafData = .dictionary(entries.mapValues { .string($0) })
    }

    subscript(key: String) -> String? { entries[key] }

    func encode(to encoder: any Encoder) throws {
        try entries.encode(to: encoder)
    }
}
