import Foundation

/// Every rulebook version with its state in words, the files of the live set, and the upload form
/// (with the diagnostics of a refused upload).
struct RulebookVersionRow: Encodable {
    let number: Int
    let status: String
    let effectiveFrom: String
    let note: String
    let href: String
}

struct RulebookListPage: Encodable {
    let versions: [RulebookVersionRow]
    let uploadAction: String
    let isAdmin: Bool
    let files: [String]
    let diagnostics: [String]
}
