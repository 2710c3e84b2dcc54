/// A Korean business registration number (사업자등록번호), `123-45-67890`, with its check digit.
public struct BusinessRegistrationNumber: Hashable, Sendable, CustomStringConvertible {
    /// Ten digits, no separators.
    public let digits: String

    /// Accepts ten digits with or without hyphens, and only when the check digit is right.
    public init?(_ text: String) {
        let raw = text.filter { $0 != "-" }
        guard raw.count == 10, raw.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let values = raw.compactMap { $0.wholeNumberValue }
        guard BusinessRegistrationNumber.checkDigit(for: Array(values.prefix(9))) == values[9] else { return nil }
        digits = raw
    }

    /// The National Tax Service check digit: weights 1,3,7,1,3,7,1,3,5 and the carry of the ninth product.
    public static func checkDigit(for first9: [Int]) -> Int {
        let weights = [1, 3, 7, 1, 3, 7, 1, 3, 5]
        var sum = zip(first9, weights).reduce(0) { $0 + $1.0 * $1.1 }
        sum += (first9[8] * 5) / 10
        return (10 - sum % 10) % 10
    }

    public var description: String {
        let chars = Array(digits)
        return String(chars[0..<3]) + "-" + String(chars[3..<5]) + "-" + String(chars[5...])
    }
}
