import Foundation

/// A person's messages (the outbox addressed to them), newest first, a page at a time.
struct MessagesPage: Encodable {
    struct Message: Encodable {
        let subject: String
        let body: String
        let received: String
    }

    let messages: [Message]
    let pagination: Pagination

    init(_ records: [OutboxMessageRecord], pagination: Pagination) {
        messages = records.map {
            Message(subject: $0.subject, body: $0.body, received: Formatting.dateTime($0.createdAt))
        }
        self.pagination = pagination
    }
}
