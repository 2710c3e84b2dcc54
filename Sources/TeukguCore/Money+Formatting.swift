extension Money {
    /// `₩200,000,000`: the English form, digits grouped by thousands.
    public var englishText: String {
        let sign = won < 0 ? "-" : ""
        return "\(sign)₩\(Money.groupThousands(won.magnitude))"
    }

    /// `2억 원`, `1억 5,000만 원`, `12,345원`: the Korean form, grouped by 10⁴ units (만, 억, 조).
    public var koreanText: String {
        if won == 0 { return "0원" }
        let sign = won < 0 ? "-" : ""
        var rest = won.magnitude
        let units: [(UInt64, String)] = [(1_000_000_000_000, "조"), (100_000_000, "억"), (10_000, "만")]
        var parts: [String] = []
        for (size, name) in units where rest >= size {
            parts.append(Money.groupThousands(rest / size) + name)
            rest %= size
        }
        if rest > 0 { parts.append(Money.groupThousands(rest)) }
        let body = parts.joined(separator: " ")
        // Korean writes a space before 원 after a unit word ("2억 원") but none after digits ("500원").
        return sign + body + (rest > 0 ? "원" : " 원")
    }

    /// The form for a language code (`ko` or `en`).
    public func text(language: String) -> String {
        language == "ko" ? koreanText : englishText
    }

    static func groupThousands(_ value: UInt64) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
