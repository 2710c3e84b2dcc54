import Foundation

extension SelectionProposal.Line {
    /// The sentence shown beside each application, e.g. "Third by score, but its region already has
    /// a candidate in this call."
    public func sentence(korean: Bool) -> String {
        let score = String(format: "%.2f", entrant.score)
        var text: String
        switch reason {
        case .proposed(let position):
            text =
                korean
                ? "점수 \(position)위(\(score)점)로 후보에 제안됩니다." : "Proposed: \(Self.ordinal(position)) by score (\(score))."
        case .regionLimitReached(let position, let limit):
            text =
                korean
                ? "점수 \(position)위(\(score)점)이지만, 이 공모에서 같은 지역의 후보가 이미 \(limit)개입니다."
                : "Not proposed: \(Self.ordinal(position)) by score (\(score)), but its region already has \(limit == 1 ? "a candidate" : "\(limit) candidates") in this call."
        case .capReached(let position, let cap):
            text =
                korean
                ? "점수 \(position)위(\(score)점)이지만, 지정 한도 \(cap)개가 이미 찼습니다."
                : "Not proposed: \(Self.ordinal(position)) by score (\(score)), and the cap of \(cap) designations is already reached."
        }
        if let tie = tieBrokenBy {
            switch tie {
            case .regionWithoutDistrict:
                text +=
                    korean
                    ? " (동점: 특구가 있는 지역이므로 뒤에 놓였습니다.)" : " (Tied on score; placed after a region without a district.)"
            case .earlierSubmission:
                text += korean ? " (동점: 더 늦게 제출되어 뒤에 놓였습니다.)" : " (Tied on score; submitted later, so placed after.)"
            case .identifier:
                text += korean ? " (동점: 접수번호 순서로 놓였습니다.)" : " (Tied on score and time; ordered by receipt.)"
            }
        }
        return text
    }

    static func ordinal(_ number: Int) -> String {
        let words = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
        if number >= 1 && number <= words.count { return words[number - 1] }
        let suffix: String
        switch (number % 10, number % 100) {
        case (1, let h) where h != 11: suffix = "st"
        case (2, let h) where h != 12: suffix = "nd"
        case (3, let h) where h != 13: suffix = "rd"
        default: suffix = "th"
        }
        return "\(number)\(suffix)"
    }
}
