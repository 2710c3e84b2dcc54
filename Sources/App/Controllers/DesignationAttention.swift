import Fluent
import Foundation
import TeukguCore
import Vapor

/// Designation work waiting for each role: overdue procedures lead the officers' page; evaluators
/// see what to declare or score; regions see drafts not yet submitted and requests for more.
enum DesignationAttention {
    static func items(
        for account: CurrentAccount, today: CalendarDate, language: String, request: Request
    ) async throws -> [AttentionItem] {
        var items: [AttentionItem] = []
        if account.role.isMinistry {
            for (procedure, why) in try await DesignationProcedures.overdue(today: today, on: request.db) {
                items.append(
                    AttentionItem(
                        title: Strings.format("attention.overdue", language, procedure.title), detail: why,
                        href: Endpoints.procedurePage.link([.procedureID: try procedure.requireID().uuidString]),
                        urgency: "overdue"))
            }
            let selecting = try await DesignationCallRecord.query(on: request.db).filter(\.$status == .selecting).all()
            for call in selecting {
                items.append(
                    AttentionItem(
                        title: Strings.format("attention.candidatesToConfirm", language, call.title(language)),
                        detail: "",
                        href: Endpoints.selectionPage.link([.callID: try call.requireID().uuidString]), urgency: "soon")
                )
            }
        }
        if account.role == .evaluator || account.role == .partnerStaff {
            let open = try await EvaluationAssignmentRecord.query(on: request.db).filter(\.$evaluatorID == account.id)
                .filter(\.$status ~~ AssignmentStatus.pending).count()
            if open > 0 {
                items.append(
                    AttentionItem(
                        title: Strings.format("attention.assignmentsOpen", language, open), detail: "",
                        href: Endpoints.assignmentsPage.link(), urgency: "soon"))
            }
        }
        if account.role == .regionalOfficial, let region = account.regionID {
            let pending = try await DesignationApplicationRecord.query(on: request.db).filter(\.$regionID == region)
                .filter(\.$status ~~ [ApplicationStatus.draft, .informationRequested]).all()
            let callIDs = Array(Set(pending.map(\.callID)))
            let calls =
                callIDs.isEmpty
                ? [:] : try await DesignationCallRecord.query(on: request.db).filter(\.$id ~~ callIDs).all().keyedByID()
            for application in pending {
                guard let call = calls[application.callID] else { continue }
                let editable = DesignationApplications.isEditable(application, call: call, now: request.now)
                guard editable else { continue }
                let name = (try? JSONColumn.decode(DistrictPlan.self, application.planJSON).name) ?? ""
                let hoursLeft = call.closesAt.timeIntervalSince(request.now) / 3600
                items.append(
                    AttentionItem(
                        title: application.status == .informationRequested
                            ? Strings.format("attention.informationRequested", language, name)
                            : Strings.format("attention.notYetSubmitted", language, name),
                        detail: application.status == .informationRequested
                            ? (application.infoRequest ?? "")
                            : Strings.format("attention.closes", language, Timestamps.seoulMinute(call.closesAt)),
                        href: Endpoints.applicationPage.link([.applicationID: try application.requireID().uuidString]),
                        urgency: application.status == .informationRequested || hoursLeft < 72 ? "overdue" : "soon"))
            }
        }
        return items
    }
}
