import TeukguCore
import Vapor

/// Keeps uploaded bytes under `<data>/documents/ab/abcdef…` by their SHA-256, so identical files
/// are stored once and no path ever contains anything a user typed.
struct DocumentStore: Sendable {
    let root: String

    init(dataDirectory: String) {
        root = (dataDirectory as NSString).appendingPathComponent("documents")
    }

    static func sha256(of data: Data) -> String {
        SHA256Digest.lowercaseHex(SHA256.hash(data: data))
    }

    private func path(for hash: String) throws -> String {
        guard hash.count == 64, hash.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
            throw Abort(.internalServerError, reason: "not a content hash")
        }
        return "\(root)/\(hash.prefix(2))/\(hash)"
    }

    /// Writes the bytes unless a file with the same hash is already there; returns the hash.
    func save(_ data: Data) throws -> String {
        let hash = Self.sha256(of: data)
        let target = try path(for: hash)
        let manager = FileManager.default
        if manager.fileExists(atPath: target) { return hash }
        try manager.createDirectory(
            atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        // Write beside the target and rename, so a reader never sees half a file.
        let temporary = target + ".tmp-\(UUID().uuidString)"
        try data.write(to: URL(fileURLWithPath: temporary))
        if manager.fileExists(atPath: target) {
            try? manager.removeItem(atPath: temporary)
        } else {
            try manager.moveItem(atPath: temporary, toPath: target)
        }
        return hash
    }

    func read(hash: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path(for: hash)))
    }
}

extension Application {
    var documentStore: DocumentStore { DocumentStore(dataDirectory: settings.dataDirectory) }
}
