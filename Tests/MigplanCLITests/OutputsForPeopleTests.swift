import Foundation
import Testing

/// Outputs right for the person reading them (#26): columns by importance,
/// hints that run, the chart that shows what is known, the summary in the
/// reader's language, errors that help, completion.
@Suite struct OutputsForPeopleTests {
  /// A copy of Shinagawa's plan directory, removed by the caller.
  static func planCopy() throws -> String {
    let directory = try CLI.temporaryDirectory()
    try FileManager.default.copyItem(
      atPath: CLI.repository + "/plans/shinagawa/plan.xml", toPath: directory + "/plan.xml")
    return directory
  }

  /// The cells of a text table's line, split at runs of two spaces.
  static func cells(_ line: Substring) -> [String] {
    line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
  }

  // MARK: Columns by importance

  /// At 80 columns forecast keeps 期限内確率 and 遅れの主因 and drops the
  /// spread and the last quantiles; names keep 16 columns or more.
  @Test func forecastKeepsTheProbabilityAndTheCause() throws {
    let run = try CLI.run(["forecast", "--samples", "50", "--width", "80"])
    #expect(run.status == 0, "\(run.stderr)")
    let header = try #require(run.stdout.split(separator: "\n").first { $0.hasPrefix("システム") })
    #expect(header.contains("期限内確率") && header.contains("遅れの主因"), "\(header)")
    #expect(!header.contains("P90") && !header.contains("分布"), "\(header)")
    #expect(run.stdout.split(separator: "\n").allSatisfy { displayWidth($0) <= 80 })
    for line in run.stdout.split(separator: "\n") where line.contains("…") {
      let name = Self.cells(line)[0]
      #expect(displayWidth(Substring(name)) >= 16, "a name cut below 16 columns: \(name)")
    }
  }

  /// schedule keeps 律速 with its step number at 80, 100 and 120 columns.
  @Test(arguments: [80, 100, 120])
  func scheduleKeepsTheBindingWithItsStep(width: Int) throws {
    let run = try CLI.run(["schedule", "--width", String(width)])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n")
    #expect(lines[1].contains("律速"), "\(lines[1])")
    let rows = lines.filter { $0.contains("-03-31") }
    #expect(rows.count == 17)
    for row in rows {
      #expect(
        row.range(of: #"\(\d+\.\d+\)$"#, options: .regularExpression) != nil,
        "律速 lost its step: \(row)")
    }
  }

