import Foundation

/// A call's selection: the matching (top of each track, or deferred acceptance) as a what-if with a
/// sentence per applicant, the grants against the budget, and the ministry's confirmation.
struct CollaborationMatchingPage: Encodable {
    let call: CollaborationPagesController.CallRow
    let report: CollaborationMatching.Report
    let action: String
    let korean: Bool
    let grants: String
    let budget: String
}
