import Fluent
import Foundation
import TeukguCore
import Vapor

/// Tracks of the collaboration programme: 2024 (11 partners, 305 startups) and 2025 (14 tracks,
/// 364 planned) as reference data, and for demos a 2026 call with its tracks.
///
/// Per-track capacities and sector focus were not published: they are illustrative, spread so the
/// year's total matches the published number of startups. 2025 keeps Ansys, which the sources say
/// continued, and gives each of 2024's partners and the three joiners one track: 14 tracks, as
/// published. The published count of 13 partners implies one 2024 partner left; the sources do not
/// say which, so the partner listings mark the carried-over entries as assumed.
enum CollaborationSeed {
    static let focus: [String: String] = [
        "google": "AI, cloud, mobile apps and games", "nvidia": "AI and accelerated computing",
        "microsoft": "AI and SaaS",
        "aws": "Cloud-native services", "dassault-systemes": "Digital twins and manufacturing", "ansys": "Simulation",
        "siemens": "Industrial automation",
        "oracle": "Enterprise software", "ibm": "Enterprise AI and quantum", "intel": "Edge AI and semiconductors",
        "openai": "Generative AI applications",
        "thales": "Aerospace, defence and security", "l-oreal-korea": "Beauty tech",
        "air-liquide": "Hydrogen and industrial gases",
    ]

    static let partners2024 = [
        "google", "nvidia", "microsoft", "aws", "dassault-systemes", "ansys", "siemens", "oracle", "ibm", "intel",
        "openai",
    ]
    static let partners2025 = [
        "google", "nvidia", "microsoft", "aws", "dassault-systemes", "ansys", "siemens", "oracle", "ibm", "intel",
        "openai", "thales", "l-oreal-korea", "air-liquide",
    ]

    /// Spreads `total` places over `count` tracks as evenly as whole numbers allow.
    static func capacities(total: Int, count: Int) -> [Int] {
        (0..<count).map { total / count + ($0 < total % count ? 1 : 0) }
    }

    static func seedIfEmpty(on database: any Database) async throws {
        guard try await CollaborationTrackRecord.query(on: database).count() == 0 else { return }
        let partners = try await PartnerRecord.query(on: database).all().keyedByID()
        try await database.transaction { transaction in
            for (year, ids, total) in [(2024, partners2024, 305), (2025, partners2025, 364)] {
                for (id, capacity) in zip(ids, capacities(total: total, count: ids.count)) where partners[id] != nil {
                    try await track(year: year, partner: partners[id]!, capacity: capacity, organisation: nil).create(
                        on: transaction)
                }
            }
        }
    }

    static func track(year: Int, partner: PartnerRecord, capacity: Int, organisation: UUID?) -> CollaborationTrackRecord
    {
        let track = CollaborationTrackRecord()
        track.year = year
        track.partnerID = partner.id ?? ""
        track.name = partner.trackName.map { "\(partner.name) · \($0)" } ?? partner.name
        track.capacity = capacity
        track.sectorFocus = focus[partner.id ?? ""] ?? ""
        track.organisationID = organisation
        track.description = partner.provides
        track.offer = partner.provides
        track.stageIndex = 0
        return track
    }

    /// The 2026 demo call (single track, the default) with its tracks; the demo organisation runs three of them.
    static func seedDemo(organisation: UUID, now: Date, on database: any Database) async throws {
        guard try await CollaborationCallRecord.query(on: database).filter(\.$year == 2026).count() == 0 else { return }
        let partners = try await PartnerRecord.query(on: database).all().keyedByID()
        let run = Set(["nvidia", "aws", "microsoft"])
        for (id, capacity) in zip(partners2025, capacities(total: 364, count: partners2025.count))
        where partners[id] != nil {
            try await track(
                year: 2026, partner: partners[id]!, capacity: capacity,
                organisation: run.contains(id) ? organisation : nil
            ).create(on: database)
        }
        let call = CollaborationCallRecord()
        call.year = 2026
        call.title = "글로벌 기업 협업 프로그램 2026 (예시)"
        call.titleEnglish = "Global collaboration programme 2026 (illustrative)"
        let today = CalendarDate(instant: now)
        call.opensAt = today.adding(days: -7).startInstant.addingTimeInterval(9 * 3600)
        call.closesAt = today.adding(days: 30).startInstant.addingTimeInterval(18 * 3600)
        call.eligibilityJSON = try JSONColumn.encode(
            CollaborationEligibility(minimumAgeYears: 0, maximumAgeYears: 7, sectors: []))
        call.grantCapWon = 200_000_000
        call.grantCapCitation = "MSS programme notice call for applications"
        call.budgetWon = 43_000_000_000
        call.choiceMode = "single"
        call.maxChoices = 1
        call.stagesJSON = try JSONColumn.encode(CollaborationStages.standard)
        call.status = .accepting
        try await call.create(on: database)
    }
}
