import App
import Foundation

// Vapor's command line: `serve` (default), `migrate`, `seed --demo`, `audit verify`, `rules …`, `routes`.
// A failing command has already reported its error; leave with a non-zero status, not a crash.
do {
    try await TeukguApplication.run()
} catch {
    exit(1)
}
