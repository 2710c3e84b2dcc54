/// The articles and paragraphs a citation's text names: `art. 85(4)`, `arts. 75(3), 77–78`,
/// `art. 75(1)–(2)`, `art. 75(3), (5)`, `art. 57-3(2)`, `art. 60(3)1` (item numbers are not checked).
enum CitationReferences {
    struct Reference: Hashable {
        let article: StatuteIndex.ArticleNumber
        let paragraph: Int?
    }

    static func parse(_ text: String) -> [Reference]? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        if rest.hasPrefix("arts.") {
            rest = rest.dropFirst(5)
        } else if rest.hasPrefix("art.") {
            rest = rest.dropFirst(4)
        } else {
            return nil
        }
        var references: [Reference] = []
        var current: StatuteIndex.ArticleNumber?
        for item in rest.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            var scanner = Scanner(Substring(item))
            if scanner.peek == "(" {
                // "(5)" continues the previous article.
                guard let article = current, let paragraph = scanner.paragraph() else { return nil }
                references.append(Reference(article: article, paragraph: paragraph))
                continue
            }
            guard let number = scanner.integer() else { return nil }
            var branch = 0
            if scanner.take("-"), let value = scanner.integer() { branch = value }
            let article = StatuteIndex.ArticleNumber(number, branch)
            current = article
            if scanner.take("–") {
                if scanner.peek == "(" {
                    // "75(1)–(2)" is handled below; "77–78" is an article range.
                } else if let last = scanner.integer() {
                    guard last >= number, last - number < 50 else { return nil }
                    references += (number...last).map { Reference(article: .init($0), paragraph: nil) }
                    continue
                }
            }
            guard let paragraph = scanner.paragraph() else {
                references.append(Reference(article: article, paragraph: nil))
                continue
            }
            references.append(Reference(article: article, paragraph: paragraph))
            if scanner.take("–"), let last = scanner.paragraph() {
                references.append(Reference(article: article, paragraph: last))
            }
        }
        return references.isEmpty ? nil : references
    }

    private struct Scanner {
        var text: Substring
        init(_ text: Substring) { self.text = text }
        var peek: Character? { text.first }

        mutating func take(_ character: Character) -> Bool {
            guard text.first == character else { return false }
            text.removeFirst()
            return true
        }

        mutating func integer() -> Int? {
            let digits = text.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count < 5 else { return nil }
            text.removeFirst(digits.count)
            return Int(digits)
        }

        mutating func paragraph() -> Int? {
            guard take("(") else { return nil }
            guard let value = integer(), take(")") else { return nil }
            return value
        }
    }
}
