import Foundation
import Vapor

/// `teukgu error-codes <file>…`: turns the refusals a recorded test run saw (tab-separated lines
/// of endpoint key, status and code, from `TEUKGU_RECORD_ERROR_CODES`) into the Swift table the
/// API document lists each operation's own codes from. `scripts/record-error-codes.sh` runs it.
struct ErrorCodesCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "files", help: "Recorded refusals, comma-separated paths")
        var files: String
    }

    var help: String { "Writes APIErrorCodesByRoute.swift from recorded refusals." }

    func run(using context: CommandContext, signature: Signature) async throws {
        var table: [String: [Int: Set<String>]] = [:]
        for path in signature.files.split(separator: ",") {
            let text = try String(contentsOfFile: String(path), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: "\t").map(String.init)
                guard parts.count == 3, let endpoint = Endpoints.byKey[parts[0]], endpoint.isAPI,
                    let status = Int(parts[1]),
                    (400..<500).contains(status)
                else { continue }
                if APIErrorCodes.common(for: endpoint)[status]?.contains(parts[2]) == true { continue }
                table[endpoint.key, default: [:]][status, default: []].insert(parts[2])
            }
        }
        var out = """
            // Written by `scripts/record-error-codes.sh` from the refusals the test suite saw; do not edit.
            // An operation's codes beyond those every operation of its kind answers (`APIErrorCodes`).
            enum APIErrorCodesByRoute {
                static let table: [String: [Int: Set<String>]] = [

            """
        for key in table.keys.sorted() {
            let statuses = table[key]!.keys.sorted().map { status in
                "\(status): [" + table[key]![status]!.sorted().map { "\"\($0)\"" }.joined(separator: ", ") + "]"
            }
            out += "        \"\(key)\": [\(statuses.joined(separator: ", "))],\n"
        }
        out += "    ]\n}\n"
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
