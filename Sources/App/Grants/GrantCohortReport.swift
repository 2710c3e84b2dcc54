import Fluent
import Foundation
import TeukguCore
import Vapor

/// A cohort by track for a programme year: startups under agreement, money committed and paid,
/// partner benefits, and confirmed outcomes. The ministry sees every track, an operating
/// organisation the tracks it runs, partner staff their own partner's.
struct GrantCohortReport: Content {
    struct Row: Content {
        let trackID: UUID
        let track: String
        let partnerID: String
        var startups = 0
        var awardWon: Int64 = 0
        var paidWon: Int64 = 0
        /// Credits by currency (ISO 4217), in whole units.
        var credits: [String: Int64] = [:]
        var mentoringSessions = 0
        var pocBenefits = 0
        var overseasProgrammes = 0
        var hires = 0
        var followOnInvestmentWon: Int64 = 0
        var revenueWon: Int64 = 0
        var overseasRevenueWon: Int64 = 0
        var acquisitions = 0
        var patents = 0
        var partnerPocs = 0
    }

    let year: Int
    let rows: [Row]
    /// Which outcomes count: only those the operating organisation confirmed.
    let basis: String

    static func load(
        year: Int, for account: CurrentAccount, on database: any Database
    ) async throws -> GrantCohortReport {
        let tracks = try await CollaborationTrackRecord.query(on: database).filter(\.$year == year).sort(\.$name).all()
            .filter { track in
                switch account.role {
                case .ministryAdmin, .ministryOfficer: true
                case .operatingOrganisationStaff: GrantAccess.operates(track, account)
                case .partnerStaff: account.partnerID != nil && track.partnerID == account.partnerID
                default: false
                }
            }
        var rows: [Row] = []
        for track in tracks {
            let trackID = try track.requireID()
            var row = Row(trackID: trackID, track: track.name, partnerID: track.partnerID)
            let agreements = try await GrantAgreementRecord.query(on: database).filter(\.$trackID == trackID).all()
                .filter { $0.status != .draft && $0.status != .withdrawn }
            row.startups = Set(agreements.map(\.companyID)).count
            let ids = try agreements.map { try $0.requireID() }
            for agreement in agreements {
                let instalments = try await GrantInstalmentRecord.query(on: database)
                    .filter(\.$agreementID == (try agreement.requireID())).all()
                let figures = try await AgreementFigures.load(agreement, instalments: instalments, on: database).0
                row.awardWon.addSaturating(figures.awardWon)
                row.paidWon.addSaturating(figures.paidWon)
            }
            if !ids.isEmpty {
                for benefit in try await GrantBenefitRecord.query(on: database).filter(\.$agreementID ~~ ids).all() {
                    switch benefit.kind {
                    case .credits:
                        row.credits[benefit.currency ?? "?", default: 0].addSaturating(benefit.valueAmount ?? 0)
                    case .mentoring: row.mentoringSessions += benefit.sessions ?? 0
                    case .proofOfConcept: row.pocBenefits += 1
                    case .overseasProgramme: row.overseasProgrammes += 1
                    }
                }
                for outcome in try await GrantOutcomeRecord.query(on: database).filter(\.$agreementID ~~ ids)
                    .filter(\.$state == "confirmed").all()
                {
                    row.hires += outcome.hires
                    row.followOnInvestmentWon.addSaturating(outcome.followOnInvestmentWon)
                    row.revenueWon.addSaturating(outcome.revenueWon)
                    row.overseasRevenueWon.addSaturating(outcome.overseasRevenueWon)
                    row.acquisitions += outcome.acquisitions
                    row.patents += outcome.patents
                    row.partnerPocs += outcome.partnerPocs
                }
            }
            rows.append(row)
        }
        return GrantCohortReport(year: year, rows: rows, basis: "confirmed outcomes only")
    }

    static let csvColumns = [
        "year", "track_id", "track", "partner_id", "startups", "award_won", "paid_won", "credits",
        "mentoring_sessions", "poc_benefits", "overseas_programmes", "hires", "follow_on_investment_won", "revenue_won",
        "overseas_revenue_won", "acquisitions", "patents", "partner_pocs",
    ]

    /// One row per track, with stable column names.
    var csv: String {
        var lines = [Self.csvColumns.joined(separator: ",")]
        for row in rows {
            let credits = row.credits.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "; ")
            let fields: [String] = [
                String(year), row.trackID.uuidString.lowercased(), row.track, row.partnerID, String(row.startups),
                String(row.awardWon), String(row.paidWon), credits, String(row.mentoringSessions),
                String(row.pocBenefits), String(row.overseasProgrammes), String(row.hires),
                String(row.followOnInvestmentWon), String(row.revenueWon), String(row.overseasRevenueWon),
                String(row.acquisitions), String(row.patents), String(row.partnerPocs),
            ]
            lines.append(fields.map(CSV.field).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}

extension Int64 {
    /// Totals of reported figures: each is bounded, but many of them could pass 64 bits; a report
    /// shows the largest representable total rather than failing.
    mutating func addSaturating(_ other: Int64) {
        let (sum, overflow) = addingReportingOverflow(other)
        self = overflow ? (other > 0 ? .max : .min) : sum
    }
}
