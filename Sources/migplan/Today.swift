import ArgumentParser
import Foundation
import MigrationPlanning

/// Today's date in Japan (UTC+9, no daylight saving, so no time-zone
/// database). `MIGPLAN_TODAY=YYYY-MM-DD` replaces it, for tests and for
/// recording on another day's behalf.
enum Today {
  static func inJapan() throws -> CivilDate {
    if let text = ProcessInfo.processInfo.environment["MIGPLAN_TODAY"], !text.isEmpty {
      guard let date = CivilDate(iso: text), date.isSupported else {
        throw Exit.usage(
          "MIGPLAN_TODAY must be a date as YYYY-MM-DD from 2000-01-01 to 2099-12-31, not "
            + "'\(text)'; unset it to use today")
      }
      return date
    }
    let seconds = Int(Date().timeIntervalSince1970.rounded(.down)) + 9 * 3600
    return CivilDate(dayNumber: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
  }
}
