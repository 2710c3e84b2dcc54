import Fluent
import Foundation

/// One of the 17 regions (시·도).
final class RegionRecord: Model, @unchecked Sendable {
    static let schema = "regions"
    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "name_ko") var nameKorean: String
    @Field(key: "name_en") var nameEnglish: String
    @Field(key: "is_capital") var isCapitalRegion: Bool

    init() {}
    init(id: String, nameKorean: String, nameEnglish: String, isCapitalRegion: Bool) {
        self.id = id
        self.nameKorean = nameKorean
        self.nameEnglish = nameEnglish
        self.isCapitalRegion = isCapitalRegion
    }
}

/// A designated global innovation special district.
final class DistrictRecord: Model, @unchecked Sendable {
    static let schema = "districts"
    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "region_id") var regionID: String
    @Field(key: "round") var round: Int
    @Field(key: "name_ko") var nameKorean: String
    @Field(key: "name_en") var nameEnglish: String
    /// ISO dates (Asia/Seoul calendar days).
    @Field(key: "starts_on") var startsOn: String
    @Field(key: "ends_on") var endsOn: String
    @OptionalField(key: "area_km2") var areaSquareKilometres: Double?
    @OptionalField(key: "budget_won") var budgetWon: Int64?
    @Field(key: "notes") var notes: String
    @Field(key: "unconfirmed") var unconfirmed: Bool

    init() {}
}

/// A past designation round with its published counts.
final class DistrictRoundRecord: Model, @unchecked Sendable {
    static let schema = "district_rounds"
    @ID(custom: "id", generatedBy: .user) var id: Int?
    @Field(key: "call_published") var callPublished: String
    @Field(key: "governments") var governments: Int
    @Field(key: "projects") var projects: Int
    @Field(key: "written_passed") var writtenPassed: Int
    @Field(key: "candidates") var candidates: Int
    @OptionalField(key: "designated_on") var designatedOn: String?

    init() {}
}

/// A global partner company of the collaboration programme.
final class PartnerRecord: Model, @unchecked Sendable {
    static let schema = "partners"
    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "name") var name: String
    @Field(key: "country") var country: String
    @Field(key: "provides") var provides: String
    @Field(key: "joined_year") var joinedYear: Int
    @OptionalField(key: "track_name") var trackName: String?

    init() {}
}

/// The collaboration programme's published figures for one year.
final class ProgrammeYearRecord: Model, @unchecked Sendable {
    static let schema = "programme_years"
    @ID(custom: "id", generatedBy: .user) var id: Int?
    @OptionalField(key: "startups") var startups: Int?
    @OptionalField(key: "budget_won") var budgetWon: Int64?
    @OptionalField(key: "partners_count") var partnersCount: Int?
    @Field(key: "note") var note: String

    init() {}
}

/// A startup or zone operator.
final class CompanyRecord: Model, @unchecked Sendable {
    static let schema = "companies"
    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "business_registration_number") var businessRegistrationNumber: String
    @Field(key: "founded_on") var foundedOn: String
    @Field(key: "sector") var sector: String
    @OptionalField(key: "employees") var employees: Int?
    @OptionalField(key: "revenue_won") var revenueWon: Int64?

    init() {}
}

/// An operating organisation (주관기관) that runs tracks.
final class OrganisationRecord: Model, @unchecked Sendable {
    static let schema = "organisations"
    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String

    init() {}
}
