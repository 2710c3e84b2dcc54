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
        /// An uninsured operator pays a claim within 30 days of receiving it (Decree art. 62(3)).
        case claimPayment = "claim-payment"
        /// A claim's result is reported within 15 days of paying or refusing it (Decree art. 62(5)).
        case claimReport = "claim-report"
    }

    enum Owner: String, Sendable {
        case company
        case ministry
    }

    let kind: Kind
    let due: CalendarDate
    let owner: Owner
    let citation: Citation
    /// Tells deadlines of one kind on one case apart: the claim's number, or empty.
    var subject = ""

    /// Missing a right (the extension application) lapses it; missing a duty makes it overdue.
    var isDuty: Bool { kind != .extensionApplication }
}

/// What a granted case leaves owing, from its events, its policies and the parameters in force.
enum SandboxDeadlines {
    static let events: [SandboxCaseStatus.Event] = [
        .requestExtension, .extendValidity, .requestRevision, .recordRevisionPlan, .lawRevised, .submitResults,
        .fileCompensationPlan, .agreeCompensationPlan,
    ]

    static func of(
        _ record: SandboxCaseRecord, events: [SandboxCaseEventRecord], policies: [InsurancePolicyRecord],
        claims: [SandboxClaimRecord] = [], catalog: ParameterCatalog, today: CalendarDate
    ) -> [SandboxDeadline] {
        // Claims outlive the grant: a cancelled or expired one still owes its payments and reports.
        let owed = claimDeadlines(claims.filter { $0.caseID == record.id }, catalog: catalog)
        guard record.status == .granted || record.status == .inUse,
            let until = record.validUntil.flatMap(CalendarDate.init(iso:))
        else { return owed }
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
        // Under a compensation plan agreed with the region there is no policy to renew.
        if record.status == .inUse, SandboxCompensation.agreedPlan(in: own) == nil,
            let covered = ownPolicies.compactMap({ CalendarDate(iso: $0.coversUntil) }).max(), covered < until,
            let version = version(catalog, "insurance.renewalFiling", at: today)
        {
            found.append(.init(kind: .insuranceRenewal, due: covered, owner: .company, citation: version.citation))
        }
        return (found + owed).sorted { $0.due < $1.due }
    }

    static func claimDeadlines(_ claims: [SandboxClaimRecord], catalog: ParameterCatalog) -> [SandboxDeadline] {
        claims.compactMap { claim in
            if claim.status == SandboxClaimStatus.received.rawValue, !claim.insured,
                let received = CalendarDate(iso: claim.receivedOn),
                let version = version(catalog, "insurance.claimPayment", at: received),
                let length = version.value.clockLength
            {
                return SandboxDeadline(
                    kind: .claimPayment, due: received.adding(days: length.amount), owner: .company,
                    citation: version.citation, subject: claim.number)
            }
            if claim.reportedOn == nil, let settled = claim.settledOn.flatMap(CalendarDate.init(iso:)),
                let version = version(catalog, "insurance.claimReport", at: settled),
                let length = version.value.clockLength
            {
                return SandboxDeadline(
                    kind: .claimReport, due: settled.adding(days: length.amount), owner: .company,
                    citation: version.citation, subject: claim.number)
            }
            return nil
        }
    }

    /// The deadlines of many cases, reading their events and policies in two queries.
    static func of(
        _ records: [SandboxCaseRecord], catalog: ParameterCatalog, today: CalendarDate, on database: any Database
    ) async throws -> [(record: SandboxCaseRecord, deadline: SandboxDeadline)] {
        // Granted cases, and any case whose grant ended but might still hold claims.
        let granted = records.filter { $0.validFrom != nil }
        var result: [(record: SandboxCaseRecord, deadline: SandboxDeadline)] = []
        // In chunks, so a long list stays within the databases' limits on bound values.
        for chunk in stride(from: 0, to: granted.count, by: 500).map({
            Array(granted[$0..<min($0 + 500, granted.count)])
        }) {
            let ids = chunk.compactMap(\.id)
            let events = try await SandboxCaseEventRecord.query(on: database).filter(\.$caseID ~~ ids)
                .filter(\.$event ~~ Self.events.map(\.rawValue)).sort(\.$at).all()
            let policies = try await InsurancePolicyRecord.query(on: database).filter(\.$caseID ~~ ids).all()
            let claims = try await SandboxClaimRecord.query(on: database).filter(\.$caseID ~~ ids)
                .filter(\.$reportedOn == nil).all()
            for record in chunk {
                for deadline in of(
                    record, events: events, policies: policies, claims: claims, catalog: catalog, today: today)
                {
                    result.append((record, deadline))
                }
            }
        }
        return result
    }

    /// A parameter version, or nil where none is in force.
    private static func version(_ catalog: ParameterCatalog, _ key: String, at day: CalendarDate) -> ParameterVersion? {
        catalog.versionInForce(key, at: day)
    }
}
