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
            let instance =
                #"{"tracks":[{"id":"nvidia","capacity":1},{"id":"aws","capacity":1}],"applicants":[{"id":"a","choices":["nvidia","aws"]},{"id":"b","choices":["nvidia"]}],"rankings":{"nvidia":["b","a"],"aws":["a"]}}"#
            try instance.write(toFile: folder + "/in.json", atomically: true, encoding: .utf8)
            try await run(["--input", folder + "/in.json", "--output", folder + "/out.json"], app: app)
            let output = try String(contentsOfFile: folder + "/out.json", encoding: .utf8)
            #expect(output == "{\"assignments\":{\"a\":\"aws\",\"b\":\"nvidia\"}}\n")

            try #"{"tracks":[{"id":"t","capacity":-2}],"applicants":[],"rankings":{}}"#.write(
                toFile: folder + "/bad.json", atomically: true, encoding: .utf8)
            await #expect(throws: RulesFailed.self) { try await run(["--input", folder + "/bad.json"], app: app) }
            try #"{"tracks":[{"id":"t"}],"applicants":[],"rankings":{}}"#.write(
                toFile: folder + "/bad2.json", atomically: true, encoding: .utf8)
            await #expect(throws: RulesFailed.self) { try await run(["--input", folder + "/bad2.json"], app: app) }
        }
    }
}

@Suite struct RulesEvalCommandTests {
    @Test func bulkEvaluationWritesOneLinePerRequestInOrderWithErrorsInPlace() async throws {
        try await withTeukgu { app in
            let folder = NSTemporaryDirectory() + "eval-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let good =
                #"{"district":"gangwon-ai-healthcare","asOf":"2025-05-01","facts":{"activity.kind":"remote-care","care.patientGroup":"general"}}"#
            let lines = Array(repeating: good, count: 3000) + ["{not json"] + [good]
            try lines.joined(separator: "\n").write(
                toFile: folder + "/requests.jsonl", atomically: true, encoding: .utf8)
            var context = CommandContext(
                console: app.console,
                input: CommandInput(arguments: [
                    "teukgu", "--rules", app.directory.workingDirectory + "Rules",
                    "--requests", folder + "/requests.jsonl", "--out", folder + "/out.jsonl",
                ]))
            context.application = app
            try await RulesEvalCommand().run(using: &context)
            let output = try String(contentsOfFile: folder + "/out.jsonl", encoding: .utf8).split(
                separator: "\n", omittingEmptySubsequences: false)
            #expect(output.count == lines.count + 1 && output.last == "")
            #expect(output[0] == output[2999] && output[0].contains("\"outcome\":"))
            #expect(output[3000].contains("\"code\":\"malformed_json\""))
            #expect(output[3001] == output[0])
        }
    }

    /// A file is mapped; what cannot be mapped (an empty file, a pipe) is read; a missing file is refused.
    @Test func requestsComeFromAFileOrAPipe() throws {
        let folder = NSTemporaryDirectory() + "eval-input-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "{}\n{}\n".write(toFile: folder + "/two.jsonl", atomically: true, encoding: .utf8)
        #expect(RulesEvalCommand.input(folder + "/two.jsonl") == Data("{}\n{}\n".utf8))
        FileManager.default.createFile(atPath: folder + "/empty.jsonl", contents: Data())
        #expect(RulesEvalCommand.input(folder + "/empty.jsonl") == Data())
        #expect(RulesEvalCommand.input(folder + "/missing.jsonl") == nil)
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data("{\"a\":1}\n".utf8))
        try pipe.fileHandleForWriting.close()
        #expect(
            RulesEvalCommand.input("/dev/fd/\(pipe.fileHandleForReading.fileDescriptor)") == Data("{\"a\":1}\n".utf8))
    }
}
