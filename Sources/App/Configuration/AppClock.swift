import Foundation
import TeukguCore
import Vapor

extension Application {
    private struct ClockKey: StorageKey { typealias Value = any TeukguCore.Clock }

    /// "Now" for deadlines and windows; tests replace it to walk a call through its dates.
    var clock: any TeukguCore.Clock {
        get { storage[ClockKey.self] ?? SystemClock() }
        set { storage[ClockKey.self] = newValue }
    }
}

extension Request {
    var now: Date { application.clock.now() }
    var today: CalendarDate { application.clock.today() }
}

extension Duration {
    /// Elapsed seconds, for the figures commands print.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
