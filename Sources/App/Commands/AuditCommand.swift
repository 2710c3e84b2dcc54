import Vapor

/// `teukgu audit verify`: walks the hash chain and names the first broken row.
struct AuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "verify")
        var action: String
    }

    var help: String { "Audit log tools: `audit verify` checks the SHA-256 chain." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "verify" else {
            throw AppError.invalid("unknown_action", "Use: teukgu audit verify")
        }
        let result = try await AuditLog.verify(on: context.application.db)
        if result.intact {
            context.console.print("Audit chain intact: \(result.entriesChecked) entries verified.")
        } else {
            context.console.error(
                "Audit chain broken at row \(result.firstBrokenSequence ?? 0): \(result.problem ?? "")")
            throw AuditChainBroken(sequence: result.firstBrokenSequence ?? 0)
        }
    }
}

struct AuditChainBroken: Error, CustomStringConvertible {
    let sequence: Int
    var description: String { "audit chain broken at row \(sequence)" }
}
