import Foundation
import RegulationEngine
import TeukguCore
import Vapor

/// `teukgu match --input instance.json [--output result.json]`: applicant-proposing deferred
/// acceptance offline. Malformed instances are refused with a message and a non-zero exit.
struct MatchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(
            name: "input",
            help: "The instance: {tracks:[{id,capacity}], applicants:[{id,choices}], rankings:{track:[applicant…]}}")
        var input: String?
        @Option(
            name: "output",
            help: "Where to write {\"assignments\":{applicant: track or null}} (default: standard output)")
        var output: String?
    }

    var help: String { "Matches applicants to tracks (deferred acceptance) from a JSON instance." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let input = signature.input else {
            throw RulesFailed(description: "usage: teukgu match --input instance.json [--output result.json]")
        }
        guard let data = FileManager.default.contents(atPath: input) else {
            throw RulesFailed(description: "cannot read \(input)")
        }
        let instance: MatchingInstance
        do {
            instance = try JSONDecoder().decode(MatchingInstance.self, from: data)
        } catch let error as DecodingError {
            throw RulesFailed(description: "malformed instance: \(DecodingErrorText.describe(error))")
        }
        let matcher: DeferredAcceptance
        do { matcher = try DeferredAcceptance(instance) } catch {
            throw RulesFailed(description: "malformed instance: \(error.description)")
        }
        let text = MatchOutput.json(matcher.run())
        if let output = signature.output {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output))
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

enum MatchOutput {
    /// `{"assignments":{…}}` in the instance's applicant order.
    static func json(_ result: DeferredAcceptance.Result) -> String {
        var out = "{\"assignments\":{"
        out.reserveCapacity(result.assignments.count * 24)
        for (index, entry) in result.assignments.enumerated() {
            if index > 0 { out += "," }
            DecisionJSON.string(entry.applicant, &out)
            out += ":"
            if let track = entry.track { DecisionJSON.string(track, &out) } else { out += "null" }
        }
        return out + "}}\n"
    }
}
