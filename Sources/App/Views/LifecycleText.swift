import TeukguCore

extension Lifecycle {
    /// The state in words, from the catalogue (`<lifecycle>.<state>`), in the reader's language.
    func text(_ language: String) -> String {
        Strings.text("\(Self.lifecycleName).\(rawValue)", language)
    }
}

extension ApplicationOutcome {
    /// The outcome in words; a stage result names the stage by its title.
    func text(_ language: String, stages: [EvaluationStage] = []) -> String {
        switch self {
        case .passed(let stage), .failed(let stage):
            let title =
                stages.first { $0.id == stage }.map { Strings.pick($0.titleKorean, $0.titleEnglish, language) } ?? stage
            let verdict = Strings.text(self == .passed(stage: stage) ? "outcome.passed" : "outcome.failed", language)
            return "\(title) \(verdict)"
        default:
            return Strings.text("outcome.\(rawValue)", language)
        }
    }
}
