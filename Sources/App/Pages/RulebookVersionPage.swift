import Foundation
import TeukguCore

/// One rulebook version: its state in words, what it changes against the live version, the
/// administrator's publish and what-if forms, and the latest what-if runs with their progress.
struct RulebookVersionPage: Encodable {
    struct Job: Encodable {
        let period: String
        let statusText: String
        let processed: Int
        let total: Int
        let changed: Int
        let examples: [WhatIf.Report.Example]
    }

    let number: Int
    let statusText: String
    let note: String
    let effectiveFrom: String?
    let diff: RulebookDiff?
    let publishAction: String
    let whatIfAction: String
    let isAdmin: Bool
    let isDraft: Bool
    let today: String
    let monthAgo: String
    let jobs: [Job]

    init(
        _ record: RulebookVersionRecord, diff: RulebookDiff?, jobs: [WhatIfJobRecord], viewer: CurrentAccount?,
        today: CalendarDate, language: String
    ) throws {
        number = record.number
        statusText = record.status.text(language)
        note = record.note
        effectiveFrom = record.effectiveFrom
        self.diff = diff
        let key: [PathParameter: String] = [.versionID: try record.requireID().uuidString.lowercased()]
        publishAction = Endpoints.publishRulebookForm.link(key)
        whatIfAction = Endpoints.whatIfForm.link(key)
        isAdmin = viewer?.role == .ministryAdmin
        isDraft = record.status == .draft
        self.today = today.iso
        monthAgo = today.adding(days: -30).iso
        self.jobs = jobs.map { job in
            Job(
                period: "\(job.fromDay) – \(job.toDay)", statusText: job.status.text(language),
                processed: job.processed,
                total: job.total, changed: job.changed,
                examples: (job.report.flatMap { try? JSONColumn.decode(WhatIf.Report.self, $0) })?.examples ?? [])
        }
    }
}
