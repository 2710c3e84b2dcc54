import TeukguCore

/// A parameter's or step's citation in the reader's language (`Citation.koreanText` in Korean),
/// and notes such as "in force 2024-08-07" as "2024-08-07 시행".
enum CitationWords {
    static func text(_ citation: Citation, _ language: String) -> String {
        Strings.pick(citation.koreanText, citation.text, language)
    }

    /// A citation stored as its English text (a call's grant-cap citation).
    static func text(stored english: String, _ language: String) -> String {
        Strings.pick(Citation.programmeSourcesInKorean[english] ?? english, english, language)
    }

    static func note(_ note: String?, _ language: String) -> String {
        guard let note else { return "" }
        if note.hasPrefix("in force "), let day = CalendarDate(iso: String(note.dropFirst("in force ".count))) {
            return Strings.pick("\(day.iso) 시행", note, language)
        }
        return note
    }
}
