extension Strings {
    /// A rulebook unit as the reader writes it: SI symbols read the same in both languages; counted
    /// things take the Korean counter word.
    static func unit(_ unit: String, _ language: String) -> String {
        switch unit {
        case "persons": pick("명", "persons", language)
        case "days": pick("일", "days", language)
        case "won": pick("원", "won", language)
        default: unit
        }
    }
}
