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
        let ko = request.language == "ko"
        var items: [AttentionItem] = []
        let recent = try await OutboxMessageRecord.query(on: request.db)
            .filter(\.$recipientAccountID == account.id)
            .sort(\.$createdAt, .descending)
            .limit(3)
            .all()
        for message in recent {
            items.append(AttentionItem(title: message.subject, detail: Formatting.dateTime(message.createdAt),
                                       href: Endpoints.messagesPage.link(), urgency: "info"))
        }
        let today = request.today
        items += try await DesignationAttention.items(for: account, today: today, ko: ko, request: request)
        if account.role.isMinistry {
            items += try await holidayCoverage(today: today, ko: ko, request: request)
            items += try await upcomingParameterChanges(today: today, ko: ko, request: request)
        }
        if account.role == .ministryAdmin {
            let invited = try await AccountRecord.query(on: request.db).filter(\.$passwordHash == nil).count()
            if invited > 0 {
                items.append(AttentionItem(title: ko ? "초대를 수락하지 않은 계정 \(invited)개" : "\(invited) invited account(s) not yet accepted",
                                           detail: "", href: Endpoints.adminUsersPage.link(), urgency: "info"))
            }
        }
        if account.role == .regionalOfficial, let regionID = account.regionID {
            let districts = try await DistrictRecord.query(on: request.db).filter(\.$regionID == regionID).all()
            for district in districts {
                items.append(AttentionItem(title: ko ? district.nameKorean : district.nameEnglish,
                                           detail: (ko ? "지정 기간 " : "Designated ") + "\(district.startsOn) – \(district.endsOn)",
                                           href: Endpoints.districtPage.link(["districtID": district.id ?? ""]), urgency: "info"))
            }
        }
        let order = ["overdue": 0, "soon": 1, "info": 2]
        return items.sorted { (order[$0.urgency] ?? 3) < (order[$1.urgency] ?? 3) }
    }

    /// The holiday table must be extended before deadlines start reaching past it.
    private static func holidayCoverage(today: CalendarDate, ko: Bool, request: Request) async throws -> [AttentionItem] {
        let years = try await HolidayYearRecord.query(on: request.db).all().compactMap(\.id)
        guard let last = years.max() else { return [] }
        let nextYearStart = CalendarDate(year: last + 1, month: 1, day: 1)!
        let daysLeft = today.days(until: nextYearStart)
        guard daysLeft <= 400 else { return [] }
        return [AttentionItem(
            title: ko ? "공휴일 표가 \(last)년까지만 있습니다" : "The holiday table ends with \(last)",
            detail: ko ? "\(last + 1)년 공휴일을 넣어야 그해에 닿는 기한을 계산할 수 있습니다 (남은 일수 \(daysLeft))."
                       : "Add \(last + 1)'s holidays so that deadlines reaching it can be computed (\(daysLeft) days left).",
            href: Endpoints.holidaysPage.link(), urgency: daysLeft <= 120 ? "overdue" : "soon")]
    }

    private static func upcomingParameterChanges(today: CalendarDate, ko: Bool, request: Request) async throws -> [AttentionItem] {
        let horizon = today.adding(days: 180)
        let versions = try await ParameterVersionRecord.query(on: request.db)
            .filter(\.$effectiveFrom > today.iso)
            .filter(\.$effectiveFrom <= horizon.iso)
            .all()
        return versions.map { version in
            AttentionItem(title: ko ? "\(version.parameterKey) 변경 예정" : "\(version.parameterKey) changes soon",
                          detail: (ko ? "시행일 " : "In force from ") + version.effectiveFrom,
                          href: Endpoints.parametersPage.link(), urgency: "soon")
        }
    }
}
