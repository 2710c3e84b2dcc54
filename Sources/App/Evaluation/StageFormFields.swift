import Foundation
import TeukguCore

/// Evaluation stages as a page form edits them: each stage's titles, pass mark and how many
/// advance, its criteria as rows with their weights, and spare blank rows to add to. Reading the
/// form back leaves blank rows out; the stage rules (weights summing to 100 and the rest) are
/// checked where the API's stages are, so the form can express exactly what the API can.
struct StageFormFields: Encodable {
    struct CriterionRow: Encodable {
        /// The field names' prefix, e.g. `s0_c2`.
        let prefix: String
        let id: String
        let titleKorean: String
        let titleEnglish: String
        let weight: String
    }

    struct StageRow: Encodable {
        let prefix: String
        let number: Int
        let id: String
        let titleKorean: String
        let titleEnglish: String
        let passThreshold: String
        let advanceCount: String
        let criteria: [CriterionRow]
    }

    let stages: [StageRow]

    static let maximumStages = 5
    static let maximumCriteria = 10
    static let spareCriteria = 2

    /// The rows for `stages`, each with spare criterion rows, and one spare stage when there is room.
    init(_ stages: [EvaluationStage]) {
        var rows: [StageRow] = []
        for (index, stage) in stages.prefix(Self.maximumStages).enumerated() {
            let filled = stage.criteria.prefix(Self.maximumCriteria).enumerated().map { number, criterion in
                CriterionRow(
                    prefix: "s\(index)_c\(number)", id: criterion.id, titleKorean: criterion.titleKorean,
                    titleEnglish: criterion.titleEnglish,
                    weight: String(criterion.weight))
            }
            rows.append(
                StageRow(
                    prefix: "s\(index)", number: index + 1, id: stage.id, titleKorean: stage.titleKorean,
                    titleEnglish: stage.titleEnglish,
                    passThreshold: Self.text(stage.passThreshold),
                    advanceCount: stage.advanceCount.map(String.init) ?? "",
                    criteria: filled + Self.blankCriteria(stage: index, from: filled.count)))
        }
        if rows.count < Self.maximumStages {
            let index = rows.count
            rows.append(
                StageRow(
                    prefix: "s\(index)", number: index + 1, id: "", titleKorean: "", titleEnglish: "",
                    passThreshold: "", advanceCount: "",
                    criteria: Self.blankCriteria(stage: index, from: 0, count: 4)))
        }
        self.stages = rows
    }

    /// The form as it was sent, so a refused form comes back with what was typed.
    init(fields: [String: String]) {
        var rows: [StageRow] = []
        for index in 0..<Self.maximumStages {
            let prefix = "s\(index)"
            guard fields.keys.contains(where: { $0.hasPrefix(prefix + "_") }) else { break }
            let criteria = (0..<Self.maximumCriteria).compactMap { number -> CriterionRow? in
                let row = "\(prefix)_c\(number)"
                guard fields.keys.contains(where: { $0.hasPrefix(row + "_") }) else { return nil }
                return CriterionRow(
                    prefix: row, id: fields[row + "_id"] ?? "", titleKorean: fields[row + "_ko"] ?? "",
                    titleEnglish: fields[row + "_en"] ?? "", weight: fields[row + "_weight"] ?? "")
            }
            rows.append(
                StageRow(
                    prefix: prefix, number: index + 1, id: fields[prefix + "_id"] ?? "",
                    titleKorean: fields[prefix + "_ko"] ?? "",
                    titleEnglish: fields[prefix + "_en"] ?? "", passThreshold: fields[prefix + "_pass"] ?? "",
                    advanceCount: fields[prefix + "_advance"] ?? "", criteria: criteria))
        }
        stages = rows
    }

