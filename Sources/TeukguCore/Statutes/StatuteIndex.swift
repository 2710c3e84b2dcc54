/// Which articles (and how many paragraphs) the laws Teukgu cites have: facts only, not their text,
/// so a citation can be checked the way a compiler checks a name. Each law states the consolidated
/// text it was read from and the articles it covers; a citation outside the covered articles, or of
/// a law not indexed, is "cited as given", never silently accepted as checked.
public struct StatuteIndex: Sendable {
    public struct ArticleNumber: Hashable, Sendable, Comparable, CustomStringConvertible {
        public let number: Int
        /// The N of 조의N (0 for a plain article).
        public let branch: Int

        public init(_ number: Int, _ branch: Int = 0) {
            self.number = number
            self.branch = branch
        }

        public static func < (a: ArticleNumber, b: ArticleNumber) -> Bool {
            (a.number, a.branch) < (b.number, b.branch)
        }

        /// `art. 57-3` style, as the citations write 제57조의3.
        public var description: String { branch == 0 ? "art. \(number)" : "art. \(number)-\(branch)" }
    }

    public struct Article: Sendable {
        public let number: ArticleNumber
        public let titleKorean: String
        /// Numbered paragraphs (항); an article without numbered paragraphs has 1.
        public let paragraphs: Int

        public init(number: ArticleNumber, titleKorean: String, paragraphs: Int) {
            self.number = number
            self.titleKorean = titleKorean
            self.paragraphs = paragraphs
        }
    }

    public struct Law: Sendable {
        /// The name citations use (English), e.g. `Regional Special Zones Act`.
        public let name: String
        public let nameKorean: String
        /// The consolidated text read: `Law No. 21381, promulgated 2026-02-19, in force 2026-02-19`.
        public let text: String
        /// Article numbers whose whole range was read, so an absent number there is really absent.
        public let covered: [ClosedRange<Int>]
        public let articles: [ArticleNumber: Article]

        public init(name: String, nameKorean: String, text: String, covered: [ClosedRange<Int>], articles: [Article]) {
            self.name = name
            self.nameKorean = nameKorean
            self.text = text
            self.covered = covered
            self.articles = Dictionary(uniqueKeysWithValues: articles.map { ($0.number, $0) })
        }

        func covers(_ number: ArticleNumber) -> Bool { covered.contains { $0.contains(number.number) } }
    }

    /// What a check found.
    public enum Finding: Hashable, Sendable {
        /// Every article and paragraph cited exists.
        case valid
        /// The law, or the articles cited, are not in the index: cited as given.
        case notIndexed(String)
        /// An article or paragraph the law does not have.
        case unknownArticle(String)
    }

    public let laws: [String: Law]

    public init(_ laws: [Law]) {
        self.laws = Dictionary(uniqueKeysWithValues: laws.map { ($0.name, $0) })
    }

    /// Checks a citation such as `art. 85(4)`, `arts. 75(3), 77–78; Decree art. 47(7)` or
    /// `art. 57-3(2)`. A segment starting `Decree` cites the law's enforcement decree.
    public func check(law: String, article: String) -> Finding {
        var worst: Finding = .valid
        for (lawName, segment, text) in Self.segments(law: law, article: article) {
            guard let indexed = laws[lawName] else {
                if worst == .valid { worst = .notIndexed("\(lawName) is not in the statute index") }
                continue
            }
            guard let references = CitationReferences.parse(text) else {
                if worst == .valid { worst = .notIndexed("'\(segment)' names no article") }
                continue
            }
            for reference in references {
                guard indexed.covers(reference.article) else {
                    if worst == .valid {
                        worst = .notIndexed("\(lawName) \(reference.article) is outside the indexed articles")
                    }
                    continue
                }
                guard let found = indexed.articles[reference.article] else {
                    return .unknownArticle("\(lawName) has no \(reference.article)")
                }
                if let paragraph = reference.paragraph, !(1...found.paragraphs).contains(paragraph) {
                    return .unknownArticle(
                        "\(lawName) \(reference.article) has \(found.paragraphs) paragraph(s), not (\(paragraph))")
                }
            }
        }
        return worst
    }

    /// A citation's `;`-separated parts, each with the law it cites: a part starting `Decree` cites
    /// the law's enforcement decree. Each part comes whole and without that prefix.
    static func segments(law: String, article: String) -> [(law: String, segment: String, text: String)] {
        article.split(separator: ";").map { part in
            let segment = part.trimmingCharacters(in: .whitespaces)
            guard segment.hasPrefix("Decree ") else { return (law, segment, segment) }
            let decree = law.hasSuffix("Enforcement Decree") ? law : law + " Enforcement Decree"
            return (decree, segment, String(segment.dropFirst("Decree ".count)))
        }
    }
}
