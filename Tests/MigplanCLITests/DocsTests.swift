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
}
