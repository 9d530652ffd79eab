import Foundation
import Testing

@Suite struct ExportCSVTests {
  static func scheduleSystems() throws -> [String: [String: Any]] {
    let run = try CLI.run(["schedule", "--format", "json"])
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let systems = try #require(json["systems"] as? [[String: Any]])
    return Dictionary(
      uniqueKeysWithValues: systems.compactMap { s in (s["id"] as? String).map { ($0, s) } })
  }

  @Test func eighteenAreaRowsConsistentWithTheSchedule() throws {
    let run = try CLI.run(["export", "csv"])
    #expect(run.status == 0)
    let rows = parseCSV(run.stdout)
    #expect(
      rows.first == [
        "area_id", "area_name", "systems", "vendors", "procurement_method", "procurement_status",
        "pmo_done",
        "pmo_total", "pmo_rate", "planned_go_live", "deadline", "slack_days", "days_late", "status",
        "tokutei", "binding", "binding_assumed",
      ])
    #expect(rows.count == 19)
    let systems = try Self.scheduleSystems()
    for row in rows.dropFirst() {
      #expect(row.count == 17)
      #expect(Int(row[12]) == max(0, -(Int(row[11]) ?? 0)))
      #expect(row[7] == "40")
      #expect(Double(row[8]) == Double(row[6]).map { $0 / 40 })
      // The area's go-live is the latest of its systems'.
      let serving = systems.values.filter { ($0["areas"] as? [String] ?? []).contains(row[0]) }
      #expect(row[9] == serving.compactMap { $0["goLive"] as? String }.max())
    }
    let kenko = try #require(rows.first { $0[0] == "kenko-kanri" })
    #expect(kenko[2] == "がん検診システム・予防接種;母子保健システム")
  }

  @Test func seventeenSystemRowsMatchScheduleJSON() throws {
    let run = try CLI.run(["export", "csv", "--by", "system"])
    let rows = parseCSV(run.stdout)
    #expect(rows.first?.prefix(3) == ["system_id", "system_name", "areas"])
    #expect(rows.count == 18)
    let systems = try Self.scheduleSystems()
    for row in rows.dropFirst() {
      let system = try #require(systems[row[0]])
      #expect(row[9] == system["goLive"] as? String)
      #expect(row[10] == system["deadline"] as? String)
      #expect(Int(row[11]) == system["slackDays"] as? Int)
      #expect(Int(row[12]) == system["daysLate"] as? Int)
      #expect(row[13] == system["status"] as? String)
      #expect(row[14] == ((system["tokutei"] as? Bool ?? false) ? "true" : "false"))
    }
  }

  @Test func japaneseHeadersExcelAndJSON() throws {
    let ja = try CLI.run(["export", "csv", "--lang", "ja", "--excel"])
    #expect(ja.stdout.hasPrefix("\u{FEFF}事務ID,事務名,システム,"))
    #expect(ja.stdout.contains("\r\n"))
    #expect(!ja.stdout.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    #expect(parseCSV(ja.stdout).count == 19)
    let json = try CLI.run(["export", "csv", "--format", "json"])
    let rows = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    #expect(rows.count == 18)
    #expect(rows.first?["pmo_total"] as? Int == 40)
  }

  @Test func quotingAndFormulasSurviveARoundTrip() throws {
    // A plan whose names need quoting and neutralising.
    let plan = try CLI.editedPlan {
      $0.replacingOccurrences(
        of: "name=\"選挙システム\"", with: "name=\"=HYPERLINK(&quot;x&quot;),選挙 &quot;新&quot;\""
      )
      .replacingOccurrences(of: "name=\"行政システム株式会社\"", with: "name=\"@行政, システム\"")
    }
    defer { try? FileManager.default.removeItem(atPath: plan) }
    let run = try CLI.run(["export", "csv", "--by", "system", "--plan", plan])
    #expect(run.status == 0, "\(run.stderr)")
    let row = try #require(parseCSV(run.stdout).first { $0.first == "senkyo" })
    #expect(row[1] == "'=HYPERLINK(\"x\"),選挙 \"新\"")
    #expect(row[3] == "'@行政, システム")
  }

  @Test func outputFileIsWrittenAtomically() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let target = directory + "/status.csv"
    try "old contents\n".write(toFile: target, atomically: true, encoding: .utf8)
    // A failing run (a plan with an error) leaves the file as it was.
    let broken = try CLI.editedPlan {
      $0.replacingOccurrences(of: "<serves area=\"kaigo\"/>", with: "<serves area=\"kaig\"/>")
    }
    defer { try? FileManager.default.removeItem(atPath: broken) }
    let failed = try CLI.run(["export", "csv", "--plan", broken, "-o", target])
    #expect(failed.status == 65)
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "old contents\n")
    // A good run replaces it whole, leaving no temporary file behind.
    let good = try CLI.run(["export", "csv", "-o", target])
    #expect(good.status == 0 && good.stdout == "")
    #expect(parseCSV(try String(contentsOfFile: target, encoding: .utf8)).count == 19)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["status.csv"])
    let nowhere = try CLI.run(["export", "csv", "-o", directory + "/missing/status.csv"])
    #expect(nowhere.status == 73)
  }
}
