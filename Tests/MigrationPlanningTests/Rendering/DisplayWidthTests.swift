import Testing

@testable import MigrationPlanning

@Suite struct DisplayWidthTests {
  @Test(arguments: [
    ("abc", 3), ("住民記録", 8), ("富士通Japan", 11), ("ｶﾅ", 2), ("ＡＢ", 4), ("戸籍の附票", 10),
    ("○△", 2), ("█▓░", 3), ("R7年度", 6), ("が", 2), ("\u{304B}\u{3099}", 2), ("", 0),
  ])
  func widths(text: String, width: Int) {
    #expect(DisplayWidth.of(text) == width)
  }

  @Test func padAndTruncateByColumns() {
    #expect(DisplayWidth.pad("住民", to: 6) == "住民  ")
    #expect(DisplayWidth.pad("12", to: 4, alignRight: true) == "  12")
    #expect(DisplayWidth.truncate("後期高齢者医療保険システム", to: 10) == "後期高齢…")
    #expect(DisplayWidth.of(DisplayWidth.truncate("後期高齢者医療保険システム", to: 10)) <= 10)
    #expect(DisplayWidth.pad("後期高齢者医療保険システム", to: 11).count == 6)
  }

  @Test func tableColumnsAlignWithJapaneseText() {
    let table = TextTable(
      header: ["システム", "n"], rows: [["住民記録システム", "1"], ["abc", "22"]], rightAligned: [1])
    let lines = table.rendered().split(separator: "\n")
    #expect(lines.count == 4)
    #expect(lines[2] == "住民記録システム   1")
    #expect(lines[3] == "abc               22")
  }
}

@Suite struct CalendarTests {
  @Test func fiscalYearAndReiwa() {
    #expect(day(2026, 3, 31).fiscalYear == FiscalYear(2025))
    #expect(day(2025, 4, 1).fiscalYear == FiscalYear(2025))
    #expect(FiscalYear(2025).japaneseLabel == "R7年度")
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
