import Foundation
import TeukguCore

/// One case in a list: number, instrument, title, district, where it stands, its clock.
struct SandboxCaseRow: Encodable {
    let href: String
    let number: String
    let kind: String
    let title: String
    let district: String
    let status: String
    let state: String
    let due: String
    /// Days to the deadline, and how urgent it is (`paused` style for ≤ 7 days, `expired` overdue).
    var daysLeft: Int?
    var urgency: String?
    var urgencyText: String?

    init(_ record: SandboxQueueEntry, districtName: String, due: String, language: String) {
        href = Endpoints.sandboxCasePage.link([.caseID: record.id.uuidString])
        number = record.number
        kind = Strings.pick(record.kind.titleKorean, record.kind.titleEnglish, language)
        title = record.title
        district = districtName
        status = record.status.text(language)
        state = record.status.rawValue
        self.due = due
    }
}

/// Rows of cases as table HTML, built here rather than in the template: the home page lists up to
/// 30 cases on every visit, and Leaf's lookup per cell was the larger part of the page's cost
/// when profiled at 32 connections over 10,000 cases.
struct SandboxCaseTable: Encodable {
    let count: Int
    let html: String

    init(_ rows: [SandboxCaseRow]) {
        count = rows.count
        var html = ""
        for row in rows {
            let e = HTMLText.escape
            html += "<tr><td><a href=\"\(e(row.href))\">\(e(row.number))</a></td><td>\(e(row.kind))</td>"
            html += "<td>\(e(row.title))</td><td>\(e(row.district))</td>"
            html += "<td><span class=\"badge badge-\(e(row.state))\">\(e(row.status))</span></td><td>\(e(row.due))"
            if let urgency = row.urgency {
                html += " <span class=\"badge badge-\(e(urgency))\">\(e(row.urgencyText ?? ""))</span>"
            }
            html += "</td></tr>"
        }
        self.html = html
    }
}

/// The sandbox home: what waits on the reader, every case they may see, and for companies the form
/// that files a new case (kept as typed when refused).
struct SandboxHomePage: Encodable {
    struct Option: Encodable {
        let value: String
        let label: String
        let selected: Bool
    }

    struct Typed: Encodable {
        var kind = ""
        var districtID = ""
        var title = ""
        var activity = ""
        var question = ""
        var documentIDs: [String] = []
        var outsideZoneParticipation = ""
    }

    let waiting: SandboxCaseTable
    /// How many wait in all (the list shows the 25 most urgent).
    let waitingTotal: Int
    /// What the reader's side owes on granted cases, soonest first.
    let deadlines: [SandboxDeadlineRow]
    let cases: SandboxCaseTable
    let pagination: Pagination
    /// Of what waits on the reader: due within 7 days, and overdue.
    let dueSoon: Int
    let overdue: Int
    let canFile: Bool
    let fileAction: String
    let kinds: [Option]
    let districts: [Option]
    let typed: Typed
    /// The filer's own uploads to attach, with those checked on a refused form kept checked.
    let attachable: [AttachableDocuments.Option]
    let uploadHref: String
    /// The company's certifications and the form to add one.
    let certifications: [CertificationRow]
    let certificationAction: String

    struct CertificationRow: Encodable {
        let scheme: String
        let scope: String
        let issuer: String
        let number: String
        let validity: String
    }
}

/// One case: its facts, clock, answer, history and the steps the reader may take.
struct SandboxCasePage: Encodable {
    struct Step: Encodable {
        let on: String
        let event: String
        let actor: String
        let note: String
        let documents: [DocumentLink]
    }

    struct DocumentLink: Encodable {
        let name: String
        let href: String
    }

    struct Action: Encodable {
        let value: String
        let label: String
    }

    let number: String
    let kind: String
    let filingCitation: String
    let title: String
    let company: String
    let district: String
    let status: String
    let state: String
    let activity: String
    let question: String
    let filedOn: String
    let notifiedOn: String?
    let answer: String?
    let answeredOn: String?
    let clock: ClockView?
    let committeeClock: ClockView?
    let history: [Step]
    let actions: [Action]
    let action: String
    let listHref: String
    let needsDay: Bool
    let canExtend: Bool
    /// The competent ministries and their answers; the answer form's choices while one may be recorded.
    let ministries: [MinistryRow]
    let canRecordAnswer: Bool
    let unansweredMinistries: [Action]
    let answerChoices: [Action]
    let answersConflict: Bool

    struct MinistryRow: Encodable {
        let name: String
        let answer: String
        let answeredOn: String?
        let note: String?
    }
    let today: String
    /// The grant's terms once granted, and what the grant form offers while it may be granted.
    let grant: GrantTerms?
    let canGrant: Bool
    let nationalRules: [Action]
    let latestValidDay: String?
    /// Liability insurance on file, what it lacks, and the filing form for the company.
    let policies: [PolicyRow]
    let shortfalls: [String]
    /// Set when the operator works on a compensation plan its region agreed instead of insurance.
    let compensationPlan: String?
    let showsInsurance: Bool
    let canFilePolicy: Bool
    let policyAction: String
    let revisionPlanDue: String?
    let resultsReportDue: String?
    /// The exemption a converted permit replaces, or the permit an exemption was converted to.
    let related: RelatedCase?
    let outsideZoneParticipation: String?
    let deadlines: [SandboxDeadlineRow]
    /// Damage claims under the grant, for the company, its region and the ministry.
    let showsClaims: Bool
    let claims: [SandboxClaimRow]
    let claimAction: String?
    /// What the company filed with the case, and the reader's own uploads to attach to a step.
    let documents: [DocumentLink]
    let attachable: [AttachableDocuments.Option]
    let uploadHref: String

    struct RelatedCase: Encodable {
        let label: String
        let number: String
        let href: String
    }

    struct PolicyRow: Encodable {
        let insurer: String
        let number: String
        let period: String
        let cover: String
    }

    struct GrantTerms: Encodable {
        let rules: [String]
        let validity: String
        let conditions: [String]
    }
}
