import Foundation

/// The ministry's selection of a designation call: the proposal within the cap and the balance
/// policy, a sentence for each application, and the form that confirms it (overrides need a reason).
struct DesignationSelectionPage: Encodable {
    let call: DesignationPagesController.CallRow
    let callHref: String
    let proposal: DesignationSelection.Proposal
    let action: String
    let korean: Bool
}
