import Foundation

/// The sign-in form, with where to go afterwards and (in development only) the demo logins.
struct LoginPage: Encodable {
    let action: String
    let next: String
    let email: String
    let error: String?
    let demoAccounts: [DemoAccounts.Listing]
}
