import Vapor

/// A hash of a random password at the server's cost, checked when the account is missing or has no
/// password yet, so "no such account" takes as long as "wrong password".
enum PasswordTiming {
    private struct DummyKey: StorageKey { typealias Value = String }

    /// Made once at start-up (storage is not written while requests run).
    static func prepare(_ app: Application) throws {
        app.storage[DummyKey.self] = try app.password.hash(SecretHasher.newSecret(prefix: ""))
    }

    static func dummyHash(for request: Request) throws -> String {
        if let hash = request.application.storage[DummyKey.self] { return hash }
        return try request.password.hash(SecretHasher.newSecret(prefix: ""))
    }
}
