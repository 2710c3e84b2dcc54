import Foundation

/// Evaluates JSON Lines: one request per line in, one decision (or error object) per line out, in order.
public enum BulkEvaluation {
    public struct Output: Sendable {
        public let text: String
        public let count: Int
        public let errors: Int
    }

    public static func run(snapshot: Snapshot, input: Data) -> Output {
        var out = ""
        out.reserveCapacity(input.count * 4)
        var count = 0
        var errors = 0
        let bytes = [UInt8](input)
        var start = 0
        let newline = UInt8(ascii: "\n")
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != newline { end += 1 }
            var lineEnd = end
            if lineEnd > start && bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            count += 1
            if !line(Array(bytes[start..<lineEnd]), snapshot: snapshot, into: &out) { errors += 1 }
            out += "\n"
            start = end + 1
        }
        return Output(text: out, count: count, errors: errors)
    }

    /// Appends one line's answer; returns false when it is an error object.
    static func line(_ bytes: [UInt8], snapshot: Snapshot, into out: inout String) -> Bool {
        let json: JSONValue
        do { json = try JSONValue.parse(bytes: bytes) } catch {
            out += DecisionJSON.error(code: "malformed_json", message: "\(error.message) at byte \(error.offset)")
            return false
        }
        do {
            let request = try RequestDecoding.decode(json)
            let decision = try snapshot.evaluate(request)
            DecisionJSON.write(decision, into: &out)
            return true
        } catch let error as RequestDecodingError {
            out += DecisionJSON.error(code: error.code, message: error.message)
        } catch let error as EvaluationError {
            let (code, message) = error.codeAndMessage
            out += DecisionJSON.error(code: code, message: message)
        } catch {
            out += DecisionJSON.error(code: "evaluation_failed", message: "\(error)")
        }
        return false
    }
}
