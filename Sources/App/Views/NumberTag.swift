import Foundation
import Leaf

/// `#number(x)`: a number as a person writes it, with thousands separators and no trailing `.0`
/// (a KPI target of 30 reads "30", not "30.0"; 1500000 reads "1,500,000").
struct NumberTag: LeafTag {
    func render(_ context: LeafContext) throws -> LeafData {
        guard let value = context.parameters.first else { return .string("") }
        if let int = value.int { return .string(Self.text(Double(int))) }
        if let double = value.double { return .string(Self.text(double)) }
        return .string(value.string ?? "")
    }

    static func text(_ value: Double) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.maximumFractionDigits = 3
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.usesGroupingSeparator = true
        formatter.groupingSeparator = ","
        formatter.groupingSize = 3
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }
}
