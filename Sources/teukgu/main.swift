import App

// Vapor's command line: `serve` (default), `migrate`, `seed --demo`, `audit verify`, `routes`.
try await TeukguApplication.run()
