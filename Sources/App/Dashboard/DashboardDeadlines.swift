import Fluent
import Foundation
import TeukguCore

/// Every legal or agreed date the ministry watches, gathered across procedures, sandbox cases,
/// grant milestones, clawbacks and calls: what is overdue, and what falls due within the window.
/// Sandbox cases come from their stored due day (an indexed query, 10,000 cases or not).
struct DashboardDeadline: Sendable {
    enum Source: String, CaseIterable, Sendable {
        case procedure
        case sandboxCase = "sandbox-case"
        case instalment, clawback, call
    }

    let source: Source
    let title: String
    let due: CalendarDate
    let href: String
    let isOverdue: Bool
}

enum DashboardDeadlines {
    /// How far ahead "due soon" looks.
    static let windowDays = 30
    /// At most this many rows are listed; the counts cover every one.
    static let listLimit = 100

    struct Summary: Sendable {
        let rows: [DashboardDeadline]
        let overdue: [DashboardDeadline.Source: Int]
        let dueSoon: [DashboardDeadline.Source: Int]
    }

    static func load(
        today: CalendarDate, now: Date, language: String, on database: any Database
    ) async throws
        -> Summary
    {
        let horizon = today.adding(days: windowDays)
        var rows: [DashboardDeadline] = []
        var overdue: [DashboardDeadline.Source: Int] = [:]
        var soon: [DashboardDeadline.Source: Int] = [:]
        func count(_ row: DashboardDeadline) {
            if row.isOverdue { overdue[row.source, default: 0] += 1 } else { soon[row.source, default: 0] += 1 }
        }

        for deadline in try await DesignationProcedures.deadlines(today: today, on: database)
        where deadline.due <= horizon {
            let row = DashboardDeadline(
                source: .procedure,
                title:
                    "\(deadline.procedure.title) · \(Strings.text("dashboard.step.\(deadline.step == "decision" ? "decision" : "step")", language))",
                due: deadline.due,
                href: Endpoints.procedurePage.link([.procedureID: deadline.procedure.id?.uuidString ?? ""]),
                isOverdue: deadline.isOverdue)
            rows.append(row)
            count(row)
        }

        // Sandbox cases: counted in the database, listed up to the limit, earliest first.
        let running = SandboxCaseRecord.query(on: database).filter(\.$dueOn != nil)
        overdue[.sandboxCase] = try await running.copy().filter(\.$dueOn < today.iso).count()
        soon[.sandboxCase] = try await running.copy().filter(\.$dueOn >= today.iso).filter(\.$dueOn <= horizon.iso)
            .count()
        for record in try await running.copy().filter(\.$dueOn <= horizon.iso).sort(\.$dueOn).limit(listLimit).all() {
            guard let due = record.dueOn.flatMap(CalendarDate.init(iso:)) else { continue }
            rows.append(
                DashboardDeadline(
                    source: .sandboxCase,
                    title:
                        "\(record.number) · \(Strings.pick(record.kind.titleKorean, record.kind.titleEnglish, language))",
                    due: due, href: Endpoints.sandboxCasePage.link([.caseID: record.id?.uuidString ?? ""]),
                    isOverdue: due < today))
        }

        // Milestones whose report has not come in or was sent back, on agreements that run.
        let agreements = try await GrantAgreementRecord.query(on: database).filter(\.$status == .signed).all()
        let numbers = Dictionary(
            agreements.compactMap { a in a.id.map { ($0, a.number) } }, uniquingKeysWith: { a, _ in a })
        if !numbers.isEmpty {
            let instalments = try await GrantInstalmentRecord.query(on: database)
                .filter(\.$agreementID ~~ Array(numbers.keys)).filter(\.$state ~~ ["scheduled", "returned"])
                .filter(\.$dueOn <= horizon.iso).all()
            for instalment in instalments {
                guard let due = CalendarDate(iso: instalment.dueOn) else { continue }
                let row = DashboardDeadline(
                    source: .instalment,
                    title: "\(numbers[instalment.agreementID] ?? "") · \(instalment.sequence). \(instalment.milestone)",
                    due: due,
                    href: Endpoints.grantAgreementPage.link([.agreementID: instalment.agreementID.uuidString]),
                    isOverdue: due < today)
                rows.append(row)
                count(row)
            }
        }
        for clawback in try await GrantClawbackRecord.query(on: database).filter(\.$state == "due")
            .filter(\.$dueOn <= horizon.iso).all()
        {
            guard let due = CalendarDate(iso: clawback.dueOn) else { continue }
            let row = DashboardDeadline(
                source: .clawback,
                title:
                    "\(numbers[clawback.agreementID] ?? "") · \(Money(won: clawback.amountWon).text(language: language))",
                due: due, href: Endpoints.grantAgreementPage.link([.agreementID: clawback.agreementID.uuidString]),
                isOverdue: due < today)
            rows.append(row)
            count(row)
        }

        // Calls that close within the window, of both programmes.
        let closing = horizon.adding(days: 1)
        var calls: [(title: String, closesAt: Date, href: String)] = []
        for call in try await DesignationCallRecord.query(on: database).filter(\.$status == .accepting).all() {
            calls.append(
                (call.title(language), call.closesAt, Endpoints.callPage.link([.callID: call.id?.uuidString ?? ""])))
        }
        for call in try await CollaborationCallRecord.query(on: database).filter(\.$status == .accepting).all() {
            calls.append(
                (
                    call.title(language), call.closesAt,
                    Endpoints.collaborationCallPage.link([.callID: call.id?.uuidString ?? ""])
                ))
        }
        for call in calls where call.closesAt > now && CalendarDate(instant: call.closesAt) < closing {
            let row = DashboardDeadline(
                source: .call, title: call.title, due: CalendarDate(instant: call.closesAt), href: call.href,
                isOverdue: false)
            rows.append(row)
            count(row)
        }
        rows.sort { ($0.due, $0.title) < ($1.due, $1.title) }
        return Summary(rows: Array(rows.prefix(listLimit)), overdue: overdue, dueSoon: soon)
    }
}