  /// gantt at 80 columns: year labels parted by a space, never run
  /// together (`FY23FY24`).
  @Test func ganttYearLabelsReadAt80Columns() throws {
    for width in ["70", "80", "100"] {
      let run = try CLI.run(["gantt", "--width", width])
      #expect(run.status == 0, "\(run.stderr)")
      let axis = try #require(
        run.stdout.split(separator: "\n").first { $0.contains("FY") || $0.contains("'2") })
      #expect(axis.range(of: #"FY\d+FY|'\d\d'"#, options: .regularExpression) == nil, "\(axis)")
    }
    let at80 = try CLI.run(["gantt", "--width", "80"]).stdout
    #expect(at80.contains("FY2023  FY2024"), "\(at80)")
  }

  // MARK: Hints that work

  /// Every hint a command prints names a command that runs: a dropped
  /// column's `--width N` shows every column; `--format json` parses.
  @Test func everyHintRuns() throws {
    let commands: [[String]] = [
      ["schedule"], ["forecast", "--samples", "20"], ["specs"], ["kpi"], ["proposals"],
      ["portfolio", "plans/shinagawa"], ["baseline", "list"],
    ]
    var hints = 0
    for command in commands {
      for width in ["60", "80"] {
        let run = try CLI.run(command + ["--width", width])
        #expect(run.status == 0, "\(command) \(run.stderr)")
        let text = run.stdout.replacingOccurrences(of: "\n", with: "")
        // A folded line loses the space it broke at: --width\n55 reads --width55.
        if let match = text.firstMatch(of: /--width\s*(\d+)\s*で全列/) {
          hints += 1
          let whole = try CLI.run(command + ["--width", String(match.1)])
          #expect(whole.status == 0, "\(command) --width \(match.1): \(whole.stderr)")
          #expect(!whole.stdout.contains("省略した列"), "\(command) --width \(match.1) still drops")
        }
        if let match = text.firstMatch(of: /理由: --format (\w+)/) {
          hints += 1
          let other = try CLI.run(command + ["--format", String(match.1)])
          #expect(other.status == 0, "\(command) --format \(match.1): \(other.stderr)")
        }
        #expect(!text.contains("--format csv で全列"), "a hint names an option \(command) lacks")
      }
    }
    #expect(hints >= 4, "the commands printed hints")
    // The warning summary's check runs, for a plan and for portfolio paths.
    let directory = try Self.planCopy()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    for lang in ["ja", "en"] {
      let run = try CLI.run([
        "schedule", "--plan", directory, "--as-of", "2025-06-01", "--lang", lang,
      ])
      #expect(run.status == 0, "\(run.stderr)")
      let check = try #require(run.stderr.firstMatch(of: /: (?:詳細は|run) (migplan check [^\n]*)/))
      let words = check.1.split(separator: " ").dropFirst().map(String.init)
      let checked = try CLI.run(words)
      #expect(checked.status == 0, "\(words): \(checked.stderr)")
      #expect(checked.stderr.contains("[plan-stale]"), "the check prints what was counted")
    }
    // check on portfolio PATHs with --as-of: as portfolio re-plans them.
    let paths = try CLI.run(["check", directory, "plans/shinagawa", "--as-of", "2025-06-01"])
    #expect(paths.status == 0 && paths.stderr.contains("[plan-stale]"), "\(paths.stderr)")
    let backwards = try CLI.run(["check", directory, "--as-of", "2023-06-01"])
    #expect(backwards.status == 64 && backwards.stderr.contains("[as-of-backwards]"))
  }

  /// The baseline hint saves a baseline.
  @Test func theBaselineHintSaves() throws {
    let directory = try Self.planCopy()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let list = try CLI.run(["baseline", "list", "--plan", directory])
    let hint = try #require(list.stdout.firstMatch(of: /migplan (baseline save) NAME/))
    let saved = try CLI.run(
      hint.1.split(separator: " ").map(String.init) + ["b1", "--plan", directory])
    #expect(saved.status == 0, "\(saved.stderr)")
    #expect(try CLI.run(["baseline", "list", "--plan", directory]).stdout.contains("b1"))
  }

  // MARK: The chart shows what is known

  /// A far 特定移行支援 deadline does not stretch the chart: it ends
  /// after the last go-live, and the deadline is marked at the edge with
  /// its date, in text and in the SVG.
  @Test func aFarDeadlineIsMarkedAtTheEdge() throws {
    let directory = try Self.planCopy()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let recorded = try CLI.run([
      "record", "koseki", "--tokutei-deadline", "2031-03-31", "--plan", directory,
    ])
    #expect(recorded.status == 0, "\(recorded.stderr)")
    let gantt = try CLI.run(["gantt", "--plan", directory, "--width", "100"])
    #expect(gantt.status == 0, "\(gantt.stderr)")
    #expect(!gantt.stdout.contains("R12") && !gantt.stdout.contains("R9年度"), "\(gantt.stdout)")
    let row = try #require(gantt.stdout.split(separator: "\n").first { $0.hasPrefix("戸籍情報システム") })
    #expect(row.contains("▸"), "\(row)")
    #expect(gantt.stdout.contains("▸ 期限は右端より後 (2031-03-31)"), "\(gantt.stdout)")
    let report = try CLI.run(["report", "--plan", directory])
    #expect(report.stdout.contains(#"<g class="beyond">"#))
    #expect(report.stdout.contains("期限は右端より後 (2031-03-31)"))
    #expect(!report.stdout.contains(">R12年度<"), "the SVG axis stops before FY2030")
  }

  /// Dates a PMO sheet assumed are drawn apart from recorded facts, with
  /// their own legend entry, in text and SVG.
  @Test func assumedDatesAreDrawnApart() throws {
    let directory = try Self.planCopy()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let recorded = try CLI.run([
      "record", "--plan", directory, "--sheet",
      CLI.repository + "/Tests/MigplanCLITests/Sheets/shinagawa-pmo-ids.csv",
    ])
    #expect(recorded.status == 0, "\(recorded.stderr)")
    let gantt = try CLI.run(["gantt", "--plan", directory])
    #expect(gantt.stdout.contains("▚ 完了 (日付は仮定)"), "\(gantt.stdout)")
    let rows = gantt.stdout.split(separator: "\n").filter { $0.contains("│") && $0.contains("◆") }
    #expect(rows.contains { $0.contains("▚") })
    let ascii = try CLI.run(["gantt", "--plan", directory, "--ascii"])
    #expect(ascii.stdout.contains("% 完了 (日付は仮定)"))
    let report = try CLI.run(["report", "--plan", directory])
    #expect(report.stdout.contains(#"class="bar assumed""#))
    #expect(report.stdout.contains("(完了 (日付は仮定))"), "a bar's title says so")
    // On the untouched plan nothing is assumed: no legend entry.
    #expect(!(try CLI.run(["gantt"])).stdout.contains("日付は仮定"))
  }

  /// The text legend folds between its entries and lists only what the
  /// chart draws: a window after the deadline shows neither ┃ nor ┊.
  @Test func theLegendFoldsAtEntriesAndListsWhatIsDrawn() throws {
    let run = try CLI.run([
      "gantt", "--from", "2026-04-01", "--to", "2027-04-01", "--scale", "month", "--width", "80",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let legend = run.stdout.components(separatedBy: "凡例:")[1]
    #expect(!legend.contains("┃ 期限") && !legend.contains("┊ 基準日"), "\(legend)")
    let wide = try CLI.run(["gantt", "--width", "70"])
    let lines = wide.stdout.components(separatedBy: "凡例:")[1].split(separator: "\n")
    #expect(lines.count >= 2, "the legend folds at 70 columns")
    for entry in ["█ 完了", "▓ 作業中", "░ 予定", "◆ 運用開始", "┃ 期限", "(1列 = 1四半期)"] {
      #expect(lines.contains { $0.contains(entry) }, "\(entry) broken across lines: \(lines)")
    }
  }

  /// A step group's SVG bars are its steps as they are: 住民税's 14
  /// データ移行 is done, then in progress, then planned.
  @Test func aStepGroupDrawsItsSteps() throws {
    let page = try CLI.run(["report"]).stdout
    for state in ["完了", "作業中", "予定"] {
      #expect(page.contains("住民税システム · 14 データ移行 · "), "the group is drawn")
      #expect(
        page.firstMatch(of: try Regex("住民税システム · 14 データ移行 · [0-9-]+ – [0-9-]+ \\(\(state)\\)"))
          != nil, "no \(state) bar for 14")
    }
  }

  // MARK: Long runs

  /// A forecast longer than a second shows its progress on a terminal
  /// (here a pseudo-terminal from script(1)), and erases it; in a pipe
  /// nothing. Without --samples, the title says how many it drew.
  @Test func longForecastsShowProgressOnATerminalOnly() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let command =
      "MIGPLAN_TODAY=2024-02-01 '\(CLI.binary.path)' forecast --samples 300 --threads 1 --format json > '\(directory)/out.json'"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = ["-q", "-e", "-c", command, directory + "/typescript"]
    process.currentDirectoryURL = URL(fileURLWithPath: CLI.repository)
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    // The typescript, without script(1)'s own closing line.
    let screen = try String(contentsOfFile: directory + "/typescript", encoding: .utf8)
      .components(separatedBy: "Script done")[0]
    #expect(screen.contains("標本 ") && screen.contains("/300"), "\(screen.suffix(300))")
    #expect(screen.contains("残り約"), "an estimate")
    // Erased at the end: nothing follows the last erase.
    let erased = try #require(screen.range(of: "\r\u{1B}[K", options: .backwards))
    #expect(screen[erased.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    let piped = try CLI.run(
      ["forecast", "--samples", "300", "--threads", "1", "--format", "json"],
      environment: CLI.shippedDay)
    #expect(piped.status == 0 && piped.stderr.isEmpty, "\(piped.stderr)")
    let defaulted = try CLI.run(["forecast"])
    #expect(defaulted.stdout.hasPrefix("移行の見通し (モンテカルロ 1,000回"), "\(defaulted.stdout.prefix(80))")
  }

  // MARK: Words and errors

  /// The warnings summary follows --lang; diagnostics stay English.
  @Test func theSummaryFollowsTheLanguage() throws {
    let directory = try Self.planCopy()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let ja = try CLI.run(["schedule", "--plan", directory, "--as-of", "2025-06-01"])
    #expect(ja.stderr.contains(": 警告 1件 (plan-stale): 詳細は migplan check"), "\(ja.stderr)")
    let en = try CLI.run(["schedule", "--plan", directory, "--as-of", "2025-06-01", "--lang", "en"])
    #expect(en.stderr.contains(": 1 warning (plan-stale): run migplan check"), "\(en.stderr)")
  }

  /// An --as-of before the plan's own date: located, with its id, 64.
  @Test func asOfBackwardsIsLocated() throws {
    for command in [["schedule"], ["portfolio", "plans/shinagawa"], ["forecast"]] {
      let run = try CLI.run(command + ["--as-of", "2023-01-01"])
      #expect(run.status == 64, "\(command)")
      #expect(
        run.stderr.contains("plans/shinagawa/plan.xml:")
          && run.stderr.contains("[as-of-backwards]"), "\(command): \(run.stderr)")
    }
  }

  /// Negative numbers get a range error, not "Missing value".
  @Test func negativeNumbersGetARangeError() throws {
    for (command, option) in [
      (["forecast"], "--samples"), (["gantt"], "--width"), (["forecast"], "--seed"),
      (["forecast"], "--threads"), (["record", "--staff", "3"], "--wait"),
    ] {
      let run = try CLI.run(command + [option, "-1"])
      #expect(run.status == 64, "\(command) \(option)")
      #expect(!run.stderr.contains("Missing value"), "\(command) \(option): \(run.stderr)")
      #expect(run.stderr.contains("-1"), "\(run.stderr)")
      // Every error has an id: a command line that does not parse, [usage].
      #expect(run.stderr.hasPrefix("error: ") && run.stderr.contains(" [usage]\n"), "\(run.stderr)")
    }
  }

  /// `-o ""` names what was typed and what to do.
  @Test func anEmptyOutputNameSaysSo() throws {
    for command in [["proposals", "--format", "ics"], ["export", "xlsx"], ["report"]] {
      let run = try CLI.run(command + ["-o", ""], environment: CLI.shippedDay)
      #expect(run.status == 73, "\(command)")
      #expect(run.stderr.hasPrefix(#"-o "": error: the output's name is empty"#), "\(run.stderr)")
    }
  }

  /// `check` reads the paths `portfolio` reads.
  @Test func checkReadsPortfolioPaths() throws {
    let directory = try Self.planCopy()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let run = try CLI.run(["check", "plans/shinagawa", directory + "/plan.xml"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("問題なし: plans/shinagawa、"), "\(run.stdout)")
    // The same plan twice is the error portfolio gives.
    let twice = try CLI.run(["check", "plans/shinagawa", "plans/shinagawa/plan.xml"])
    #expect(twice.status == 65 && twice.stderr.contains("[portfolio-duplicate]"))
    let both = try CLI.run(["check", "plans/shinagawa", "--plan", "plans/shinagawa"])
    #expect(both.status == 64)
  }

  // MARK: Completion

  /// bash completes the plan's directories, the sheet's files and the
  /// status values: the generated script, run by bash itself.
  @Test func bashCompletesFilesAndValues() throws {
    let script = try CLI.run(["--generate-completion-script", "bash"])
    #expect(script.status == 0)
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try script.stdout.write(toFile: directory + "/migplan.bash", atomically: true, encoding: .utf8)
    try FileManager.default.createDirectory(
      atPath: directory + "/work/plans-here", withIntermediateDirectories: true)
    try "".write(toFile: directory + "/work/pmo-sheet.csv", atomically: true, encoding: .utf8)
    func complete(_ line: String) throws -> [String] {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/bash")
      let words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
      let quoted = words.map { "'\($0)'" }.joined(separator: " ")
      // bash calls a completion function with the command, the word being
      // completed and the one before it.
      let current = words[words.count - 1]
      let previous = words[words.count - 2]
      process.arguments = [
        "-c",
        """
        source '\(directory)/migplan.bash'
        cd '\(directory)/work'
        COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1)
        COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}
        _migplan migplan '\(current)' '\(previous)' 2>/dev/null || true
        printf '%s\\n' "${COMPREPLY[@]}"
        """,
      ]
      let pipe = Pipe()
      process.standardOutput = pipe
      try process.run()
      let data = pipe.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }
    #expect(try complete("migplan record --status ").contains("in-progress"))
    #expect(try complete("migplan gantt --plan pl").contains("plans-here"))
    try "".write(toFile: directory + "/work/plan.xml", atomically: true, encoding: .utf8)
    #expect(try complete("migplan gantt --plan pla").contains("plan.xml"), "--plan takes plan.xml")
    #expect(try complete("migplan portfolio pla").contains("plans-here"))
    #expect(try complete("migplan record --sheet pmo").contains("pmo-sheet.csv"))
    #expect(try complete("migplan proposals -o pmo").contains("pmo-sheet.csv"))
  }

  // MARK: What a fresh walk-through found

  /// An imported plan (not in the repository), to check what Shinagawa
  /// alone would not show.
  static func importedPlan() throws -> String {
    let directory = try CLI.temporaryDirectory()
    let run = try CLI.run([
      "import", CLI.repository + "/docs/examples/調達表.csv", "--name", "喜多方市", "--as-of",
      "2024-06-30", "-o", directory + "/plan",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    return directory
  }

  /// The text legend lists the as-of and deadline lines only where a row
  /// shows them: on the imported plan every bar covers both columns.
  @Test func theLegendListsOnlyTheLinesARowShows() throws {
    let directory = try Self.importedPlan()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    for plan in [directory + "/plan", CLI.repository + "/plans/shinagawa"] {
      for width in ["80", "100", "120"] {
        let run = try CLI.run(["gantt", "--plan", plan, "--width", width])
        #expect(run.status == 0, "\(run.stderr)")
        let parts = run.stdout.components(separatedBy: "凡例:")
        try #require(parts.count == 2, "\(run.stdout)")
        // The rows: below the rule that ends the header.
        let rows = parts[0].split(separator: "\n").drop { !$0.hasPrefix("───") }.dropFirst()
        let legend = parts[1]
        for (glyph, word) in [("┊", "基準日"), ("┃", "期限")] {
          #expect(
            legend.contains(glyph + " " + word) == rows.contains { $0.contains(glyph) },
            "\(plan) at \(width): \(glyph) drawn and listed must agree\n\(run.stdout)")
        }
      }
    }
  }

  /// The page's legend lists what its charts draw, and no more.
  @Test func thePageLegendListsWhatTheChartDraws() throws {
    let directory = try Self.importedPlan()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let baselined = directory + "/baselined"
    try FileManager.default.copyItem(
      atPath: CLI.repository + "/plans/shinagawa", toPath: baselined)
    #expect(try CLI.run(["baseline", "save", "b0", "--plan", baselined]).status == 0)
    for arguments in [
      ["report"], ["report", "--as-of", "2026-12-06"], ["report", "--plan", directory + "/plan"],
      ["report", "--plan", baselined, "--baseline", "b0"],
      ["report", "--plan", baselined, "--baseline", "b0", "--as-of", "2026-12-06"],
    ] {
      let page = try CLI.run(arguments).stdout
      let legend = try #require(
        page.components(separatedBy: "<p class=\"legend\">").dropFirst().first?
          .components(separatedBy: "</p>").first)
      // The charts alone: from their block to the legend that follows it.
      let charts = try #require(
        page.components(separatedBy: "<div class=\"gantt-charts\">").dropFirst().first?
          .components(separatedBy: "<p class=\"legend\">").first)
      for type in [
        "golive", "golive late", "asof", "deadline", "tokutei", "bar assumed", "baseline",
      ] {
        #expect(
          legend.contains("class=\"\(type)\"") == charts.contains("class=\"\(type)\""),
          "\(arguments): \(type)")
      }
    }
  }

  /// Piped without --width, a report's lines stay whole, whatever
  /// $COLUMNS says; tables still fit it.
  @Test func linesStayWholeInAPipe() throws {
    let run = try CLI.run(["forecast", "--samples", "20"], environment: ["COLUMNS": "80"])
    #expect(run.status == 0, "\(run.stderr)")
    let note = try #require(
      run.stdout.split(separator: "\n").first { $0.hasPrefix("P50/P80/P90:") })
    #expect(note.hasSuffix("(再計画はしません)。"), "\(note)")
    let folded = try CLI.run(["forecast", "--samples", "20", "--width", "80"])
    #expect(folded.stdout.split(separator: "\n").allSatisfy { displayWidth($0) <= 80 })
  }

  /// A portfolio with nothing late or at risk says so instead of an empty
  /// table.
  @Test func nothingBindsIsALine() throws {
    let run = try CLI.run(["portfolio", CLI.repository + "/plans/shinagawa"])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n")
    let heading = try #require(lines.firstIndex { $0.hasPrefix("律速") })
    #expect(lines[heading + 1] == "遅延・要注意のシステムはありません。", "\(run.stdout)")
  }

  /// A record that sets only a deadline says so, without "0工程".
  @Test func aRecordSaysWhatItChanged() throws {
    let directory = try Self.planCopy()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let run = try CLI.run([
      "record", "--plan", directory, "koseki", "--tokutei-deadline", "2030-03-31",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("特定移行支援の期限") && !run.stdout.contains("0工程"), "\(run.stdout)")
  }

  /// portfolio's 最終 is the fiscal year of a resource's last quarter
  /// with work, as its JSON's quarters say.
  @Test func theLastQuarterIsTheLastWithWork() throws {
    let arguments = ["portfolio", CLI.repository + "/plans/shinagawa", "--as-of", "2026-11-27"]
    let json = try CLI.run(arguments + ["--format", "json", "--lang", "en"])
    let text = try CLI.run(arguments + ["--width", "200", "--lang", "en"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    let loads = try #require(object["vendorLoads"] as? [[String: Any]])
    var checked = 0
    for load in loads {
      guard let resource = load["resource"] as? String, resource.contains("/"),
        let quarters = load["quarters"] as? [[String: Any]],
        let last = quarters.last(where: { ($0["average"] as? Double ?? 0) > 0 }),
        let start = last["start"] as? String
      else { continue }
      let product = String(resource.split(separator: "/").last ?? "")
      let line = try #require(
        text.stdout.split(separator: "\n").first { $0.contains("(\(product))") })
      // FY of the quarter's start: April–March.
      let year = Int(start.prefix(4)) ?? 0
      let fiscal = Int(start.dropFirst(5).prefix(2)) ?? 0 >= 4 ? year : year - 1
      #expect(line.hasSuffix("FY\(fiscal)"), "\(line) / \(start)")
      checked += 1
    }
    #expect(checked > 3)
  }
}
