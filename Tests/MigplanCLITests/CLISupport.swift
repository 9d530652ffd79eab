import Foundation

/// Runs the built `migplan` binary, as a user would, from the repository root.
struct MigplanRun {
  var status: Int32
  var stdout: String
  var stderr: String
}

enum CLI {
  static let repository: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  /// The binary beside the test bundle (swift test builds every product).
  static let binary: URL = {
    let candidates = [
      Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("migplan"),
      Bundle.main.bundleURL.appendingPathComponent("migplan"),
      URL(fileURLWithPath: repository + "/.build/debug/migplan"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
      ?? candidates[2]
  }()

  static func run(
    _ arguments: [String], environment extra: [String: String] = [:],
    directory: String = repository, executable: String? = nil
  ) throws -> MigplanRun {
    let process = Process()
    process.executableURL = executable.map { URL(fileURLWithPath: $0) } ?? binary
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    // Today is pinned: a plan's distance from today is part of the output.
    environment["MIGPLAN_TODAY"] = "2026-12-06"
    // Text output's width: 120 unless a test says otherwise.
    environment["COLUMNS"] = nil
    for (key, value) in extra { environment[key] = value }
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes before waiting, so a large output cannot block the child.
    let group = DispatchGroup()
    nonisolated(unsafe) var errData = Data()
    group.enter()
    DispatchQueue.global().async {
      errData = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return MigplanRun(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// A scratch directory, removed by the caller.
  /// The day after the shipped plan's as-of date: a run on it is what the
  /// plan describes, with nothing behind today.
  static let shippedDay = ["MIGPLAN_TODAY": "2024-02-01"]

  static func temporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "migplan-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// A copy of the Shinagawa plan with its text changed by `edit`.
  static func editedPlan(_ edit: (String) -> String) throws -> String {
    let directory = try temporaryDirectory()
    let original = try String(
      contentsOfFile: repository + "/plans/shinagawa/plan.xml", encoding: .utf8)
    try edit(original).write(toFile: directory + "/plan.xml", atomically: true, encoding: .utf8)
    return directory
  }
}
