import Fluent
import TeukguCore
import Vapor

/// Reads the parameter table and the holiday calendar from the database and writes changes to them.
/// Nothing is cached in memory, so every server instance sharing a database agrees at once.
enum LegalTimeStore {
    static func catalog(on database: any Database) async throws -> ParameterCatalog {
        let parameters = try await ParameterRecord.query(on: database).all()
        let versions = try await ParameterVersionRecord.query(on: database).all()
        let byKey = Dictionary(grouping: versions, by: \.parameterKey)
        return ParameterCatalog(
            parameters.compactMap { record in
                guard let key = record.id else { return nil }
                return Parameter(
                    key: key, titleKorean: record.titleKorean, titleEnglish: record.titleEnglish,
                    versions: (byKey[key] ?? []).compactMap(version(from:)))
            })
    }

    static func version(from record: ParameterVersionRecord) -> ParameterVersion? {
        guard let value = ParameterValue(unit: record.unit, amount: record.amount),
            let from = CalendarDate(iso: record.effectiveFrom)
        else { return nil }
        return ParameterVersion(
            value: value, effectiveFrom: from, effectiveUntil: record.effectiveUntil.flatMap(CalendarDate.init(iso:)),
            citation: Citation(
                law: record.law, article: record.article, amendment: record.amendment,
                amendmentDate: record.amendmentDate.flatMap(CalendarDate.init(iso:)), note: record.note)
        )
    }

    static func holidays(on database: any Database) async throws -> HolidayCalendar {
        let records = try await HolidayRecord.query(on: database).all()
        let years = try await HolidayYearRecord.query(on: database).all().compactMap(\.id)
        let holidays = records.compactMap { record -> Holiday? in
            guard let id = record.id, let date = CalendarDate(iso: id), let kind = Holiday.Kind(rawValue: record.kind)
            else { return nil }
            return Holiday(date: date, nameKorean: record.nameKorean, nameEnglish: record.nameEnglish, kind: kind)
        }
        return HolidayCalendar(holidays: holidays, coveredYears: Set(years))
    }

    /// Adds a version through the core rule (no retroactive versions, same unit, after the latest),
    /// closing the previous open-ended version, and audits it.
    static func addVersion(
        key: String, value: ParameterValue, effectiveFrom: CalendarDate, citation: Citation,
        actor: AuditLog.Actor, today: CalendarDate, on database: any Database
    ) async throws -> Parameter {
        try await database.transaction { transaction in
            let parameter = try await catalog(on: transaction).parameter(key)
            let updated = try parameter.addingVersion(
                value: value, effectiveFrom: effectiveFrom, citation: citation, today: today)
            if let previous = parameter.versions.last,
                let record = try await ParameterVersionRecord.query(on: transaction)
                    .filter(\.$parameterKey == key).filter(\.$effectiveFrom == previous.effectiveFrom.iso).first()
            {
                record.effectiveUntil = effectiveFrom.iso
                try await record.save(on: transaction)
            }
            try await versionRecord(key: key, value: value, from: effectiveFrom, until: nil, citation: citation).create(
                on: transaction)
            try await AuditLog.record(
                on: transaction, actor: actor, action: "parameter.add-version", targetType: "parameter", targetID: key,
                before: parameter.versions.last.map {
                    ["value": "\($0.value.amount) \($0.value.unit)", "from": $0.effectiveFrom.iso]
                },
                after: ["value": "\(value.amount) \(value.unit)", "from": effectiveFrom.iso, "citation": citation.text])
            return updated
        }
    }

    static func versionRecord(
        key: String, value: ParameterValue, from: CalendarDate, until: CalendarDate?, citation: Citation
    ) -> ParameterVersionRecord {
        let record = ParameterVersionRecord()
        record.parameterKey = key
        record.unit = value.unit
        record.amount = value.amount
        record.effectiveFrom = from.iso
        record.effectiveUntil = until?.iso
        record.law = citation.law
        record.article = citation.article
        record.amendment = citation.amendment
        record.amendmentDate = citation.amendmentDate?.iso
        record.note = citation.note
        return record
    }
}
