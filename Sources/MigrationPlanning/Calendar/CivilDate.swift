/// A calendar date with no time and no time zone: the unit of every plan.
///
/// Arithmetic goes through a day number (days since 1970-01-01), using Howard
/// Hinnant's `days_from_civil` algorithm, so the result never depends on the
/// machine's locale or time zone.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The year (1–9999).
  public let year: Int
  /// The month, 1 (January) to 12.
  public let month: Int
  /// The day of the month, from 1.
  public let day: Int

  /// Creates a date, or nil when it does not exist (2025-02-29).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year),
      (1...9999).contains(year)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// A date the source names as a constant, which exists (1970-01-01 if
  /// it did not, which a test would show).
  static func known(year: Int, month: Int, day: Int) -> CivilDate {
    CivilDate(year: year, month: month, day: day) ?? CivilDate(dayNumber: 0)
  }

  /// The days migplan accepts from any input (an option, plan.xml, a
  /// table or a sheet): 2000-01-01 to 2099-12-31, so that a typed year
  /// (`9999`) is refused where it is typed, never carried into outputs.
  public static let supported: ClosedRange<CivilDate> =
    CivilDate(dayNumber: 10_957)...CivilDate(dayNumber: 47_481)

  /// Whether the date is within `supported`.
  public var isSupported: Bool { Self.supported.contains(self) }

  /// Says why a date outside `supported` is refused.
  public static var supportedText: String {
    "dates run from \(supported.lowerBound.iso) to \(supported.upperBound.iso)"
  }

  /// Parses ISO 8601 `YYYY-MM-DD`, exactly that shape.
  public init?(iso text: String) {
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
      return nil
    }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for byte in bytes[range] {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return value
    }
    guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// Parses ISO 8601 `YYYY-MM-DD` from a NUL-terminated byte string.
  public init?(isoBytes pointer: UnsafePointer<UInt8>) {
    var bytes: [UInt8] = []
    var cursor = pointer
    while cursor.pointee != 0 && bytes.count <= 10 {
      bytes.append(cursor.pointee)
      cursor += 1
    }
    guard bytes.count == 10 else { return nil }
    self.init(iso: String(decoding: bytes, as: UTF8.self))
  }

  /// The date `dayNumber` days after 1970-01-01.
  public init(dayNumber: Int) {
    let z = dayNumber + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
    self.year = y
    self.month = m
    self.day = d
  }

  /// Days since 1970-01-01.
  public var dayNumber: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// 0 = Sunday … 6 = Saturday.
  public var weekday: Int {
    let n = (dayNumber + 4) % 7
    return n < 0 ? n + 7 : n
  }

  /// Whether the date is a Saturday or a Sunday.
  public var isWeekend: Bool { weekday == 0 || weekday == 6 }

  /// The date `days` days later (earlier when negative).
  public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

  /// Calendar days from `self` to `other` (negative when `other` is earlier).
  public func days(to other: CivilDate) -> Int { other.dayNumber - dayNumber }

  /// `YYYY-MM-DD`.
  public var description: String { iso }

  /// `YYYY-MM-DD`.
  public var iso: String {
    func pad(_ value: Int, _ width: Int) -> String {
      let text = String(value)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  /// Earlier dates first.
  public static func < (a: CivilDate, b: CivilDate) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  /// The number of days of `month` in `year` (Gregorian leap years).
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// The Japanese fiscal year (April–March) the date falls in, named by the
  /// calendar year it starts in: 2026-03-31 is in FY2025.
  public var fiscalYear: FiscalYear { FiscalYear(month >= 4 ? year : year - 1) }
}

/// A Japanese fiscal year, 1 April to 31 March, named by its starting year.
public struct FiscalYear: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The calendar year of the fiscal year's April (FY2025 = R7 starts in 2025).
  public let startYear: Int

  /// The fiscal year that starts on 1 April of `startYear`.
  public init(_ startYear: Int) { self.startYear = startYear }

  /// 1 April of the fiscal year.
  public var firstDay: CivilDate { CivilDate(dayNumber: Self.april1(startYear)) }
  /// 31 March of the next calendar year.
  public var lastDay: CivilDate { CivilDate(dayNumber: Self.april1(startYear + 1) - 1) }

  /// The following fiscal year.
  public var next: FiscalYear { FiscalYear(startYear + 1) }

  /// The Reiwa year number of the fiscal year (FY2025 = R7). Fiscal years
  /// before FY2019 have none (Heisei); FY2019 is named R1 as the government does.
  public var reiwa: Int? { startYear >= 2019 ? startYear - 2018 : nil }

  /// `R7年度`, `H30年度` under Heisei, `FY1988` before.
  public var japaneseLabel: String {
    if let reiwa { return "R\(reiwa)年度" }
    // 平成 fiscal years (FY2018, the cost target's reference, is H30年度).
    if (1989...2018).contains(startYear) { return "H\(startYear - 1988)年度" }
    return "FY\(startYear)"
  }

  /// `R7`, `H30`, `FY1988`: the shortest label, for a narrow column.
  public var shortLabel: String {
    if let reiwa { return "R\(reiwa)" }
    if (1989...2018).contains(startYear) { return "H\(startYear - 1988)" }
    return description
  }

  /// `令和7年度`.
  public var fullJapaneseLabel: String {
    if let reiwa { return "令和\(reiwa == 1 ? "元" : String(reiwa))年度" }
    return "平成\(startYear - 1988)年度"
  }

  /// `FY2025`.
  public var description: String { "FY\(startYear)" }

  /// Earlier fiscal years first.
  public static func < (a: FiscalYear, b: FiscalYear) -> Bool { a.startYear < b.startYear }

  private static func april1(_ year: Int) -> Int {
    // Only valid dates reach here.
    CivilDate(year: year, month: 4, day: 1).map(\.dayNumber) ?? 0
  }
}

