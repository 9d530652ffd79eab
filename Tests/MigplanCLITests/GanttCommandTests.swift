import Foundation
import Testing

@Suite struct GanttCommandTests {
  @Test func defaultChartDrawsAllSeventeenSystemsAligned() throws {
    let run = try CLI.run(["gantt"], environment: CLI.shippedDay)
    #expect(run.status == 0)
    #expect(run.stderr == "")
    let lines = run.stdout.split(separator: "\n")
    let legendIndex = try #require(lines.firstIndex { $0.hasPrefix("凡例") })
    let chart = lines[..<legendIndex].filter { !$0.allSatisfy { $0 == "─" } }
    let widths = Set(chart.map(displayWidth))
    #expect(widths.count == 1, "rows differ in width: \(widths)")
    #expect((widths.first ?? 999) <= 120)
    let rows = chart.filter { $0.contains("◆") && $0.contains("│") && !$0.hasPrefix(" ") }
    #expect(rows.count == 17)
    for name in ["住民税システム", "戸籍情報システム", "選挙システム", "国民健康保険システム"] {
      #expect(chart.contains { $0.hasPrefix(name) }, "\(name)")
    }
    #expect(run.stdout.contains("R5年度") && run.stdout.contains("FY2024"))
    #expect(run.stdout.contains("凡例: █ 完了  ▓ 作業中  ░ 予定  ◆ 運用開始"))
    #expect(!run.stdout.contains("\u{1B}["), "no colour when piped")
    try Golden.check("gantt.txt", run.stdout)
  }

  @Test func asciiChartUsesOnlyASCIIForDrawing() throws {
    let run = try CLI.run(["gantt", "--ascii"])
    #expect(run.status == 0)
    for glyph in ["█", "▓", "░", "◆", "│", "┊", "┃", "─", "▼"] {
      #expect(!run.stdout.contains(glyph), "\(glyph)")
    }
    #expect(run.stdout.contains("*") && run.stdout.contains("#"))
    try Golden.check("gantt-ascii.txt", run.stdout)
  }

  @Test func detailAndQuarterScale() throws {
    let run = try CLI.run(["gantt", "--detail", "--scale", "quarter"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("  13 移行時設定"))
    #expect(run.stdout.contains("Q1") && run.stdout.contains("Q4"))
    let lines = run.stdout.split(separator: "\n")
    let legendIndex = try #require(lines.firstIndex { $0.hasPrefix("凡例") })
    let widths = Set(
      lines[..<legendIndex].filter { !$0.allSatisfy { $0 == "─" } }.map(displayWidth))
    #expect(widths.count == 1)
    try Golden.check("gantt-detail-quarter.txt", run.stdout)
  }

  @Test func weekScaleWithPeriod() throws {
    let run = try CLI.run([
      "gantt", "--scale", "week", "--from", "2025-04-01", "--to", "2025-10-01",
    ])
    #expect(run.status == 0)
    #expect(run.stdout.contains("R7年度"))
    #expect(!run.stdout.contains("R6年度"))
  }

  /// `--scale week` on the default plan: the whole period does not fit
  /// 80 columns, so a window from the as-of date is drawn, and said so.
  @Test func weeksShowAWindowFromTheAsOfDate() throws {
    let run = try CLI.run(["gantt", "--scale", "week", "--width", "80"])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n")
    #expect(lines.allSatisfy { displayWidth($0) <= 80 }, "\(run.stdout)")
    let note = run.stdout.replacingOccurrences(of: "\n", with: "")
    #expect(note.contains("注: 全期間 2023-04-01〜2026-03-31 は幅に入らないため"))
    // The window holds the as-of date (its marker) and starts on its week.
    #expect(note.contains("基準日を含む2024-01-29〜") || note.contains("基準日を含む 2024-01-29〜"))
    #expect(lines.contains { $0.contains("▼ 基準日 / 期限") && $0.contains("│▼") })
  }

  /// A period asked for that does not fit says what would: the coarser
  /// scale and the width needed.
  @Test func tooNarrowSaysWhatWouldFit() throws {
    let run = try CLI.run([
      "gantt", "--scale", "week", "--width", "80", "--from", "2024-04-01", "--to", "2025-04-01",
    ])
    #expect(run.status == 64)
    #expect(
      run.stderr.contains(
        "2024-04-01..2025-04-01 is 53 weeks; 80 columns leave 29 for the chart. Use --scale month, "
          + "--width 113 or more"), "\(run.stderr)")
    let wide = try CLI.run([
      "gantt", "--scale", "week", "--width", "113", "--from", "2024-04-01", "--to", "2025-04-01",
    ])
    #expect(wide.status == 0, "\(wide.stderr)")
    let narrow = try CLI.run(["gantt", "--width", "60"])
    #expect(narrow.status == 64)
    #expect(narrow.stderr.contains("--width 70 or more"), "\(narrow.stderr)")
    let bad = try CLI.run(["gantt", "--from", "2025-13-01"])
    #expect(bad.status == 64)
  }

  @Test func scheduleTextAndJSONAreStable() throws {
    let text = try CLI.run(["schedule"])
    #expect(text.status == 0)
    try Golden.check("schedule.txt", text.stdout)
    let first = try CLI.run(["schedule", "--format", "json"])
    let second = try CLI.run(
      ["schedule", "--format", "json"], environment: ["TZ": "Pacific/Kiritimati", "LANG": "C"])
    #expect(first.stdout == second.stdout)
  }
}
