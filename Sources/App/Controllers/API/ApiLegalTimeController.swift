import Fluent
import TeukguCore
import Vapor

/// Parameters, holidays and the deadline calculator over JSON.
struct ApiLegalTimeController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(Endpoints.apiParameters, use: parameters)
        routes.on(Endpoints.apiParameter, use: parameter)
        routes.on(Endpoints.apiAddParameterVersion, use: addVersion)
        routes.on(Endpoints.apiHolidays, use: holidays)
        routes.on(Endpoints.apiAddHoliday, use: addHoliday)
        routes.on(Endpoints.apiDeleteHoliday, use: deleteHoliday)
        routes.on(Endpoints.apiLegalClock, use: legalClock)
    }

    private func asOf(_ request: Request) throws -> CalendarDate {
        try request.queryDate("asOf") ?? request.today
    }

    @Sendable func parameters(_ request: Request) async throws -> [ParameterDTO] {
        let date = try asOf(request)
        let catalog = try await LegalTimeStore.catalog(on: request.db)
        return catalog.sortedKeys.compactMap { catalog.parameters[$0] }.map { ParameterDTO($0, asOf: date) }
    }

    @Sendable func parameter(_ request: Request) async throws -> ParameterDTO {
        let key = request.parameters.get("key") ?? ""
        return ParameterDTO(try await LegalTimeStore.catalog(on: request.db).parameter(key), asOf: try asOf(request))
    }

    @Sendable func addVersion(_ request: Request) async throws -> Response {
        let key = request.parameters.get("key") ?? ""
        let input = try request.decodeStrictJSON(NewParameterVersionInput.self)
        let (value, from, citation) = try input.validated()
        let updated = try await LegalTimeStore.addVersion(
            key: key, value: value, effectiveFrom: from, citation: citation,
            actor: try request.requireAccount().auditActor, today: request.today, on: request.db)
        return try await ParameterDTO(updated, asOf: request.today).encodeResponse(status: .created, for: request)
    }

    @Sendable func holidays(_ request: Request) async throws -> HolidayTableDTO {
        var query = HolidayRecord.query(on: request.db).sort(\.$id)
        if let yearText = try? request.query.get(String.self, at: "year") {
            guard let year = Int(yearText), (1900...2200).contains(year) else {
                throw AppError.invalid("invalid_year", "year must be a four-digit year.")
            }
            query = query.filter(\.$id >= String(format: "%04d-01-01", year)).filter(
                \.$id <= String(format: "%04d-12-31", year))
        }
        let years = try await HolidayYearRecord.query(on: request.db).sort(\.$id).all().compactMap(\.id)
        let holidays = try await query.all().map {
            HolidayDTO(date: $0.id ?? "", nameKorean: $0.nameKorean, nameEnglish: $0.nameEnglish, kind: $0.kind)
        }
        return HolidayTableDTO(coveredYears: years, holidays: holidays)
    }

    @Sendable func addHoliday(_ request: Request) async throws -> Response {
        let input = try request.decodeStrictJSON(NewHolidayInput.self)
        let holiday = try await HolidayEditing.add(
            input, actor: try request.requireAccount().auditActor, on: request.db)
        return try await holiday.encodeResponse(status: .created, for: request)
    }

    @Sendable func deleteHoliday(_ request: Request) async throws -> HTTPStatus {
        try await HolidayEditing.remove(
            date: request.parameters.get("date") ?? "", actor: try request.requireAccount().auditActor, on: request.db)
        return .noContent
    }

    @Sendable func legalClock(_ request: Request) async throws -> LegalClockResultDTO {
        let input = try request.decodeStrictJSON(LegalClockInput.self)
        let spec = try input.spec()
        let asOf = try input.asOfDate(default: request.today)
        let clock = LegalClock(holidays: try await LegalTimeStore.holidays(on: request.db))
        let result = try clock.compute(spec, asOf: asOf)
        return LegalClockResultDTO(result: result, spec: spec, asOf: asOf)
    }
}

/// Adding and removing holidays, shared by the page and the API.
enum HolidayEditing {
    static func add(
        _ input: NewHolidayInput, actor: AuditLog.Actor, on database: any Database
    ) async throws -> HolidayDTO {
        let date = try DateInput.required(input.date, field: "date")
        guard NewHolidayInput.limits["kind"]!.admits(input.kind), Holiday.Kind(rawValue: input.kind) != nil else {
            throw AppError.invalid(
                "invalid_holiday_kind",
                "kind is one of: \(Holiday.Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let nameKorean = input.nameKorean.trimmingCharacters(in: .whitespaces)
        let nameEnglish = input.nameEnglish.trimmingCharacters(in: .whitespaces)
        guard (1...100).contains(nameKorean.count), (1...100).contains(nameEnglish.count) else {
            throw AppError.invalid("holiday_name_required", "Give the holiday's name in Korean and English.")
        }
        if try await HolidayRecord.find(date.iso, on: database) != nil {
            throw AppError.conflict("holiday_exists", "\(date.iso) is already in the table.")
        }
        let record = HolidayRecord()
        record.id = date.iso
        record.nameKorean = nameKorean
        record.nameEnglish = nameEnglish
        record.kind = input.kind
        try await database.transaction { transaction in
            try await record.create(on: transaction)
            if input.completesYear == true, try await HolidayYearRecord.find(date.year, on: transaction) == nil {
                try await HolidayYearRecord(year: date.year).create(on: transaction)
            }
            try await AuditLog.record(
                on: transaction, actor: actor, action: "holiday.add", targetType: "holiday", targetID: date.iso,
                after: [
                    "ko": nameKorean, "en": nameEnglish, "kind": input.kind,
                    "completesYear": input.completesYear == true ? "yes" : "no",
                ])
        }
        return HolidayDTO(date: date.iso, nameKorean: nameKorean, nameEnglish: nameEnglish, kind: input.kind)
    }

    static func remove(date text: String, actor: AuditLog.Actor, on database: any Database) async throws {
        guard let date = CalendarDate(iso: text), let record = try await HolidayRecord.find(date.iso, on: database)
        else {
            throw AppError.notFound("holiday")
        }
        try await database.transaction { transaction in
            try await record.delete(on: transaction)
            try await AuditLog.record(
                on: transaction, actor: actor, action: "holiday.remove", targetType: "holiday", targetID: date.iso,
                before: ["ko": record.nameKorean, "en": record.nameEnglish, "kind": record.kind])
        }
    }
}
