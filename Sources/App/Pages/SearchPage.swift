import TeukguCore

/// The search form and its hits grouped by kind of record, in the searcher's language.
struct SearchPage: Encodable {
    struct Group: Encodable {
        let title: String
        let hits: [RecordSearch.Hit]
    }

    let query: String
    let searched: Bool
    let tooShort: Bool
    let groups: [Group]
    let total: Int
    let scope: String
    let action: String

    init(query: String, hits: [RecordSearch.Hit], role: Role, language: String) {
        self.query = query
        searched = !query.trimmingCharacters(in: .whitespaces).isEmpty
        tooShort = searched && RecordSearch.normalised(query) == nil
        groups = RecordSearch.kinds(for: role).compactMap { kind in
            let members = hits.filter { $0.kind == kind }
            return members.isEmpty
                ? nil : Group(title: Strings.text("search.kind.\(kind.rawValue)", language), hits: members)
        }
        total = hits.count
        scope = RecordSearch.kinds(for: role).map { Strings.text("search.kind.\($0.rawValue)", language) }.joined(
            separator: ", ")
        action = Endpoints.searchPage.link()
    }
}
