import Foundation

/// An error page: the status, the stable code and the message, in the site's layout.
struct ErrorPage: Encodable {
    let status: Int
    let code: String
    let message: String
    let layout: LayoutContext
}
