/// One of the 17 metropolitan or provincial governments.
public struct Region: Hashable, Sendable, Codable {
    public let id: String
    public let nameKorean: String
    public let nameEnglish: String
    /// Seoul, Gyeonggi and Incheon: excluded from district calls.
    public let isCapitalRegion: Bool

    public init(id: String, nameKorean: String, nameEnglish: String, isCapitalRegion: Bool) {
        self.id = id
        self.nameKorean = nameKorean
        self.nameEnglish = nameEnglish
        self.isCapitalRegion = isCapitalRegion
    }
}
