import Fluent
import Foundation
import Yams

/// Each year's partners as the sources give them: named lists, joiners, and partners a source
/// reports as continuing. Where a year's source names only the joiners, the previous year's
/// partners are carried over and marked as assumed, never presented as published.
enum PartnerListingSeed {
    static func listings(_ programme: ProgrammeFile.Collaboration) -> [PartnerListingRecord] {
        var result: [PartnerListingRecord] = []
        var previous: [String: String] = [:]  // partner id → name as listed the year before
        for year in programme.years.sorted(by: { $0.year < $1.year }) {
            let source = year.source ?? "programme.yaml \(year.year)"
            var thisYear: [String: String] = [:]
            func add(_ listedAs: String, _ basis: PartnerListingRecord.Basis, _ source: String) {
                let id = ReferenceSeed.slug(programme.partner_aliases[listedAs] ?? listedAs)
                guard thisYear[id] == nil else { return }
                thisYear[id] = listedAs
                let record = PartnerListingRecord()
                record.year = year.year
                record.partnerID = id
                record.listedAs = listedAs
                record.basis = basis
                record.trackName = programme.known_tracks[listedAs]
                record.source = source
                result.append(record)
            }
            for name in year.partners ?? [] { add(name, .listed, source) }
            for name in year.partners_added ?? [] { add(name, .added, source) }
            for name in year.partners_continued ?? [] {
                add(name, .continuedReported, year.continued_source ?? source)
            }
            // A year that publishes only its joiners: the rest of last year's list is assumed to
            // continue, as the programme data says, and labelled so.
            if year.partners == nil, year.partners_added != nil {
                for listedAs in previous.sorted(by: { $0.key < $1.key }).map(\.value) {
                    add(listedAs, .continuedAssumed, "carried over from the year before; no source says it left")
                }
            }
            if !thisYear.isEmpty { previous = thisYear }
        }
        return result
    }

    /// For databases seeded before listings existed: adds them once, when the partners are there.
    static func seedIfEmpty(on database: any Database) async throws {
        guard try await PartnerListingRecord.query(on: database).count() == 0,
            try await PartnerRecord.query(on: database).count() > 0
        else { return }
        let file = try YAMLDecoder().decode(ProgrammeFile.self, from: ProgrammeData.yaml)
        let known = Set(try await PartnerRecord.query(on: database).all().compactMap(\.id))
        try await listings(file.collaboration_programme).filter { known.contains($0.partnerID) }.create(on: database)
    }
}
