import Foundation

/// Dates as people type them in tables, in CSV and in workbook cells alike:
/// `2026-04-01`, `2026/4/1`, `2026.4.1`, `2026年4月1日`, and in the Japanese
/// era, `令和8年4月1日` (元年 for the first year), `R8.4.1`, `R8/4/1`, and
/// 平成 (`H31.4.30`) and 昭和 (`S64.1.7`) for older dates. Full-width digits
/// are read as digits. A day outside its era (`令和1年4月1日`, before
/// 2019-05-01) is not a date.
public enum TableDate {
  /// An era: its name, its letter, its first day.
  struct Era {
    var name: String
    var letter: Character
    var first: CivilDate
    var last: CivilDate?
  }

  static let eras: [Era] = [
    Era(
      name: "令和", letter: "R", first: CivilDate.known(year: 2019, month: 5, day: 1), last: nil),
    Era(
      name: "平成", letter: "H", first: CivilDate.known(year: 1989, month: 1, day: 8),
      last: CivilDate.known(year: 2019, month: 4, day: 30)),
    Era(
      name: "昭和", letter: "S", first: CivilDate.known(year: 1926, month: 12, day: 25),
      last: CivilDate.known(year: 1989, month: 1, day: 7)),
  ]

  /// The forms, for messages.
  public static let forms = "YYYY-MM-DD, YYYY/M/D, 2026年4月1日, 令和8年4月1日 or R8.4.1"

  /// The day `text` names, or nil when it names none.
  public static func parse(_ text: String) -> CivilDate? {
    let plain = text.precomposedStringWithCompatibilityMapping.trimmingWhitespace()
    let western = /^(\d{4})(?:[-\/.](\d{1,2})[-\/.](\d{1,2})|年(\d{1,2})月(\d{1,2})日)$/
    if let match = plain.wholeMatch(of: western),
      let year = Int(match.1),
      let month = Int(match.2 ?? match.4 ?? ""),
      let day = Int(match.3 ?? match.5 ?? "")
    {
      return CivilDate(year: year, month: month, day: day)
    }
    let japanese =
      /^(令和|平成|昭和|[RrHhSs])\s*(\d{1,2}|元)(?:年(\d{1,2})月(\d{1,2})日|[.\/-](\d{1,2})[.\/-](\d{1,2}))$/
    guard let match = plain.wholeMatch(of: japanese),
      let era = eras.first(where: {
        $0.name == match.1 || String($0.letter) == match.1.uppercased()
      }),
      let eraYear = match.2 == "元" ? 1 : Int(match.2), eraYear >= 1,
      let month = Int(match.3 ?? match.5 ?? ""),
      let day = Int(match.4 ?? match.6 ?? ""),
      let date = CivilDate(year: era.first.year + eraYear - 1, month: month, day: day),
      date >= era.first, era.last.map({ date <= $0 }) ?? true
    else { return nil }
    return date
  }
}
