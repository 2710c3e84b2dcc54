import Foundation

/// The invitation page: the invited address and the form that sets a password.
struct InvitationPage: Encodable {
    let email: String
    let action: String
    let error: String?
}
