import Fluent
import Foundation
import TeukguCore

/// Who may read a document because it is attached to an application or a sandbox case: whoever
/// may read the application (its region's or company's people, evaluators who declared no conflict
/// on it, the partner staff of its tracks) or the case (its company, region, the ministry, the
/// committee once it is referred). An evaluator who opens an application must be able to open what
/// it attaches; before this they saw the links and got "not found".
enum AttachedDocumentReaders {
    /// Whether `account` may read an application that lists the document among its attachments.
    static func mayRead(_ documentID: UUID, by account: CurrentAccount, on database: any Database) async throws -> Bool
    {
        // Attachments live in the applications' JSON. The text search only narrows the rows; the
        // decoded attachment list decides, so an id typed into a plan's prose grants nothing.
        // Ids are stored as given, in either case, and PostgreSQL's LIKE is case-sensitive.
        let spellings = [documentID.uuidString, documentID.uuidString.lowercased()]
        let designation = try await DesignationApplicationRecord.query(on: database)
            .group(.or) { group in for text in spellings { group.filter(\.$planJSON ~~ text) } }
            .limit(50).all()
        for application in designation {
            guard let plan = try? JSONColumn.decode(DistrictPlan.self, application.planJSON),
                plan.documentIDs.contains(where: { UUID(uuidString: $0) == documentID })
            else { continue }
            if (try? await DesignationApplications.requireReadable(application, by: account, on: database)) != nil {
                return true
            }
        }
        let collaboration = try await CollaborationApplicationRecord.query(on: database)
            .group(.or) { group in for text in spellings { group.filter(\.$documentsJSON ~~ text) } }
            .limit(50).all()
        for application in collaboration {
            guard let attached = try? JSONColumn.decode([UUID].self, application.documentsJSON),
                attached.contains(documentID)
            else { continue }
            if (try? await CollaborationApplications.requireReadable(application, by: account, on: database)) != nil {
                return true
            }
        }
        if try await mayReadThroughSandboxCase(documentID, spellings: spellings, by: account, on: database) {
            return true
        }
        return try await mayReadThroughGrant(documentID, spellings: spellings, by: account, on: database)
    }

    /// A receipt filed with a spending, or a document with a milestone report: whoever may read
    /// the agreement may read it.
    private static func mayReadThroughGrant(
        _ documentID: UUID, spellings: [String], by account: CurrentAccount, on database: any Database
    ) async throws -> Bool {
        let spendings = try await GrantSpendingRecord.query(on: database)
            .group(.or) { group in for text in spellings { group.filter(\.$documentsJSON ~~ text) } }
            .limit(50).all()
            .filter { (try? JSONColumn.decode([UUID].self, $0.documentsJSON))?.contains(documentID) == true }
            .map(\.agreementID)
        let reports = try await GrantInstalmentRecord.query(on: database)
            .group(.or) { group in for text in spellings { group.filter(\.$documentsJSON ~~ text) } }
            .limit(50).all()
            .filter { (try? JSONColumn.decode([UUID].self, $0.documentsJSON))?.contains(documentID) == true }
            .map(\.agreementID)
        for agreementID in Set(spendings + reports) {
            if (try? await GrantAccess.load(agreementID.uuidString, for: account, on: database)) != nil { return true }
        }
        return false
    }

    /// A document filed with a sandbox case or attached to one of its steps.
    private static func mayReadThroughSandboxCase(
        _ documentID: UUID, spellings: [String], by account: CurrentAccount, on database: any Database
    ) async throws -> Bool {
        let filed = try await SandboxCaseRecord.query(on: database)
            .group(.or) { group in for text in spellings { group.filter(\.$documentsJSON ~~ text) } }
            .limit(50).all()
            .filter { (try? JSONColumn.decode([UUID].self, $0.documentsJSON))?.contains(documentID) == true }
        let steps = try await SandboxCaseEventRecord.query(on: database)
            .group(.or) { group in for text in spellings { group.filter(\.$documentsJSON ~~ text) } }
            .limit(50).all()
            .filter { (try? JSONColumn.decode([UUID].self, $0.documentsJSON))?.contains(documentID) == true }
        let stepCases =
            steps.isEmpty
            ? [] : try await SandboxCaseRecord.query(on: database).filter(\.$id ~~ steps.map(\.caseID)).all()
        for record in filed + stepCases {
            if (try? await SandboxCases.requireReadable(record, by: account, on: database)) != nil { return true }
        }
        return false
    }
}
