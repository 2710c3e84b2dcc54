import Foundation
import Testing
import Vapor
@testable import App

@Suite struct MatchCommandTests {
    func run(_ arguments: [String], app: Application) async throws {
        var context = CommandContext(console: app.console, input: CommandInput(arguments: ["teukgu"] + arguments))
        context.application = app
        try await MatchCommand().run(using: &context)
    }

    @Test func theOfflineMatcherReadsAnInstanceAndWritesAssignments() async throws {
        try await withTeukgu { app in
            let folder = NSTemporaryDirectory() + "match-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let instance = #"{"tracks":[{"id":"nvidia","capacity":1},{"id":"aws","capacity":1}],"applicants":[{"id":"a","choices":["nvidia","aws"]},{"id":"b","choices":["nvidia"]}],"rankings":{"nvidia":["b","a"],"aws":["a"]}}"#
            try instance.write(toFile: folder + "/in.json", atomically: true, encoding: .utf8)
            try await run(["--input", folder + "/in.json", "--output", folder + "/out.json"], app: app)
            let output = try String(contentsOfFile: folder + "/out.json", encoding: .utf8)
            #expect(output == "{\"assignments\":{\"a\":\"aws\",\"b\":\"nvidia\"}}\n")

            try #"{"tracks":[{"id":"t","capacity":-2}],"applicants":[],"rankings":{}}"#.write(toFile: folder + "/bad.json", atomically: true, encoding: .utf8)
            await #expect(throws: RulesFailed.self) { try await run(["--input", folder + "/bad.json"], app: app) }
            try #"{"tracks":[{"id":"t"}],"applicants":[],"rankings":{}}"#.write(toFile: folder + "/bad2.json", atomically: true, encoding: .utf8)
            await #expect(throws: RulesFailed.self) { try await run(["--input", folder + "/bad2.json"], app: app) }
        }
    }
}

@Suite struct RulesEvalCommandTests {
    @Test func bulkEvaluationWritesOneLinePerRequestInOrderWithErrorsInPlace() async throws {
        try await withTeukgu { app in
            let folder = NSTemporaryDirectory() + "eval-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let good = #"{"district":"gangwon-ai-healthcare","asOf":"2025-05-01","facts":{"activity.kind":"remote-care","care.patientGroup":"general"}}"#
            let lines = Array(repeating: good, count: 3000) + ["{not json"] + [good]
            try lines.joined(separator: "\n").write(toFile: folder + "/requests.jsonl", atomically: true, encoding: .utf8)
            var context = CommandContext(console: app.console, input: CommandInput(arguments: ["teukgu", "--rules", app.directory.workingDirectory + "Rules",
                                                                                               "--requests", folder + "/requests.jsonl", "--out", folder + "/out.jsonl"]))
            context.application = app
            try await RulesEvalCommand().run(using: &context)
            let output = try String(contentsOfFile: folder + "/out.jsonl", encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(output.count == lines.count + 1 && output.last == "")
            #expect(output[0] == output[2999] && output[0].contains("\"outcome\":"))
            #expect(output[3000].contains("\"code\":\"malformed_json\""))
            #expect(output[3001] == output[0])
        }
    }
}
