/// The words of the HTML report in one language: every label, heading and
/// status word comes from here, so a page is in Japanese or in English,
/// never in both.
public struct ReportWords: Sendable {
  /// The report's language.
  public enum Language: String, Sendable, CaseIterable {
    case ja, en
  }

  /// The language of every word.
  public var language: Language

  /// The words of `language`.
  public init(_ language: Language) { self.language = language }

  func pick(_ ja: String, _ en: String) -> String { language == .ja ? ja : en }

  /// The status of a system or an area.
  public func status(_ status: MigrationStatus) -> String {
    switch status {
    case .done: pick("完了", "done")
    case .onTrack: pick("予定通り", "on track")
    case .atRisk: pick("要注意", "at risk")
    case .late: pick("遅延", "late")
    }
  }

  /// The state of a bar in the chart (`done`, `progress`, `planned`).
  func barState(_ state: String) -> String {
    switch state {
    case "done": pick("完了", "done")
    case "progress": pick("作業中", "in progress")
    default: pick("予定", "planned")
    }
  }

  /// `R7年度` or `FY2025`.
  public func fiscalYear(_ year: FiscalYear) -> String {
    language == .ja ? year.japaneseLabel : year.description
  }

  /// A date with its fiscal year: `2026-03-31 (R7年度)`.
  public func dated(_ date: CivilDate) -> String {
    "\(date.iso) (\(fiscalYear(date.fiscalYear)))"
  }

  /// A column's header: the Japanese one, or the key made readable.
  public func header(_ column: ReportColumn) -> String {
    guard language == .en else { return column.header }
    var words = ""
    for character in column.key {
      if character == "_" {
        words.append(" ")
      } else if character.isUppercase {
        words += " " + character.lowercased()
      } else {
        words.append(character)
      }
    }
    return words.prefix(1).uppercased() + words.dropFirst()
  }

  var ganttTitle: String { pick("移行スケジュール (システム別)", "Migration schedule, by system") }
  var goLive: String { pick("運用開始", "go-live") }
  var baselineGoLive: String { pick("基準計画の運用開始", "baseline go-live") }
  var tokuteiDeadline: String { pick("特定移行支援の期限", "特定移行支援 deadline") }
  var asOf: String { pick("基準日", "as of") }
  var deadline: String { pick("期限", "deadline") }
}
