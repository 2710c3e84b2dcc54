import TeukguCore
import Vapor

struct CitationDTO: Content {
    let law: String
    let article: String
    let amendment: String?
    let amendmentDate: String?
    let note: String?
    let text: String

    init(_ citation: Citation) {
        law = citation.law
        article = citation.article
        amendment = citation.amendment
        amendmentDate = citation.amendmentDate?.iso
        note = citation.note
        text = citation.text
    }
}

struct ParameterVersionDTO: Content {
    let unit: String
    let amount: Int64
    let effectiveFrom: String
    /// Exclusive; absent while the version is open-ended.
    let effectiveUntil: String?
    let citation: CitationDTO

    init(_ version: ParameterVersion) {
        unit = version.value.unit
        amount = version.value.amount
        effectiveFrom = version.effectiveFrom.iso
        effectiveUntil = version.effectiveUntil?.iso
        citation = CitationDTO(version.citation)
    }
}

struct ParameterDTO: Content {
    let key: String
    let titleKorean: String
    let titleEnglish: String
    let versions: [ParameterVersionDTO]
    /// The version in force on `asOf` (today unless asked), if any.
    let inForce: ParameterVersionDTO?

    init(_ parameter: Parameter, asOf: CalendarDate) {
        key = parameter.key
        titleKorean = parameter.titleKorean
        titleEnglish = parameter.titleEnglish
        versions = parameter.versions.map(ParameterVersionDTO.init)
        // Not `try? version(at:)`: a caught ParameterError crashes the Swift 6.3 release build.
        inForce = parameter.versions.last { $0.covers(asOf) }.map(ParameterVersionDTO.init)
    }
}

struct NewParameterVersionInput: StrictJSONInput {
    let unit: String
    let amount: Int64
    let effectiveFrom: String
    let law: String
    let article: String
    let amendment: String?
    let amendmentDate: String?
    let note: String?

    static let fields: Set<String> = [
        "unit", "amount", "effectiveFrom", "law", "article", "amendment", "amendmentDate", "note",
    ]

    func validated() throws -> (ParameterValue, CalendarDate, Citation) {
        guard let value = ParameterValue(unit: unit, amount: amount) else {
            throw AppError.invalid(
                "invalid_parameter_value",
                "unit is days, months, years, won, points or count, and amount is not negative.")
        }
        let from = try DateInput.required(effectiveFrom, field: "effectiveFrom")
        let law = law.trimmingCharacters(in: .whitespaces)
        let article = article.trimmingCharacters(in: .whitespaces)
        guard !law.isEmpty, !article.isEmpty, law.count <= 200, article.count <= 100 else {
            throw AppError.invalid("citation_required", "Every version cites its law and article.")
        }
        let amendedOn = try DateInput.optional(amendmentDate, field: "amendmentDate")
        return (
            value, from,
            Citation(
                law: law, article: article, amendment: amendment?.nilIfEmpty, amendmentDate: amendedOn,
                note: note?.nilIfEmpty)
        )
    }
}

struct HolidayDTO: Content {
    let date: String
    let nameKorean: String
    let nameEnglish: String
    let kind: String
}

struct HolidayTableDTO: Content {
    let coveredYears: [Int]
    let holidays: [HolidayDTO]
}

struct NewHolidayInput: StrictJSONInput, DocumentedLimits {
    let date: String
    let nameKorean: String
    let nameEnglish: String
    let kind: String
    /// Declares the holiday's year complete, so deadlines may reach it.
    let completesYear: Bool?

    static let fields: Set<String> = ["date", "nameKorean", "nameEnglish", "kind", "completesYear"]
    static let limits: [String: FieldLimit] = ["kind": .choice(Holiday.Kind.allCases.map(\.rawValue))]
}
