/// How a call weighs regional balance when it proposes candidates.
public struct BalancePolicy: Hashable, Sendable, Codable {
    /// At most this many candidates from one region; nil means no limit.
    public var maxPerRegion: Int?
    /// Between equal scores, a region without a district yet goes first.
    public var preferRegionsWithoutDistrict: Bool

    public init(maxPerRegion: Int? = nil, preferRegionsWithoutDistrict: Bool = false) {
        self.maxPerRegion = maxPerRegion
        self.preferRegionsWithoutDistrict = preferRegionsWithoutDistrict
    }

    public static let none = BalancePolicy()

    public var summaryEnglish: String {
        var parts: [String] = []
        if let limit = maxPerRegion { parts.append("at most \(limit) per region") }
        if preferRegionsWithoutDistrict { parts.append("regions without a district first among equal scores") }
        return parts.isEmpty ? "no regional balance rule" : parts.joined(separator: "; ")
    }

    public var summaryKorean: String {
        var parts: [String] = []
        if let limit = maxPerRegion { parts.append("지역당 최대 \(limit)개") }
        if preferRegionsWithoutDistrict { parts.append("동점 시 특구가 없는 지역 우선") }
        return parts.isEmpty ? "지역 균형 규칙 없음" : parts.joined(separator: "; ")
    }
}
