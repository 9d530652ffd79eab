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
    let check = try Self.run(binary, ["check", "--plan", plan], in: directory)
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

  @Test func theBuiltInCatalogIsTheCatalog() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", CLI.repository + "/scripts/embed-catalog", "--check"]
    let pipe = Pipe()
    process.standardError = pipe
    process.standardOutput = Pipe()
    try process.run()
    let message = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(message)")
  }

  /// A built-in copy a cleaner has cut into is written again, in the
  /// user's private cache (0700), never at a fixed name in the shared
  /// temporary directory.
  @Test func aDamagedBuiltInCopyIsWrittenAgain() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let binary = try Self.copiedBinary(in: directory)
    let plan = CLI.repository + "/plans/shinagawa"
    let cache = directory + "/cache"
    let environment = ["XDG_CACHE_HOME": cache]
    #expect(
      try Self.run(binary, ["check", "--plan", plan], in: directory, environment: environment)
        .status == 0)
    var info = stat()
    #expect(lstat(cache + "/migplan", &info) == 0 && info.st_mode & 0o777 == 0o700)
    let copies = try FileManager.default.contentsOfDirectory(atPath: cache + "/migplan").filter {
      $0.hasPrefix("catalog-")
    }
    #expect(copies.count == 1)
    for copy in copies {
      try FileManager.default.removeItem(atPath: cache + "/migplan/" + copy + "/vendors/act.xml")
    }
    let again = try Self.run(
      binary, ["check", "--plan", plan], in: directory, environment: environment)
    #expect(
      again.stdout.contains("(カタログ 内蔵のカタログ): エラー 0件・警告 0件"), "\(again.stdout)")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: cache + "/migplan").filter {
        !$0.hasPrefix("catalog-")
      } == [])
  }

  /// A cache another user could write in is not used: the run makes its
  /// own private directory and leaves nothing behind.
  @Test func aSharedCacheIsNotUsed() throws {
    let directory = try CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let binary = try Self.copiedBinary(in: directory)
    let cache = directory + "/cache"
    try FileManager.default.createDirectory(
      atPath: cache + "/migplan", withIntermediateDirectories: true)
    chmod(cache + "/migplan", 0o777)
    let run = try Self.run(
      binary, ["check", "--plan", CLI.repository + "/plans/shinagawa"], in: directory,
      environment: ["XDG_CACHE_HOME": cache])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: cache + "/migplan") == [])
  }
}
