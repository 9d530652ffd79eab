import Foundation
import Testing

@Suite struct CheckCommandTests {
  @Test func shippedDataIsClean() throws {
    let run = try CLI.run(["check"], environment: CLI.shippedDay)
    #expect(run.status == 0)
    #expect(!run.stderr.contains("error:") && !run.stderr.contains("warning:"))
    // Notes only with --verbose: the deferred functions to notify.
    #expect(run.stderr.isEmpty)
    #expect(run.stdout == "問題なし: plans/shinagawa (カタログ catalog): エラー 0件・警告 0件\n")
    let english = try CLI.run(["check", "--lang", "en"], environment: CLI.shippedDay)
    #expect(english.stdout == "ok: plans/shinagawa against catalog: 0 errors, 0 warnings\n")
    let verbose = try CLI.run(["check", "--verbose"], environment: CLI.shippedDay)
    #expect(verbose.status == 0)
    #expect(verbose.stderr.contains("product 'ry-koseki' defers"))
    #expect(verbose.stderr.split(separator: "\n").allSatisfy { $0.contains(": note: ") })
  }

  /// Today (pinned by the tests at 2026-12-06), the shipped plan is 1,040
  /// days behind: check and every command that schedules say so.
  @Test func aPlanBehindTodaySaysSo() throws {
    let run = try CLI.run(["check"])
    #expect(run.status == 0)
    #expect(
      run.stderr.contains(
        "plan.xml:5:1: warning: the plan is as of 2024-01-31, 1040 days before today (2026-12-06)"))
    #expect(run.stderr.contains("--as-of today") && run.stderr.contains("[plan-behind-today]"))
    #expect(run.stdout.contains("警告 1件"))
    let schedule = try CLI.run(["schedule"])
    #expect(schedule.stderr.contains("警告 1件 (plan-behind-today)"))
    // 31 days behind is not yet behind; --as-of re-plans and says nothing of it.
    #expect(
      !(try CLI.run(["check"], environment: ["MIGPLAN_TODAY": "2024-03-02"])).stderr.contains(
        "behind"))
    #expect(
      try CLI.run(["check"], environment: ["MIGPLAN_TODAY": "2024-03-03"]).stderr.contains(
        "32 days before today"))
    let today = try CLI.run(["schedule", "--as-of", "today"])
    #expect(!today.stderr.contains("plan-behind-today"))
    #expect(today.stdout.contains("基準日 2026-12-06"))
  }

  @Test func unknownVendorAndMisspelledAreaGetPreciseLocations() throws {
    let plan = try CLI.editedPlan {
      $0.replacingOccurrences(
        of: "<respondent vendor=\"act\"/>", with: "<respondent vendor=\"akuto\"/>"
      )
      .replacingOccurrences(of: "<serves area=\"senkyo\"/>", with: "<serves area=\"senkyoo\"/>")
    }
    defer { try? FileManager.default.removeItem(atPath: plan) }
    let text = try String(contentsOfFile: plan + "/plan.xml", encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let vendorLine = try #require(lines.firstIndex { $0.contains("akuto") }) + 1
    let areaLine = try #require(lines.firstIndex { $0.contains("senkyoo") }) + 1
    let run = try CLI.run(["check", "--plan", plan])
    #expect(run.status == 65)
    #expect(
      run.stderr.contains(
        "\(plan)/plan.xml:\(vendorLine):17: error: unknown vendor 'akuto' [unknown-vendor]"))
    #expect(
      run.stderr.contains(
        "\(plan)/plan.xml:\(areaLine):13: error: unknown area 'senkyoo'; did you mean 'senkyo'? [unknown-area]"
      ))
    #expect(run.stdout.hasPrefix("問題あり:"))
  }

  @Test func brokenTagIsAnXMLErrorWithLineAndColumn() throws {
    let plan = try CLI.editedPlan {
      $0.replacingOccurrences(of: "<serves area=\"kaigo\"/>", with: "<serves area=\"kaigo\">")
    }
    defer { try? FileManager.default.removeItem(atPath: plan) }
    let run = try CLI.run(["check", "--plan", plan])
    #expect(run.status == 65)
    let first = try #require(run.stderr.split(separator: "\n").first)
    #expect(first.hasPrefix("\(plan)/plan.xml:"))
    #expect(first.hasSuffix("[xml-malformed]"))
    let parts = first.dropFirst(plan.count + 10).split(separator: ":")
    #expect(Int(parts[0]) ?? 0 > 0 && Int(parts[1]) ?? 0 > 0)
  }

  @Test func missingPlanExits66() throws {
    let run = try CLI.run(["check", "--plan", "/nonexistent/plan"])
    #expect(run.status == 66)
    #expect(
      run.stderr.contains(
        "/nonexistent/plan: error: plan directory not found: give --plan DIR (a directory "
          + "holding plan.xml), or start a plan with migplan import TABLE --name NAME [plan-missing]"
      ))
  }

  @Test func badUsageExits64() throws {
    let run = try CLI.run(["check", "--no-such-option"])
    #expect(run.status == 64)
  }

  @Test func strictTurnsWarningsIntoErrors() throws {
    let plan = try CLI.editedPlan {
      $0.replacingOccurrences(
        of: "<system id=\"senkyo\" name=\"選挙システム\"",
        with: "<system id=\"senkyo\" name=\"選挙システム\" tokuteiDeadline=\"2025-03-31\"")
    }
    defer { try? FileManager.default.removeItem(atPath: plan) }
    let lenient = try CLI.run(["check", "--plan", plan])
    #expect(lenient.status == 0)
    #expect(lenient.stderr.contains("[tokutei-before-deadline]"))
    let strict = try CLI.run(["check", "--plan", plan, "--strict"])
    #expect(strict.status == 65)
  }
}
