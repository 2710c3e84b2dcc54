import NIOPosix
import Vapor

/// SQLite runs each query on a blocking thread pool, and SQLiteNIO retries a locked database by
/// spinning on that thread until the lock is free. On the process-wide pool (one thread per core,
/// two here) two waiting queries could hold every thread while the connection holding the lock
/// waited for a thread to run its COMMIT on: a deadlock at full CPU, which hung a CI run. An
/// application pool with more threads than the connections that can ever wait on one another (one
/// per event loop) always leaves the holder a thread. Vapor shuts the pool down with the app.
enum SQLiteThreads {
    static func giveTheApplicationItsOwnPool(_ app: Application) {
        let connections = System.coreCount
        app.threadPool = NIOThreadPool(numberOfThreads: max(4, connections * 2 + 2))
    }
}
