import Foundation
import Testing

/// Planning after the common deadline: a copy of Shinagawa's plan as of
/// 2026-11-27, `--as-of`, `record`, PMO sheets and baselines, run as a user
/// would.
@Suite struct AfterTheDeadlineTests {
  static let today = ["MIGPLAN_TODAY": "2026-11-27"]

  /// A copy of plans/shinagawa (plan.xml only) in a scratch directory.
  static func copy(asOf: String? = nil) throws -> String {
    try CLI.editedPlan { text in
      asOf.map { text.replacingOccurrences(of: "asOf=\"2024-01-31\"", with: "asOf=\"\($0)\"") }
        ?? text
    }
  }

  static func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  static func systems(_ json: [String: Any]) throws -> [[String: Any]] {
    try #require(json["systems"] as? [[String: Any]])
  }

  @Test func everyScheduleCommandWorksAsOfToday() throws {
    let plan = try Self.copy(asOf: "2026-11-27")
    defer { try? FileManager.default.removeItem(atPath: plan) }
    for command in [
      ["check"], ["schedule"], ["schedule", "--format", "json"], ["gantt"], ["proposals"],
      ["export", "csv"], ["kpi"], ["portfolio", plan],
    ] {
      let arguments = command.first == "portfolio" ? command : command + ["--plan", plan]
      let run = try CLI.run(arguments)
      #expect(run.status == 0, "\(command): \(run.stderr)")
      #expect(!run.stderr.contains("deadline-before-as-of"))
    }
    let schedule = try Self.json(
      try CLI.run(["schedule", "--plan", plan, "--format", "json"]).stdout)
    #expect(schedule["asOf"] as? String == "2026-11-27")
    for system in try Self.systems(schedule) {
      // Nothing is done in the 2024 data, so every system is late, by its days.
      #expect(system["status"] as? String == "late")
      let slack = try #require(system["slackDays"] as? Int)
      #expect(system["daysLate"] as? Int == -slack)
      #expect(-slack > 0)
    }
  }

  @Test func asOfReplansKPIAndProposalsFromThatDay() throws {
    let planned = try CLI.run(["schedule", "--as-of", "2026-11-27", "--format", "json"])
    #expect(planned.status == 0)
    // Counted in one line, with the check that prints it, in the
    // language of the text (Japanese by default).
    #expect(
      planned.stderr
        == "plans/shinagawa/plan.xml: 警告 1件 (plan-stale): 詳細は migplan check --plan plans/shinagawa --as-of 2026-11-27\n"
    )
    let check = try CLI.run(["check", "--as-of", "2026-11-27"])
    #expect(check.stderr.contains("[plan-stale]") && check.stderr.contains("months stale"))
    let systems = try Self.systems(try Self.json(planned.stdout))
    let goLives = systems.compactMap { $0["goLive"] as? String }
    #expect(goLives.count == 17 && goLives.allSatisfy { $0 > "2026-11-27" })

