import Foundation
import TeukguCore

/// Every effective-dated parameter with each version's value, period, citation and whether it is in
/// force today; the administrator adds versions here.
struct ParametersPage: Encodable {
    struct Version: Encodable {
        let value: String
        let from: String
        let until: String
        let citation: String
        let note: String
        let inForce: Bool
    }

    struct Parameter: Encodable {
        let key: String
        let title: String
        let versions: [Version]
        let addAction: String
        let unit: String
    }

    let parameters: [Parameter]
    let isAdmin: Bool
    let today: String
    let error: String?

    init(_ catalog: ParameterCatalog, viewer: CurrentAccount?, today: CalendarDate, language: String, error: String?) {
        parameters = catalog.sortedKeys.compactMap { catalog.parameters[$0] }.map { parameter in
            Parameter(
                key: parameter.key, title: Strings.pick(parameter.titleKorean, parameter.titleEnglish, language),
                versions: parameter.versions.map { version in
                    Version(
                        value: version.value.text(language: language), from: version.effectiveFrom.iso,
                        until: version.effectiveUntil.map { $0.adding(days: -1).iso } ?? "—",
                        citation: CitationWords.text(version.citation, language),
                        note: CitationWords.note(version.citation.note, language),
                        inForce: version.covers(today))
                },
                addAction: Endpoints.addParameterVersionForm.link([.key: parameter.key]),
                unit: parameter.versions.last?.value.unit ?? "days")
        }
        isAdmin = viewer?.role == .ministryAdmin
        self.today = today.iso
        self.error = error
    }
}
