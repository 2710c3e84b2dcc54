import Foundation

/// Evaluates JSON Lines: one request per line in, one decision (or error object) per line out, in order.
public enum BulkEvaluation {
    public struct Output: Sendable {
        /// The output lines, UTF-8.
        public let bytes: [UInt8]
        public let count: Int
        public let errors: Int

        public var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    public static func run(snapshot: Snapshot, input: Data) -> Output {
        var out = JSONWriter(capacity: input.count * 12)
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
            out.raw("\n")
            start = end + 1
        }
        return Output(bytes: out.bytes, count: count, errors: errors)
    }

    /// Appends one line's answer; returns false when it is an error object.
    static func line(_ bytes: [UInt8], snapshot: Snapshot, into out: inout JSONWriter) -> Bool {
        let json: JSONValue
        do { json = try JSONValue.parse(bytes: bytes) } catch {
            DecisionJSON.writeError(code: "malformed_json", message: "\(error.message) at byte \(error.offset)", into: &out)
            return false
        }
        let request: EvaluationRequest
        do { request = try RequestDecoding.decode(json) } catch {
            DecisionJSON.writeError(code: error.code, message: error.message, into: &out)
            return false
        }
        do {
            DecisionJSON.write(try snapshot.evaluate(request), into: &out)
            return true
        } catch {
            let (code, message) = error.codeAndMessage
            DecisionJSON.writeError(code: code, message: message, into: &out)
            return false
        }
    }
}
