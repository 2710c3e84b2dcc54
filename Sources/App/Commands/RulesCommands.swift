import Foundation
import RegulationEngine
import TeukguCore
import Vapor

/// `teukgu rules check|test|eval|explain`: the regulation engine from the command line.
struct RulesCommand: AsyncCommandGroup {
    var help: String { "Regulation engine tools: check, test, eval (bulk JSONL), explain." }
    var commands: [String: any AnyAsyncCommand] {
        [
            "check": RulesCheckCommand(), "test": RulesTestCommand(), "eval": RulesEvalCommand(),
            "explain": RulesExplainCommand(),
        ]
    }
}

struct RulesFailed: Error, CustomStringConvertible {
    let description: String
}

enum RulesLoading {
    /// Loads and prints diagnostics; throws when there are errors.
    static func load(_ directory: String, console: any Console, quiet: Bool = false) throws -> RulebookSet {
        let set = RulebookSet.load(directory: directory)
        for diagnostic in set.diagnostics where !quiet || diagnostic.severity == .error {
            if diagnostic.severity == .error {
                console.error(diagnostic.description)
            } else {
                console.warning(diagnostic.description)
            }
        }
        if set.hasErrors { throw RulesFailed(description: "\(set.errors.count) error(s) in \(directory)") }
        return set
    }
}

struct RulesCheckCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "directory", help: "Folder of rulebooks (e.g. Rules)")
        var directory: String
    }

    var help: String { "Checks rulebooks and prints diagnostics; exits non-zero on errors." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let set = try RulesLoading.load(signature.directory, console: context.console)
        let rules = set.rulebooks.reduce(0) { $0 + $1.rules.count }
        let warnings = set.diagnostics.filter { $0.severity == .warning }.count
        context.console.print(
            "\(set.rulebooks.count) rulebook(s), \(rules) rule(s): no errors, \(warnings) warning(s).")
    }
}

struct RulesTestCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "directory", help: "Folder of rulebooks and their *.tests.yaml files")
        var directory: String
    }

    var help: String { "Runs the YAML test cases beside the rulebooks; fails when a case fails or none ran." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let set = try RulesLoading.load(signature.directory, console: context.console, quiet: true)
        let report = RulebookTestRunner.run(set: set, snapshot: Snapshot(set))
        for problem in report.problems { context.console.error(problem.description) }
        for failure in report.failures {
            context.console.error("FAIL \(failure.name) (\(failure.location))")
            for difference in failure.differences { context.console.print("  " + difference) }
        }
        if !report.untestedRules.isEmpty {
            context.console.warning("rules no test exercises: " + report.untestedRules.joined(separator: ", "))
        }
        context.console.print("\(report.passed) passed, \(report.failures.count) failed")
        if report.ran == 0 { throw RulesFailed(description: "no test ran") }
        if !report.succeeded { throw RulesFailed(description: "\(report.failures.count) test(s) failed") }
    }
}

struct RulesEvalCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "rules", help: "Folder of rulebooks")
        var rules: String?
        @Option(name: "requests", help: "JSON Lines file, one request per line (/dev/stdin for a pipe)")
        var requests: String?
        @Option(name: "out", help: "Where to write the decisions (default: standard output)")
        var out: String?
    }

    var help: String { "Evaluates a JSON Lines file of requests; each output line is the decision or an error object." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let rules = signature.rules, let requests = signature.requests else {
            throw RulesFailed(
                description: "usage: teukgu rules eval --rules DIR --requests FILE.jsonl [--out FILE.jsonl]")
        }
        let set = try RulesLoading.load(rules, console: context.console, quiet: true)
        let snapshot = Snapshot(set)
        guard let data = Self.input(requests) else { throw RulesFailed(description: "cannot read \(requests)") }
        let handle: FileHandle
        if let out = signature.out {
            guard FileManager.default.createFile(atPath: out, contents: nil),
                let file = FileHandle(forWritingAtPath: out)
            else {
                throw RulesFailed(description: "cannot write \(out)")
            }
            handle = file
        } else {
            handle = FileHandle.standardOutput
        }
        let started = ContinuousClock.now
        let writer = ChunkWriter(handle: handle)
        let summary = BulkEvaluation.run(snapshot: snapshot, input: data) { writer.write($0) }
        writer.finish()
        let seconds = started.duration(to: .now).seconds
        if signature.out != nil { try handle.close() }
        let rate = seconds > 0 ? Int(Double(summary.count) / seconds) : 0
        FileHandle.standardError.write(
            Data(
                "\(summary.count) request(s), \(summary.errors) error line(s), \(String(format: "%.3f", seconds)) s, \(rate) decisions/s\n"
                    .utf8))
    }
}

extension RulesEvalCommand {
    /// The requests: a file mapped, not read, since the evaluator reads lines in place and a file of
    /// millions of requests then costs only the pages in use; a pipe (`/dev/stdin`) cannot be mapped and is read.
    static func input(_ path: String) -> Data? {
        let url = URL(fileURLWithPath: path)
        if let mapped = try? Data(contentsOf: url, options: .alwaysMapped) { return mapped }
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        return try? handle.readToEnd() ?? Data()
    }
}

struct RulesExplainCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "rules", help: "Folder of rulebooks")
        var rules: String?
        @Option(name: "request", help: "A JSON file with one request")
        var request: String?
        @Option(name: "lang", help: "ko (default) or en")
        var lang: String?
    }

    var help: String { "Explains one decision as a tree with citations." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let rules = signature.rules, let requestFile = signature.request else {
            throw RulesFailed(description: "usage: teukgu rules explain --rules DIR --request FILE.json [--lang ko|en]")
        }
        let set = try RulesLoading.load(rules, console: context.console, quiet: true)
        guard let text = try? String(contentsOfFile: requestFile, encoding: .utf8) else {
            throw RulesFailed(description: "cannot read \(requestFile)")
        }
        do {
            let request = try RequestDecoding.decode(text)
            let decision = try Snapshot(set).evaluate(request)
            context.console.print(Explanation.render(decision, language: signature.lang == "en" ? "en" : "ko"))
        } catch let error as RequestDecodingError {
            throw RulesFailed(description: "\(error.code): \(error.message)")
        } catch let error as EvaluationError {
            throw RulesFailed(description: "\(error.codeAndMessage.code): \(error.codeAndMessage.message)")
        }
    }
}

/// Writes output chunks on a thread of its own, so evaluation on this one never waits for the
/// disk; at most a few chunks wait in memory, and `finish` returns once everything is written.
final class ChunkWriter: @unchecked Sendable {
    private let handle: FileHandle
    private let queue = DispatchQueue(label: "teukgu.rules-eval.output")
    private let slots = DispatchSemaphore(value: 8)

    init(handle: FileHandle) {
        self.handle = handle
    }

    func write(_ chunk: [UInt8]) {
        slots.wait()
        queue.async { [handle, slots] in
            handle.write(Data(chunk))
            slots.signal()
        }
    }

    func finish() {
        queue.sync {}
    }
}