extension FiscalYear {
  /// The deadline of the Standardization Act for every municipality: the
  /// end of FY2025 (令和7年度末, 2026-03-31).
  public static let standardizationDeadline = FiscalYear(2025).lastDay
  /// The national aim for 特定移行支援システム: the end of FY2030 (令和12年度末),
  /// assumed for a listed system until its own deadline is set.
  public static let tokuteiAim = FiscalYear(2030).lastDay
}

/// A quarter of a fiscal year: Q1 is April–June, Q2 July–September, Q3
/// October–December, Q4 January–March (of the next calendar year).
public struct FiscalQuarter: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The fiscal year the quarter belongs to.
  public let fiscalYear: FiscalYear
  /// 1 to 4.
  public let number: Int

  /// The quarter a date falls in.
  public init(containing date: CivilDate) {
    fiscalYear = date.fiscalYear
    number = (date.month + 8) % 12 / 3 + 1
  }

  /// Whether `date` is the first day of a fiscal quarter (1 April, 1 July,
  /// 1 October, 1 January).
  public static func starts(on date: CivilDate) -> Bool {
    date.day == 1 && (date.month - 1) % 3 == 0
  }

  /// The quarter's first day.
  public var firstDay: CivilDate {
    let year = number == 4 ? fiscalYear.startYear + 1 : fiscalYear.startYear
    return CivilDate(year: year, month: [4, 7, 10, 1][number - 1], day: 1) ?? fiscalYear.firstDay
  }

  /// The quarter after this one.
  public var next: FiscalQuarter {
    FiscalQuarter(containing: firstDay.adding(days: 95))
  }

  /// `Q1` … `Q4`.
  public var label: String { "Q\(number)" }

  /// `FY2025 Q1`.
  public var description: String { "\(fiscalYear) \(label)" }

  /// Earlier quarters first.
  public static func < (a: FiscalQuarter, b: FiscalQuarter) -> Bool {
    (a.fiscalYear, a.number) < (b.fiscalYear, b.number)
  }
}
