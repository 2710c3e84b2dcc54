import Fluent
import Foundation
import TeukguCore
import Vapor

/// A grant's validity after the grant: one extension, applied for by the lead time before expiry
/// and never beyond the district's term; the results report due after expiry.
enum SandboxValidity {
    static func checkRequest(_ record: SandboxCaseRecord, today: CalendarDate, on database: any Database) async throws {
        guard let until = record.validUntil.flatMap(CalendarDate.init(iso:)), let leadKey = record.kind.extensionLeadKey
        else { throw AppError.conflict("no_validity", "This case has no validity to extend.") }
        let catalog = try await LegalTimeStore.catalog(on: database)
        let lead = try required(catalog, leadKey, at: today)
        let latest = lead.subtracted(from: until)
        guard today <= latest else {
            throw AppError(
                .unprocessableEntity, "extension_request_too_late",
                "An extension is applied for by \(latest.iso), \(lead.amount) \(lead.unit) before the validity ends on \(until.iso).",
                korean: "연장 신청은 유효기간 종료일(\(until.iso))보다 앞선 \(latest.iso)까지 해야 합니다.")
        }
        if try await hasEvent(.extendValidity, record, on: database) {
            throw AppError.conflict("validity_already_extended", "The validity can be extended once.")
        }
    }

    static func extend(
        _ record: SandboxCaseRecord, days: Int?, today: CalendarDate, on database: any Database
    )
        async throws
    {
        guard try await hasEvent(.requestExtension, record, on: database) else {
            throw AppError.conflict("extension_not_requested", "The company has not applied for an extension.")
        }
        if try await hasEvent(.extendValidity, record, on: database) {
            throw AppError.conflict("validity_already_extended", "The validity can be extended once.")
        }
        guard let until = record.validUntil.flatMap(CalendarDate.init(iso:)), let key = record.kind.validityExtensionKey
        else { throw AppError.conflict("no_validity", "This case has no validity to extend.") }
        let catalog = try await LegalTimeStore.catalog(on: database)
        let longest = try required(catalog, key, at: today)
        let most = longest.added(to: until)
        var districtEnd = most
        if let district = try await DistrictRecord.find(record.districtID, on: database),
            let end = CalendarDate(iso: district.endsOn)
        {
            districtEnd = end
        }
        let cap = min(most, districtEnd)
        let extended = days.map { until.adding(days: $0) } ?? cap
        guard extended > until, extended <= cap else {
            throw AppError.invalid(
                "invalid_extension",
                "The validity can run to at most \(cap.iso) (one extension of at most \(longest.amount) \(longest.unit), within the district's term)."
            )
        }
        record.validUntil = extended.iso
        // A permit's one extension is its last by date: if the law is still not revised when it
        // ends, the permit is deemed extended until it is (art. 90(12)).
        if record.kind == .temporaryPermit { record.openUntilRevision = true }
    }

    /// A law-revision request, made by the lead time before expiry (art. 87(9)): the exemption stays
    /// valid while the revision runs, up to the district's last day (art. 87(10)).
    static func requestRevision(
        _ record: SandboxCaseRecord, today: CalendarDate, on database: any Database
    )
        async throws
    {
        guard let until = record.validUntil.flatMap(CalendarDate.init(iso:)) else {
            throw AppError.conflict("no_validity", "This case has no validity.")
        }
        let catalog = try await LegalTimeStore.catalog(on: database)
        let lead = try required(catalog, "demonstrationExemption.revisionRequestLead", at: today)
        let latest = lead.subtracted(from: until)
        guard today <= latest else {
            throw AppError(
                .unprocessableEntity, "revision_request_too_late",
                "A law-revision request is made by \(latest.iso), \(lead.amount) \(lead.unit) before the validity ends on \(until.iso).",
                korean: "법령 정비 요청은 유효기간 종료일(\(until.iso))보다 앞선 \(latest.iso)까지 해야 합니다.")
        }
        if try await hasEvent(.requestRevision, record, on: database) {
            throw AppError.conflict("revision_already_requested", "A law revision was already requested.")
        }
        if let district = try await DistrictRecord.find(record.districtID, on: database),
            let end = CalendarDate(iso: district.endsOn), end > until
        {
            record.validUntil = end.iso
        }
    }

    /// The law was revised: the exemption or permit ends on that day (the business now needs the
    /// ordinary permission, arts. 87(5), 90(13)). An exemption ends so only after the company asked
    /// for the revision; a permit's ministries must revise the law anyway (art. 90(12)).
    static func lawRevised(_ record: SandboxCaseRecord, on day: CalendarDate, database: any Database) async throws {
        if record.kind == .demonstrationExemption, try await !hasEvent(.requestRevision, record, on: database) {
            throw AppError.conflict("revision_not_requested", "No law revision was requested for this case.")
        }
        guard let from = record.validFrom.flatMap(CalendarDate.init(iso:)), day >= from else {
            throw AppError.invalid("invalid_date", "The revision day lies within the validity.")
        }
        if record.openUntilRevision == true {
            record.validUntil = day.iso
            record.openUntilRevision = false
        } else if let until = record.validUntil.flatMap(CalendarDate.init(iso:)), day < until {
            record.validUntil = day.iso
        }
    }

