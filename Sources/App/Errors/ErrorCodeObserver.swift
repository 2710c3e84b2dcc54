import NIOConcurrencyHelpers
import Vapor

/// Told of every refusal a route answers, with the route's endpoint key, the status and the stable
/// code. Tests install one to hold the API document to the codes handlers really answer with;
/// `TEUKGU_RECORD_ERROR_CODES` makes the server write them to a file instead.
struct ErrorCodeObserver: Sendable {
    let observe: @Sendable (_ endpointKey: String, _ status: Int, _ code: String) -> Void

    /// Appends one tab-separated line per refusal to the file at `path`.
    static func appending(to path: String) -> ErrorCodeObserver {
        let lock = NIOLock()
        return ErrorCodeObserver { key, status, code in
            lock.withLock {
                let line = Data("\(key)\t\(status)\t\(code)\n".utf8)
                if let handle = FileHandle(forWritingAtPath: path) {
                    handle.seekToEndOfFile()
                    handle.write(line)
                    try? handle.close()
                } else {
                    FileManager.default.createFile(atPath: path, contents: line)
                }
            }
        }
    }
}

extension Application {
    private struct ErrorCodeObserverKey: StorageKey { typealias Value = ErrorCodeObserver }

    var errorCodeObserver: ErrorCodeObserver? {
        get { storage[ErrorCodeObserverKey.self] }
        set { storage[ErrorCodeObserverKey.self] = newValue }
    }
}
