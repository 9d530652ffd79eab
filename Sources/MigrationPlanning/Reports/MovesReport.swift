/// Why go-lives moved: each moved system's cause chain (`MoveCause`), as
/// lines under a schedule (`schedule --baseline`, `gantt --baseline`,
/// `record`) and as members of the JSON.
public enum MovesReport {
  /// The causes in plan order, one line each under a heading; none when
  /// nothing moved. `baseline`: the baseline's name (nil: the schedule
  /// committed before).
  public static func blocks(
    _ causes: [String: MoveCause], schedule: MigrationSchedule, baseline: String?,
    words: ReportWords
  ) -> [ReportBlock] {
    let moved = schedule.systems.filter { causes[$0.id] != nil }
    guard !moved.isEmpty else { return [] }
    let names = self.names(schedule)
    return [.line(words.movesHeading(against: baseline))]
      + moved.compactMap { outcome in
        causes[outcome.id].map { .line("  \(outcome.name): " + words.moveCause($0, names: names)) }
      }
  }

  /// A cause as a JSON record: the days, the root's kind, and the line.
  public static func value(
    _ cause: MoveCause?, schedule: MigrationSchedule, words: ReportWords
  ) -> ReportValue {
    guard let cause else { return .null }
    return .record([
      ("days", .integer(cause.days)), ("root", .text(rootKind(cause.root))),
      ("text", .text(words.moveCause(cause, names: names(schedule)))),
    ])
  }

  /// A stable word for a root: recorded, as-of, capacity, budget,
  /// vendor-start, blackout, order.
  public static func rootKind(_ root: MoveCause.Root) -> String {
    switch root {
    case .recorded: "recorded"
    case .asOf: "as-of"
    case .capacity: "capacity"
    case .budget: "budget"
    case .vendorStart: "vendor-start"
    case .blackout: "blackout"
    case .order: "order"
    }
  }

  static func names(_ schedule: MigrationSchedule) -> [String: String] {
    Dictionary(schedule.systems.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
  }
}
