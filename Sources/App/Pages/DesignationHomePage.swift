import Foundation

/// The designation home: every call with its window and state, and for the ministry the
/// open-a-call form (its defaults, or what was typed when it was refused, with the reason).
struct DesignationHomePage: Encodable {
    let calls: [DesignationPagesController.CallRow]
    let canOpen: Bool
    let openAction: String
    let form: DesignationPagesController.OpenCallForm
    let error: String?
}
