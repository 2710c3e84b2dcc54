import Foundation

/// The step-by-step check form: the questions still open (from the district's fact schema), the
/// answers given so far, the as-of date, and the reason a step was refused.
struct CheckPage: Encodable {
    let district: String
    let districtName: String
    let action: String
    let asOf: String
    let fields: [RegulationPagesController.Field]
    let answered: [RegulationPagesController.Field]
    let showAll: String
    let intro: String
    let error: String?
    /// The logged decision this form continues, when the page is asking follow-up questions.
    let step: String?
}
