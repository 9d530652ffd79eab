import Foundation
import Testing

@Suite struct PortfolioCommandTests {
  @Test func twoPlansTogether() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let imported = directory + "/kitakata"
    _ = try CLI.run([
      "import", ImportCommandTests.tables + "/kitakata.csv", "--name", "喜多方市", "--as-of",
      "2024-06-30", "-o", imported,
    ])
    let run = try CLI.run(["portfolio", "plans/shinagawa", imported])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n")
    #expect(lines.first?.hasPrefix("ポートフォリオ") == true)
    #expect(lines.dropFirst().first { !$0.isEmpty }?.hasPrefix("期限内の事務: ") == true)
    #expect(run.stdout.contains("ベンダの負荷"))
    let csv = try CLI.run(["portfolio", "plans/shinagawa", imported, "--format", "csv"])
    let rows = parseCSV(csv.stdout)
    #expect(rows.first?.prefix(3) == ["municipality", "prefecture", "area_id"])
    #expect(rows.count == 1 + 18 + 20)
    #expect(rows.filter { $0.first == "品川区" }.count == 18)
  }

  @Test func generatedNationalPortfolioIsByteIdentical() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let data = CLI.repository + "/Tests/MigrationPlanningTests/Fixtures/national"
    let first = try CLI.run([
      "generate", "national", "--data", data, "-o", directory + "/a", "--seed", "3",
    ])
    let second = try CLI.run([
      "generate", "national", "--data", data, "-o", directory + "/b", "--seed", "3",
    ])
    #expect(first.status == 0 && second.status == 0)
    let a = try String(contentsOfFile: directory + "/a/portfolio.xml", encoding: .utf8)
    let b = try String(contentsOfFile: directory + "/b/portfolio.xml", encoding: .utf8)
    #expect(a == b)
    let json = try CLI.run(["portfolio", directory + "/a", "--format", "json"])
    #expect(json.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect((object["areas"] as? [String: Any])?["total"] as? Int == 120)
  }

  /// The model a portfolio was generated with is named in its README and
  /// its header; options change a preset.
  @Test func generatedPortfolioNamesItsModel() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let data = CLI.repository + "/Tests/MigrationPlanningTests/Fixtures/national"
    func generate(_ name: String, _ options: [String]) throws -> (xml: String, readme: String) {
      let run = try CLI.run(
        ["generate", "national", "--data", data, "-o", directory + "/" + name] + options)
      #expect(run.status == 0, "\(run.stderr)")
      return (
        try String(contentsOfFile: directory + "/\(name)/portfolio.xml", encoding: .utf8),
        try String(contentsOfFile: directory + "/\(name)/README.md", encoding: .utf8)
      )
    }
    let calibrated = try generate("c", [])
    #expect(calibrated.xml.contains("blackouts=\"ignore\""))
    #expect(calibrated.xml.contains("(the calibrated model)"))
    #expect(calibrated.readme.contains("the calibrated model"))
    let first = try generate("f", ["--model", "first"])
    #expect(!first.xml.contains("blackouts="))
    #expect(first.readme.contains("the first model"))
    let changed = try generate("x", ["--model", "first", "--without-blackouts"])
    #expect(changed.xml.contains("blackouts=\"ignore\""))
    #expect(changed.readme.contains("a model changed by options"))
    // Vendors far too short: the forecast names them by their official names.
    _ = try generate("t", ["--vendor-capacity-ratio", "0.01"])
    let forecast = try CLI.run([
      "forecast", directory + "/t", "--samples", "10", "--width", "200",
    ])
    #expect(forecast.status == 0, "\(forecast.stderr)")
    #expect(forecast.stdout.contains("株式会社") && forecast.stdout.contains("の容量"))
    #expect(!forecast.stdout.contains("vendor:"))
    // CSV for people says the name too; CSV for programs keeps the code.
    let sheet = try CLI.run([
      "forecast", directory + "/t", "--samples", "10", "--format", "csv", "--lang", "ja",
    ])
    #expect(sheet.stdout.contains("株式会社") && sheet.stdout.contains("の容量"))
    #expect(!sheet.stdout.contains("vendor:"))
    let machine = try CLI.run([
      "forecast", directory + "/t", "--samples", "10", "--format", "csv",
    ])
    #expect(machine.stdout.contains("resource:vendor:"))
    let rows = try CLI.run(["portfolio", directory + "/t", "--format", "csv", "--lang", "ja"])
    #expect(rows.stdout.contains("の容量") && !rows.stdout.contains("vendor:"))
  }
}
