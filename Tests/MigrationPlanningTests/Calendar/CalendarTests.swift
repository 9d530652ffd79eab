import Testing

@testable import MigrationPlanning

@Suite struct CalendarTests {
  @Test func fiscalYearAndReiwa() {
    #expect(day(2026, 3, 31).fiscalYear == FiscalYear(2025))
    #expect(day(2025, 4, 1).fiscalYear == FiscalYear(2025))
    #expect(FiscalYear(2025).japaneseLabel == "R7年度")
    #expect(FiscalYear(2018).japaneseLabel == "H30年度")
    #expect(FiscalYear(1988).japaneseLabel == "FY1988")
    #expect(FiscalYear(2025).fullJapaneseLabel == "令和7年度")
    #expect(FiscalYear(2019).fullJapaneseLabel == "令和元年度")
    #expect(FiscalYear(2025).lastDay == day(2026, 3, 31))
  }

  @Test func dayNumbersRoundTrip() {
    for number in stride(from: -1000, to: 30000, by: 37) {
      #expect(CivilDate(dayNumber: number).dayNumber == number)
    }
    #expect(day(1970, 1, 1).dayNumber == 0)
    #expect(day(2024, 2, 29).weekday == 4)
    #expect(CivilDate(iso: "2025-02-29") == nil)
    #expect(CivilDate(iso: "2024-2-01") == nil)
  }

  @Test func workingDaysSkipHolidaysAndTheNewYearClosure() {
    let calendar = Shipped.catalog.calendar
    #expect(!calendar.isWorkingDay(day(2024, 12, 30)))
    #expect(!calendar.isWorkingDay(day(2025, 1, 3)))
    #expect(calendar.isWorkingDay(day(2025, 1, 6)))
    #expect(!calendar.isWorkingDay(day(2024, 9, 23)))  // 振替休日
    #expect(!calendar.isWorkingDay(day(2026, 9, 22)))  // 国民の休日
    #expect(calendar.workingDay(onOrAfter: day(2025, 12, 27)) == day(2026, 1, 5))
    #expect(calendar.holidays[day(2024, 2, 12).dayNumber] == "振替休日")
  }
}
