import Foundation
import Testing

@Suite struct SpecsCommandTests {
  static let fixtures = CLI.repository + "/Tests/MigrationPlanningTests/Fixtures"

  @Test func everyShippedSheetIsSummarised() throws {
    let run = try CLI.run(["specs", "--format", "json"])
    #expect(run.status == 0)
    #expect(run.stderr == "")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let products = try #require(json["products"] as? [[String: Any]])
    #expect(products.count == 16)
    let vendors = Set(products.compactMap { $0["vendor"] as? String })
    #expect(vendors.count == 9)
    let jumin = try #require(products.first { $0["product"] as? String == "fj-jumin" })
    let areas = try #require(jumin["areas"] as? [[String: Any]])
    #expect(areas.compactMap { $0["id"] as? String } == ["jumin-kiroku", "inkan-toroku"])
    #expect(jumin["capacity"] as? Int == 8)
    let counts = try #require(jumin["counts"] as? [String: [String: [String: Int]]])
    for kind in ["function", "form"] {
      for requirementClass in ["mandatory", "optional", "prohibited"] {
        #expect(
          counts[kind]?[requirementClass]?.keys.sorted() == [
            "deferred", "implemented", "not-implemented", "planned",
          ])
      }
    }
    #expect((counts["function"]?["mandatory"]?["implemented"] ?? 0) > 100)
  }

  @Test func textAndCSV() throws {
    let text = try CLI.run(["specs"])
    #expect(text.status == 0)
    #expect(text.stdout.hasPrefix("ベンダ "))
    let english = try CLI.run(["specs", "--lang", "en"])
    #expect(english.stdout.hasPrefix("Vendor "))
    let csv = try CLI.run([
      "specs", "--format", "csv", Self.fixtures + "/sheets-good/foreign-and-minimal.xml",
    ])
    #expect(csv.status == 0)
    let lines = csv.stdout.split(separator: "\n")
    #expect(
      lines.first
        == "vendor,product,areas,clouds,capacity,kind,class,implemented,planned,deferred,not-implemented"
    )
    #expect(lines.count == 1 + 2 * 6)
    #expect(
      lines[1]
        == "fujitsu-japan,fj-jumin,jumin-kiroku 4.0;inkan-toroku 2.1,aws;oci,3,function,mandatory,1,0,1,0"
    )
  }

  /// Hostile sheets: a clear error with file:line:column, exit 65, no crash.
  @Test(arguments: [
    "xxe.xml", "entity-bomb.xml", "external-dtd.xml", "parameter-entity.xml", "invalid-utf8.xml",
    "truncated.xml", "empty.xml",
  ])
  func hostileSheetIsRefused(name: String) throws {
    let path = Self.fixtures + "/sheets-bad/" + name
    let run = try CLI.run(["specs", path])
    #expect(run.status == 65)
    let first = try #require(run.stderr.split(separator: "\n").first)
    #expect(first.hasPrefix(path + ":"))
    #expect(first.contains(": error: "))
    #expect(!run.stderr.contains("root:"), "nothing from /etc/passwd")
  }

  @Test func directoryAndMissingFile() throws {
    let directory = try CLI.run(["specs", Self.fixtures])
    #expect(directory.status == 65)
    #expect(directory.stderr.contains("is a directory, not a file [file-is-directory]"))
    let missing = try CLI.run(["specs", "/nonexistent/sheet.xml"])
    #expect(missing.status == 66)
  }

  @Test func warningsDoNotFailTheRun() throws {
    let run = try CLI.run(["specs", Self.fixtures + "/sheets-bad/warnings.xml"])
    #expect(run.status == 0)
    #expect(run.stderr.contains("warning:") && run.stderr.contains("[mandatory-after-deadline]"))
  }
}
