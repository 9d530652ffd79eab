/// A table of text cells, rendered with columns aligned by display width.
public struct TextTable: Sendable {
  /// The header cells.
  public var header: [String]
  /// The rows' cells.
  public var rows: [[String]]
  /// Columns aligned to the right (numbers).
  public var rightAligned: Set<Int>

  /// A table; the columns in `rightAligned` are aligned right.
  public init(header: [String], rows: [[String]], rightAligned: Set<Int> = []) {
    self.header = header
    self.rows = rows
    self.rightAligned = rightAligned
  }

  /// Two spaces between columns; a rule under the header; no trailing spaces.
  public func rendered() -> String {
    let columns = header.count
    var widths = header.map { DisplayWidth.of($0) }
    for row in rows {
      for (column, cell) in row.enumerated() where column < columns {
        widths[column] = max(widths[column], DisplayWidth.of(cell))
      }
    }
    func line(_ cells: [String]) -> String {
      var parts: [String] = []
      for column in 0..<columns {
        let cell = column < cells.count ? cells[column] : ""
        parts.append(
          DisplayWidth.pad(cell, to: widths[column], alignRight: rightAligned.contains(column)))
      }
      var text = parts.joined(separator: "  ")
      while text.hasSuffix(" ") { text.removeLast() }
      return text + "\n"
    }
    var output = line(header)
    output += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
    for row in rows { output += line(row) }
    return output
  }
}
