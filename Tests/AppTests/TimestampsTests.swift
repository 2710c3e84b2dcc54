import Foundation
import Testing

@testable import App

/// Instants shown by the API read as ISO 8601 with the Seoul offset, exactly as Foundation's
/// formatter writes them, and parse back to the same second; a fraction of a second is dropped. (From 1990: Seoul kept daylight saving
/// in 1987–88, and the app shows no instants from before it existed.)
@Suite struct TimestampsTests {
    @Test func instantsReadAsFoundationsIso8601InSeoul() throws {
        let reference = ISO8601DateFormatter()
        reference.timeZone = TimeZone(identifier: "Asia/Seoul")
        var instants = [
            631_152_000, 631_151_999, 631_238_399, 951_782_400, 1_709_164_799, 1_798_732_799, 1_798_732_800,
        ]
        .map { Date(timeIntervalSince1970: TimeInterval($0)) }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            instants.append(
                Date(
                    timeIntervalSince1970: TimeInterval(Int.random(in: 631_152_000...4_102_444_800, using: &generator)))
            )
        }
        for instant in instants {
            let text = try #require(Timestamps.text(instant))
            #expect(text == reference.string(from: instant))
            #expect(Timestamps.parse(text) == Date(timeIntervalSince1970: floor(instant.timeIntervalSince1970)))
        }
        // A fraction of a second is dropped, never rounded into the next second.
        #expect(Timestamps.text(Date(timeIntervalSince1970: 1_798_729_199.9)) == "2026-12-31T23:59:59+09:00")
        #expect(Timestamps.text(nil) == nil)
    }
}
