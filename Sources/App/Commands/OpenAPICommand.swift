import Foundation
import Vapor

/// `teukgu openapi`: prints the served OpenAPI document, for clients to generate code from (the
/// API client tests keep a copy that must equal it).
struct OpenAPICommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Prints the OpenAPI 3.1 document the server serves at /api/v1/openapi.json." }

    func run(using context: CommandContext, signature: Signature) async throws {
        FileHandle.standardOutput.write(OpenAPIDocument.json)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}
