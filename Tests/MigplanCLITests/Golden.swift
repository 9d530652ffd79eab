import Foundation
import Testing

/// Golden files: the expected output of a command, kept in Golden/. Run the
/// tests with MIGPLAN_RECORD=1 to re-record them after an intended change;
/// a difference is shown line by line.
enum Golden {
  static let directory = CLI.repository + "/Tests/MigplanCLITests/Golden"

  static func check(_ name: String, _ actual: String) throws {
    let path = directory + "/" + name
    if ProcessInfo.processInfo.environment["MIGPLAN_RECORD"] != nil {
      try actual.write(toFile: path, atomically: true, encoding: .utf8)
      return
    }
    // Bytes, not Strings: Foundation drops a byte-order mark when it reads.
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    let expected = String(decoding: bytes, as: UTF8.self)
    if bytes != Data(actual.utf8) {
      let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
      var diff: [String] = []
      for index in 0..<max(a.count, b.count) {
        let left = index < a.count ? String(a[index]) : "<none>"
        let right = index < b.count ? String(b[index]) : "<none>"
        if left != right { diff.append("line \(index + 1):\n- \(left)\n+ \(right)") }
      }
      let shown = diff.prefix(8).joined(separator: "\n")
      Issue.record("\(name) differs from its golden file:\n\(shown)")
    }
  }
}
