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
  /// Columns whose cells, when cut, keep their last parenthesised part (a
  /// cause's step: `職員の… (14.2)`).
  public var keepingTail: Set<Int> = []
  /// How much each column matters (normal when not given): a narrow
  /// width drops the least important first, the rightmost of equals.
  public var importance: [ColumnImportance] = []
  /// The columns left of the table (an indented section): the width the
  /// note about dropped columns asks for includes them.
  public var indent = 0
  /// The language of the note that names dropped columns.
  public var words = ReportWords(.ja)

  /// A table; the columns in `rightAligned` are aligned right.
  public init(header: [String], rows: [[String]], rightAligned: Set<Int> = []) {
    self.header = header
    self.rows = rows
    self.rightAligned = rightAligned
  }

  /// The narrowest a column is cut to before columns are dropped: 16
  /// display columns, eight full-width characters; a name cut shorter
  /// reads as nothing.
  static let narrowest = 16

  /// Two spaces between columns; a rule under the header; no trailing
  /// spaces. Within `width` display columns when given: the widest columns
  /// are cut first (their cells end with …), down to `narrowest`; when
  /// that is not enough the least important columns are dropped instead
  /// (the rightmost of equals), a line names them and the `--width` that
  /// shows them all, and the columns cut get back the room the dropped
  /// ones leave.
  public func rendered(width: Int? = nil) -> String {
    var shown = Array(header.indices)
    var natural = header.map { DisplayWidth.of($0) }
    for row in rows {
      for (column, cell) in row.enumerated() where column < header.count {
        natural[column] = max(natural[column], DisplayWidth.of(cell))
      }
    }
    var widths = natural
    func total() -> Int { shown.map { widths[$0] }.reduce(0, +) + 2 * max(shown.count - 1, 0) }
    func floor(_ column: Int) -> Int {
      whole.contains(column) ? natural[column] : min(natural[column], Self.narrowest)
    }
    if let width {
      func rank(_ column: Int) -> ColumnImportance {
        column < importance.count ? importance[column] : .normal
      }
      // Drop the least important columns while even cut to their floors
      // they do not fit.
      while shown.count > 1,
        shown.map(floor).reduce(0, +) + 2 * (shown.count - 1) > width,
        let least = shown.min(by: { rank($0) < rank($1) || (rank($0) == rank($1) && $0 > $1) })
      {
        shown.removeAll { $0 == least }
      }
      // Cut the widest column that can still be cut, one column at a time.
      while total() > width {
        guard
          let widest = shown.filter({ widths[$0] > floor($0) })
            .max(by: { widths[$0] < widths[$1] || (widths[$0] == widths[$1] && $0 > $1) })
        else { break }
        widths[widest] -= 1
      }
    }
    func line(_ cells: [String]) -> String {
      var parts: [String] = []
      for column in shown {
        var cell = column < cells.count ? cells[column] : ""
        if DisplayWidth.of(cell) > widths[column] {
          cell =
            keepingTail.contains(column)
            ? DisplayWidth.truncateKeepingTail(cell, to: widths[column])
            : DisplayWidth.truncate(cell, to: widths[column])
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
      // The narrowest width that drops nothing (cells cut to their floors).
      let needed = header.indices.map(floor).reduce(0, +) + 2 * (header.count - 1) + indent
      output += TextFolding.fold(
        words.droppedColumns(dropped, width: needed), width: width ?? Int.max)
    }
    return output
  }
}

/// Lines of text within a width.
public enum TextFolding {
  /// `text` as lines of at most `width` display columns, each ending with
  /// a newline: broken at the last space when it is in the line's second
  /// half (English), else between characters (Japanese), never inside one.
  public static func fold(_ text: String, width: Int) -> String {
    var output = ""
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var current: [Character] = []
      var used = 0
      for character in line {
        let w = DisplayWidth.of(String(character))
        if used + w > width && !current.isEmpty {
          if let space = current.lastIndex(of: " "), space > 0,
            DisplayWidth.of(String(current[..<space])) * 2 >= width
          {
            output += String(current[..<space]) + "\n"
            current = Array(current[(space + 1)...])
          } else {
            output += String(current) + "\n"
            current = []
          }
          used = DisplayWidth.of(String(current))
          if character == " " && current.isEmpty { continue }
        }
        current.append(character)
        used += w
      }
      output += String(current) + "\n"
    }
    return output
  }
}