    /// The stages a submitted form describes, blank rows left out. Every field that cannot be read
    /// is named at once (a 400 with one issue per field), and the sums are checked too, so one
    /// refusal lists everything to fix.
    static func read(_ fields: [String: String]) throws -> [EvaluationStage] {
        var stages: [EvaluationStage] = []
        var issues: [FieldIssue] = []
        for row in StageFormFields(fields: fields).stages {
            let criteria = row.criteria.enumerated().compactMap { number, criterion -> Criterion? in
                let id = criterion.id.trimmed
                let ko = criterion.titleKorean.trimmed
                let en = criterion.titleEnglish.trimmed
                let weight = criterion.weight.trimmed
                if id.isEmpty && ko.isEmpty && en.isEmpty && weight.isEmpty { return nil }
                guard let value = Int(weight) else {
                    issues.append(
                        FieldIssue(
                            field: criterion.prefix + "_weight",
                            korean: "\(row.number)단계 \(number + 1)번째 항목: 배점은 정수로 적어 주세요.",
                            english: "Stage \(row.number), criterion \(number + 1): the weight must be a whole number.")
                    )
                    return nil
                }
                guard !ko.isEmpty || !en.isEmpty else {
                    issues.append(
                        FieldIssue(
                            field: criterion.prefix + "_ko",
                            korean: "\(row.number)단계 \(number + 1)번째 항목: 항목 이름을 적어 주세요.",
                            english: "Stage \(row.number), criterion \(number + 1): give it a title."))
                    return nil
                }
                return Criterion(
                    id: id.isEmpty ? "criterion-\(number + 1)" : id, titleKorean: ko.isEmpty ? en : ko,
                    titleEnglish: en.isEmpty ? ko : en, weight: value)
            }
            let ko = row.titleKorean.trimmed
            let en = row.titleEnglish.trimmed
            let pass = row.passThreshold.trimmed
            let advance = row.advanceCount.trimmed
            if row.criteria.allSatisfy({
                $0.id.trimmed.isEmpty && $0.titleKorean.trimmed.isEmpty && $0.titleEnglish.trimmed.isEmpty
                    && $0.weight.trimmed.isEmpty
            }) && row.id.trimmed.isEmpty && ko.isEmpty && en.isEmpty && pass.isEmpty && advance.isEmpty {
                continue
            }
            if ko.isEmpty && en.isEmpty {
                issues.append(
                    FieldIssue(
                        field: row.prefix + "_ko", korean: "\(row.number)단계: 단계 이름을 적어 주세요.",
                        english: "Stage \(row.number): give it a title."))
            }
            let threshold = Double(pass).flatMap { $0.isFinite && (0...100).contains($0) ? $0 : nil }
            if threshold == nil {
                issues.append(
                    FieldIssue(
                        field: row.prefix + "_pass", korean: "\(row.number)단계: 통과 점수는 0에서 100 사이의 숫자로 적어 주세요.",
                        english: "Stage \(row.number): the pass mark must be a number from 0 to 100."))
            }
            var advanceCount: Int?
            if !advance.isEmpty {
                if let count = Int(advance), count >= 1 {
                    advanceCount = count
                } else {
                    issues.append(
                        FieldIssue(
                            field: row.prefix + "_advance",
                            korean: "\(row.number)단계: 다음 단계 진출 수는 1 이상의 정수로 적거나 비워 두세요.",
                            english:
                                "Stage \(row.number): how many advance must be a whole number of 1 or more, or empty."))
                }
            }
            let total = criteria.reduce(0) { $0 + $1.weight }
            if !criteria.isEmpty && criteria.count == row.criteria.filter({ !$0.weight.trimmed.isEmpty }).count
                && total != 100
            {
                issues.append(
                    FieldIssue(
                        field: (row.criteria.first?.prefix ?? row.prefix) + "_weight",
                        korean: "\(row.number)단계: 배점의 합계가 \(total)입니다. 100이 되도록 고쳐 주세요.",
                        english: "Stage \(row.number): the weights sum to \(total), not 100."))
            }
            if criteria.isEmpty && !row.criteria.contains(where: { !$0.weight.trimmed.isEmpty }) {
                issues.append(
                    FieldIssue(
                        field: (row.criteria.first?.prefix ?? row.prefix) + "_ko",
                        korean: "\(row.number)단계: 평가 항목을 하나 이상 적어 주세요.",
                        english: "Stage \(row.number): give it at least one criterion."))
            }
            stages.append(
                EvaluationStage(
                    id: row.id.trimmed.isEmpty ? "stage-\(row.number)" : row.id.trimmed,
                    titleKorean: ko.isEmpty ? en : ko,
                    titleEnglish: en.isEmpty ? ko : en, criteria: criteria, passThreshold: threshold ?? 0,
                    advanceCount: advanceCount))
        }
        if !issues.isEmpty { throw AppError(.badRequest, "invalid_stages", issues: issues) }
        return stages
    }

    private static func blankCriteria(stage: Int, from start: Int, count: Int = spareCriteria) -> [CriterionRow] {
        (start..<min(maximumCriteria, start + count)).map {
            CriterionRow(prefix: "s\(stage)_c\($0)", id: "", titleKorean: "", titleEnglish: "", weight: "")
        }
    }

    private static func text(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
