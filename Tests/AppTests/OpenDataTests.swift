import Foundation
import Testing
import TeukguCore
import Vapor
import VaporTesting

@testable import App

/// Open data: every dataset as JSON and CSV with its schema page, validators that answer 304, and
/// nothing personal in any file. The allowed fields are written out here, apart from the datasets'
/// own declarations, so that adding a column to a dataset needs a reviewer to allow it here too.
@Suite struct OpenDataTests {
    static let allowedFields: [String: Set<String>] = [
        "districts": [
            "district_id", "region_id", "region_name_ko", "region_name_en", "name_ko", "name_en", "round",
            "starts_on", "ends_on", "status", "area_km2", "budget_won", "zone_operators", "illustrative",
        ],
        "designation-calls": [
            "round", "title_ko", "title_en", "status", "opens_on", "closes_on", "applications", "designated",
            "designated_on",
        ],
        "designation-results": [
            "round", "region_id", "region_name_ko", "region_name_en", "project_name", "result", "district_id",
        ],
        "awards": ["year", "partner_id", "partner_name", "track_name", "company_name", "award_won", "status"],
        "sandbox-statistics": [
            "case_type", "outcome", "cases", "answered", "median_days_to_answer", "deemed_answers",
        ],
        "decision-statistics": ["district_id", "outcome", "decisions"],
    ]

    struct Document: Decodable {
        struct Column: Decodable {
            let name: String
            let type: String
        }

        let dataset: String
        let licence: String
        let columns: [Column]
        let records: [[String: JSONValue]]
    }

