import Fluent
import TeukguCore
import Vapor

/// One thing a person should look at, most urgent first on their home page.
struct AttentionItem: Encodable {
    let title: String
    let detail: String
    let href: String
    /// `overdue`, `soon` or `info`: decides the order and the colour.
    let urgency: String
}

/// Gathers each role's attention items from the records it may see.
enum AttentionItems {
    static func collect(for account: CurrentAccount, request: Request) async throws -> [AttentionItem] {
        let language = request.language
        var items: [AttentionItem] = []
        let recent = try await OutboxMessageRecord.query(on: request.db)
            .filter(\.$recipientAccountID == account.id)
            .sort(\.$createdAt, .descending)
            .limit(3)
            .all()
        for message in recent {
            items.append(
                AttentionItem(
                    title: message.subject, detail: Formatting.dateTime(message.createdAt),
                    href: Endpoints.messagesPage.link(), urgency: "info"))
        }
        let today = request.today
        items += try await DesignationAttention.items(for: account, today: today, language: language, request: request)
        if account.role.isMinistry {
            items += try await holidayCoverage(today: today, language: language, request: request)
            items += try await upcomingParameterChanges(today: today, language: language, request: request)
        }
        if account.role == .ministryAdmin {
            let invited = try await AccountRecord.query(on: request.db).filter(\.$passwordHash == nil).count()
            if invited > 0 {
                items.append(
                    AttentionItem(
                        title: Strings.format("attention.invitedAccounts", language, invited),
                        detail: "", href: Endpoints.adminUsersPage.link(), urgency: "info"))
            }
        }
        if account.role == .regionalOfficial, let regionID = account.regionID {
            let districts = try await DistrictRecord.query(on: request.db).filter(\.$regionID == regionID).all()
            for district in districts {
                items.append(
                    AttentionItem(
                        title: Strings.pick(district.nameKorean, district.nameEnglish, language),
                        detail: Strings.text("text.designated", request.language)
                            + "\(district.startsOn) – \(district.endsOn)",
                        href: Endpoints.districtPage.link([.districtID: district.id ?? ""]), urgency: "info"))
            }
        }
        items += try await openCalls(for: account, request: request)
        if account.role == .partnerStaff || account.role == .operatingOrganisationStaff {
            let tracks = try await CollaborationTrackRecord.query(on: request.db).sort(\.$year, .descending).all()
                .filter { CollaborationTracks.isOwnTrack($0, account) }
            for track in tracks.prefix(6) {
                items.append(
                    AttentionItem(
                        title: Strings.format("attention.yourTrack", language, track.name),
                        detail: Strings.format("attention.trackDetail", language, track.year, track.capacity),
                        href: Endpoints.trackPage.link([.trackID: track.id?.uuidString ?? ""]), urgency: "soon"))
            }
        }
        let order = ["overdue": 0, "soon": 1, "info": 2]
        return items.sorted { (order[$0.urgency] ?? 3) < (order[$1.urgency] ?? 3) }
    }

    /// Calls a region or a company may apply to now, with their closing time, so the home page
    /// leads straight to the form.
    private static func openCalls(for account: CurrentAccount, request: Request) async throws -> [AttentionItem] {
        let language = request.language
        let now = request.now
        switch account.role {
        case .regionalOfficial:
            return try await DesignationCallRecord.query(on: request.db).filter(\.$status == .accepting).all()
                .filter { $0.opensAt <= now && now < $0.closesAt }
                .map {
                    AttentionItem(
                        title: Strings.format("attention.openCall", language, $0.title(language)),
                        detail: Strings.format("attention.closes", language, Timestamps.seoulMinute($0.closesAt)),
                        href: Endpoints.callPage.link([.callID: $0.id?.uuidString ?? ""]), urgency: "soon")
                }
        case .companyMember:
            return try await CollaborationCallRecord.query(on: request.db).filter(\.$status == .accepting).all()
                .filter { $0.opensAt <= now && now < $0.closesAt }
                .map {
                    AttentionItem(
                        title: Strings.format("attention.openCall", language, $0.title(language)),
                        detail: Strings.format("attention.closes", language, Timestamps.seoulMinute($0.closesAt)),
                        href: Endpoints.collaborationCallPage.link([.callID: $0.id?.uuidString ?? ""]),
                        urgency: "soon")
                }
        default:
            return []
        }
    }

    /// The holiday table must be extended before deadlines start reaching past it.
    private static func holidayCoverage(
        today: CalendarDate, language: String, request: Request
    ) async throws -> [AttentionItem] {
        let years = try await HolidayYearRecord.query(on: request.db).all().compactMap(\.id)
        guard let last = years.max() else { return [] }
        let nextYearStart = CalendarDate(year: last + 1, month: 1, day: 1)!
        let daysLeft = today.days(until: nextYearStart)
        guard daysLeft <= 400 else { return [] }
        return [
            AttentionItem(
                title: Strings.format("attention.holidayTableEnds", language, last),
                detail: Strings.format("attention.holidayTableDetail", language, last + 1, daysLeft),
                href: Endpoints.holidaysPage.link(), urgency: daysLeft <= 120 ? "overdue" : "soon")
        ]
    }

    private static func upcomingParameterChanges(
        today: CalendarDate, language: String, request: Request
    ) async throws -> [AttentionItem] {
        let horizon = today.adding(days: 180)
        let versions = try await ParameterVersionRecord.query(on: request.db)
            .filter(\.$effectiveFrom > today.iso)
            .filter(\.$effectiveFrom <= horizon.iso)
            .all()
        return versions.map { version in
            AttentionItem(
                title: Strings.format("attention.parameterChanges", language, version.parameterKey),
                detail: Strings.text("text.inForceFrom", request.language) + version.effectiveFrom,
                href: Endpoints.parametersPage.link(), urgency: "soon")
        }
    }
}
