import Foundation
import Testing

/// Imported plans: one vendor per company however its name is written, and
/// assumptions that say so when they bind.
@Suite struct ImportedPlanTests {
  static func importOtherTown(_ extra: [String] = []) throws -> (String, MigplanRun) {
    let scratch = try CLI.temporaryDirectory()
    let run = try CLI.run(
      [
        "import", "Tests/MigplanCLITests/Tables/other-town.csv", "--name", "架空町", "--as-of",
        "2024-06-30", "-o", scratch + "/town",
      ] + extra)
    return (scratch, run)
  }

  @Test func oneVendorPerCompanyHoweverWritten() throws {
    let (scratch, run) = try Self.importOtherTown()
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    #expect(run.status == 0, "\(run.stderr)")
    let text = try String(contentsOfFile: scratch + "/town/plan.xml", encoding: .utf8)
    let vendors = text.split(separator: "\n").filter { $0.contains("<vendor ") }
    // 富士通 three ways, 両毛 two ways, 日本電気 with ㈱: one each; 有限会社 and
    // 株式会社 of one name stay two companies.
    #expect(vendors.count == 6)
    #expect(vendors.filter { $0.contains("富士通") }.count == 1)
    #expect(vendors.filter { $0.contains("両毛") }.count == 1)
    #expect(vendors.contains { $0.contains("ミライ情報有限会社") })
    #expect(vendors.contains { $0.contains("ミライ情報株式会社") })
    #expect(!text.contains("fujitsu-japan-2"))
  }

  @Test func defaultsDoNotMakeEverySystemLateAndAreListed() throws {
    let (scratch, run) = try Self.importOtherTown()
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    #expect(run.stdout.contains("仮定した値"))
    #expect(run.stdout.contains("職員の容量 10"))
    let text = try String(contentsOfFile: scratch + "/town/plan.xml", encoding: .utf8)
    #expect(text.contains("<staff capacity=\"10\" assumed=\"capacity\"/>"))
    #expect(text.contains("assumed=\"start end\""))
    let schedule = try CLI.run(["schedule", "--plan", scratch + "/town", "--format", "json"])
    #expect(schedule.status == 0)
    // The defaults are marked on the resources, and bind no system.
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(schedule.stdout.utf8)) as? [String: Any])
    let resources = try #require(json["resources"] as? [[String: Any]])
    #expect(resources.contains { $0["id"] as? String == "staff" && $0["assumed"] as? Bool == true })
    for system in try #require(json["systems"] as? [[String: Any]]) {
      let binding = system["binding"] as? [[String: Any]] ?? []
      #expect(!binding.contains { $0["assumed"] as? Bool == true })
    }
  }

  @Test func aBindingAssumptionIsMarkedInTextJSONAndCSV() throws {
    let (scratch, run) = try Self.importOtherTown()
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    #expect(run.status == 0)
    // Make the assumed staff capacity small enough to bind.
    let file = scratch + "/town/plan.xml"
    let text = try String(contentsOfFile: file, encoding: .utf8)
      .replacingOccurrences(
        of: "<staff capacity=\"10\" assumed=\"capacity\"/>",
        with: "<staff capacity=\"2\" assumed=\"capacity\"/>")
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    let plan = scratch + "/town"
    let schedule = try CLI.run(["schedule", "--plan", plan, "--width", "400"])
    #expect(schedule.stdout.contains("職員の容量 (2, 取込時の仮定"))
    let json = try CLI.run(["schedule", "--plan", plan, "--format", "json"])
    #expect(json.stdout.contains("\"assumed\": true"))
    let csv = parseCSV(try CLI.run(["export", "csv", "--plan", plan, "--by", "system"]).stdout)
    let column = try #require(csv[0].firstIndex(of: "binding_assumed"))
    #expect(csv.dropFirst().contains { $0.count > column && $0[column] == "true" })
    let gantt = try CLI.run(["gantt", "--plan", plan])
    #expect(gantt.stdout.contains("取込時の仮定"))
    // Recording the real value removes the marker and the note.
    let record = try CLI.run(
      ["record", "--plan", plan, "--staff", "2"], environment: ["MIGPLAN_TODAY": "2024-07-01"])
    #expect(record.status == 0, "\(record.stderr)")
    #expect(try String(contentsOfFile: file, encoding: .utf8).contains("<staff capacity=\"2\"/>"))
    #expect(!(try CLI.run(["gantt", "--plan", plan]).stdout.contains("取込時の仮定")))
  }

  @Test func checkWarnsAboutACompanyDeclaredTwice() throws {
    let plan = try CLI.editedPlan {
      $0.replacingOccurrences(
        of: "  <vendor id=\"gyosei-system\" name=\"行政システム株式会社\"/>",
        with:
          "  <vendor id=\"gyosei-system\" name=\"行政システム株式会社\"/>\n  <vendor id=\"fj2\" name=\"富士通Ｊａｐａｎ（株）\" capacity=\"9\"/>"
      )
    }
    defer { try? FileManager.default.removeItem(atPath: plan) }
    let check = try CLI.run(["check", "--plan", plan])
    #expect(check.stderr.contains("plan.xml:21:3: warning:"))
    #expect(check.stderr.contains("declared at line 12"))
    #expect(check.stderr.contains("[duplicate-vendor]"))
  }
}
