import Fluent
import Foundation
import TeukguCore

/// Who hears about a record: the active officials of a region, the active members of a company.
enum Recipients {
    static func officials(ofRegion regionID: String, on database: any Database) async throws -> [AccountRecord] {
        try await AccountRecord.query(on: database).filter(\.$role == Role.regionalOfficial.rawValue)
            .filter(\.$regionID == regionID).filter(\.$isActive == true).all()
    }

    static func members(ofCompany companyID: UUID, on database: any Database) async throws -> [AccountRecord] {
        try await AccountRecord.query(on: database).filter(\.$companyID == companyID).filter(\.$isActive == true).all()
    }
}
