import Foundation

/// The deadline calculator: the form (as typed), and the clock it computed, step by step with the
/// rule and citation behind each step.
struct DeadlinePage: Encodable {
    let form: LegalTimeController.DeadlineForm
    let action: String
    let clock: ClockView?
    let error: String?
}
