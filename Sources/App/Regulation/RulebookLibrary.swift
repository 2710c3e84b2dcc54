import Fluent
import Foundation
import RegulationEngine
import TeukguCore
import Vapor

/// The compiled rulebook versions this server answers from.
///
/// Published versions live in the database; every instance polls for changes and compiles new
/// versions off the request path, then swaps the list in one step under a lock, so a request sees
/// either the old list or the new one, never half of each.
final class RulebookLibrary: @unchecked Sendable {
    struct Compiled: Sendable {
        let versionID: UUID
        let number: Int
        let effectiveFrom: CalendarDate
        let set: RulebookSet
        let snapshot: Snapshot
        let sources: [(file: String, text: String)]
    }

    private let lock = NSLock()
    private var published: [Compiled] = []
    private var fingerprint = ""
    private var cache: [UUID: Compiled] = [:]

    /// The version in force on `asOf`: the published one with the latest start on or before it.
    func version(for asOf: CalendarDate) -> Compiled? {
        lock.withLock { published.last { $0.effectiveFrom <= asOf } }
    }

    /// A published version by id (the one a logged decision used), falling back to the live one.
    func compiled(versionID: UUID) -> Compiled? {
        lock.withLock { published.first { $0.versionID == versionID } } ?? live
    }

    /// The newest published version (what "live" means for diffs).
    var live: Compiled? {
        lock.withLock { published.max { $0.number < $1.number } }
    }

    /// Reloads when the set of published versions changed; compiles only versions not seen before.
    func refresh(on database: any Database) async throws {
        let records = try await RulebookVersionRecord.query(on: database).filter(\.$status == .published).sort(
            \.$number
        ).all()
        let print = records.map { "\($0.id?.uuidString ?? ""):\($0.effectiveFrom ?? "")" }.joined(separator: ",")
        if lock.withLock({ print == fingerprint }) { return }
        var compiled: [Compiled] = []
        for record in records {
            guard let id = record.id, let from = record.effectiveFrom.flatMap(CalendarDate.init(iso:)) else { continue }
            compiled.append(try compile(record, id: id, effectiveFrom: from))
        }
        compiled.sort { ($0.effectiveFrom, $0.number) < ($1.effectiveFrom, $1.number) }
        lock.withLock {
            published = compiled
            fingerprint = print
        }
    }

    /// Any version by id (drafts included), compiled once and cached.
    func compiled(_ id: UUID, on database: any Database) async throws -> Compiled {
        if let hit = lock.withLock({ cache[id] }) { return hit }
        guard let record = try await RulebookVersionRecord.find(id, on: database) else {
            throw AppError.notFound("rulebook version")
        }
        return try compile(
            record, id: id,
            effectiveFrom: record.effectiveFrom.flatMap(CalendarDate.init(iso:)) ?? CalendarDate(
                year: 1, month: 1, day: 1)!)
    }

    private func compile(_ record: RulebookVersionRecord, id: UUID, effectiveFrom: CalendarDate) throws -> Compiled {
        if let hit = lock.withLock({ cache[id] }), hit.effectiveFrom == effectiveFrom { return hit }
        let sources = try RulebookSources.decode(record.sources)
        let set = RulebookSet.check(sources: sources)
        let result = Compiled(
            versionID: id, number: record.number, effectiveFrom: effectiveFrom, set: set, snapshot: Snapshot(set),
            sources: sources)
        lock.withLock { cache[id] = result }
        return result
    }
}

/// The files of a version, stored as JSON text.
enum RulebookSources {
    struct File: Codable {
        let file: String
        let text: String
    }

    static func encode(_ files: [(file: String, text: String)]) throws -> String {
        let data = try JSONEncoder().encode(files.map { File(file: $0.file, text: $0.text) })
        return String(decoding: data, as: UTF8.self)
    }

    static func decode(_ text: String) throws -> [(file: String, text: String)] {
        try JSONDecoder().decode([File].self, from: Data(text.utf8)).map { ($0.file, $0.text) }
    }

    /// Reads every rulebook file of a folder (the shipped `Rules/`), test files excluded.
    static func read(directory: String) -> [(file: String, text: String)] {
        // A deployment may link `Rules` to a folder elsewhere; the enumerator does not enter a link.
        let root = URL(fileURLWithPath: directory).resolvingSymlinksInPath()
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            return []
        }
        var files: [(file: String, text: String)] = []
        while let url = enumerator.nextObject() as? URL {
            let name = url.lastPathComponent
            guard name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".json"),
                !name.contains(".tests.")
            else { continue }
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            let relative = url.standardizedFileURL.path.replacingOccurrences(
                of: root.standardizedFileURL.path + "/", with: "")
            files.append((relative, text))
        }
        return files.sorted { $0.file < $1.file }
    }
}

extension Application {
    private struct LibraryKey: StorageKey { typealias Value = RulebookLibrary }

    var rulebooks: RulebookLibrary {
        if let existing = storage[LibraryKey.self] { return existing }
        let created = RulebookLibrary()
        storage[LibraryKey.self] = created
        return created
    }
}
