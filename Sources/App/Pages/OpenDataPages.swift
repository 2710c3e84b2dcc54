import TeukguCore

/// The open-data catalogue: every dataset with what it holds and its files.
struct OpenDataCataloguePage: Encodable {
    struct Dataset: Encodable {
        let title: String
        let summary: String
        let schemaHref: String
        let jsonHref: String
        let csvHref: String
    }

    let datasets: [Dataset]
    let licence: String
    let licenceURL: String

    init(language: String) {
        datasets = OpenDataset.allCases.map { dataset in
            let link: [PathParameter: String] = [.dataset: dataset.rawValue]
            return Dataset(
                title: Strings.pick(dataset.title.korean, dataset.title.english, language),
                summary: Strings.pick(dataset.summary.korean, dataset.summary.english, language),
                schemaHref: Endpoints.openDataSchemaPage.link(link), jsonHref: Endpoints.openDataJSON.link(link),
                csvHref: Endpoints.openDataCSV.link(link))
        }
        licence = Strings.pick(OpenDataset.licence.korean, OpenDataset.licence.english, language)
        licenceURL = OpenDataset.licenceURL
    }
}

/// One dataset's schema: its columns with type, whether they may be empty and what they mean,
/// and the first rows as a preview.
struct OpenDataSchemaPage: Encodable {
    struct Column: Encodable {
        let name: String
        let type: String
        let required: Bool
        let meaning: String
    }

    let title: String
    let summary: String
    let columns: [Column]
    let preview: [[String]]
    let rowCount: Int
    let jsonHref: String
    let csvHref: String
    let catalogueHref: String
    let licence: String
    let licenceURL: String

    init(_ dataset: OpenDataset, sample: OpenDataTable, language: String) {
        title = Strings.pick(dataset.title.korean, dataset.title.english, language)
        summary = Strings.pick(dataset.summary.korean, dataset.summary.english, language)
        columns = dataset.columns.map {
            Column(
                name: $0.name, type: $0.kind.rawValue, required: !$0.optional,
                meaning: Strings.pick($0.korean, $0.english, language))
        }
        preview = sample.rows.prefix(5).map { $0.map(\.csvText) }
        rowCount = sample.rows.count
        let link: [PathParameter: String] = [.dataset: dataset.rawValue]
        jsonHref = Endpoints.openDataJSON.link(link)
        csvHref = Endpoints.openDataCSV.link(link)
        catalogueHref = Endpoints.openDataPage.link()
        licence = Strings.pick(OpenDataset.licence.korean, OpenDataset.licence.english, language)
        licenceURL = OpenDataset.licenceURL
    }
}