    // Standardization is rated from the re-planned schedule: all 17 late, ×.
    let kpi = try CLI.run(["kpi", "--as-of", "2026-11-27", "--width", "400"])
    #expect(kpi.status == 0)
    let row = try #require(kpi.stdout.split(separator: "\n").first { $0.contains("システム標準化") })
    #expect(row.contains("遅延17") && row.contains("×"))
    let proposals = try CLI.run(["proposals", "--as-of", "2026-11-27", "--format", "json"])
    let json = try Self.json(proposals.stdout)
    for entry in try #require(json["proposals"] as? [[String: Any]]) {
      // The contract is re-planned after today, so it cannot be "in time".
      if let next = entry["next"] as? [String: Any] {
        #expect((next["date"] as? String ?? "") >= "2026-11-27")
      }
      #expect(entry["status"] as? String == "late")
    }
  }

  @Test func asOfBeforeThePlansDateIsRefused() throws {
    for command in [["schedule"], ["gantt"], ["kpi"], ["proposals"], ["export", "csv"]] {
      let run = try CLI.run(command + ["--as-of", "2023-12-31"])
      #expect(run.status == 64, "\(command)")
      #expect(run.stderr.contains("facts after it are already recorded"))
    }
    let impossible = try CLI.run(["schedule", "--as-of", "2024-02-30"])
    #expect(impossible.status == 64)
    #expect(impossible.stderr.contains("not a day of the calendar"))
  }

  @Test func recordChangesOnlyTheElementsConcerned() throws {
    let plan = try Self.copy()
    defer { try? FileManager.default.removeItem(atPath: plan) }
    let file = plan + "/plan.xml"
    let before = try String(contentsOfFile: file, encoding: .utf8)
    let run = try CLI.run(
      ["record", "--plan", file, "koseki", "9.1", "--status", "done", "--end", "2024-01-30"],
      environment: Self.today)
    #expect(run.status == 0, "\(run.stderr)")
    let after = try String(contentsOfFile: file, encoding: .utf8)
    let changed = zip(before.split(separator: "\n"), after.split(separator: "\n")).filter {
      $0 != $1
    }
    #expect(changed.count == 2)
    #expect(after.contains("recorded=\"2026-11-27\""))
    // --end is the last working day; the file keeps the day after it.
    #expect(
      after.contains("<step ref=\"9.1\" status=\"done\" start=\"2024-01-09\" end=\"2024-01-31\"/>"))
    #expect(after.contains("<!-- Staff-side steps the IT division"))
  }

  @Test func recordTokuteiAsOfAndARangeThenReadConsistently() throws {
    let plan = try Self.copy()
    defer { try? FileManager.default.removeItem(atPath: plan) }
    for arguments in [
      ["--set-as-of", "2026-11-27"],
      ["koseki", "9.2-10", "--status", "done", "--start", "2024-02-01", "--end", "2024-05-31"],
      ["koseki", "--tokutei-deadline", "2031-03-31"],
      ["--staff", "10", "--vendor-capacity", "富士通Japan株式会社=3"],
    ] {
      let run = try CLI.run(["record", "--plan", plan] + arguments, environment: Self.today)
      #expect(run.status == 0, "\(arguments): \(run.stderr)")
    }
    let text = try String(contentsOfFile: plan + "/plan.xml", encoding: .utf8)
    #expect(text.contains("asOf=\"2026-11-27\""))
    #expect(text.contains("tokuteiDeadline=\"2031-03-31\""))
    #expect(text.contains("<staff capacity=\"10\"/>"))
    #expect(text.contains("name=\"富士通Japan株式会社\" capacity=\"3\""))
    #expect(text.contains("<step ref=\"9.2\" status=\"done\" start=\"2024-02-01\""))
    #expect(
      text.contains("<step ref=\"10.2\" status=\"done\"")
        && text.contains("end=\"2024-06-01\" assumed=\"start end\""))
    let check = try CLI.run(["check", "--plan", plan])
    #expect(check.status == 0, "\(check.stderr)")
    let schedule = try Self.json(
      try CLI.run(["schedule", "--plan", plan, "--format", "json"]).stdout)
    let koseki = try #require(try Self.systems(schedule).first { $0["id"] as? String == "koseki" })
    #expect(koseki["deadline"] as? String == "2031-03-31")
    #expect(koseki["tokutei"] as? Bool == true)
    #expect(koseki["status"] as? String != "late")
    let tasks = try #require(schedule["tasks"] as? [[String: Any]])
    let step = try #require(tasks.first { $0["id"] as? String == "koseki/10.2" })
    #expect(step["status"] as? String == "done" && step["end"] as? String == "2024-06-01")
  }

  @Test(arguments: [
    ["jumni", "13.1", "--status", "done", "--start", "2024-01-04", "--end", "2024-01-10"],
    ["jumin", "13.9", "--status", "done", "--start", "2024-01-04", "--end", "2024-01-10"],
    ["jumin", "15.1", "--status", "done", "--start", "2024-01-04"],
    ["jumin", "15.1", "--status", "done", "--start", "2024-02-10", "--end", "2024-02-20"],
    ["jumin", "15.1", "--status", "in-progress", "--start", "2024-02-10"],
    ["jumin", "15.1", "--status", "done", "--start", "2024-01-10", "--end", "2024-01-04"],
    ["--vendor-capacity", "nosuch=2"],
    ["--set-as-of", "2023-01-01"],
  ])
  func aRefusedRecordLeavesThePlanByteIdentical(arguments: [String]) throws {
    let plan = try Self.copy()
    defer { try? FileManager.default.removeItem(atPath: plan) }
    let before = try Data(contentsOf: URL(fileURLWithPath: plan + "/plan.xml"))
    let run = try CLI.run(["record", "--plan", plan] + arguments, environment: Self.today)
    #expect(run.status == 64)
    #expect(run.stderr.contains("error"))
    let after = try Data(contentsOf: URL(fileURLWithPath: plan + "/plan.xml"))
    #expect(before == after)
  }

  @Test(arguments: ["shinagawa-pmo-ids.csv", "shinagawa-pmo-ministry-sjis.csv"])
  func aPMOSheetRecordsEighteenAreas(sheet: String) throws {
    let plan = try Self.copy()
    defer { try? FileManager.default.removeItem(atPath: plan) }
    let run = try CLI.run(
      [
        "record", "--plan", plan, "--sheet", "Tests/MigplanCLITests/Sheets/" + sheet,
        "--set-as-of", "2024-09-30",
      ], environment: Self.today)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("93工程"))
    let check = try CLI.run(
      ["check", "--plan", plan], environment: ["MIGPLAN_TODAY": "2024-10-01"])
    #expect(check.status == 0)
    #expect(!check.stderr.contains("warning"))
    let schedule = try Self.json(
      try CLI.run(["schedule", "--plan", plan, "--format", "json"]).stdout)
    let tasks = try #require(schedule["tasks"] as? [[String: Any]])
    // Group 11 is done for every system; groups 12-13 at least started.
    for task in tasks where (task["step"] as? String)?.hasPrefix("11.") == true {
      #expect(task["status"] as? String == "done")
      #expect((task["end"] as? String ?? "") <= "2024-10-01")
    }
  }

  @Test func aSheetWithABadCellChangesNothingAndNamesTheCell() throws {
    let plan = try Self.copy()
    let scratch = try CLI.temporaryDirectory()
    defer {
      try? FileManager.default.removeItem(atPath: plan)
      try? FileManager.default.removeItem(atPath: scratch)
    }
    let good = try String(
      contentsOfFile: CLI.repository + "/Tests/MigplanCLITests/Sheets/shinagawa-pmo-ids.csv",
      encoding: .utf8)
    var lines = good.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    lines[7] = lines[7].replacingOccurrences(of: "児童手当", with: "児童手宛")
    try lines.joined(separator: "\n").write(
      toFile: scratch + "/bad.csv", atomically: true, encoding: .utf8)
    let before = try Data(contentsOf: URL(fileURLWithPath: plan + "/plan.xml"))
    let run = try CLI.run(
      ["record", "--plan", plan, "--sheet", scratch + "/bad.csv"], environment: Self.today)
    #expect(run.status == 65)
    #expect(run.stderr.contains("bad.csv:8:"))
    #expect(run.stderr.contains("セル C8"))
    #expect(run.stderr.contains("[unknown-area]"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: plan + "/plan.xml")) == before)
  }

  @Test func aBaselineSavedBeforeAnEightMonthMoveShowsSlip() throws {
    let plan = try Self.copy()
    defer { try? FileManager.default.removeItem(atPath: plan) }
    let save = try CLI.run(["baseline", "save", "2024-01", "--plan", plan])
    #expect(save.status == 0, "\(save.stderr)")
    #expect(FileManager.default.fileExists(atPath: plan + "/baselines/2024-01.xml"))
    let again = try CLI.run(["baseline", "save", "2024-01", "--plan", plan])
    #expect(again.status == 73)
    let list = try CLI.run(["baseline", "list", "--plan", plan])
    #expect(list.stdout.contains("2024-01") && list.stdout.contains("2024-01-31"))
    let moved = try CLI.run(
      ["record", "--plan", plan, "--set-as-of", "2024-09-30"], environment: Self.today)
    #expect(moved.status == 0)
    let schedule = try Self.json(
      try CLI.run(["schedule", "--plan", plan, "--baseline", "2024-01", "--format", "json"]).stdout)
    let slips = try Self.systems(schedule).compactMap { $0["slipDays"] as? Int }
    #expect(slips.count == 17)
    #expect(slips.allSatisfy { $0 >= 0 } && slips.contains { $0 > 0 })
    for system in try Self.systems(schedule) {
      let goLive = try #require(system["goLive"] as? String)
      let baseline = try #require(system["baselineGoLive"] as? String)
      #expect(baseline <= goLive)
    }
    let text = try CLI.run(["schedule", "--plan", plan, "--baseline", "2024-01"])
    #expect(text.stdout.contains("遅れ"))
    let csv = parseCSV(
      try CLI.run(["export", "csv", "--plan", plan, "--baseline", "2024-01", "--lang", "ja"]).stdout
    )
    #expect(Array(csv[0].suffix(3)) == ["基準計画の運用開始", "遅れ日数", "動いた理由"])
    let english = parseCSV(
      try CLI.run(["export", "csv", "--plan", plan, "--baseline", "2024-01"]).stdout)
    #expect(Array(english[0].suffix(3)) == ["baseline_go_live", "slip_days", "slip_cause"])
    let slipColumn = try #require(english[0].firstIndex(of: "slip_days"))
    #expect(english.dropFirst().filter { !$0.isEmpty }.contains { Int($0[slipColumn]) ?? 0 > 0 })
    let gantt = try CLI.run(["gantt", "--plan", plan, "--baseline", "2024-01"])
    #expect(gantt.status == 0)
    #expect(gantt.stdout.contains("◇"))
    let missing = try CLI.run(["schedule", "--plan", plan, "--baseline", "nosuch"])
    #expect(missing.status == 66)
    #expect(missing.stderr.contains("saved: 2024-01"))
  }

  @Test func importWithoutAsOfUsesTodayInJapan() throws {
    let scratch = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let run = try CLI.run(
      [
        "import", "Tests/MigplanCLITests/Tables/kitakata.csv", "--name", "喜多方市", "-o",
        scratch + "/kitakata",
      ], environment: Self.today)
    #expect(run.status == 0, "\(run.stderr)")
    let text = try String(contentsOfFile: scratch + "/kitakata/plan.xml", encoding: .utf8)
    #expect(text.contains("asOf=\"2026-11-27\""))
    let gantt = try CLI.run(["gantt", "--plan", scratch + "/kitakata"])
    #expect(gantt.status == 0)
  }

  @Test func reimportKeepsTheBaselines() throws {
    let scratch = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let target = scratch + "/kitakata"
    let arguments = [
      "import", "Tests/MigplanCLITests/Tables/kitakata.csv", "--name", "喜多方市", "-o", target,
      "--as-of", "2024-06-30",
    ]
    #expect(try CLI.run(arguments).status == 0)
    #expect(try CLI.run(["baseline", "save", "first", "--plan", target]).status == 0)
    #expect(try CLI.run(arguments + ["--force"]).status == 0)
    #expect(FileManager.default.fileExists(atPath: target + "/baselines/first.xml"))
  }
}
