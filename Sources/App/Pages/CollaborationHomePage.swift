import Foundation

/// The collaboration programme: its calls, and the partners' tracks by year with their places.
struct CollaborationHomePage: Encodable {
    struct YearGroup: Encodable {
        let year: Int
        let tracks: [CollaborationPagesController.TrackRow]
        let places: Int
    }

    /// One year's partners as the sources give them, each with how it is known.
    struct PartnerYear: Encodable {
        struct Entry: Encodable {
            let name: String
            let basis: String
            let assumed: Bool
        }

        let year: Int
        let entries: [Entry]
        let sources: [String]
    }

    let calls: [CollaborationPagesController.CallRow]
    let years: [YearGroup]
    let partnerYears: [PartnerYear]

    static func partnerYears(
        _ listings: [PartnerListingRecord], names: [String: String], language: String
    ) -> [PartnerYear] {
        func entry(_ listing: PartnerListingRecord) -> PartnerYear.Entry {
            let partner = names[listing.partnerID] ?? listing.partnerID
            let name = listing.listedAs == partner ? partner : "\(listing.listedAs) (\(partner))"
            let basis = Strings.text("text.partnerBasis.\(listing.basis.rawValue)", language)
            return PartnerYear.Entry(name: name, basis: basis, assumed: listing.basis == .continuedAssumed)
        }
        let byYear = Dictionary(grouping: listings, by: \.year)
        return byYear.keys.sorted(by: >).map { year -> PartnerYear in
            let entries = (byYear[year] ?? []).sorted { $0.listedAs < $1.listedAs }
            return PartnerYear(
                year: year, entries: entries.map(entry), sources: Array(Set(entries.map(\.source))).sorted())
        }
    }
}
