/// Where a fact comes from: a law, an article, and the amendment that made it so.
public struct Citation: Hashable, Sendable, Codable {
    public let law: String
    public let article: String
    /// Amendment number (법률 제NNNNN호), when known.
    public let amendment: String?
    public let amendmentDate: CalendarDate?
    public let note: String?

    public init(
        law: String, article: String, amendment: String? = nil, amendmentDate: CalendarDate? = nil, note: String? = nil
    ) {
        self.law = law
        self.article = article
        self.amendment = amendment
        self.amendmentDate = amendmentDate
        self.note = note
    }

    /// One line for pages and explanations: `Regional Special Zones Act art. 85(2) (No. 19658, 2023-08-08)`.
    public var text: String {
        var out = "\(law) \(article)"
        var extra: [String] = []
        if let amendment { extra.append(amendment) }
        if let amendmentDate { extra.append(amendmentDate.iso) }
        if !extra.isEmpty { out += " (" + extra.joined(separator: ", ") + ")" }
        return out
    }
}

extension Citation {
    public static let specialZonesAct = "Regional Special Zones Act"
    public static let specialZonesDecree = "Regional Special Zones Act Enforcement Decree"
}
