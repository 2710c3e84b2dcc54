import Foundation
import TeukguCore

/// A label and an amount, for the balance lists every money page shows.
struct MoneyFigure: Encodable {
    let label: String
    let amount: String
    let won: Int64
}

/// Grants home: the agreements the reader may see with their balances, the call budgets for those
/// who run them, and for operating organisations the selected startups still waiting for one.
struct GrantsHomePage: Encodable {
    struct Row: Encodable {
        let href: String
        let number: String
        let startup: String
        let track: String
        let status: String
        let state: String
        let award: String
        let paid: String
        let unspent: String
    }

    struct Awaiting: Encodable {
        let applicationID: String
        let startup: String
        let track: String
        let requested: String
        let cap: String
    }

    struct Budget: Encodable {
        let title: String
        let figures: [MoneyFigure]
        let tracks: [TrackBudget]
    }

    struct TrackBudget: Encodable {
        let name: String
        let budget: String
        let committed: String
        let available: String
    }

    let rows: [Row]
    /// The cohort reports, for those who may read them.
    let reportsHref: String?
    let budgets: [Budget]
    let awaiting: [Awaiting]
    let draftAction: String
    let idempotencyKey: String
    let today: String
    let categories: [Option]
    let typed: [String: String]

    struct Option: Encodable {
        let value: String
        let label: String
        /// The form field that carries it, and what was typed in it when a refused form comes back.
        var field: String = ""
        var typed: String = ""
    }
}

/// One agreement: its balances first, then terms, instalments, plan, spending, reallocations,
/// clawbacks, amendments and the ledger, with the forms for the steps the reader may take.
struct GrantAgreementPage: Encodable {
    struct Instalment: Encodable {
        let sequence: Int
        let milestone: String
        let amount: String
        let due: String
        let state: String
        let stateLabel: String
        let paid: String
        let payable: String
        let report: String?
        let reviewNote: String?
        let canReport: Bool
        let canReview: Bool
        let canPay: Bool
    }

    struct PlanLine: Encodable {
        let category: String
        let planned: String
        let spent: String
        let remaining: String
    }

    struct Spending: Encodable {
        let id: String
        let category: String
        let amount: String
        let spentOn: String
        let description: String
        let state: String
        let stateLabel: String
        let reviewNote: String?
        let canReview: Bool
        let receipts: [AttachableDocuments.Option]
    }

    struct Reallocation: Encodable {
        let id: String
        let from: String
        let to: String
        let amount: String
        let reason: String
        let state: String
        let stateLabel: String
        let canDecide: Bool
    }

    struct Clawback: Encodable {
        let id: String
        let amount: String
        let reason: String
        let due: String
        let dueRule: String
        let state: String
        let stateLabel: String
        let canRecover: Bool
    }

    struct Amendment: Encodable {
        let sequence: Int
        let reason: String
        let oldAward: String
        let newAward: String
        let at: String
    }

    struct Entry: Encodable {
        let id: String
        let at: String
        let kind: String
        let from: String
        let to: String
        let amount: String
        let memo: String
        let canReverse: Bool
    }

    struct Event: Encodable {
        let value: String
        let label: String
        let needsReason: Bool
    }

    struct Benefit: Encodable {
        let kind: String
        let description: String
        let value: String
        let providedOn: String
    }

    struct Outcome: Encodable {
        let id: String
        let period: String
        let hires: Int
        let followOnInvestment: String
        let revenue: String
        let overseasRevenue: String
        let acquisitions: Int
        let patents: Int
        let partnerPocs: Int
        let state: String
        let stateLabel: String
        let reviewNote: String?
        let canReview: Bool
    }