    /// When the ministry's revision plan is due: 60 days (art. 87(6)); the Act counts them from the
    /// report to the committee, which this approximates by the request day until reports are recorded.
    static func revisionPlanDue(
        _ record: SandboxCaseRecord, events: [SandboxCaseEventRecord], catalog: ParameterCatalog
    ) -> CalendarDate? {
        guard
            let requested = events.last(where: { $0.event == SandboxCaseStatus.Event.requestRevision.rawValue })
                .flatMap({ CalendarDate(iso: $0.onDay) }),
            let length = length(catalog, "demonstrationExemption.revisionPlan", at: requested)
        else { return nil }
        return requested.adding(days: length.amount)
    }

    /// A reconsideration is asked for within its period from the refusal (60 days, Decree arts.
    /// 57-3(2), 64-3(2), for refusals from 2024-08-07).
    static func checkReconsideration(
        _ record: SandboxCaseRecord, today: CalendarDate, on database: any Database
    )
        async throws
    {
        guard let key = record.kind.reconsiderationKey, let refused = record.answeredOn.flatMap(CalendarDate.init(iso:))
        else { throw AppError.conflict("no_refusal", "There is no refusal to reconsider.") }
        let catalog = try await LegalTimeStore.catalog(on: database)
        guard let length = length(catalog, key, at: refused) else {
            throw AppError(
                .unprocessableEntity, "reconsideration_not_available",
                "Reconsideration applies to refusals from 2024-08-07 (Law 20236).")
        }
        let latest = refused.adding(days: length.amount)
        guard today <= latest else {
            throw AppError(
                .unprocessableEntity, "reconsideration_too_late",
                "Reconsideration is asked for by \(latest.iso), \(length.amount) days after the refusal.",
                korean: "재심의는 거부일로부터 \(length.amount)일 안(\(latest.iso)까지)에 요청해야 합니다.")
        }
    }

    /// A cancellation needs a recorded hearing first (art. 89) and says why: fraud, which makes it
    /// mandatory, or conditions not kept after a correction order, where it is the ministry's choice.
    static func checkCancellation(_ record: SandboxCaseRecord, note: String, on database: any Database) async throws {
        guard try await hasEvent(.recordHearing, record, on: database) else {
            throw AppError.conflict("hearing_required", "A cancellation follows a recorded hearing (art. 89).")
        }
        guard !note.isEmpty else {
            throw AppError.invalid(
                "note_required", "Say why: obtained by fraud, or conditions not kept after a correction order.")
        }
    }

    /// A results report (Decree art. 59(11)) says what the demonstration showed, with its proof: a
    /// note and at least one document; it is filed once.
    static func checkResults(
        _ record: SandboxCaseRecord, note: String, input: SandboxEventInput, on database: any Database
    ) async throws {
        if try await hasEvent(.submitResults, record, on: database) {
            throw AppError.conflict("results_already_submitted", "The results report was filed already.")
        }
        guard !note.isEmpty, !(input.documentIDs ?? []).isEmpty else {
            throw AppError.invalid(
                "results_report_incomplete",
                "Summarise the results in the note and attach the report with its evidence (Decree art. 59(11)).")
        }
    }

    /// When the results report is due (exemptions: 30 days after the validity ends).
    static func resultsReportDue(_ record: SandboxCaseRecord, catalog: ParameterCatalog) -> CalendarDate? {
        guard let key = record.kind.resultsReportKey, let until = record.validUntil.flatMap(CalendarDate.init(iso:)),
            let length = length(catalog, key, at: until)
        else { return nil }
        return until.adding(days: length.amount)
    }

    /// A duration parameter in force, or a 422 naming it: through the catalogue's non-throwing
    /// look-up, since a `ParameterError` thrown and caught crashes the Swift 6.3 release build.
    static func required(_ catalog: ParameterCatalog, _ key: String, at day: CalendarDate) throws -> ClockLength {
        guard let length = catalog.lengthInForce(key, at: day) else {
            throw AppError(
                .unprocessableEntity, "parameter_missing", "No value of '\(key)' is in force on \(day.iso).")
        }
        return length
    }

    /// A duration parameter, or nil where none is in force.
    static func length(_ catalog: ParameterCatalog, _ key: String, at day: CalendarDate) -> ClockLength? {
        catalog.lengthInForce(key, at: day)
    }

    static func hasEvent(
        _ event: SandboxCaseStatus.Event, _ record: SandboxCaseRecord, on database: any Database
    ) async throws -> Bool {
        try await SandboxCaseEventRecord.query(on: database).filter(\.$caseID == record.requireID())
            .filter(\.$event == event.rawValue).count() > 0
    }
}
