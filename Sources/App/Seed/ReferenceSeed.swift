import Fluent
import TeukguCore
import Vapor
import Yams

/// The real reference data every installation needs: regions, districts, rounds, partners,
/// programme figures, the holiday table and the effective-dated parameters. Loaded once, into an
/// empty database, in production too.
enum ReferenceSeed {
    /// Candidates per round are in DOMAIN.md rather than programme.yaml.
    static let candidatesByRound = [1: 4, 2: 3]

    /// Partner details that public sources describe only loosely; shown as illustrative.
    static let partnerDetails: [String: (country: String, provides: String)] = [
        "Google": ("United States", "Cloud credits, Google for Startups mentoring; in 2019 as Google Play (Changgu)"),
        "NVIDIA": ("United States", "GPU credits, Inception membership, technical mentoring"),
        "Microsoft": ("United States", "Azure credits, Founders Hub mentoring"),
        "AWS": ("United States", "Cloud credits up to USD 50k, architecture reviews"),
        "Dassault Systèmes": ("France", "3DEXPERIENCE licences and lab access"),
        "Ansys": ("United States", "Simulation software licences"),
        "Siemens": ("Germany", "Industrial software, PoC with business units"),
        "Oracle": ("United States", "OCI credits, go-to-market support"),
        "IBM": ("United States", "Cloud and AI platform credits, mentoring"),
        "Intel": ("United States", "Hardware, PoC and ecosystem access"),
        "OpenAI": ("United States", "API credits, technical sessions"),
        "Thales": ("France", "Aerospace and security PoC"),
        "L'Oréal Korea": ("France", "Beauty-tech PoC"),
        "Air Liquide": ("France", "Industrial gas and hydrogen PoC"),
    ]

    static func seedIfEmpty(on database: any Database) async throws {
        guard try await RegionRecord.query(on: database).count() == 0 else { return }
        let file = try YAMLDecoder().decode(ProgrammeFile.self, from: ProgrammeData.yaml)
        try await database.transaction { transaction in
            try await file.regions.map {
                RegionRecord(id: $0.id, nameKorean: $0.ko, nameEnglish: $0.en, isCapitalRegion: $0.capital)
            }.create(on: transaction)
            try await file.districts.map(districtRecord).create(on: transaction)
            try await file.district_rounds.map(roundRecord).create(on: transaction)
            try await partnerRecords(file.collaboration_programme).create(on: transaction)
            try await file.collaboration_programme.years.map(yearRecord).create(on: transaction)
            try await PartnerListingSeed.listings(file.collaboration_programme).create(on: transaction)
            try await seedHolidays(on: transaction)
            try await seedParameters(on: transaction)
            try await AuditLog.record(
                on: transaction, actor: .system, action: "seed.reference", targetType: "database",
                targetID: "reference",
                after: ["regions": String(file.regions.count), "districts": String(file.districts.count)])
        }
    }

    static func districtRecord(_ entry: ProgrammeFile.DistrictEntry) -> DistrictRecord {
        let record = DistrictRecord()
        record.id = entry.id
        record.regionID = entry.region
        record.round = entry.round
        record.nameKorean = entry.ko
        record.nameEnglish = entry.en
        record.startsOn = entry.starts
        record.endsOn = entry.ends
        record.areaSquareKilometres = entry.area_km2
        record.budgetWon = entry.budget_krw
        record.notes = entry.notes
        record.unconfirmed = entry.unconfirmed ?? false
        return record
    }

    static func roundRecord(_ entry: ProgrammeFile.RoundEntry) -> DistrictRoundRecord {
        let record = DistrictRoundRecord()
        record.id = entry.round
        record.callPublished = entry.call_published
        record.governments = entry.applications.governments
        record.projects = entry.applications.projects
        record.writtenPassed = entry.written_evaluation.passed
        record.candidates = candidatesByRound[entry.round] ?? 0
        record.designatedOn = entry.special_zone_committee
        return record
    }

    static func partnerRecords(_ programme: ProgrammeFile.Collaboration) -> [PartnerRecord] {
        var firstYear: [String: Int] = [:]
        for year in programme.years {
            for listed in (year.partners ?? []) + (year.partners_added ?? []) {
                let name = programme.partner_aliases[listed] ?? listed
                if firstYear[name] == nil { firstYear[name] = year.year }
            }
        }
        return firstYear.sorted { $0.key < $1.key }.map { name, year in
            let record = PartnerRecord()
            record.id = slug(name)
            record.name = name
            record.country = partnerDetails[name]?.country ?? "—"
            record.provides = partnerDetails[name]?.provides ?? "—"
            record.joinedYear = year
            record.trackName = programme.known_tracks[name]
            return record
        }
    }

    static func yearRecord(_ entry: ProgrammeFile.Collaboration.Year) -> ProgrammeYearRecord {
        let record = ProgrammeYearRecord()
        record.id = entry.year
        record.startups = entry.startups ?? entry.startups_planned
        record.budgetWon = entry.budget_krw
        record.partnersCount = entry.partners_count ?? entry.partners.map(\.count)
        record.note = [entry.name, entry.note, entry.tracks.map { "\($0) tracks" }].compactMap { $0 }.joined(
            separator: "; ")
        return record
    }

    /// `Dassault Systèmes` → `dassault-systemes`.
    static func slug(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        let mapped = folded.map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return String(mapped).split(separator: "-").joined(separator: "-")
    }

    static func seedHolidays(on database: any Database) async throws {
        let holidays = try HolidayCalendar.parseCSV(HolidayCalendar.seedCSV)
        try await holidays.map { holiday -> HolidayRecord in
            let record = HolidayRecord()
            record.id = holiday.date.iso
            record.nameKorean = holiday.nameKorean
            record.nameEnglish = holiday.nameEnglish
            record.kind = holiday.kind.rawValue
            return record
        }.create(on: database)
        try await HolidayCalendar.seedCoveredYears.sorted().map(HolidayYearRecord.init(year:)).create(on: database)
    }

    static func seedParameters(on database: any Database) async throws {
        let catalog = ParameterCatalog.seed
        for key in catalog.sortedKeys {
            guard let parameter = catalog.parameters[key] else { continue }
            let record = ParameterRecord()
            record.id = key
            record.titleKorean = parameter.titleKorean
            record.titleEnglish = parameter.titleEnglish
            try await record.create(on: database)
            try await parameter.versions.map {
                LegalTimeStore.versionRecord(
                    key: key, value: $0.value, from: $0.effectiveFrom, until: $0.effectiveUntil, citation: $0.citation)
            }.create(on: database)
        }
    }
}