    let listHref: String
    let number: String
    let status: String
    let state: String
    let startup: String
    let track: String
    let period: String
    let projectAccount: String
    let cap: String
    let shares: [MoneyFigure]
    let figures: [MoneyFigure]
    let budget: [MoneyFigure]
    let instalments: [Instalment]
    let plan: [PlanLine]
    let spendings: [Spending]
    let reallocations: [Reallocation]
    let clawbacks: [Clawback]
    let amendments: [Amendment]
    let entries: [Entry]
    let events: [Event]
    let benefits: [Benefit]
    let outcomes: [Outcome]
    let canRecordBenefit: Bool
    let canReportOutcome: Bool
    let benefitKinds: [GrantsHomePage.Option]
    let periods: [GrantsHomePage.Option]
    let terminationReason: String?
    let action: String
    let idempotencyKey: String
    let isStartup: Bool
    let isOperator: Bool
    let canSpend: Bool
    let canClawBack: Bool
    let categories: [GrantsHomePage.Option]
    let today: String
    let typed: [String: String]
    /// The terms as they stand, to start an amendment from (for the organisation, while it may amend).
    let amendment: Amendable?
    /// The startup's uploads it may attach as receipts or report documents.
    let attachable: [AttachableDocuments.Option]
    let uploadHref: String
}

/// The fields of an amendment form, filled with the terms in force (or what was typed).
struct Amendable: Encodable {
    struct Row: Encodable {
        let number: Int
        let milestone: String
        let amount: String
        let due: String
        /// An approved instalment keeps its amount.
        let locked: Bool
    }

    let awardWon: String
    let starts: String
    let ends: String
    let rows: [Row]
    let plan: [GrantsHomePage.Option]
}

/// A cohort report: charts drawn on the server, each with its table beside it, and the CSV.
struct GrantReportsPage: Encodable {
    struct Row: Encodable {
        let track: String
        let startups: Int
        let award: String
        let paid: String
        let credits: String
        let sessions: Int
        let hires: Int
        let followOn: String
        let revenue: String
        let overseasRevenue: String
        let acquisitions: Int
        let patents: Int
        let partnerPocs: Int
    }

    let listHref: String
    let action: String
    let csvHref: String
    let year: String
    let years: [GrantsHomePage.Option]
    let rows: [Row]
    let paidChart: String
    let followOnChart: String
    let hiresChart: String

    init(_ report: GrantCohortReport, years: [Int], language: String) {
        func money(_ won: Int64) -> String { GrantPagesController.money(won, language) }
        listHref = Endpoints.grantsHome.link()
        action = Endpoints.grantReportsPage.link()
        csvHref = Endpoints.apiGrantCohortReportCSV.link(query: ["year": String(report.year)])
        year = String(report.year)
        self.years = years.map { .init(value: String($0), label: String($0)) }
        rows = report.rows.map { row in
            Row(
                track: row.track, startups: row.startups, award: money(row.awardWon), paid: money(row.paidWon),
                credits: row.credits.sorted { $0.key < $1.key }.map { "\($0.key) \(Money(won: $0.value).grouped)" }
                    .joined(separator: ", "),
                sessions: row.mentoringSessions, hires: row.hires, followOn: money(row.followOnInvestmentWon),
                revenue: money(row.revenueWon), overseasRevenue: money(row.overseasRevenueWon),
                acquisitions: row.acquisitions, patents: row.patents, partnerPocs: row.partnerPocs)
        }
        let wonText: (Int) -> String = { GrantPagesController.money(Int64($0), language) }
        // Charts draw the tracks with agreements (the table lists every track).
        let active = report.rows.filter { $0.startups > 0 }
        let charted = active.isEmpty ? report.rows : active
        paidChart = SVGChart.bars(
            charted.map { ($0.track, Int($0.paidWon)) }, title: Strings.text("grant.chart.paid", language),
            valueText: wonText)
        followOnChart = SVGChart.bars(
            charted.map { ($0.track, Int($0.followOnInvestmentWon)) },
            title: Strings.text("grant.chart.followOn", language), valueText: wonText)
        hiresChart = SVGChart.bars(
            charted.map { ($0.track, $0.hires) }, title: Strings.text("grant.chart.hires", language))
    }
}
