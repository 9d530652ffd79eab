import Foundation
import Testing

/// `export xlsx` (#16), opened by the programs people use: openpyxl reads
/// the cell types, the frozen header and the filter; LibreOffice converts
/// every sheet to CSV. Both come with `./test` (scripts/setup.sh --test).
@Suite(.serialized) struct WorkbookTests {
  static let python = CLI.repository + "/.build/test-venv/bin/python"
  static let reader = CLI.repository + "/Tests/MigplanCLITests/Interchange/read_xlsx.py"

  struct Facts: Decodable {
    struct Column: Decodable {
      var types: [String]
      var dataTypes: [String]
      var formats: [String]
      var fills: [String]
      var strings: [String]
      var width: Double?
    }
    var sheets: [String]
    var formulas: Int
    var frozen: [String: String?]
    var filters: [String: String?]
    var columns: [String: [String: Column]]
  }

  static func export(_ arguments: [String] = [], to path: String) throws {
    let run = try CLI.run(["export", "xlsx", "-o", path] + arguments)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.isEmpty)
  }

  static func read(_ path: String) throws -> Facts {
    let run = try CLI.run([reader, path], executable: python)
    #expect(run.status == 0, "openpyxl: \(run.stderr)")
    return try JSONDecoder().decode(Facts.self, from: Data(run.stdout.utf8))
  }

  @Test func openpyxlReadsTypedCellsAFrozenFilteredHeaderAndNoFormula() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try Self.export(to: directory + "/状況.xlsx")
    let facts = try Self.read(directory + "/状況.xlsx")
    // The sample has running costs (costs.xml): a sixth sheet.
    #expect(facts.sheets == ["事務別", "システム別", "工程", "調達", "KPI", "運用経費"])
    let costs = try #require(facts.columns["運用経費"])
    #expect(costs["合計"]?.types == ["int"])
    #expect(costs["合計"]?.formats == ["#,##0"])
    // Years are plain numbers (2019, no separator).
    #expect(costs["年度"]?.dataTypes == ["n"])
    #expect(costs["年度"]?.formats == ["General"])
    #expect(facts.formulas == 0)
    for sheet in facts.sheets {
      #expect(facts.frozen[sheet] == "A2", "\(sheet)")
      #expect(facts.filters[sheet]??.hasPrefix("A1:") == true, "\(sheet)")
    }
    let areas = try #require(facts.columns["事務別"])
    #expect(areas["事務名"]?.strings.contains("個人住民税") == true)
    #expect(areas["運用開始予定日"]?.types == ["datetime"])
    #expect(areas["運用開始予定日"]?.formats == ["yyyy-mm-dd"])
    #expect(areas["PMO進捗率"]?.types == ["float"])
    #expect(areas["PMO進捗率"]?.formats == ["0.0%"])
    #expect(areas["PMO完了数"]?.types == ["int"])
    #expect(areas["状態"]?.dataTypes == ["s"])
    #expect(areas["状態"]?.fills.isEmpty == false)
    // A Japanese name counts two columns.
    #expect((areas["事業者"]?.width ?? 0) > (areas["事務ID"]?.width ?? 0))
    let steps = try #require(facts.columns["工程"])
    #expect(steps["開始"]?.types == ["datetime"] && steps["終了"]?.types == ["datetime"])
    #expect((steps["工程名"]?.strings.count ?? 0) > 600)
    #expect(facts.columns["調達"]?["日付"]?.types == ["datetime"])
    #expect(facts.columns["KPI"]?["取り組み"]?.strings.contains("システム標準化") == true)
  }

  @Test func theSameInputsGiveTheSameBytes() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try Self.export(to: directory + "/a.xlsx")
    try Self.export(
      to: directory + "/b.xlsx")
    let a = try Data(contentsOf: URL(fileURLWithPath: directory + "/a.xlsx"))
    let b = try Data(contentsOf: URL(fileURLWithPath: directory + "/b.xlsx"))
    #expect(a == b)
    // Whatever the time zone and locale.
    let elsewhere = try CLI.run(
      ["export", "xlsx", "-o", directory + "/c.xlsx"],
      environment: ["TZ": "America/Los_Angeles", "LANG": "de_DE.UTF-8"])
    #expect(elsewhere.status == 0)
    #expect(try Data(contentsOf: URL(fileURLWithPath: directory + "/c.xlsx")) == a)
  }

  @Test func englishSheetsAndHeaders() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try Self.export(["--lang", "en", "--as-of", "2026-11-27"], to: directory + "/status.xlsx")
    let facts = try Self.read(directory + "/status.xlsx")
    #expect(
      facts.sheets == ["By area", "By system", "Steps", "Procurement", "KPI", "Running costs"])
    let areas = try #require(facts.columns["By area"])
    #expect(areas["Status"]?.strings.contains("late") == true)
    #expect(areas["Procurement method"]?.strings.allSatisfy { !$0.contains("随意") } == true)
  }

  /// Names that a spreadsheet would run as formulas stay text.
  @Test func formulaLikeNamesStayText() throws {
    let plan = try CLI.editedPlan {
      $0.replacingOccurrences(
        of: "name=\"選挙システム\"", with: "name=\"=HYPERLINK(&quot;x&quot;),選挙 &quot;新&quot;\""
      )
      .replacingOccurrences(of: "name=\"行政システム株式会社\"", with: "name=\"@行政, システム\"")
      .replacingOccurrences(of: "name=\"がん検診システム・予防接種\"", with: "name=\"+がん検診\"")
      .replacingOccurrences(of: "name=\"母子保健システム\"", with: "name=\"-1+母子\"")
    }
    defer { try? FileManager.default.removeItem(atPath: plan) }
    try Self.export(["--plan", plan], to: plan + "/status.xlsx")
    let facts = try Self.read(plan + "/status.xlsx")
    #expect(facts.formulas == 0)
    let names = try #require(facts.columns["システム別"]?["システム名"])
    #expect(names.dataTypes == ["s"])
    for name in ["=HYPERLINK(\"x\"),選挙 \"新\"", "+がん検診", "-1+母子"] {
      #expect(names.strings.contains(name), "\(names.strings)")
    }
    #expect(facts.columns["システム別"]?["事業者"]?.strings.contains("@行政, システム") == true)
  }

  /// LibreOffice converts each sheet to CSV; the Japanese names survive.
  @Test func libreOfficeOpensEverySheet() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try Self.export(to: directory + "/status.xlsx")
    let run = try CLI.run(
      [
        "-env:UserInstallation=file://\(directory)/profile", "--headless", "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        "--outdir", directory + "/csv", directory + "/status.xlsx",
      ], environment: ["HOME": directory], executable: "/usr/bin/soffice")
    #expect(run.status == 0, "\(run.stderr)")
    let areas = try String(contentsOfFile: directory + "/csv/status-事務別.csv", encoding: .utf8)
    let rows = parseCSV(areas)
    #expect(rows.count == 19)
    #expect(rows[0].first == "事務ID")
    #expect(rows.contains { $0.contains("住民税システム") && $0.contains("82.5%") })
    #expect(rows.contains { $0.contains("2024-09-26") })
    for sheet in ["システム別", "工程", "調達", "KPI"] {
      #expect(FileManager.default.fileExists(atPath: directory + "/csv/status-\(sheet).csv"))
    }
  }

  /// LibreOffice prints the workbook on A4 landscape, each sheet one page
  /// wide: a few pages in all (81 before the page setup), page 1 holding
  /// every column of the status sheet (its last header, 状態, and a
  /// footer with the sheet's name and the page).
  @Test func theWorkbookPrintsOnFewPagesWithEveryColumn() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try Self.export(to: directory + "/status.xlsx")
    let run = try CLI.run(
      [
        "-env:UserInstallation=file://\(directory)/profile", "--headless", "--convert-to", "pdf",
        "--outdir", directory, directory + "/status.xlsx",
      ], environment: ["HOME": directory], executable: "/usr/bin/soffice")
    #expect(run.status == 0, "\(run.stderr)")
    let info = try CLI.run([directory + "/status.pdf"], executable: "/usr/bin/pdfinfo")
    let pages = try #require(info.stdout.firstMatch(of: /Pages:\s+(\d+)/).flatMap { Int($0.1) })
    #expect(pages <= 20, "\(pages) pages")
    let size = try #require(info.stdout.firstMatch(of: /Page size:\s+([\d.]+) x ([\d.]+)/))
    #expect(Double(size.1)! > Double(size.2)!, "landscape: \(size.0)")
    let first = try CLI.run(
      ["-f", "1", "-l", "1", "-layout", directory + "/status.pdf", "-"],
      executable: "/usr/bin/pdftotext")
    for header in ["事務ID", "システム", "運用開始", "状態", "事務別", "1 / \(pages)"] {
      #expect(first.stdout.contains(header), "page 1 lacks \(header): \(first.stdout.prefix(400))")
    }
  }
}
