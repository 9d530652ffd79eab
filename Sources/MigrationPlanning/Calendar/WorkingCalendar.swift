/// Which days municipal staff work: weekdays that are neither a public
/// holiday (祝日, 振替休日, 国民の休日) nor in the New Year closure.
///
/// Built from the catalog's calendar data. Scheduling works in working-day
/// indices from an origin; this type converts both ways.
public struct WorkingCalendar: Sendable {
  /// Holidays by day number, with their names.
  public let holidays: [Int: String]
  /// The New Year closure as (month, day) ranges, e.g. 12/29–12/31 and 1/1–1/3.
  public let closures: [MonthDayRange]
  /// The range of years the holiday data covers; outside it only weekends and
  /// closures are known.
  public let coveredYears: ClosedRange<Int>

  /// A calendar of the given public holidays and closures (the New Year
  /// closure), whose holiday data covers `coveredYears`.
  public init(
    holidays: [CivilDate: String], closures: [MonthDayRange], coveredYears: ClosedRange<Int>
  ) {
    var byNumber: [Int: String] = [:]
    for (date, name) in holidays { byNumber[date.dayNumber] = name }
    self.holidays = byNumber
    self.closures = closures
    self.coveredYears = coveredYears
  }

  /// Whether `date` is a working day: not a weekend, a holiday or a day of a
  /// closure.
  public func isWorkingDay(_ date: CivilDate) -> Bool {
    if date.isWeekend { return false }
    if holidays[date.dayNumber] != nil { return false }
    return !closures.contains { $0.contains(date) }
  }

  /// The first working day on or after `date`.
  public func workingDay(onOrAfter date: CivilDate) -> CivilDate {
    var day = date
    while !isWorkingDay(day) { day = day.adding(days: 1) }
    return day
  }

  /// The last working day on or before `date`.
  public func workingDay(onOrBefore date: CivilDate) -> CivilDate {
    var day = date
    while !isWorkingDay(day) { day = day.adding(days: -1) }
    return day
  }

  /// An index of working days from `origin` (the first working day on or
  /// after it has index 0), covering `count` working days.
  public func index(from origin: CivilDate, count: Int) -> WorkingDayIndex {
    var dates: [Int] = []
    dates.reserveCapacity(count)
    var day = origin.dayNumber
    while dates.count < count {
      if isWorkingDay(CivilDate(dayNumber: day)) { dates.append(day) }
      day += 1
    }
    return WorkingDayIndex(dayNumbers: dates)
  }
}

/// A recurring range of days in the year, such as 12/29–1/3 or 1/1–6/30;
/// it may wrap over the year's end.
public struct MonthDayRange: Hashable, Sendable, CustomStringConvertible {
  /// The first month of the range (1–12).
  public var fromMonth: Int
  /// The first day of the range.
  public var fromDay: Int
  /// The last month of the range (before `fromMonth` when it runs over the
  /// year's end).
  public var toMonth: Int
  /// The last day of the range (inclusive).
  public var toDay: Int

  /// A range from `fromMonth`-`fromDay` to `toMonth`-`toDay`, both inclusive.
  public init(fromMonth: Int, fromDay: Int, toMonth: Int, toDay: Int) {
    self.fromMonth = fromMonth
    self.fromDay = fromDay
    self.toMonth = toMonth
    self.toDay = toDay
  }

  /// Parses `MM-DD`.
  public static func parseMonthDay(_ text: String) -> (Int, Int)? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
      let month = Int(parts[0]), let day = Int(parts[1]), (1...12).contains(month),
      day >= 1, day <= CivilDate.daysIn(month: month, year: 2000)
    else { return nil }
    return (month, day)
  }

  /// Whether `date` falls in the range, in any year.
  public func contains(_ date: CivilDate) -> Bool {
    let key = date.month * 100 + date.day
    let from = fromMonth * 100 + fromDay
    let to = toMonth * 100 + toDay
    return from <= to ? (from <= key && key <= to) : (key >= from || key <= to)
  }

  /// `1/1–6/30`
  public var description: String { "\(fromMonth)/\(fromDay)–\(toMonth)/\(toDay)" }
}

/// Working days numbered from an origin: index ↔ date.
public struct WorkingDayIndex: Sendable {
  /// Day numbers (days since 1970-01-01) of working days, ascending.
  public let dayNumbers: [Int]

  /// The number of working days indexed.
  public var count: Int { dayNumbers.count }

  /// The working day at `index` (0 is the first).
  public func date(_ index: Int) -> CivilDate {
    if index < dayNumbers.count { return CivilDate(dayNumber: dayNumbers[max(index, 0)]) }
    // Past the index: keep counting weekdays approximately (never reached by
    // schedules, which size their index to the horizon).
    let last = dayNumbers.last ?? 0
    return CivilDate(dayNumber: last + (index - dayNumbers.count + 1) * 7 / 5)
  }

  /// The index of the first working day on or after `date` (count when past the end).
  public func index(onOrAfter date: CivilDate) -> Int {
    let target = date.dayNumber
    var low = 0
    var high = dayNumbers.count
    while low < high {
      let mid = (low + high) / 2
      if dayNumbers[mid] < target { low = mid + 1 } else { high = mid }
    }
    return low
  }
}
