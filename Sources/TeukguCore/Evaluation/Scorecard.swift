/// One evaluator's scores for one application in one stage and round.
public struct Scorecard: Hashable, Sendable, Codable {
    public struct Entry: Hashable, Sendable, Codable {
        public var score: Double
        public var justification: String

        public init(score: Double, justification: String) {
            self.score = score
            self.justification = justification
        }
    }

    /// A justification shorter than this says nothing a reviewer could check.
    public static let minimumJustificationLength = 10

    public var entries: [String: Entry]

    public init(entries: [String: Entry]) {
        self.entries = entries
    }

    public var scores: [String: Double] { entries.mapValues(\.score) }
}
