import Foundation
import Testing

/// Issue #25 as a planner meets it: the committed schedule is repaired,
/// every move is explained, optimising is asked for.
@Suite struct HoldsStillTests {
  static let today = ["MIGPLAN_TODAY": "2026-12-06"]

  static func run(_ arguments: [String]) throws -> MigplanRun {
    try CLI.run(arguments, environment: today)
  }

  static func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// The issue's example: good news on a copy of Shinagawa moves no system
  /// later, and every move has a cause.
  @Test func goodNewsMovesNothingLaterAndEveryMoveIsExplained() throws {
    let plan = try CLI.editedPlan { $0 }
    defer { try? FileManager.default.removeItem(atPath: plan) }
    #expect(try Self.run(["record", "--plan", plan, "--set-as-of", "2026-12-02"]).status == 0)
    #expect(try Self.run(["baseline", "save", "b0", "--plan", plan]).status == 0)
    #expect(FileManager.default.fileExists(atPath: plan + "/committed.xml"))
    let recorded = try Self.run([
      "record", "--plan", plan, "koseki", "13.1", "--status", "done", "--start", "2026-10-01",
      "--end", "2026-12-01",
    ])
    #expect(recorded.status == 0, "\(recorded.stderr)")
    #expect(recorded.stdout.contains("運用開始が動いた理由 (確定済みの計画 比)"))
    #expect(recorded.stdout.contains("戸籍情報システム 13.1 の終了が"))
    let schedule = try Self.json(
      try Self.run(["schedule", "--plan", plan, "--baseline", "b0", "--format", "json"]).stdout)
    let systems = try #require(schedule["systems"] as? [[String: Any]])
    var moved = 0
    for system in systems {
      let slip = try #require(system["slipDays"] as? Int)
      #expect(slip <= 0, "\(system["id"] ?? "?") moved \(slip) days later")
      if slip != 0 {
        moved += 1
        let move = try #require(system["move"] as? [String: Any], "\(system["id"] ?? "?")")
        #expect(move["days"] as? Int == slip)
        #expect(move["root"] as? String == "recorded")
      } else {
        #expect(system["move"] is NSNull)
      }
    }
    #expect(moved >= 1)
    let text = try Self.run(["schedule", "--plan", plan, "--baseline", "b0"]).stdout
    #expect(text.contains("戸籍情報システム: -"))
  }

  /// Bad news: the move names the recorded fact and the resource it came by.
  @Test func badNewsNamesTheFactAndThePath() throws {
    let plan = try CLI.editedPlan { $0 }
    defer { try? FileManager.default.removeItem(atPath: plan) }
    #expect(try Self.run(["record", "--plan", plan, "--set-as-of", "2026-12-02"]).status == 0)
    let late = try Self.run([
      "record", "--plan", plan, "koseki", "9.1", "--status", "in-progress", "--start",
      "2024-01-09", "--end", "2027-04-30",
    ])
    #expect(late.status == 0, "\(late.stderr)")
    let lines = late.stdout.split(separator: "\n").filter { $0.contains("日: ") }
    #expect(!lines.isEmpty)
    for line in lines {
      #expect(line.contains("戸籍情報システム 9.1 の終了が"), "\(line)")
      #expect(line.contains("→ 2027-04-30 (記録 2026-12-06)"), "\(line)")
    }
    #expect(lines.contains { $0.contains("→ 職員の容量 →") })
  }

  /// Commands that only read never write the committed schedule; the
  /// shipped plan, which has none, is searched as before.
  @Test func readingCommandsNeverCommit() throws {
    let plan = try CLI.editedPlan { $0 }
    defer { try? FileManager.default.removeItem(atPath: plan) }
    for arguments in [
      ["schedule"], ["gantt"], ["proposals"], ["kpi"], ["export", "csv"], ["optimize"],
      ["report", "-o", plan + "/report.html"],
    ] {
      let run = try Self.run(arguments + ["--plan", plan])
      #expect(run.status == 0, "\(arguments): \(run.stderr)")
    }
    #expect(!FileManager.default.fileExists(atPath: plan + "/committed.xml"))
    let shipped = try Self.run(["schedule", "--plan", CLI.repository + "/plans/shinagawa"])
    #expect(try Self.run(["schedule", "--plan", plan]).stdout == shipped.stdout)
  }

