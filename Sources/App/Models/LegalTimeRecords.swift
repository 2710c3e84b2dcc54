import Fluent
import Foundation

/// A public holiday; its id is the ISO date.
final class HolidayRecord: Model, @unchecked Sendable {
    static let schema = "holidays"
    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "name_ko") var nameKorean: String
    @Field(key: "name_en") var nameEnglish: String
    @Field(key: "kind") var kind: String

    init() {}
}

/// A year whose holidays are known to be complete; deadlines reaching other years are refused.
final class HolidayYearRecord: Model, @unchecked Sendable {
    static let schema = "holiday_years"
    @ID(custom: "id", generatedBy: .user) var id: Int?

    init() {}
    init(year: Int) { id = year }
}

/// An effective-dated parameter (its versions are rows of `ParameterVersionRecord`).
final class ParameterRecord: Model, @unchecked Sendable {
    static let schema = "parameters"
    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "title_ko") var titleKorean: String
    @Field(key: "title_en") var titleEnglish: String

    init() {}
}

/// One version of a parameter. Rows are appended, and only the open end of the latest is ever closed.
final class ParameterVersionRecord: Model, @unchecked Sendable {
    static let schema = "parameter_versions"
    @ID(key: .id) var id: UUID?
    @Field(key: "parameter_key") var parameterKey: String
    @Field(key: "unit") var unit: String
    @Field(key: "amount") var amount: Int64
    @Field(key: "effective_from") var effectiveFrom: String
    @OptionalField(key: "effective_until") var effectiveUntil: String?
    @Field(key: "law") var law: String
    @Field(key: "article") var article: String
    @OptionalField(key: "amendment") var amendment: String?
    @OptionalField(key: "amendment_date") var amendmentDate: String?
    @OptionalField(key: "note") var note: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
