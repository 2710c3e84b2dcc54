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

    /// Evaluates everything and returns the output in memory (tests, small files).
    public static func run(snapshot: Snapshot, input: Data) -> Output {
        var collected: [UInt8] = []
        let summary = run(snapshot: snapshot, input: input) { collected.append(contentsOf: $0) }
        return Output(bytes: collected, count: summary.count, errors: summary.errors)
    }

    /// Evaluates line by line, handing the output to `sink` in chunks of about a megabyte, so
    /// memory stays flat however large the output is. The input is read in place: give it a
    /// memory-mapped `Data` and a file of any size costs no more than its pages in use.
    @discardableResult
    public static func run(snapshot: Snapshot, input: Data, sink: ([UInt8]) -> Void) -> (count: Int, errors: Int) {
        input.withUnsafeBytes { raw in
            run(snapshot: snapshot, bytes: raw.bindMemory(to: UInt8.self), sink: sink)
        }
    }

    static func run(
        snapshot: Snapshot, bytes: UnsafeBufferPointer<UInt8>, sink: ([UInt8]) -> Void
    ) -> (count: Int, errors: Int) {
        let chunk = 1 << 20
        var out = JSONWriter(capacity: chunk + 64 * 1024)
        var count = 0
        var errors = 0
        let scratch = EvaluationScratch()
        var start = 0
        let newline = UInt8(ascii: "\n")
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != newline { end += 1 }
            var lineEnd = end
            if lineEnd > start && bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            count += 1
            if !line(
                UnsafeBufferPointer(rebasing: bytes[start..<lineEnd]), snapshot: snapshot, scratch: scratch, into: &out)
            {
                errors += 1
            }
            out.raw("\n")
            if out.bytes.count >= chunk {
                sink(out.bytes)
                out.bytes.removeAll(keepingCapacity: true)
            }
            start = end + 1
        }
        if !out.bytes.isEmpty { sink(out.bytes) }
        return (count, errors)
    }

    /// Evaluates one request given as JSON text, reading the common shape straight from its bytes.
    public static func evaluate(json text: String, snapshot: Snapshot) throws -> Decision {
        let bytes = Array(text.utf8)
        if let fast = bytes.withUnsafeBufferPointer(FastRequestReader.read), let district = fast.district,
            let asOf = fast.asOf
        {
            return try snapshot.evaluate(district: district, asOf: asOf, facts: fast.facts, company: fast.company)
        }
        return try snapshot.evaluate(try RequestDecoding.decode(text))
    }

    /// Appends one line's answer; returns false when it is an error object.
    static func line(
        _ bytes: UnsafeBufferPointer<UInt8>, snapshot: Snapshot, scratch: EvaluationScratch, into out: inout JSONWriter
    ) -> Bool {
        if let fast = FastRequestReader.read(bytes), let district = fast.district, let asOf = fast.asOf {
            do {
                try snapshot.write(
                    district: district, asOf: asOf, facts: fast.facts, company: fast.company, scratch: scratch,
                    into: &out)
                return true
            } catch {
                let (code, message) = error.codeAndMessage
                DecisionJSON.writeError(code: code, message: message, into: &out)
                return false
            }
        }
        let json: JSONValue
        do { json = try JSONValue.parse(bytes: Array(bytes)) } catch {
            DecisionJSON.writeError(
                code: "malformed_json", message: "\(error.message) at byte \(error.offset)", into: &out)
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
