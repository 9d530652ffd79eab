import Foundation
import Testing

/// Every command loads through the same validation as `check`: what check
/// refuses, every command refuses, with the same diagnostics.
@Suite struct ValidatedPipelineTests {
  /// A copy of the catalog with one spec sheet broken.
  static func catalogWithBrokenSheet() throws -> (catalog: String, sheet: String, line: Int) {
    let directory = try CLI.temporaryDirectory() + "/catalog"
    try FileManager.default.copyItem(atPath: CLI.repository + "/catalog", toPath: directory)
    let sheet = directory + "/vendors/act.xml"
    let text = try String(contentsOfFile: sheet, encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let line = try #require(lines.firstIndex { $0.contains("<product ") }) + 1
    let broken = text.replacingOccurrences(of: "<product ", with: "<product bogus=\"1\" ")
    try broken.write(toFile: sheet, atomically: true, encoding: .utf8)
    return (directory, sheet, line)
  }

  @Test func goLiveCycleFailsCheckAtTheLinks() throws {
    let plan = try CLI.editedPlan {
      $0.replacingOccurrences(
        of: "</plan>",
        with: """
            <goLiveAfter system="kokuho" after="nenkin"/>
            <goLiveAfter system="nenkin" after="kokuho"/>
          </plan>
          """)
    }
    defer { try? FileManager.default.removeItem(atPath: plan) }
    let text = try String(contentsOfFile: plan + "/plan.xml", encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let first = try #require(lines.firstIndex { $0.contains("system=\"kokuho\" after") }) + 1
    for command in [["check", "--strict"], ["gantt"], ["schedule", "--format", "json"]] {
      let run = try CLI.run(command + ["--plan", plan])
      #expect(run.status == 65, "\(command)")
      let errors = run.stderr.split(separator: "\n").filter { $0.contains("[golive-cycle]") }
      #expect(errors.count == 2, "\(command): \(run.stderr)")
      #expect(errors.first?.hasPrefix("\(plan)/plan.xml:\(first):3: error: 'kokuho'") == true)
      #expect(errors.last?.hasPrefix("\(plan)/plan.xml:\(first + 1):3: error: 'nenkin'") == true)
    }
  }

  @Test func brokenSheetIsReportedByEveryCommandThatReadsSheets() throws {
    let (catalog, sheet, line) = try Self.catalogWithBrokenSheet()
    defer {
      try? FileManager.default.removeItem(atPath: (catalog as NSString).deletingLastPathComponent)
    }
    let output = (catalog as NSString).deletingLastPathComponent + "/imported"
    let expected = "\(sheet):\(line):"
    // A plan that a record or a baseline would change: it must stay as it is.
    let plan = try CLI.editedPlan { $0 }
    defer { try? FileManager.default.removeItem(atPath: plan) }
    let before = try String(contentsOfFile: plan + "/plan.xml", encoding: .utf8)
    let commands: [[String]] = [
      ["check"], ["gantt"], ["schedule"], ["proposals"], ["kpi"], ["export", "csv"],
      ["portfolio", "plans/shinagawa"], ["specs"], ["report"],
      ["baseline", "save", "b", "--plan", plan],
      ["record", "koseki", "1.1", "--status", "done", "--plan", plan],
      [
        "import", "Tests/MigplanCLITests/Tables/shinagawa.csv", "--name", "品川区", "--as-of",
        "2024-01-31", "-o", output,
      ],
    ]
    for command in commands {
      let run = try CLI.run(command + ["--catalog", catalog])
      #expect(run.status == 65, "\(command): \(run.stderr)")
      #expect(
        run.stderr.contains(expected) && run.stderr.contains("[unknown-attribute]"), "\(command)")
    }
    #expect(!FileManager.default.fileExists(atPath: output))
    #expect(try String(contentsOfFile: plan + "/plan.xml", encoding: .utf8) == before)
    #expect(!FileManager.default.fileExists(atPath: plan + "/baselines"))
  }

  @Test func missingCatalogOrDataIsNamedInOneLine() throws {
    let output = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: output) }
    let catalog = try CLI.run(["generate", "national", "--catalog", "nosuch", "-o", output + "/n"])
    #expect(catalog.status == 66)
    #expect(catalog.stderr == "nosuch: error: catalog directory not found [catalog-missing]\n")
    let data = try CLI.run(["generate", "national", "--data", "nosuch-data", "-o", output + "/n"])
    #expect(data.status == 66)
    #expect(
      data.stderr
        == "nosuch-data: error: the directory of the national figures is not there (give it with --data DIR) [data-missing]\n"
    )
    // A data file that is there but is not JSON: located, in words.
    try FileManager.default.createDirectory(
      atPath: output + "/data", withIntermediateDirectories: true)
    try "not json".write(
      toFile: output + "/data/pmo-progress-2026-01.json", atomically: true, encoding: .utf8)
    let bad = try CLI.run(["generate", "national", "--data", output + "/data", "-o", output + "/n"])
    #expect(bad.status == 65)
    #expect(bad.stderr.hasSuffix(": error: not JSON [data-unreadable]\n"))
    #expect(!FileManager.default.fileExists(atPath: output + "/n"))
  }

  @Test func datesAreParsedOnceWithAClearMessage() throws {
    for command in [["check"], ["gantt", "--from"], ["specs", "--deadline"]] {
      let arguments = command.count == 1 ? command + ["--as-of"] : command
      let impossible = try CLI.run(arguments + ["2024-02-30"])
      #expect(impossible.status == 64)
      #expect(impossible.stderr.contains("2024-02-30 is not a day of the calendar"), "\(command)")
      let malformed = try CLI.run(arguments + ["2024-2-3"])
      #expect(malformed.status == 64)
      #expect(malformed.stderr.contains("a date is written YYYY-MM-DD"), "\(command)")
    }
  }
}
