import Foundation
import Testing

/// Long functions become stages (#23 point 8): no function or initializer
/// in Sources/ runs over 80 lines, unless the line above it (and its doc
/// comment) gives a reason (`// Long: …`, for a hot loop that a split
/// would slow).
@Suite struct FunctionLengthTests {
  static let limit = 80

  /// Every function of `text` longer than `limit` lines without a reason:
  /// its first line's number, its name and its length.
  static func longFunctions(in text: String) -> [(line: Int, name: String, length: Int)] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    // Braces that count: outside comments and string literals.
    var inMultiline = false
    let counted: [(opens: Int, closes: Int)] = lines.map { line in
      if line.contains("\"\"\"") {
        if line.components(separatedBy: "\"\"\"").count % 2 == 0 { inMultiline.toggle() }
        return (0, 0)
      }
      if inMultiline { return (0, 0) }
      var code = String(line).replacing(/"(?:[^"\\]|\\.)*"/, with: "\"\"")
      if let comment = code.range(of: "//") { code = String(code[..<comment.lowerBound]) }
      return (code.filter { $0 == "{" }.count, code.filter { $0 == "}" }.count)
    }
    let declaration =
      /^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|private|fileprivate|internal|package|open|static|class|mutating|nonisolated|override|final|required|convenience)\s+)*(?:func\s+([^\s(<]+)|(init)[?(<])/
    var found: [(line: Int, name: String, length: Int)] = []
    for (index, line) in lines.enumerated() {
      guard let match = line.firstMatch(of: declaration) else { continue }
      let name = String(match.output.1 ?? match.output.2 ?? "init")
      var depth = 0
      var started = false
      var end = index
      while end < lines.count {
        depth += counted[end].opens - counted[end].closes
        if counted[end].opens > 0 { started = true }
        if started && depth <= 0 { break }
        end += 1
      }
      let length = end - index + 1
      // The reason stands above the declaration and its doc comment.
      func trimmed(_ line: Int) -> String { lines[line].trimmingCharacters(in: .whitespaces) }
      var above = index - 1
      while above >= 0, trimmed(above).hasPrefix("///") || trimmed(above).hasPrefix("@") {
        above -= 1
      }
      let reason = above >= 0 && trimmed(above).hasPrefix("// Long:")
      if started && length > limit && !reason { found.append((index + 1, name, length)) }
    }
    return found
  }

  @Test func noFunctionRunsOverEightyLines() throws {
    let sources = URL(fileURLWithPath: Paths.repository + "/Sources").path
    let files = FileManager.default.enumerator(atPath: sources)?.compactMap { $0 as? String } ?? []
    var offenders: [String] = []
    for file in files.sorted() where file.hasSuffix(".swift") {
      let text = try String(contentsOfFile: sources + "/" + file, encoding: .utf8)
      for long in Self.longFunctions(in: text) {
        offenders.append("\(file):\(long.line): \(long.name), \(long.length) lines")
      }
    }
    #expect(offenders.isEmpty, "\(offenders.joined(separator: "\n"))")
  }

  /// The measure finds a long function, counts it whole past braces in
  /// strings and comments, and lets a reason stand.
  @Test func theMeasureCountsWhatItShould() {
    let body = (0..<85).map { _ in "    x += \"}\" // {" }.joined(separator: "\n")
    let long = "  static func long() {\n" + body + "\n  }\n"
    #expect(Self.longFunctions(in: long).map(\.length) == [87])
    #expect(Self.longFunctions(in: "  // Long: a hot loop\n  /// Its doc.\n" + long).isEmpty)
    #expect(Self.longFunctions(in: "  // Long: a hot loop\n" + long).isEmpty)
    #expect(Self.longFunctions(in: "  func short() {\n    x = 1\n  }\n").isEmpty)
  }
}
