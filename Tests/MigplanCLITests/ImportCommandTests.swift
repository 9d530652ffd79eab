import Foundation
import Testing

@Suite struct ImportCommandTests {
  static let tables = CLI.repository + "/Tests/MigplanCLITests/Tables"

  /// A plan's systems as (name → areas, respondents' names, procurement), read from the XML text.
  static func systems(_ planDirectory: String) throws -> [String: String] {
    let text = try String(contentsOfFile: planDirectory + "/plan.xml", encoding: .utf8)
    var vendors: [String: String] = [:]
    var result: [String: String] = [:]
    var current: (name: String, detail: String)?
    func attribute(_ name: String, _ line: String) -> String? {
      guard let range = line.range(of: " \(name)=\"") else { return nil }
      let rest = line[range.upperBound...]
      return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
    for line in text.split(separator: "\n").map(String.init) {
      if line.contains("<vendor "), let id = attribute("id", line),
        let name = attribute("name", line)
      {
        vendors[id] = name
      } else if line.contains("<system "), let name = attribute("name", line) {
        current = (
          name,
          "\(attribute("procurement", line) ?? "")/\(attribute("procurementStatus", line) ?? "")"
        )
      } else if line.contains("<serves "), let area = attribute("area", line) {
        current?.detail += " area:" + area
      } else if line.contains("<respondent "), let vendor = attribute("vendor", line) {
        current?.detail += " by:" + (vendors[vendor] ?? vendor)
      } else if line.contains("</system>"), let system = current {
        result[system.name] = system.detail
        current = nil
      }
    }
    return result
  }

  @Test(arguments: ["shinagawa.csv", "shinagawa-sjis.csv", "shinagawa-bom.csv"])
  func theSeedTableGivesShinagawasPlan(table: String) throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let target = directory + "/plan"
    let run = try CLI.run([
      "import", Self.tables + "/" + table, "--name", "品川区", "--as-of", "2024-01-31", "-o", target,
    ])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("18事務、17システム、ベンダ 9社"))
    let imported = try Self.systems(target)
    let shipped = try Self.systems(CLI.repository + "/plans/shinagawa")
    #expect(imported == shipped)
    let check = try CLI.run(["check", "--plan", target])
    #expect(check.status == 0, "\(check.stderr)")
  }

  @Test func anotherMunicipalityWithAllTwentyAreasRunsEverywhere() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let target = directory + "/kitakata"
    let run = try CLI.run([
      "import", Self.tables + "/kitakata.csv", "--name", "喜多方市", "--as-of", "2024-06-30", "-o",
      target,
    ])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("20事務、9システム、ベンダ 4社"))
    #expect(
      run.stderr.contains(
        "kitakata.csv:1:40: warning: unknown column 'remarks' is ignored [セル F1] [unknown-column]"))
    #expect(run.stderr.contains("[unmatched-vendor]"))
    for command in [
      ["check"], ["gantt"], ["proposals"], ["export", "csv"], ["schedule", "--format", "json"],
    ] {
      let result = try CLI.run(command + ["--plan", target])
      #expect(result.status == 0, "\(command): \(result.stderr)")
      #expect(!result.stderr.contains("error:"))
    }
    let export = try CLI.run(["export", "csv", "--plan", target])
    let rows = parseCSV(export.stdout)
    #expect(rows.count == 21)
    #expect(
      rows.contains { $0.first == "kotei-shisanzei" }
        && rows.contains { $0.first == "hojin-juminzei" })
    let kaigo = try #require(rows.first { $0.first == "kaigo" })
    #expect(kaigo[10] == "2031-03-31" && kaigo[14] == "true")
    let proposals = try CLI.run(["proposals", "--plan", target, "--format", "json"])
    #expect(proposals.stdout.contains("\"shugaku\""))
    // 介護: selection done but not yet contracted, so still pending.
    #expect(proposals.stdout.contains("\"kaigo\""))
  }

  @Test(arguments: [
    ("empty.csv", "empty.csv:1:1: error: the table is empty [csv-empty]"),
    (
      "missing-column.csv",
      "missing-column.csv:1:1: error: the table has no 'RFI回答事業者' column [missing-column]"
    ),
    ("blank-first-row.csv", "blank-first-row.csv:2:1: error: blank '業務名' in the first row"),
    (
      "contradiction.csv",
      "contradiction.csv:3:14: error: system '住民記録システム' has procurement '随意契約' at line 2"
    ),
    (
      "unknown-names.csv",
      "unknown-names.csv:3:1: error: unknown area '住民記録x'; did you mean '住民基本台帳' (jumin-kiroku)?"
    ),
    (
      "unclosed-quote.csv",
      "unclosed-quote.csv:2:4: error: a quoted field is not closed [csv-syntax]"
    ),
    (
      "binary.csv",
      "binary.csv:1:1: error: the file is neither UTF-8 nor Shift_JIS (CP932) [csv-encoding]"
    ),
  ])
  func badTablesWriteNothing(name: String, message: String) throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let run = try CLI.run([
      "import", Self.tables + "/bad/" + name, "--name", "町", "--as-of", "2024-01-31", "-o",
      directory + "/p",
    ])
    #expect(run.status == 65)
    #expect(run.stderr.contains(message), "\(run.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
  }

  @Test func anExistingPlanIsReplacedOnlyWithForce() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let target = directory + "/plan"
    try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
    try "keep me\n".write(toFile: target + "/notes.txt", atomically: true, encoding: .utf8)
    let arguments = [
      "import", Self.tables + "/shinagawa.csv", "--name", "品川区", "--as-of", "2024-01-31", "-o",
      target,
    ]
    let refused = try CLI.run(arguments)
    #expect(refused.status == 73)
    #expect(refused.stderr.contains("already exists; use --force"))
    #expect(FileManager.default.fileExists(atPath: target + "/notes.txt"))
    // A bad table with --force still leaves the directory alone.
    let bad = try CLI.run([
      "import", Self.tables + "/bad/contradiction.csv", "--name", "品川区", "-o", target, "--force",
    ])
    #expect(bad.status == 65)
    #expect(FileManager.default.fileExists(atPath: target + "/notes.txt"))
    // --force replaces a plan only: a directory without plan.xml is not one.
    let notPlan = try CLI.run(arguments + ["--force"])
    #expect(notPlan.status == 73)
    #expect(notPlan.stderr.contains("is not a plan directory (no plan.xml)"))
    #expect(notPlan.stderr.contains("[output-not-plan]"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: target) == ["notes.txt"])
    // A plan is replaced, and keeps the files import does not write.
    try "<plan/>".write(toFile: target + "/plan.xml", atomically: true, encoding: .utf8)
    let forced = try CLI.run(arguments + ["--force"])
    #expect(forced.status == 0, "\(forced.stderr)")
    // The plan's lock stays one file (kept as the other files are).
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: target).sorted() == [
        ".migplan-lock", "README.md", "committed.xml", "notes.txt", "plan.xml",
      ])
    // Nothing staged is left beside it.
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["plan"])
  }

  @Test func forcedEncodingMustMatch() throws {
    let run = try CLI.run([
      "import", Self.tables + "/shinagawa-sjis.csv", "--name", "品川区", "--encoding", "utf-8", "-o",
      "/tmp/never",
    ])
    #expect(run.status == 65)
    #expect(run.stderr.contains("[csv-encoding]"))
  }

  /// Spreadsheet users look for a cell: the column letter and the row as
  /// the spreadsheet numbers it, not the file's line (which a quoted line
  /// break moves on).
  @Test func errorsNameTheCell() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    var rows = ["No,業務名,業務システム名,RFI回答事業者,調達方針"]
    rows.append("1,住民基本台帳,住民記録システム,\"富士通Japan\n株式会社\",随意契約")
    for (number, area) in ["戸籍", "印鑑登録", "個人住民税", "介護保険", "国民健康保険"].enumerated() {
      rows.append("\(number + 2),\(area),\(area)システム,株式会社TKC,随意契約")
    }
    rows.append("7,住民記録x,住民記録xシステム,株式会社TKC,随意契約")
    try (rows.joined(separator: "\n") + "\n").write(
      toFile: directory + "/t.csv", atomically: true, encoding: .utf8)
    let run = try CLI.run([
      "import", directory + "/t.csv", "--name", "t", "--as-of", "2024-01-31", "-o",
      directory + "/plan",
    ])
    #expect(run.status == 65)
    // Row 8 of the sheet is line 9 of the file.
    #expect(run.stderr.contains("t.csv:9:3: error: unknown area '住民記録x'"), "\(run.stderr)")
    #expect(run.stderr.contains("[セル B8] [unknown-area]"), "\(run.stderr)")
  }
}
