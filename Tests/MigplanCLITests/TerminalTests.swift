import Foundation
import Testing

/// migplan in a real terminal: tmux, read back with `capture-pane`.
@Suite(.serialized) struct TerminalTests {
  /// Runs `command` in a detached tmux session of `width` columns and
  /// returns the screen, with escape sequences when `escapes`.
  static func screen(_ command: String, width: Int = 120, escapes: Bool = false) throws -> String {
    let tmux = "/usr/bin/tmux"
    #expect(
      FileManager.default.isExecutableFile(atPath: tmux), "tmux is needed: apt-get install tmux")
    let session = "migplan-\(UUID().uuidString.prefix(8))"
    let socket = NSTemporaryDirectory() + session + ".sock"
    // tmux's server outlives the client that starts it and inherits what
    // Foundation watches to see a child end: the client that starts it is
    // not waited for; the session is polled instead.
    func tmuxRun(_ arguments: [String], wait: Bool = true) throws -> String {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: tmux)
      process.arguments = ["-S", socket] + arguments
      let pipe = Pipe()
      process.standardOutput = wait ? pipe : FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      guard wait else { return "" }
      let data = pipe.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return String(decoding: data, as: UTF8.self)
    }
    let done = NSTemporaryDirectory() + session + ".done"
    _ = try tmuxRun(
      [
        "new-session", "-d", "-s", session, "-x", String(width), "-y", "60",
        "cd '\(CLI.repository)' && \(command); touch '\(done)'; sleep 30",
      ], wait: false)
    defer {
      _ = try? tmuxRun(["kill-server"], wait: false)
      try? FileManager.default.removeItem(atPath: done)
      try? FileManager.default.removeItem(atPath: socket)
    }
    for _ in 0..<200 where !FileManager.default.fileExists(atPath: done) {
      Thread.sleep(forTimeInterval: 0.05)
    }
    // -J joins lines the terminal wrapped, so a line too wide shows whole;
    // -S - starts at the history's beginning.
    return try tmuxRun(
      ["capture-pane", "-p", "-J", "-S", "-", "-t", session] + (escapes ? ["-e"] : []))
  }

  @Test func colourOnATerminalUnlessNoColorHasAValue() throws {
    let binary = CLI.binary.path
    let coloured = try Self.screen("TERM=xterm-256color NO_COLOR= '\(binary)' gantt", escapes: true)
    #expect(coloured.contains("\u{1B}["), "an empty NO_COLOR does not turn colour off")
    let plain = try Self.screen("TERM=xterm-256color NO_COLOR=1 '\(binary)' gantt", escapes: true)
    #expect(plain.contains("住民記録システム"))
    #expect(!plain.contains("\u{1B}[3") && !plain.contains("\u{1B}[9"), "NO_COLOR=1: no colour")
  }

  /// The width of the terminal, with no --width: no line wider.
  @Test(arguments: [80, 100])
  func textFitsTheTerminal(width: Int) throws {
    let binary = CLI.binary.path
    for command in [
      "gantt", "schedule", "proposals", "kpi", "specs", "portfolio plans/shinagawa",
      "forecast --samples 100", "check", "baseline list",
    ] {
      let screen = try Self.screen(
        "TERM=xterm-256color NO_COLOR=1 COLUMNS= MIGPLAN_TODAY=2024-02-01 '\(binary)' \(command); printf '%s\\n' END-OF-OUTPUT",
        width: width)
      #expect(screen.contains("END-OF-OUTPUT"), "\(command) finished")
      let widest = screen.split(separator: "\n").map { displayWidth($0) }.max() ?? 0
      #expect(widest <= width, "\(command) at \(width) columns: a line of \(widest)")
      // check and baseline list print a line; the others a table.
      let short = command == "check" || command == "baseline list"
      #expect(short || screen.split(separator: "\n").count > 5, "\(command) printed its table")
    }
  }
}