  /// optimize shows and changes nothing; --accept commits, and then the
  /// schedule is the optimised one and offers nothing more.
  @Test func optimizeShowsThenCommitsOnlyWhenAsked() throws {
    let plan = try CLI.editedPlan { $0 }
    defer { try? FileManager.default.removeItem(atPath: plan) }
    #expect(try Self.run(["record", "--plan", plan, "--set-as-of", "2026-12-02"]).status == 0)
    #expect(
      try Self.run([
        "record", "--plan", plan, "koseki", "13.1", "--status", "done", "--start", "2026-10-01",
        "--end", "2026-12-01",
      ]).status == 0)
    let committed = try Data(contentsOf: URL(fileURLWithPath: plan + "/committed.xml"))
    let shown = try Self.run(["optimize", "--plan", plan, "--format", "json"])
    #expect(shown.status == 0, "\(shown.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: plan + "/committed.xml")) == committed)
    let report = try Self.json(shown.stdout)
    let late = try #require(report["daysLate"] as? [String: Int])
    let moves = try #require(report["moves"] as? [[String: Any]])
    #expect(try #require(late["optimized"]) <= (try #require(late["current"])))
    let hint = try Self.run(["schedule", "--plan", plan]).stdout
    if try #require(late["optimized"]) < (try #require(late["current"])) {
      #expect(hint.contains("最適化すると遅延 −"))
    }
    let accepted = try Self.run(["optimize", "--plan", plan, "--accept"])
    #expect(accepted.status == 0, "\(accepted.stderr)")
    #expect(accepted.stdout.contains("最適化した計画を確定しました"))
    let after = try Self.json(
      try Self.run(["schedule", "--plan", plan, "--format", "json"]).stdout)
    let systems = try #require(after["systems"] as? [[String: Any]])
    for move in moves {
      let id = try #require(move["system"] as? String)
      let system = try #require(systems.first { $0["id"] as? String == id })
      #expect(system["goLive"] as? String == move["optimized"] as? String)
    }
    #expect(after["optimize"] == nil)
  }

  /// A broken or stale committed schedule is a warning, never fatal.
  @Test func aBrokenCommittedScheduleIsAWarning() throws {
    let plan = try CLI.editedPlan { $0 }
    defer { try? FileManager.default.removeItem(atPath: plan) }
    try "<committed".write(toFile: plan + "/committed.xml", atomically: true, encoding: .utf8)
    let run = try Self.run(["check", "--plan", plan])
    #expect(run.status == 0)
    #expect(run.stderr.contains("committed.xml:1:"))
    #expect(run.stderr.contains("[committed-unusable]"))
    let schedule = try Self.run(["schedule", "--plan", plan])
    #expect(schedule.status == 0)
    #expect(schedule.stderr.contains("committed-unusable"))
    // The next write commits a good one.
    #expect(try Self.run(["baseline", "save", "b", "--plan", plan]).status == 0)
    let clean = try Self.run(["check", "--plan", plan])
    #expect(!clean.stderr.contains("committed-"), "\(clean.stderr)")
    // plan.xml edited by hand: repaired, with a warning.
    let text = try String(contentsOfFile: plan + "/plan.xml", encoding: .utf8)
    try (text + "\n").write(toFile: plan + "/plan.xml", atomically: true, encoding: .utf8)
    let edited = try Self.run(["check", "--plan", plan])
    #expect(edited.stderr.contains("plan.xml was changed since the schedule was committed"))
    #expect(edited.stderr.contains("[committed-repaired]"))
  }
}

extension HoldsStillTests {
  /// Moving the as-of date alone: every system that moves later moves
  /// because of the date — not a blackout it was pushed into, not a step
  /// in progress whose expected end passed (no one recorded it).
  @Test func anAsOfMoveIsTheDatesDoing() throws {
    let plan = try CLI.editedPlan { $0 }
    defer { try? FileManager.default.removeItem(atPath: plan) }
    #expect(try Self.run(["record", "--plan", plan, "--set-as-of", "2026-12-02"]).status == 0)
    #expect(try Self.run(["baseline", "save", "m1", "--plan", plan]).status == 0)
    let moved = try CLI.run(
      ["record", "--plan", plan, "--set-as-of", "2027-01-05"],
      environment: ["MIGPLAN_TODAY": "2027-01-06"])
    #expect(moved.status == 0, "\(moved.stderr)")
    #expect(!moved.stdout.contains("(記録 "), "\(moved.stdout)")
    let schedule = try Self.json(
      try CLI.run(
        ["schedule", "--plan", plan, "--baseline", "m1", "--format", "json"],
        environment: ["MIGPLAN_TODAY": "2027-01-06"]
      ).stdout)
    let systems = try #require(schedule["systems"] as? [[String: Any]])
    var later = 0
    for system in systems where (system["slipDays"] as? Int ?? 0) > 0 {
      later += 1
      let move = try #require(system["move"] as? [String: Any])
      #expect(move["root"] as? String == "as-of", "\(system["id"] ?? "?"): \(move["text"] ?? "")")
    }
    #expect(later > 0)
  }
}
