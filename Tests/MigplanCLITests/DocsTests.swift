import Foundation
import Testing

/// The docs do not drift: every relative link resolves, and every file a
/// `--help` text names exists.
@Suite struct DocsTests {
  static func markdownFiles() -> [String] {
    var files = [CLI.repository + "/README.md"]
    let docs = CLI.repository + "/docs"
    if let walker = FileManager.default.enumerator(atPath: docs) {
      for case let path as String in walker where path.hasSuffix(".md") {
        files.append(docs + "/" + path)
      }
    }
    return files.sorted()
  }

  @Test func everyRelativeLinkResolves() throws {
    var broken: [String] = []
    for file in Self.markdownFiles() {
      let text = try String(contentsOfFile: file, encoding: .utf8)
      let directory = (file as NSString).deletingLastPathComponent
      // [text](target) and ![alt](target), outside code spans.
      for part in text.components(separatedBy: "](").dropFirst() {
        guard let end = part.firstIndex(of: ")") else { continue }
        var target = String(part[..<end])
        if target.hasPrefix("http") || target.hasPrefix("#") || target.hasPrefix("mailto:") {
          continue
        }
        if let hash = target.firstIndex(of: "#") { target = String(target[..<hash]) }
        guard !target.isEmpty, !target.contains(" ") else { continue }
        let resolved = (directory as NSString).appendingPathComponent(target)
        if !FileManager.default.fileExists(atPath: resolved) {
          broken.append(
            "\(file.replacingOccurrences(of: CLI.repository + "/", with: "")): \(target)")
        }
      }
    }
    #expect(broken.isEmpty, "\(broken)")
  }

  /// Every `docs/…` or `catalog/…` path in a command's help is a file.
  @Test func everyFileAHelpTextNamesExists() throws {
    let commands: [[String]] = [
      ["check"], ["import"], ["record"], ["baseline"], ["baseline", "save"], ["schedule"],
      ["gantt"], ["proposals"], ["export", "csv"], ["report"], ["kpi"], ["specs"],
      ["portfolio"], ["generate", "national"], ["rcpsp"],
    ]
    var missing: [String] = []
    for command in commands {
      let run = try CLI.run(command + ["--help"])
      #expect(run.status == 0, "\(command)")
      let words = run.stdout.replacingOccurrences(of: "\n", with: " ").split(separator: " ")
      for word in words where word.hasPrefix("docs/") || word.hasPrefix("catalog/") {
        let path = word.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:)("))
        if !path.hasSuffix("/"),
          !FileManager.default.fileExists(atPath: CLI.repository + "/" + path)
        {
          missing.append("\(command.joined(separator: " ")): \(path)")
        }
      }
    }
    #expect(missing.isEmpty, "\(missing)")
  }

  /// The `./run` lines of a markdown file's code blocks, in order, without
  /// their comments.
  static func commands(in file: String) throws -> [String] {
    let text = try String(contentsOfFile: file, encoding: .utf8)
    var inCode = false
    var commands: [String] = []
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("```") {
        inCode.toggle()
        continue
      }
      guard inCode, line.hasPrefix("./run") || line.hasPrefix("cp ") else { continue }
      var command = line
      if let comment = command.range(of: "  #") ?? command.range(of: " # ") {
        command = String(command[..<comment.lowerBound])
      }
      commands.append(command.trimmingCharacters(in: .whitespaces))
    }
    return commands
  }

  /// A world where the docs' names exist: a copy of the repository's data,
  /// with Shinagawa's plan also under the name the guides give it
  /// (plans/品川区) with last month's baseline, and the examples' sheet
  /// where the guides read it.
  static func world(baseline: Bool) throws -> String {
    let root = try CLI.temporaryDirectory()
    let manager = FileManager.default
    for folder in ["catalog", "docs", "Tests"] {
      try manager.copyItem(atPath: CLI.repository + "/" + folder, toPath: root + "/" + folder)
    }
    // The shipped plan only: a reader who followed the README before has
    // plans/品川区 and others of their own, which the guides make anew.
    try manager.createDirectory(atPath: root + "/plans", withIntermediateDirectories: true)
    try manager.copyItem(
      atPath: CLI.repository + "/plans/shinagawa", toPath: root + "/plans/shinagawa")
    try? manager.removeItem(atPath: root + "/plans/shinagawa/" + ".migplan-lock")
    try manager.copyItem(atPath: root + "/plans/shinagawa", toPath: root + "/plans/品川区")
    try manager.copyItem(atPath: root + "/plans/shinagawa", toPath: root + "/plans/other")
    try manager.copyItem(
      atPath: root + "/docs/examples/PMO調査.csv", toPath: root + "/PMO調査_2026-11.csv")
    // Last month's baseline, which the reviewer guide compares with.
    if baseline {
      let saved = try CLI.run(["baseline", "save", "2026-10", "--plan", root + "/plans/品川区"])
      #expect(saved.status == 0, "\(saved.stderr)")
    }
    return root
  }

  /// The shared benchmark data the README's examples read, or the test
  /// fixtures that stand in for it in a clone without it.
  static func sharedData(_ command: String, root: String) -> String {
    let shared = CLI.repository + "/../shared/data"
    if FileManager.default.fileExists(atPath: shared + "/national") {
      return command.replacingOccurrences(of: "../shared/data", with: shared)
        .replacingOccurrences(
          of: "generate national -o", with: "generate national --data \(shared)/national -o")
    }
    let fixtures = CLI.repository + "/Tests/MigrationPlanningTests/Fixtures"
    return command.replacingOccurrences(
      of: "../shared/data/psplib/j30/j301_1.sm", with: fixtures + "/psplib/j301_1.sm"
    ).replacingOccurrences(
      of: "generate national -o", with: "generate national --data \(fixtures)/national -o")
  }

  /// Every `./run` command of README.md and the guides succeeds, run in
  /// order, file by file, as a reader would.
  @Test(arguments: [
    "README.md", "docs/guides/planner.md", "docs/guides/procurement.md",
    "docs/guides/reviewer.md",
  ])
  func everyCommandShownRuns(file: String) throws {
    let root = try Self.world(baseline: file.hasSuffix("reviewer.md"))
    defer { try? FileManager.default.removeItem(atPath: root) }
    let commands = try Self.commands(in: CLI.repository + "/" + file)
    #expect(!commands.isEmpty)
    for command in commands {
      // The docs' scratch paths (` /tmp/…`) go into the copy, before the
      // data's real paths (which may themselves lie under /tmp) come in.
      var line = Self.sharedData(
        command.replacingOccurrences(of: " /tmp/", with: " " + root + "/tmp-"), root: root)
      line = line.replacingOccurrences(of: "./run", with: "'" + CLI.binary.path + "'")
      let run = try CLI.run(["-c", line], directory: root, executable: "/bin/sh")
      #expect(run.status == 0, "\(file): \(command)\n\(run.stderr)")
    }
  }
}
