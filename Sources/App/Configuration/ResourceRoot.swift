import Foundation
import Vapor

/// Finds the folder that holds `Resources/Views`, `Public` and `Rules`, so the server renders pages
/// whatever folder it was started from.
///
/// In order: `TEUKGU_ROOT`; the working directory; the executable's folder and its parents (a
/// release binary at `.build/release/teukgu` finds the checkout three levels up). When none holds
/// the templates the server refuses to start and says what to set: it never serves a page of 500s.
enum ResourceRoot {
    /// A file every root has; its presence is the test.
    static let marker = "Resources/Views/layout.leaf"

    static func locate(configured: String?, workingDirectory: String, executable: String?) throws -> String {
        if let configured, !configured.isEmpty {
            let root = normalised(configured)
            guard holdsResources(root) else { throw ConfigurationError.resourcesMissing(root, fromVariable: true) }
            return root
        }
        var candidates = [normalised(workingDirectory)]
        if let executable {
            var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0..<5 {
                candidates.append(normalised(folder.path))
                folder.deleteLastPathComponent()
            }
        }
        guard let found = candidates.first(where: holdsResources) else {
            throw ConfigurationError.resourcesMissing(normalised(workingDirectory), fromVariable: false)
        }
        return found
    }

    static func holdsResources(_ root: String) -> Bool {
        FileManager.default.fileExists(atPath: root + marker)
    }

    /// With a trailing slash, as Vapor's `DirectoryConfiguration` expects.
    private static func normalised(_ path: String) -> String {
        path.hasSuffix("/") ? path : path + "/"
    }
}
