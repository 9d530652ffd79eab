import Foundation
import Testing

/// migplan without the repository: a copy of the binary elsewhere finds
/// the catalog ($MIGPLAN_CATALOG, ./catalog, an installed copy, or the one
/// built in) and, inside a plan directory, uses that plan.
@Suite struct RunsAnywhereTests {
  /// A copy of the binary in `directory/bin`.
  static func copiedBinary(in directory: String) throws -> String {
    try FileManager.default.createDirectory(
      atPath: directory + "/bin", withIntermediateDirectories: true)
    let copy = directory + "/bin/migplan"
    try FileManager.default.copyItem(atPath: CLI.binary.path, toPath: copy)
    return copy
  }

  static func run(
    _ binary: String, _ arguments: [String], in directory: String,
    environment: [String: String] = [:]
  ) throws -> MigplanRun {
    let line = ([binary] + arguments).map { "'" + $0 + "'" }.joined(separator: " ")
    var extra = environment
    if extra["MIGPLAN_CATALOG"] == nil { extra["MIGPLAN_CATALOG"] = "" }
    return try CLI.run(
      ["-c", line], environment: extra, directory: directory, executable: "/bin/sh")
  }

  @Test func aCopyElsewhereDrawsTheSameChartWithTheBuiltInCatalog() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let binary = try Self.copiedBinary(in: directory)
    let reference = try CLI.run(["gantt"])
    let plan = CLI.repository + "/plans/shinagawa"
    let elsewhere = try Self.run(binary, ["gantt", "--plan", plan], in: directory)
    #expect(elsewhere.status == 0, "\(elsewhere.stderr)")
    #expect(elsewhere.stdout == reference.stdout)
    let check = try Self.run(
      binary, ["check", "--plan", plan], in: directory, environment: CLI.shippedDay)
    #expect(
      check.stdout.replacingOccurrences(of: "\n", with: "").contains(
        "(カタログ 内蔵のカタログ): エラー 0件・警告 0件"))
    // Inside a plan directory, that plan.
    try FileManager.default.copyItem(atPath: plan, toPath: directory + "/mine")
    let inside = try Self.run(binary, ["gantt"], in: directory + "/mine")
    #expect(inside.status == 0, "\(inside.stderr)")
    #expect(inside.stdout == reference.stdout)
    #expect(
      try Self.run(binary, ["check"], in: directory + "/mine").stdout.hasPrefix("問題なし: . (カタログ"))
  }

  @Test func theEnvironmentAndAnInstalledCopyComeBeforeTheBuiltIn() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let binary = try Self.copiedBinary(in: directory)
    let plan = CLI.repository + "/plans/shinagawa"
    let catalog = CLI.repository + "/catalog"
    let variable = try Self.run(
      binary, ["check", "--plan", plan], in: directory, environment: ["MIGPLAN_CATALOG": catalog])
    #expect(
      variable.stdout.contains("(カタログ \(catalog) ($MIGPLAN_CATALOG)):"), "\(variable.stdout)")
    try FileManager.default.createDirectory(
      atPath: directory + "/share/migplan", withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: catalog, toPath: directory + "/share/migplan/catalog")
    let installed = try Self.run(binary, ["check", "--plan", plan], in: directory)
    #expect(
      installed.stdout.replacingOccurrences(of: "\n", with: "").contains(
        "/share/migplan/catalog (インストール済み)): エラー 0件"),
      "\(installed.stdout)")
  }

  /// The built-in catalog is made from catalog/ at build time: every
  /// spec sheet and the whole check read the same from it as from the
  /// directory.
  @Test func theBuiltInCatalogIsTheCatalog() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let binary = try Self.copiedBinary(in: directory)
    let catalog = CLI.repository + "/catalog"
    for format in ["text", "json"] {
      let builtIn = try Self.run(binary, ["specs", "--format", format], in: directory)
      let onDisk = try Self.run(
        binary, ["specs", "--format", format, "--catalog", catalog], in: directory)
      #expect(builtIn.status == 0, "\(builtIn.stderr)")
      #expect(!builtIn.stdout.isEmpty)
      // The same sheets, named as the built-in catalog names its files.
      #expect(
        builtIn.stdout
          == onDisk.stdout.replacingOccurrences(of: catalog + "/", with: "migplan:catalog/"))
    }
    // Areas, steps and calendar: the whole schedule reads the same.
    let plan = CLI.repository + "/plans/shinagawa"
    let schedule = ["schedule", "--plan", plan, "--format", "json", "--as-of", "2026-12-06"]
    let builtIn = try Self.run(binary, schedule, in: directory)
    #expect(builtIn.status == 0, "\(builtIn.stderr)")
    #expect(
      builtIn.stdout
        == (try Self.run(binary, schedule + ["--catalog", catalog], in: directory)).stdout)
    let kpi = ["kpi", "--plan", plan, "--pmo", "--format", "json"]
    #expect(
      (try Self.run(binary, kpi, in: directory)).stdout
        == (try Self.run(binary, kpi + ["--catalog", catalog], in: directory)).stdout)
    let sheets = try FileManager.default.contentsOfDirectory(atPath: catalog + "/vendors")
      .filter { $0.hasSuffix(".xml") }
    let listed = try Self.run(binary, ["specs", "--format", "json"], in: directory).stdout
    #expect(sheets.count > 1)
    for sheet in sheets {
      let vendor = String(sheet.dropLast(4))
      #expect(listed.contains("\"" + vendor + "\""), "\(vendor) missing from the built-in catalog")
    }
  }

  /// The built-in catalog is read in memory: nothing is written to the
  /// user's cache, home or temporary directory.
  @Test func theBuiltInCatalogIsNeverWrittenOut() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let binary = try Self.copiedBinary(in: directory)
    for place in ["cache", "home", "tmp"] {
      try FileManager.default.createDirectory(
        atPath: directory + "/" + place, withIntermediateDirectories: true)
    }
    let run = try Self.run(
      binary, ["check", "--plan", CLI.repository + "/plans/shinagawa"], in: directory,
      environment: [
        "XDG_CACHE_HOME": directory + "/cache", "HOME": directory + "/home",
        "TMPDIR": directory + "/tmp",
      ])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("内蔵のカタログ"), "\(run.stdout)")
    for place in ["cache", "home", "tmp"] {
      #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/" + place) == [])
    }
  }
}
