/// A call's words in the reader's language; the English falls back to the Korean where a call
/// was opened with one text only.
extension DesignationCallRecord {
    func title(_ language: String) -> String { Strings.pick(title, titleEnglish ?? title, language) }
    func description(_ language: String) -> String {
        Strings.pick(description, descriptionEnglish ?? description, language)
    }
}

extension CollaborationCallRecord {
    func title(_ language: String) -> String { Strings.pick(title, titleEnglish ?? title, language) }
}
