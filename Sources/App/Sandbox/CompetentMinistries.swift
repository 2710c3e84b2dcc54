import Fluent
import Foundation
import TeukguCore

/// The competent ministries a case is sent to (arts. 85(3), 86(3), 90(3)) and each one's answer,
/// which the ministry records as it arrives. For a rapid confirmation the answers decide the
/// outcome: when they agree, the ministry confirms what they say; when they conflict, the case goes
/// to the committee (art. 85(7)), so a confirmation that overrides one of them is refused.
struct CompetentMinistry: Codable, Equatable, Sendable {
    let name: String
    var answer: Answer?
    var answeredOn: String?
    var note: String?

    enum Answer: String, Codable, Sendable, CaseIterable {
        /// Rapid confirmation: the activity needs no permit, or it needs one (art. 85(3)).
        case noPermitNeeded = "no-permit-needed"
        case permitNeeded = "permit-needed"
        /// Exemptions and permits: the ministry's review agrees, or objects (arts. 86(3), 90(4)).
        case agree
        case object

        func fits(_ kind: SandboxCaseKind) -> Bool {
            switch self {
            case .noPermitNeeded, .permitNeeded: kind == .rapidConfirmation
            case .agree, .object: kind != .rapidConfirmation
            }
        }
    }
}

enum CompetentMinistries {
    static func decode(_ record: SandboxCaseRecord) -> [CompetentMinistry] {
        record.ministriesJSON.flatMap { try? JSONColumn.decode([CompetentMinistry].self, $0) } ?? []
    }

    /// The ministries named on notification: 1–10 names of up to 100 characters, no repeats.
    static func named(_ names: [String]?) throws -> [CompetentMinistry] {
        let cleaned = (names ?? []).map(\.trimmed).filter { !$0.isEmpty }
        guard cleaned.count <= 10, cleaned.allSatisfy({ $0.count <= 100 }), Set(cleaned).count == cleaned.count else {
            throw AppError.invalid(
                "invalid_ministries", "Name up to 10 competent ministries, each once, in up to 100 characters.")
        }
        return cleaned.map { CompetentMinistry(name: $0) }
    }

    /// Records one ministry's answer; refuses a ministry the case was not sent to, an answer that
    /// does not fit the instrument, and a second answer from the same ministry.
    static func record(
        _ input: SandboxEventInput, on record: SandboxCaseRecord, note: String, today: CalendarDate
    ) throws {
        var ministries = decode(record)
        guard let name = input.ministry?.trimmed, let index = ministries.firstIndex(where: { $0.name == name }) else {
            throw AppError.invalid(
                "unknown_ministry",
                "Name one of the ministries the case was sent to: "
                    + decode(record).map(\.name).joined(separator: ", "))
        }
        guard let answer = input.answer.flatMap(CompetentMinistry.Answer.init(rawValue:)), answer.fits(record.kind)
        else {
            let allowed = CompetentMinistry.Answer.allCases.filter { $0.fits(record.kind) }.map(\.rawValue)
            throw AppError.invalid("invalid_answer", "The answer is one of: " + allowed.joined(separator: ", ") + ".")
        }
        guard ministries[index].answer == nil else {
            throw AppError.conflict("ministry_already_answered", "\(name) has answered already.")
        }
        ministries[index].answer = answer
        ministries[index].answeredOn = today.iso
        ministries[index].note = note.isEmpty ? nil : note
        record.ministriesJSON = try JSONColumn.encode(ministries)
    }

    /// Whether the answers on file disagree, which sends a rapid confirmation to the committee.
    static func conflict(_ record: SandboxCaseRecord) -> Bool {
        Set(decode(record).compactMap(\.answer)).count > 1
    }

    /// A rapid confirmation's answer must say what the ministries said: refused when they conflict
    /// (the committee decides) or when it contradicts an answer on file.
    static func checkConfirmation(_ event: SandboxCaseStatus.Event, on record: SandboxCaseRecord) throws {
        let answers = Set(decode(record).compactMap(\.answer))
        guard !answers.isEmpty, record.status == .underReview else { return }
        if answers.count > 1 {
            throw AppError.conflict(
                "answers_conflict",
                "The competent ministries' answers conflict: refer the case to the committee (art. 85(7)).")
        }
        let wanted: CompetentMinistry.Answer = event == .confirmNoPermitNeeded ? .noPermitNeeded : .permitNeeded
        guard answers == [wanted] else {
            throw AppError.conflict(
                "answer_contradicts_ministries", "The confirmation must say what the competent ministries answered.")
        }
    }
}
