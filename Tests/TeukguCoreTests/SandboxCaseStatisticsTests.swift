import Testing

@testable import TeukguCore

@Suite struct SandboxCaseStatisticsTests {
    func day(_ text: String) throws -> CalendarDate { try #require(CalendarDate(iso: text)) }

    @Test func medianIsTheMiddleOrTheMeanOfTheMiddleTwo() {
        #expect(OpenDataStatistics.median([]) == nil)
        #expect(OpenDataStatistics.median([7]) == 7)
        #expect(OpenDataStatistics.median([30, 10, 20]) == 20)
        #expect(OpenDataStatistics.median([10, 40, 20, 30]) == 25)
        #expect(OpenDataStatistics.median([1, 2]) == 1.5)
    }

    @Test func casesAreCountedByTypeAndOutcomeWithDeemedAnswers() throws {
        let filed = try day("2026-03-02")
        let cases: [SandboxCaseStatistics.Case] = [
            .init(kind: .rapidConfirmation, status: .underReview, filedOn: filed, answeredOn: nil),
            .init(kind: .rapidConfirmation, status: .noPermitNeeded, filedOn: filed, answeredOn: try day("2026-03-12")),
            .init(kind: .rapidConfirmation, status: .noPermitNeeded, filedOn: filed, answeredOn: try day("2026-03-22")),
            .init(
                kind: .rapidConfirmation, status: .deemedNoPermitNeeded, filedOn: filed,
                answeredOn: try day("2026-04-01")),
            .init(kind: .temporaryPermit, status: .inUse, filedOn: filed, answeredOn: try day("2026-05-01")),
            .init(kind: .temporaryPermit, status: .granted, filedOn: filed, answeredOn: try day("2026-04-01")),
        ]
        let statistics = SandboxCaseStatistics(cases)
        #expect(statistics.groups.map(\.outcome) == [.open, .noPermitNeeded, .deemedNoPermitNeeded, .granted])
        let answered = try #require(statistics.groups.first { $0.outcome == .noPermitNeeded })
        #expect(answered.cases == 2 && answered.answered == 2 && answered.medianDaysToAnswer == 15)
        let deemed = try #require(statistics.groups.first { $0.outcome == .deemedNoPermitNeeded })
        #expect(deemed.deemed == 1 && deemed.medianDaysToAnswer == 30)
        // In use is still a grant: one group of two.
        let granted = try #require(statistics.groups.first { $0.kind == .temporaryPermit })
        #expect(granted.cases == 2 && granted.medianDaysToAnswer == 45)
        #expect(statistics.medianDaysToAnswer(of: .rapidConfirmation) == 20)
        #expect(statistics.medianDaysToAnswer(of: .demonstrationExemption) == nil)
        #expect(statistics.total(of: .rapidConfirmation) == 4)
    }

    @Test func csvCellsKeepNumbersPlain() throws {
        var table = OpenDataTable(columns: [
            .init("a", .integer, "가", "A"), .init("b", .number, "나", "B", optional: true),
        ])
        table.append([.integer(200_000_000), .number(12.5)])
        table.append([.integer(1), .null])
        #expect(table.csvRows == [["a", "b"], ["200000000", "12.5"], ["1", ""]])
        #expect(OpenDataValue.number(941).csvText == "941")
    }
}
