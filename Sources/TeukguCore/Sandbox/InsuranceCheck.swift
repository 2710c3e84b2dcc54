/// Whether liability insurance on file lets a granted exemption or permit be used: a policy must
/// cover the whole validity, with cover per head and per accident at least the Decree art. 60(3)
/// minimums in force (Act arts. 88(2), 90(14)–(15)). Every shortfall is named.
public enum InsuranceCheck {
    public struct Policy: Hashable, Sendable {
        public let number: String
        public let from: CalendarDate
        public let until: CalendarDate
        public let death: Money
        public let injury: Money
        public let disability: Money
        public let property: Money

        public init(
            number: String, from: CalendarDate, until: CalendarDate, death: Money, injury: Money, disability: Money,
            property: Money
        ) {
            self.number = number
            self.from = from
            self.until = until
            self.death = death
            self.injury = injury
            self.disability = disability
            self.property = property
        }
    }

    /// One thing missing, in both languages, with the provision behind it.
    public struct Shortfall: Hashable, Sendable {
        public let code: String
        public let korean: String
        public let english: String
        public let citation: Citation?
    }

    /// The minimums in force on `day`, from the parameter catalogue.
    public static func minimums(
        _ catalog: ParameterCatalog, on day: CalendarDate
    ) throws(ParameterError) -> [(key: String, korean: String, english: String, minimum: Money, citation: Citation)] {
        let parts: [(String, String, String)] = [
            ("death", "사망(1인당)", "death per person"), ("injury", "부상(1인당)", "injury per person"),
            ("disability", "후유장애(1인당)", "permanent disability per person"),
            ("property", "재물(사고당)", "property per accident"),
        ]
        var out: [(key: String, korean: String, english: String, minimum: Money, citation: Citation)] = []
        for (key, korean, english) in parts {
            let parameter = "insurance.minimum.\(key)"
            out.append(
                (
                    key, korean, english, try catalog.money(parameter, at: day),
                    try catalog.parameter(parameter).version(at: day).citation
                ))
        }
        return out
    }

    public static func shortfalls(
        _ policies: [Policy], validFrom: CalendarDate, validUntil: CalendarDate, catalog: ParameterCatalog
    ) throws(ParameterError) -> [Shortfall] {
        let covering = policies.filter { $0.from <= validFrom && $0.until >= validUntil }
        guard !covering.isEmpty else {
            return [
                Shortfall(
                    code: "no_policy_covers_validity",
                    korean: "유효기간 \(validFrom.iso)~\(validUntil.iso) 전체를 보장하는 책임보험이 없습니다.",
                    english:
                        "No liability policy on file covers the whole validity \(validFrom.iso) to \(validUntil.iso).",
                    citation: Citation(law: Citation.specialZonesAct, article: "art. 88(2)"))
            ]
        }
        var out: [Shortfall] = []
        for part in try minimums(catalog, on: validFrom) {
            let best =
                covering.map { policy -> Money in
                    switch part.key {
                    case "death": policy.death
                    case "injury": policy.injury
                    case "disability": policy.disability
                    default: policy.property
                    }
                }.max() ?? .zero
            if best < part.minimum {
                out.append(
                    Shortfall(
                        code: "insurance_below_minimum_\(part.key)",
                        korean: "보장액 \(part.korean) \(best.grouped)원이 최저 \(part.minimum.grouped)원보다 적습니다.",
                        english:
                            "Cover for \(part.english) is KRW \(best.grouped), below the minimum of KRW \(part.minimum.grouped).",
                        citation: part.citation))
            }
        }
        return out
    }
}
