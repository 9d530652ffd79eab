import Foundation
import Testing

/// The small things a command-line user notices (#13).
@Suite struct CommandLineManners {
  @Test func outputReplacesAFileKeepingItsMode() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/status.csv"
    try "old".write(toFile: path, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
    let run = try CLI.run(["export", "csv", "-o", path])
    #expect(run.status == 0, "\(run.stderr)")
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o640)
    #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("area_id,"))
  }

  @Test func negotiatedContractsHaveAPartnerNotBidders() throws {
    let run = try CLI.run(["proposals", "--all", "--format", "json"])
    #expect(run.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    let proposals = try #require(object?["proposals"] as? [[String: Any]])
    let negotiated = proposals.filter { $0["method"] as? String == "negotiated" }
    #expect(!negotiated.isEmpty)
    #expect(negotiated.allSatisfy { ($0["respondents"] as? [String])?.isEmpty == true })
    #expect(negotiated.allSatisfy { $0["partner"] is String })
    let text = try CLI.run(["proposals", "--all"])
    #expect(text.stdout.contains("相手方: 富士通Japan株式会社"))
  }

  /// The importer's own assumptions are consistent with the template.
  @Test(arguments: ["kitakata.csv", "other-town.csv", "shinagawa.csv"])
  func anImportedTableGivesAPlanWithoutStatusOrderWarnings(table: String) throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let imported = try CLI.run([
      "import", "Tests/MigplanCLITests/Tables/" + table, "--name", "町", "--as-of", "2024-06-30",
      "-o", directory + "/plan",
    ])
    #expect(imported.status == 0, "\(imported.stderr)")
    let check = try CLI.run(["check", "--plan", directory + "/plan"])
    #expect(check.status == 0, "\(check.stderr)")
    #expect(!check.stderr.contains("[status-order]"), "\(check.stderr)")
  }
}
