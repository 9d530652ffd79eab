import Testing

@testable import MigrationPlanning

/// The chart's two lanes per system: groups alternate, and a group never
/// covers an earlier one when the other lane was free.
@Suite struct SVGGanttLaneTests {
  static func group(_ start: Int, _ end: Int) -> [ScheduledTask] {
    [
      ScheduledTask(
        id: "s/1.1", system: "s", step: "1.1", start: CivilDate(dayNumber: start),
        end: CivilDate(dayNumber: end), status: .planned, predecessors: [], resources: [],
        blackouts: [], cause: .asOf)
    ]
  }

  @Test func groupsAlternateWhenNothingOverlaps() {
    let groups = (0..<6).map { Self.group($0 * 10, $0 * 10 + 5) }
    #expect(SVGGantt.lanes(groups) == [0, 1, 0, 1, 0, 1])
  }

  @Test func aGroupTakesTheFreeLane() {
    // The first runs long; the second ends early; the third starts while
    // the first still runs, so it takes lane 1 again.
    let groups = [Self.group(0, 100), Self.group(0, 10), Self.group(20, 30)]
    #expect(SVGGantt.lanes(groups) == [0, 1, 1])
  }

  /// On random groups: a group placed where an earlier one still runs had
  /// no free lane.
  @Test func noAvoidableCover() {
    var generator = SplitMix64(seed: 26)
    for _ in 0..<200 {
      let groups = (0..<Int.random(in: 1...12, using: &generator)).map { _ in
        let start = Int.random(in: 0...300, using: &generator)
        return Self.group(start, start + Int.random(in: 1...120, using: &generator))
      }
      let lanes = SVGGantt.lanes(groups)
      var ends = [Int.min, Int.min]
      for (tasks, lane) in zip(groups, lanes) {
        let start = tasks[0].start.dayNumber
        if ends[lane] > start { #expect(ends[1 - lane] > start, "\(groups.map { $0[0].start })") }
        ends[lane] = max(ends[lane], tasks[0].end.dayNumber)
      }
    }
  }
}
