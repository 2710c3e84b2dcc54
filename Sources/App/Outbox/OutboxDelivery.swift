import Fluent
import SQLKit
import Vapor

/// Sends outbox messages by SMTP when it is configured. Each message is claimed with a conditional
/// update first, so several server instances never send the same message twice.
enum OutboxDelivery {
    static let claimMarker = "sending"

    /// Delivers up to `limit` unsent messages; returns how many were sent.
    @discardableResult
    static func deliverPending(app: Application, limit: Int = 50) async throws -> Int {
        guard let smtp = app.settings.smtp, let sql = app.db as? any SQLDatabase else { return 0 }
        let client = SMTPClient(settings: smtp)
        let candidates = try await OutboxMessageRecord.query(on: app.db)
            .filter(\.$sentAt == nil).filter(\.$deliveryError == nil)
            .sort(\.$createdAt).limit(limit).all()
        var sent = 0
        for message in candidates {
            guard let id = message.id else { continue }
            struct Claimed: Decodable { let id: UUID }
            let claimed = try await sql.raw(
                """
                UPDATE \(ident: OutboxMessageRecord.schema) SET delivery_error = \(bind: claimMarker)
                WHERE id = \(bind: id) AND sent_at IS NULL AND delivery_error IS NULL RETURNING id
                """
            ).first(decoding: Claimed.self)
            guard claimed != nil else { continue }
            do {
                try await app.threadPool.runIfActive {
                    try client.send(
                        from: smtp.from, to: message.recipientEmail, subject: message.subject, body: message.body)
                }
                message.sentAt = app.clock.now()
                message.deliveryError = nil
                // Delivered: a one-time link needs to live only in the mail.
                message.body = Outbox.redactSecrets(message.body)
                sent += 1
            } catch {
                message.deliveryError = "\(error)"
                app.logger.warning(
                    "outbox delivery failed",
                    metadata: ["message": .string(id.uuidString), "error": .string("\(error)")])
            }
            try await message.save(on: app.db)
        }
        return sent
    }
}

/// Runs delivery every few seconds while the server is up, only when SMTP is configured.
final class OutboxDeliveryLoop: LifecycleHandler, @unchecked Sendable {
    private var task: Task<Void, Never>?

    func didBootAsync(_ app: Application) async throws {
        guard app.settings.smtp != nil else { return }
        task = Task {
            while !Task.isCancelled {
                do { try await OutboxDelivery.deliverPending(app: app) } catch {
                    app.logger.warning("outbox delivery round failed: \(error)")
                }
                try? await Task.sleep(for: .seconds(5))
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        task?.cancel()
        _ = await task?.value
    }
}
