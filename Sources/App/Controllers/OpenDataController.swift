import Foundation
import TeukguCore
import Vapor

/// The open-data catalogue, each dataset's schema page, and its JSON and CSV files.
struct OpenDataController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(Endpoints.openDataPage, use: catalogue)
        routes.on(Endpoints.openDataSchemaPage, use: schema)
        routes.on(Endpoints.openDataJSON, use: json)
        routes.on(Endpoints.openDataCSV, use: csv)
    }

    private func dataset(_ request: Request) throws -> OpenDataset {
        guard let dataset = request.parameters.get("dataset").flatMap(OpenDataset.init(rawValue:)) else {
            throw AppError.notFound("dataset")
        }
        return dataset
    }

    @Sendable func catalogue(_ request: Request) async throws -> View {
        try await request.renderPage(
            "open-data", titleKey: "portal.openData", OpenDataCataloguePage(language: request.language))
    }

    @Sendable func schema(_ request: Request) async throws -> View {
        let dataset = try dataset(request)
        let table = try await dataset.load(on: request.db, today: request.today)
        let page = OpenDataSchemaPage(dataset, sample: table, language: request.language)
        return try await request.renderPage("open-data-schema", titleKey: "portal.openData", title: page.title, page)
    }

    /// The JSON file: the licence, the columns and the records, keys in column order.
    struct Document: Encodable {
        struct Column: Encodable {
            let name: String
            let type: String
            let optional: Bool
        }

        let dataset: String
        let licence: String
        let schema: String
        let columns: [Column]
        let records: [OpenDataTable.OrderedRecord]
    }

    @Sendable func json(_ request: Request) async throws -> Response {
        let dataset = try dataset(request)
        let table = try await dataset.load(on: request.db, today: request.today)
        let document = Document(
            dataset: dataset.rawValue, licence: OpenDataset.licence.english,
            schema: Endpoints.openDataSchemaPage.link([.dataset: dataset.rawValue]),
            columns: table.columns.map { .init(name: $0.name, type: $0.kind.rawValue, optional: $0.optional) },
            records: table.records)
        let encoder = JSONEncoder()
        // Sorted keys: the same content must give the same bytes, and so the same ETag.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = try encoder.encode(document)
        return try await answer(request, dataset: dataset, format: "json", body: body, type: .json)
    }

    @Sendable func csv(_ request: Request) async throws -> Response {
        let dataset = try dataset(request)
        let table = try await dataset.load(on: request.db, today: request.today)
        // A byte-order mark so spreadsheet programs read the Korean as UTF-8.
        let body = Data(("\u{FEFF}" + CSVText.render(table.csvRows)).utf8)
        return try await answer(
            request, dataset: dataset, format: "csv", body: body,
            type: HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"]))
    }

    private func answer(
        _ request: Request, dataset: OpenDataset, format: String, body: Data, type: HTTPMediaType
    ) async throws -> Response {
        let stamp = try await OpenDataVersions.stamp(
            "\(dataset.rawValue).\(format)", body: body, now: request.now, on: request.db)
        let response = ConditionalGet.respond(
            request, body: body, contentType: type, fileName: dataset.fileName(format), etag: stamp.etag,
            modifiedAt: stamp.modifiedAt)
        response.headers.replaceOrAdd(name: "Link", value: "<\(OpenDataset.licenceURL)>; rel=\"license\"")
        return response
    }
}