    /// Any JSON value, to read records without knowing their types.
    enum JSONValue: Decodable {
        case text(String)
        case number(Double)
        case boolean(Bool)
        case null

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Bool.self) {
                self = .boolean(value)
            } else if let value = try? container.decode(Double.self) {
                self = .number(value)
            } else {
                self = .text(try container.decode(String.self))
            }
        }
    }

    @Test func everyFileHoldsOnlyAllowedFieldsAndNothingPersonal() async throws {
        try await withTeukgu { app in
            // Personal or private data the demo holds: no file may carry any of it.
            let accounts = try await AccountRecord.query(on: app.db).all()
            let companies = try await CompanyRecord.query(on: app.db).all()
            let agreements = try await GrantAgreementRecord.query(on: app.db).all()
            var forbidden = accounts.map(\.email) + accounts.map(\.displayName).filter { $0.count > 3 }
            forbidden += companies.map(\.businessRegistrationNumber)
            forbidden += companies.compactMap { BusinessRegistrationNumber($0.businessRegistrationNumber)?.description }
            forbidden += agreements.map(\.accountHolder) + agreements.map(\.bankName)
            #expect(Set(OpenDataset.allCases.map(\.rawValue)) == Set(Self.allowedFields.keys))

            var nonEmpty = 0
            for dataset in OpenDataset.allCases {
                let link: [PathParameter: String] = [.dataset: dataset.rawValue]
                let allowed = try #require(Self.allowedFields[dataset.rawValue])
                let json = try await app.testing().sendRequest(.GET, Endpoints.openDataJSON.link(link))
                #expect(json.status == .ok)
                #expect(json.headers.contentType?.subType == "json")
                let document = try JSONDecoder().decode(Document.self, from: Data(json.body.readableBytesView))
                #expect(document.dataset == dataset.rawValue && document.licence.contains("Licence"))
                #expect(Set(document.columns.map(\.name)).isSubset(of: allowed), "\(dataset)")
                for record in document.records {
                    #expect(Set(record.keys).isSubset(of: allowed), "\(dataset): \(record.keys)")
                }
                nonEmpty += document.records.isEmpty ? 0 : 1

                let csv = try await app.testing().sendRequest(.GET, Endpoints.openDataCSV.link(link))
                #expect(csv.status == .ok && csv.headers.contentType?.subType == "csv")
                let text = csv.body.string
                let header = try #require(text.split(separator: "\r\n").first).replacingOccurrences(
                    of: "\u{FEFF}", with: "")
                #expect(Set(header.split(separator: ",").map(String.init)) == Set(dataset.columns.map(\.name)))
                #expect(Set(header.split(separator: ",").map(String.init)).isSubset(of: allowed))
                #expect(text.split(separator: "\r\n").count == document.records.count + 1)
                for secret in forbidden where !secret.isEmpty {
                    #expect(!text.contains(secret), "\(dataset) CSV holds \(secret)")
                    #expect(!json.body.string.contains(secret), "\(dataset) JSON holds \(secret)")
                }
                #expect(!text.contains("@"), "\(dataset) holds an e-mail address")
            }
            // The demo has districts, calls, results, awards and cases to publish.
            #expect(nonEmpty >= 5)
        }
    }

    @Test func theValidatorsAnswerNotModified() async throws {
        try await withTeukgu { app in
            let path = Endpoints.openDataCSV.link([.dataset: OpenDataset.districts.rawValue])
            let first = try await app.testing().sendRequest(.GET, path)
            let etag = try #require(first.headers.first(name: .eTag))
            let modified = try #require(first.headers.first(name: .lastModified))
            #expect(ConditionalGet.parseHTTPDate(modified) != nil)

            let again = try await app.testing().sendRequest(.GET, path)
            #expect(again.headers.first(name: .eTag) == etag && again.headers.first(name: .lastModified) == modified)

            let byTag = try await app.testing().sendRequest(
                .GET, path, headers: [HTTPHeaders.Name.ifNoneMatch.description: etag])
            #expect(byTag.status == .notModified && byTag.body.readableBytes == 0)
            #expect(byTag.headers.first(name: .eTag) == etag)
            let byDate = try await app.testing().sendRequest(
                .GET, path, headers: [HTTPHeaders.Name.ifModifiedSince.description: modified])
            #expect(byDate.status == .notModified)
            let stale = try await app.testing().sendRequest(
                .GET, path, headers: [HTTPHeaders.Name.ifNoneMatch.description: "\"something-else\""])
            #expect(stale.status == .ok && stale.body.readableBytes > 0)
            let older = try await app.testing().sendRequest(
                .GET, path, headers: [HTTPHeaders.Name.ifModifiedSince.description: "Mon, 01 Jan 2024 00:00:00 GMT"])
            #expect(older.status == .ok)

            // A change to the data is a new ETag.
            let district = try #require(try await DistrictRecord.query(on: app.db).first())
            district.budgetWon = (district.budgetWon ?? 0) + 1
            try await district.save(on: app.db)
            let changed = try await app.testing().sendRequest(
                .GET, path, headers: [HTTPHeaders.Name.ifNoneMatch.description: etag])
            #expect(changed.status == .ok && changed.headers.first(name: .eTag) != etag)
        }
    }

    @Test func schemaPagesAndTheCatalogueInBothLanguages() async throws {
        try await withTeukgu { app in
            for language in ["ko", "en"] {
                let headers: HTTPHeaders = ["Accept-Language": language]
                let catalogue = try await app.testing().sendRequest(
                    .GET, Endpoints.openDataPage.link(), headers: headers)
                #expect(catalogue.status == .ok)
                for dataset in OpenDataset.allCases {
                    #expect(catalogue.body.string.contains(Endpoints.openDataCSV.link([.dataset: dataset.rawValue])))
                    let page = try await app.testing().sendRequest(
                        .GET, Endpoints.openDataSchemaPage.link([.dataset: dataset.rawValue]), headers: headers)
                    #expect(page.status == .ok)
                    let title = Strings.pick(dataset.title.korean, dataset.title.english, language)
                    #expect(page.body.string.contains(title))
                    for column in dataset.columns { #expect(page.body.string.contains("<code>\(column.name)</code>")) }
                }
            }
            for bad in ["nope", "districts.json", "DISTRICTS"] {
                let response = try await app.testing().sendRequest(.GET, "/open-data/\(bad)/data.csv")
                #expect(response.status == .notFound, "\(bad)")
            }
        }
    }
}
