import Foundation
import TeukguCore

/// A startup's company profile and its applications. While an application is under way the
/// registration number and founding date are shown read-only, with who to ask for a correction.
struct CompanyProfilePage: Encodable {
    struct Mine: Encodable {
        let href: String
        let year: Int
        let status: String
        let receipt: String
    }

    let name: String
    let businessRegistrationNumber: String
    let foundedOn: String
    let sector: String
    let employees: String
    let revenueWon: String
    let identityLocked: Bool
    let action: String
    let browseHref: String
    let applications: [Mine]

    init(
        _ company: CompanyRecord, applications: [CollaborationApplicationRecord],
        calls: [UUID: CollaborationCallRecord],
        language: String
    ) throws {
        name = company.name
        businessRegistrationNumber =
            BusinessRegistrationNumber(company.businessRegistrationNumber)?.description
            ?? company.businessRegistrationNumber
        foundedOn = company.foundedOn
        sector = company.sector
        employees = company.employees.map(String.init) ?? ""
        revenueWon = company.revenueWon.map(String.init) ?? ""
        identityLocked = applications.contains {
            $0.status.isLodged && $0.outcome != .notSelected && $0.outcome != .withdrawn
        }
        action = Endpoints.profileForm.link()
        browseHref = Endpoints.collaborationHome.link()
        self.applications = try applications.compactMap { record in
            guard let call = calls[record.callID] else { return nil }
            return Mine(
                href: Endpoints.collaborationApplicationPage.link([.applicationID: try record.requireID().uuidString]),
                year: call.year,
                status: record.outcome.text(language, stages: (try? CollaborationCalls.stages(of: call)) ?? []),
                receipt: record.receiptNumber ?? "—")
        }
        .sorted { $0.year > $1.year }
    }
}
