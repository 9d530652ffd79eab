/// A table of text cells, rendered with columns aligned by display width.
public struct TextTable: Sendable {
  /// The header cells.
  public var header: [String]
  /// The rows' cells.
  public var rows: [[String]]
  /// Columns aligned to the right (numbers).
  public var rightAligned: Set<Int>
  /// Columns never cut to fit a width (dates, numbers, statuses): they are
  /// shown whole or dropped.
  public var whole: Set<Int> = []

  /// A table; the columns in `rightAligned` are aligned right.
  public init(header: [String], rows: [[String]], rightAligned: Set<Int> = []) {
    self.header = header
    self.rows = rows
    self.rightAligned = rightAligned
  }

  /// The narrowest a column is cut to before columns are dropped.
  static let narrowest = 6

  /// Two spaces between columns; a rule under the header; no trailing
  /// spaces. Within `width` display columns when given: the widest columns
  /// are cut first (their cells end with …), down to `narrowest`; the last
  /// columns are then dropped, and a line names them.
  public func rendered(width: Int? = nil) -> String {
    var shown = Array(header.indices)
    var widths = header.map { DisplayWidth.of($0) }
    for row in rows {
      for (column, cell) in row.enumerated() where column < header.count {
        widths[column] = max(widths[column], DisplayWidth.of(cell))
      }
    }
    func total() -> Int { shown.map { widths[$0] }.reduce(0, +) + 2 * max(shown.count - 1, 0) }
    if let width {
      while total() > width {
        // Cut the widest column that can still be cut.
        if let widest = shown.filter({ widths[$0] > Self.narrowest && !whole.contains($0) })
          .max(by: { widths[$0] < widths[$1] || (widths[$0] == widths[$1] && $0 > $1) })
        {
          widths[widest] -= 1
        } else if shown.count > 1 {
          shown.removeLast()
        } else {
          break
        }
      }
    }
    func line(_ cells: [String]) -> String {
      var parts: [String] = []
      for column in shown {
        var cell = column < cells.count ? cells[column] : ""
        if DisplayWidth.of(cell) > widths[column] {
          cell = DisplayWidth.truncate(cell, to: widths[column])
        }
        parts.append(
          DisplayWidth.pad(cell, to: widths[column], alignRight: rightAligned.contains(column)))
      }
      var text = parts.joined(separator: "  ")
      while text.hasSuffix(" ") { text.removeLast() }
      return text + "\n"
    }
    var output = line(header)
    output +=
      shown.map { String(repeating: "-", count: widths[$0]) }.joined(separator: "  ")
      + "\n"
    for row in rows { output += line(row) }
    if shown.count < header.count {
      let dropped = header.indices.filter { !shown.contains($0) }.map { header[$0] }
      output += TextFolding.fold(
        "(省略した列: \(dropped.joined(separator: "・")) — --width を広げるか --format csv で全列)",
        width: width ?? Int.max)
    }
    return output
  }
}

/// Lines of text within a width.
public enum TextFolding {
  /// `text` as lines of at most `width` display columns, broken between
  /// characters (never inside one); each line ends with a newline.
  public static func fold(_ text: String, width: Int) -> String {
    var output = ""
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var current = ""
      var used = 0
      for character in line {
        let w = DisplayWidth.of(String(character))
        if used + w > width && !current.isEmpty {
          output += current + "\n"
          current = ""
          used = 0
        }
        current.append(character)
        used += w
      }
      output += current + "\n"
    }
    return output
  }
}
