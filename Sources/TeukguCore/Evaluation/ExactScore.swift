/// A score held exactly: a sum of weighted totals in ten-thousandths of a point over a number of
/// evaluators. Means, ties and pass marks are compared by cross-multiplying whole numbers, never as
/// binary floating point, so 80.00 ≥ 80 is always true and two equal means are always a tie.
public struct ExactScore: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// Ten-thousandths of a point per point.
    public static let scale: Int64 = 10_000

    /// Sum of the evaluators' weighted totals, in ten-thousandths of a point.
    public let sum: Int64
    /// How many totals were summed (at least 1).
    public let count: Int64

    public init(sum: Int64, count: Int64) {
        precondition(count > 0, "a score needs at least one evaluator")
        self.sum = sum
        self.count = count
    }

    /// A whole-point value such as a pass mark.
    public init(points: Double) {
        self.init(sum: Int64((points * Double(Self.scale)).rounded()), count: 1)
    }

    /// A score entered for one criterion, kept to hundredths of a point (82.456 is 82.46).
    public static func hundredths(_ score: Double) -> Int64 { Int64((score * 100).rounded()) }

    public static func < (a: ExactScore, b: ExactScore) -> Bool { a.sum * b.count < b.sum * a.count }

    public static func == (a: ExactScore, b: ExactScore) -> Bool { a.sum * b.count == b.sum * a.count }

    public func hash(into hasher: inout Hasher) {
        // Equal values hash alike: reduce the fraction first.
        let divisor = Self.gcd(abs(sum), count)
        hasher.combine(sum / divisor)
        hasher.combine(count / divisor)
    }

    /// The value rounded half up to hundredths, for display and stored results.
    public var hundredthsValue: Double {
        let hundredthsTimesCount = sum * 100 / Self.scale  // exact: scale is a multiple of 100
        let doubled = 2 * hundredthsTimesCount + (hundredthsTimesCount >= 0 ? count : -count)
        return Double(doubled / (2 * count)) / 100
    }

    public var description: String { String(hundredthsValue) }

    private static func gcd(_ a: Int64, _ b: Int64) -> Int64 { b == 0 ? max(a, 1) : gcd(b, a % b) }
}
