import Foundation
import TeukguCore

/// A signed-in person's home: a greeting with their role, then what needs their attention, most
/// urgent first.
struct HomePage: Encodable {
    let greeting: String
    let roleLabel: String
    let items: [AttentionItem]

    init(account: CurrentAccount, items: [AttentionItem], language: String) {
        greeting = "\(Strings.text("home.welcome", language)), \(account.displayName)"
        roleLabel = Strings.text("role.\(account.role.rawValue)", language)
        self.items = items
    }
}
