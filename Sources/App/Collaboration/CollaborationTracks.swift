import Fluent
import Foundation
import TeukguCore
import Vapor

/// Tracks: the ministry sets them up; partner staff curate their own track's page; partner and
/// operating-organisation staff see only the tracks that are theirs.
enum CollaborationTracks {
    static func find(_ id: String?, on database: any Database) async throws -> CollaborationTrackRecord {
        try await CollaborationTrackRecord.find(text: id, on: database, what: "track")
    }

    /// Partner staff run only their partner's tracks; operating-organisation staff only those they operate.
    static func isOwnTrack(_ track: CollaborationTrackRecord, _ account: CurrentAccount) -> Bool {
        switch account.role {
        case .ministryAdmin, .ministryOfficer: return true
        case .partnerStaff: return account.partnerID == track.partnerID
        case .operatingOrganisationStaff:
            return account.organisationID != nil && account.organisationID == track.organisationID
        default: return false
        }
    }

    static func requireOwn(_ track: CollaborationTrackRecord, _ account: CurrentAccount) throws {
        guard isOwnTrack(track, account) else { throw AppError.notFound("track") }
    }

    static func create(
        _ input: TrackInput, actor: AuditLog.Actor, on database: any Database
    ) async throws -> CollaborationTrackRecord {
        guard let year = input.year, TrackInput.limits["year"]!.admits(year), let partnerID = input.partnerID,
            let name = input.name?.trimmed, !name.isEmpty,
            let capacity = input.capacity
        else {
            throw AppError.invalid("invalid_track", "A track needs year, partnerID, name and capacity.")
        }
        guard try await PartnerRecord.find(partnerID, on: database) != nil else {
            throw AppError.invalid("unknown_partner", "No partner '\(partnerID)'.")
        }
        try input.checkWords()
        if let organisation = input.organisationID, try await OrganisationRecord.find(organisation, on: database) == nil
        {
            throw AppError.invalid("unknown_organisation", "No operating organisation \(organisation).")
        }
        let track = CollaborationTrackRecord()
        track.year = year
        track.partnerID = partnerID
        track.name = name
        track.capacity = capacity
        track.sectorFocus = input.sectorFocus?.trimmed ?? ""
        track.organisationID = input.organisationID
        track.description = input.description?.trimmed ?? ""
        track.offer = input.offer?.trimmed ?? ""
        track.stageIndex = 0
        try await database.transaction { transaction in
            try await track.create(on: transaction)
            try await AuditLog.record(
                on: transaction, actor: actor, action: "collaboration.track-created", targetType: "collaboration-track",
                targetID: try track.requireID().uuidString,
                after: ["year": String(year), "partner": partnerID, "capacity": String(capacity)])
        }
        return track
    }

    /// Partner staff may change the words of their own track; only the ministry changes capacity and operator.
    static func update(
        _ track: CollaborationTrackRecord, _ input: TrackInput, account: CurrentAccount, on database: any Database
    ) async throws {
        try requireOwn(track, account)
        let ministryFields =
            input.year != nil || input.partnerID != nil || input.capacity != nil || input.organisationID != nil
        if ministryFields && !account.role.isMinistry {
            throw AppError(
                .forbidden, "field_not_yours",
                "Only the ministry changes a track's year, partner, capacity or operating organisation.")
        }
        guard account.role.isMinistry || account.role == .partnerStaff else { throw AppError.forbiddenRole }
        try input.checkWords()
        if let description = input.description { track.description = description.trimmed }
        if let offer = input.offer { track.offer = offer.trimmed }
        if let focus = input.sectorFocus { track.sectorFocus = focus.trimmed }
        if let name = input.name?.trimmed, !name.isEmpty { track.name = name }
        if let capacity = input.capacity { track.capacity = capacity }
        if let organisation = input.organisationID {
            guard try await OrganisationRecord.find(organisation, on: database) != nil else {
                throw AppError.invalid("unknown_organisation", "No operating organisation \(organisation).")
            }
            track.organisationID = organisation
        }
        try await database.transaction { transaction in
            try await track.save(on: transaction)
            try await AuditLog.record(
                on: transaction, actor: account.auditActor, action: "collaboration.track-updated",
                targetType: "collaboration-track",
                targetID: try track.requireID().uuidString, after: ["capacity": String(track.capacity)])
        }
    }

    /// The submitted applications that chose the track, for its own staff.
    static func applications(
        choosing track: CollaborationTrackRecord, _ request: Request
    ) async throws -> [CollaborationApplicationDTO] {
        guard let call = try await CollaborationCallRecord.query(on: request.db).filter(\.$year == track.year).first()
        else { return [] }
        let trackID = try track.requireID()
        let records = try await CollaborationApplicationRecord.query(on: request.db).filter(
            \.$callID == call.requireID()
        )
        .filter(\.$submittedAt != nil).sort(\.$submittedOrder).all()
        .filter { (try? JSONColumn.decode([UUID].self, $0.choicesJSON).contains(trackID)) == true }
        return try await CollaborationApplicationDTO.makeAll(records, for: request)
    }
}
