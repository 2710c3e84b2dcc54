import Foundation

/// A district's regime in plain language: what is prohibited, on what conditions, with citations,
/// the entry to the check and the downloads (JSON, YAML).
struct RegimePage: Encodable {
    let regime: RegimeView
    let check: String
    let json: String
    let yaml: String
}
