import TeukguCore
import Vapor

/// The one place where core errors become HTTP answers with stable codes.
enum DomainErrorMapping {
    static func map(_ error: any Error) -> AppError? {
        switch error {
        case let error as AppError: return error
        case let error as LegalTimeError: return map(error)
        case let error as ParameterError: return map(error)
        case let error as LedgerError: return map(error)
        case let error as MoneyError:
            switch error {
            case .overflow: return AppError(.badRequest, "amount_overflow", "The amount is too large.")
            }
        default: return nil
        }
    }

    static func map(_ error: LedgerError) -> AppError {
        switch error {
        case .invalidAmount:
            AppError(.badRequest, error.code, "An amount is a positive whole number of won.")
        case .moveNotAllowed(let kind, let from, let to):
            AppError(
                .unprocessableEntity, error.code, "A \(kind.rawValue) entry cannot move money from \(from) to \(to).")
        case .insufficientBalance(let account, let available, let requested):
            AppError(
                .conflict, error.code,
                "\(account) holds \(available.grouped) won, less than the \(requested.grouped) won asked for; nothing was recorded.",
                korean: "\(account)의 잔액 \(available.grouped)원이 요청한 \(requested.grouped)원보다 적어 아무것도 기록하지 않았습니다.")
        case .notReversible:
            AppError(.conflict, error.code, "That entry does not exist, is a reversal, or was already reversed.")
        case .overflow:
            AppError(.badRequest, error.code, "The amount is too large.")
        }
    }

    static func map(_ error: LegalTimeError) -> AppError {
        switch error {
        case .holidayTableDoesNotCover(let year):
            AppError(
                .unprocessableEntity, "holiday_table_not_covering",
                "The public-holiday table does not cover \(year), so no deadline reaching it is computed.",
                korean: "공휴일 표가 \(year)년을 다루지 않아 그 해에 이르는 기한은 계산하지 않습니다.")
        case .invertedPause(let from, let to):
            AppError(.badRequest, "pause_inverted", "A pause ends (\(to.iso)) before it starts (\(from.iso)).")
        case .overlappingPauses:
            AppError(.badRequest, "pauses_overlap", "Pauses must not overlap.")
        case .nonPositiveLength:
            AppError(.badRequest, "length_not_positive", "The length must be a positive whole number.")
        case .unsupportedLength(let rule, let unit):
            AppError(.badRequest, "length_unsupported_by_rule", "The rule \(rule) does not count in \(unit).")
        case .tooManyExtensions(let allowed):
            AppError(.unprocessableEntity, "too_many_extensions", "At most \(allowed) extension(s) are allowed.")
        case .extensionTooLong:
            AppError(.unprocessableEntity, "extension_too_long", "The extension is longer than the law allows.")
        case .invalidTime:
            AppError(.badRequest, "invalid_time", "Times are HH:MM between 00:00 and 23:59.")
        case .malformedHolidayLine(let line):
            AppError(.badRequest, "holiday_csv_malformed", "Line \(line) of the holiday table could not be read.")
        case .periodTooLong:
            AppError(.badRequest, "period_too_long", "The period is longer than any the law sets.")
        }
    }

    static func map(_ error: ParameterError) -> AppError {
        switch error {
        case .noVersionInForce(let key, let date):
            AppError(.unprocessableEntity, "parameter_not_in_force", "No version of \(key) is in force on \(date.iso).")
        case .unknownParameter(let key):
            AppError(.notFound, "parameter_unknown", "There is no parameter \(key).")
        case .retroactive(_, let from, let today):
            AppError(
                .unprocessableEntity, "parameter_version_retroactive",
                "A new version may not start (\(from.iso)) before today (\(today.iso)).")
        case .notAfterLatest(_, let latest):
            AppError(
                .unprocessableEntity, "parameter_version_not_after_latest",
                "A new version must start after \(latest.iso).")
        case .unitMismatch(_, let expected, let got):
            AppError(.unprocessableEntity, "parameter_unit_mismatch", "Expected a value in \(expected), got \(got).")
        case .gap(_, let from, let to):
            AppError(.unprocessableEntity, "parameter_version_gap", "No version would cover \(from.iso) to \(to.iso).")
        }
    }
}
