import Fluent
import Foundation
import TeukguCore

/// A date a party owes something on a granted case, beside the answer clocks.
struct SandboxDeadline: Equatable, Sendable {
    enum Kind: String, CaseIterable, Sendable {
        /// The last day to apply for the one extension (arts. 86(10), 90(11)).
        case extensionApplication = "extension-application"
        /// The exemption's results report, 30 days after expiry (art. 87(11)).
        case resultsReport = "results-report"
        /// The law-revision plan, 60 days after the revision was asked for (art. 87(6)).
        case revisionPlan = "revision-plan"
        /// Insurance that no longer reaches the end of an extended validity (Decree art. 60(2)).
        case insuranceRenewal = "insurance-renewal"
    }

    enum Owner: String, Sendable {
        case company
        case ministry
    }

    let kind: Kind
    let due: CalendarDate
    let owner: Owner
    let citation: Citation

    /// Missing a right (the extension application) lapses it; missing a duty makes it overdue.
    var isDuty: Bool { kind != .extensionApplication }
}

/// What a granted case leaves owing, from its events, its policies and the parameters in force.
enum SandboxDeadlines {
    static let events: [SandboxCaseStatus.Event] = [
        .requestExtension, .extendValidity, .requestRevision, .recordRevisionPlan, .lawRevised, .submitResults,
    ]

    static func of(
        _ record: SandboxCaseRecord, events: [SandboxCaseEventRecord], policies: [InsurancePolicyRecord],
        catalog: ParameterCatalog, today: CalendarDate
    ) -> [SandboxDeadline] {
        guard record.status == .granted || record.status == .inUse,
            let until = record.validUntil.flatMap(CalendarDate.init(iso:))
        else { return [] }
        let own = events.filter { $0.caseID == record.id }
        let taken = Set(own.map(\.event))
        func has(_ event: SandboxCaseStatus.Event) -> Bool { taken.contains(event.rawValue) }
        var found: [SandboxDeadline] = []
        // A right shown only while it can still be used.
        if let key = record.kind.extensionLeadKey, !has(.requestExtension), !has(.extendValidity),
            !has(.requestRevision), record.openUntilRevision != true,
            let version = version(catalog, key, at: today), let lead = version.value.clockLength
        {
            let last = lead.subtracted(from: until)
            if last >= today {
                found.append(.init(kind: .extensionApplication, due: last, owner: .company, citation: version.citation))
            }
        }
        // Whoever asked for the law's revision reports with that request instead (art. 87(11)).
        if let key = record.kind.resultsReportKey, !has(.submitResults), !has(.requestRevision),
            let version = version(catalog, key, at: until), let length = version.value.clockLength
        {
            found.append(
                .init(
                    kind: .resultsReport, due: until.adding(days: length.amount), owner: .company,
                    citation: version.citation))
        }
        if has(.requestRevision), !has(.recordRevisionPlan), !has(.lawRevised),
            let due = SandboxValidity.revisionPlanDue(record, events: own, catalog: catalog),
            let version = version(catalog, "demonstrationExemption.revisionPlan", at: due)
        {
            found.append(.init(kind: .revisionPlan, due: due, owner: .ministry, citation: version.citation))
        }
        let ownPolicies = policies.filter { $0.caseID == record.id }
        if record.status == .inUse,
            let covered = ownPolicies.compactMap({ CalendarDate(iso: $0.coversUntil) }).max(), covered < until,
            let version = version(catalog, "insurance.renewalFiling", at: today)
        {
            found.append(.init(kind: .insuranceRenewal, due: covered, owner: .company, citation: version.citation))
        }
        return found.sorted { $0.due < $1.due }
    }

    /// The deadlines of many cases, reading their events and policies in two queries.
    static func of(
        _ records: [SandboxCaseRecord], catalog: ParameterCatalog, today: CalendarDate, on database: any Database
    ) async throws -> [(record: SandboxCaseRecord, deadline: SandboxDeadline)] {
        let granted = records.filter { $0.status == .granted || $0.status == .inUse }
        var result: [(record: SandboxCaseRecord, deadline: SandboxDeadline)] = []
        // In chunks, so a long list stays within the databases' limits on bound values.
        for chunk in stride(from: 0, to: granted.count, by: 500).map({
            Array(granted[$0..<min($0 + 500, granted.count)])
        }) {
            let ids = chunk.compactMap(\.id)
            let events = try await SandboxCaseEventRecord.query(on: database).filter(\.$caseID ~~ ids)
                .filter(\.$event ~~ Self.events.map(\.rawValue)).sort(\.$at).all()
            let policies = try await InsurancePolicyRecord.query(on: database).filter(\.$caseID ~~ ids).all()
            for record in chunk {
                for deadline in of(record, events: events, policies: policies, catalog: catalog, today: today) {
                    result.append((record, deadline))
                }
            }
        }
        return result
    }

    /// A parameter version, or nil where none is in force (do/catch, not `try?`, over typed throws).
    private static func version(_ catalog: ParameterCatalog, _ key: String, at day: CalendarDate) -> ParameterVersion? {
        do { return try catalog.parameter(key).version(at: day) } catch { return nil }
    }
}
