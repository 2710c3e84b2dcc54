/// A matching problem as `teukgu match` reads it: tracks with capacities, applicants with ranked
/// choices, and each track's ranking of applicants (best first; absent means not acceptable).
public struct MatchingInstance: Codable, Sendable {
    public struct Track: Codable, Sendable {
        public let id: String
        public let capacity: Int

        public init(id: String, capacity: Int) {
            self.id = id
            self.capacity = capacity
        }
    }

    public struct Applicant: Codable, Sendable {
        public let id: String
        public let choices: [String]

        public init(id: String, choices: [String]) {
            self.id = id
            self.choices = choices
        }
    }

    public let tracks: [Track]
    public let applicants: [Applicant]
    public let rankings: [String: [String]]

    public init(tracks: [Track], applicants: [Applicant], rankings: [String: [String]]) {
        self.tracks = tracks
        self.applicants = applicants
        self.rankings = rankings
    }
}

/// Why an instance cannot be matched.
public enum MatchingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Two tracks share an id.
    case duplicateTrack(String)
    /// Two applicants share an id.
    case duplicateApplicant(String)
    /// A capacity below zero.
    case negativeCapacity(track: String, capacity: Int)
    /// An applicant lists a track that does not exist.
    case unknownTrackInChoices(applicant: String, track: String)
    /// An applicant lists the same track twice.
    case duplicateChoice(applicant: String, track: String)
    /// A ranking for a track that does not exist.
    case unknownTrackInRankings(String)
    /// A ranking names an applicant that does not exist.
    case unknownApplicantInRanking(track: String, applicant: String)
    /// A ranking names the same applicant twice.
    case duplicateInRanking(track: String, applicant: String)

    public var description: String {
        switch self {
        case .duplicateTrack(let id): "track '\(id)' appears twice"
        case .duplicateApplicant(let id): "applicant '\(id)' appears twice"
        case .negativeCapacity(let track, let capacity): "track '\(track)' has a negative capacity (\(capacity))"
        case .unknownTrackInChoices(let applicant, let track):
            "applicant '\(applicant)' chooses unknown track '\(track)'"
        case .duplicateChoice(let applicant, let track): "applicant '\(applicant)' chooses track '\(track)' twice"
        case .unknownTrackInRankings(let track): "rankings name unknown track '\(track)'"
        case .unknownApplicantInRanking(let track, let applicant):
            "the ranking of '\(track)' names unknown applicant '\(applicant)'"
        case .duplicateInRanking(let track, let applicant): "the ranking of '\(track)' names '\(applicant)' twice"
        }
    }
}
