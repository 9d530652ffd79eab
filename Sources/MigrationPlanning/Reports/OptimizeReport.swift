/// `migplan optimize`: what a fresh search, seeded with the committed
/// order, would change against the committed schedule repaired — the
/// trade-off in days late and systems late, and each system that would
/// move (docs/reference/optimize.md).
public struct OptimizeComparison: Sendable {
  /// A system whose go-live the optimised schedule moves.
  public struct Move: Sendable {
    /// The municipality whose plan it is.
    public var municipality: String
    /// The system's id.
    public var system: String
    /// The system's name.
    public var name: String
    /// Its go-live now (the committed schedule repaired).
    public var current: CivilDate
    /// Its go-live optimised.
    public var optimized: CivilDate
    /// Calendar days, negative when earlier.
    public var days: Int { current.days(to: optimized) }
  }

  /// Calendar days late in all, now and optimised.
  public var daysLate: (current: Int, optimized: Int)
  /// Systems late, now and optimised.
  public var systemsLate: (current: Int, optimized: Int)
  /// The systems that move, in plan order.
  public var moves: [Move]

  /// Compares two schedules of the same plans, plan by plan.
  public init(current: [MigrationSchedule], optimized: [MigrationSchedule], plans: [Plan]) {
    var moves: [Move] = []
    var late = (0, 0)
    var count = (0, 0)
    for (index, plan) in plans.enumerated() where index < current.count && index < optimized.count {
      for outcome in current[index].systems {
        late.0 += outcome.daysLate
        count.0 += outcome.status == .late ? 1 : 0
        guard let other = optimized[index].outcome(outcome.id) else { continue }
        if other.goLive != outcome.goLive {
          moves.append(
            Move(
              municipality: plan.municipality, system: outcome.id, name: outcome.name,
              current: outcome.goLive, optimized: other.goLive))
        }
      }
      for outcome in optimized[index].systems {
        late.1 += outcome.daysLate
        count.1 += outcome.status == .late ? 1 : 0
      }
    }
    daysLate = late
    systemsLate = count
    self.moves = moves
  }

  /// Days late the optimised schedule saves (negative when it costs).
  public var saves: Int { daysLate.current - daysLate.optimized }
}

/// The optimise command's report and the one-line hint other commands show.
public enum OptimizeReport {
  /// The trade-off and the moves. `accepted`: the optimised schedule was
  /// committed. `municipalities`: name the plan of each move (several).
  public static func document(
    _ comparison: OptimizeComparison, accepted: Bool, municipalities: Bool,
    words: ReportWords = ReportWords(.ja)
  ) -> ReportDocument {
    let moves = ReportTable(
      key: "moves",
      columns: [
        .init(
          "municipality", "団体", en: "Municipality",
          formats: municipalities ? [.text, .json] : [.json]),
        .init("system", "ID", formats: [.json]),
        .init("name", "システム", en: "System", importance: .high),
        .init("current", "現在の運用開始", en: "Go-live now", importance: .high),
        .init("optimized", "最適化後", en: "Optimised", importance: .high),
        .init("days", "移動日数", en: "Days", numeric: true, importance: .high),
      ],
      rows: comparison.moves.map { move in
        [
          .text(move.municipality), .text(move.system), .text(move.name), .date(move.current),
          .date(move.optimized), .integer(move.days),
        ]
      }, formats: [.text, .json])
    var table = moves
    table.empty = words.optimizeNoMoves
    return ReportDocument([
      .line(words.optimizeTradeOff(comparison)),
      .value(
        "daysLate",
        .record([
          ("current", .integer(comparison.daysLate.current)),
          ("optimized", .integer(comparison.daysLate.optimized)),
        ])),
      .value(
        "systemsLate",
        .record([
          ("current", .integer(comparison.systemsLate.current)),
          ("optimized", .integer(comparison.systemsLate.optimized)),
        ])),
      .value("accepted", .flag(accepted)),
      .table(table),
      .line(accepted ? words.optimizeAccepted : words.optimizeNotAccepted(comparison)),
    ])
  }

  /// The hint a schedule shows when optimising would save late days: a
  /// line in text (`最適化すると遅延 −N 日 (M システムが移動): migplan
  /// optimize`), `optimize` in JSON.
  public static func hintBlocks(_ comparison: OptimizeComparison, words: ReportWords)
    -> [ReportBlock]
  {
    guard comparison.saves > 0 else { return [] }
    return [
      .line(words.optimizeHint(comparison)),
      .value(
        "optimize",
        .record([
          ("savesDaysLate", .integer(comparison.saves)),
          ("systemsMoved", .integer(comparison.moves.count)),
        ])),
    ]
  }
}
