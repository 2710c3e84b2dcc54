import Foundation

/// Every rulebook of a folder, checked together, with what is wrong with them.
public struct RulebookSet: Sendable {
    public let rulebooks: [Rulebook]
    public let diagnostics: [Diagnostic]
    /// Test files found beside the rulebooks (`*.tests.yaml`).
    public let testFiles: [String]

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public init(rulebooks: [Rulebook], diagnostics: [Diagnostic], testFiles: [String] = []) {
        self.rulebooks = rulebooks
        self.diagnostics = diagnostics
        self.testFiles = testFiles
    }

    /// Loads every `.yaml`, `.yml` and `.json` file under `directory` except test files.
    public static func load(directory: String) -> RulebookSet {
        // A linked folder is read through the link: the enumerator does not enter one.
        let root = URL(fileURLWithPath: directory).resolvingSymlinksInPath()
        var sources: [(file: String, text: String)] = []
        var tests: [String] = []
        var problems: [Diagnostic] = []
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var paths: [URL] = []
        while let url = enumerator?.nextObject() as? URL { paths.append(url) }
        if enumerator == nil {
            problems.append(
                Diagnostic(
                    .error, .structure, "cannot read the folder",
                    at: SourceLocation(file: directory, line: 1, column: 1)))
        }
        for url in paths.sorted(by: { $0.path < $1.path }) {
            let name = url.lastPathComponent
            let relative = relativePath(url, root: root, directory: directory)
            if name.hasSuffix(".tests.yaml") || name.hasSuffix(".tests.yml") || name.hasSuffix(".tests.json") {
                tests.append(relative)
                continue
            }
            guard name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".json") else { continue }
            guard let data = FileManager.default.contents(atPath: url.path),
                let text = String(data: data, encoding: .utf8)
            else {
                problems.append(
                    Diagnostic(
                        .error, .yamlSyntax, "not readable as UTF-8 text",
                        at: SourceLocation(file: relative, line: 1, column: 1)))
                continue
            }
            sources.append((relative, text))
        }
        let set = check(sources: sources)
        return RulebookSet(rulebooks: set.rulebooks, diagnostics: problems + set.diagnostics, testFiles: tests)
    }

    static func relativePath(_ url: URL, root: URL, directory: String) -> String {
        let base = root.standardizedFileURL.path
        let full = url.standardizedFileURL.path
        let trimmed = full.hasPrefix(base + "/") ? String(full.dropFirst(base.count + 1)) : full
        return (directory as NSString).appendingPathComponent(trimmed)
    }

    /// Parses and checks rulebooks given as text (the server's uploads use this too).
    public static func check(sources: [(file: String, text: String)]) -> RulebookSet {
        let results = RulebookParser.parse(sources: sources)
        let rulebooks = results.compactMap(\.0)
        var diagnostics = results.flatMap(\.1)
        diagnostics += RulebookChecks.run(rulebooks)
        return RulebookSet(
            rulebooks: rulebooks,
            diagnostics: diagnostics.sorted {
                ($0.location.file, $0.location.line, $0.location.column) < (
                    $1.location.file, $1.location.line, $1.location.column
                )
            })
    }
}
