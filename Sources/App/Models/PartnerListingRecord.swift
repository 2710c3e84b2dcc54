import Fluent
import Foundation

/// One partner in one year's published list, under the name the list used that year.
///
/// A partner is one record across years and renamings (2019's "Google Play" is Google); the
/// listing keeps the year's own name and the source the entry came from, so the public sees
/// which names are published and which are carried over by assumption.
final class PartnerListingRecord: Model, @unchecked Sendable {
    static let schema = "partner_listings"

    /// How a year's entry is known.
    enum Basis: String, Codable, CaseIterable, Sendable {
        /// Named in that year's published list.
        case listed
        /// Named as joining that year.
        case added
        /// Reported as continuing by a source.
        case continuedReported = "continued-reported"
        /// Not named that year; carried over from the year before because no source says it left.
        case continuedAssumed = "continued-assumed"
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "year") var year: Int
    @Field(key: "partner_id") var partnerID: String
    @Field(key: "listed_as") var listedAs: String
    @Field(key: "basis") var basis: Basis
    @OptionalField(key: "track_name") var trackName: String?
    @Field(key: "source") var source: String

    init() {}
}
