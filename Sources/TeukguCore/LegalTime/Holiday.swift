/// A public holiday of government offices (Regulation on Holidays of Government Offices arts. 2–3).
public struct Holiday: Hashable, Sendable, Codable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case fixed, lunar, substitute, election
        case oneOff = "one-off"
    }

    public let date: CalendarDate
    public let nameKorean: String
    public let nameEnglish: String
    public let kind: Kind

    public init(date: CalendarDate, nameKorean: String, nameEnglish: String, kind: Kind) {
        self.date = date
        self.nameKorean = nameKorean
        self.nameEnglish = nameEnglish
        self.kind = kind
    }
}
