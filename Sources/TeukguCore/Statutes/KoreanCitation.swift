/// A citation as a Korean reader writes it: `art. 86(4)` of the Regional Special Zones Act becomes
/// `규제자유특구 및 지역특화발전특구에 관한 규제특례법 제86조제4항`. Korean law names come from
/// the statute index; a law it does not hold is cited as given.
public enum KoreanCitation {
    /// The Korean citation, or nil when the law's Korean name or the article's form is unknown
    /// (the page then shows the citation as given).
    public static func text(law: String, article: String, index: StatuteIndex = .seed) -> String? {
        var parts: [String] = []
        for (lawName, _, text) in StatuteIndex.segments(law: law, article: article) {
            guard let name = index.laws[lawName]?.nameKorean,
                let articles = articles(text)
            else { return nil }
            parts.append(parts.isEmpty || lawName != law ? name + " " + articles : articles)
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// `art. 57-3(2)` → `제57조의3제2항`; `arts. 75(3), 77–78` → `제75조제3항, 제77조~제78조`;
    /// `art. 60(3) item 1` → `제60조제3항제1호`. Anything else is nil.
    static func articles(_ text: String) -> String? {
        var rest = Substring(text)
        if rest.hasPrefix("arts. ") {
            rest = rest.dropFirst(6)
        } else if rest.hasPrefix("art. ") {
            rest = rest.dropFirst(5)
        } else {
            return nil
        }
        var out = ""
        while let first = rest.first {
            if first.isASCII && first.isNumber {
                let digits = rest.prefix { $0.isASCII && $0.isNumber }
                rest.removeFirst(digits.count)
                out += "제\(digits)조"
                if rest.hasPrefix("-"), let next = rest.dropFirst().first, next.isASCII && next.isNumber {
                    rest.removeFirst()
                    let branch = rest.prefix { $0.isASCII && $0.isNumber }
                    rest.removeFirst(branch.count)
                    out += "의\(branch)"
                }
            } else if first == "(" {
                rest.removeFirst()
                let digits = rest.prefix { $0.isASCII && $0.isNumber }
                guard !digits.isEmpty, rest.dropFirst(digits.count).first == ")" else { return nil }
                rest.removeFirst(digits.count + 1)
                out += "제\(digits)항"
            } else if rest.hasPrefix(" item ") {
                rest.removeFirst(6)
                let digits = rest.prefix { $0.isASCII && $0.isNumber }
                guard !digits.isEmpty else { return nil }
                rest.removeFirst(digits.count)
                out += "제\(digits)호"
            } else if first == "–" {
                rest.removeFirst()
                out += "~"
            } else if first == "," {
                rest.removeFirst()
                out += ","
            } else if first == " " {
                rest.removeFirst()
                out += " "
            } else {
                return nil
            }
        }
        return out.isEmpty ? nil : out
    }
}
