/// Renders a Gantt chart as text: label columns aligned by display width,
/// a fiscal-year and month axis, bars, markers and a legend. Every line of
/// the chart (header and rows) has the same display width.
public struct GanttRendering: Sendable {
  /// The characters of one style.
  public struct Glyphs: Sendable {
    var done: String
    var assumed: String
    var inProgress: String
    var planned: String
    var goLive: String
    var baselineGoLive: String
    var asOf: String
    var deadline: String
    var marker: String
    var border: String
    var rule: String
    var beyond: String

    /// Box-drawing and block characters.
    public static let unicode = Glyphs(
      done: "█", assumed: "▚", inProgress: "▓", planned: "░", goLive: "◆", baselineGoLive: "◇",
      asOf: "┊", deadline: "┃", marker: "▼", border: "│", rule: "─", beyond: "▸")
    /// Plain ASCII (`--ascii`).
    public static let ascii = Glyphs(
      done: "#", assumed: "%", inProgress: "=", planned: "-", goLive: "*", baselineGoLive: "o",
      asOf: ":", deadline: "!", marker: "v", border: "|", rule: "-", beyond: ">")
  }

  /// The characters drawn.
  public var glyphs: Glyphs
  /// ANSI colours (only for a terminal; never with NO_COLOR).
  public var color: Bool
  /// The language of the labels and the legend.
  public var words: ReportWords

  /// A renderer in ASCII or Unicode, with ANSI colours or without.
  public init(ascii: Bool, color: Bool, words: ReportWords = ReportWords(.ja)) {
    glyphs = ascii ? .ascii : .unicode
    self.color = color
    self.words = words
  }

  /// The label columns of a chart `width` wide: a system's name in 24
  /// columns and its vendor's in 12 from 99 columns; narrower, they
  /// shrink a column at a time down to 17 and 10 at 90 (eight full-width
  /// characters and the ellipsis; five), so that the time axis keeps room
  /// for year labels that read and never narrows as the width grows.
  public static func labelWidths(width: Int) -> (name: Int, vendor: Int) {
    let extra = min(max(width - 90, 0), 9)
    return (17 + min(extra, 7), 10 + max(extra - 7, 0))
  }
  /// " 2025-09-26 予定通り"
  public static let suffixWidth = 20

  /// Columns left for the time axis in a chart `width` wide.
  public static func axisColumns(width: Int) -> Int {
    let labels = labelWidths(width: width)
    return width - labels.name - 1 - labels.vendor - 1 - 2 - suffixWidth
  }

  /// The narrowest chart whose time axis has `columns` columns (the axis
  /// never narrows as the width grows).
  public static func width(forAxis columns: Int) -> Int {
    var width = 70
    while axisColumns(width: width) < columns { width += 1 }
    return width
  }

  /// A row of axis labels over `axis` columns: each from its column, a
  /// full-width character taking two, running into the next empty cells
  /// but never past the axis.
  static func axisLine(_ labels: [GanttAxisLabel], axis: Int) -> String {
    var cells = Array(repeating: " ", count: axis)
    for label in labels {
      let text = DisplayWidth.truncate(label.text, to: max(label.width, 1))
      // A label may run into the next empty cells but never past the axis.
      var column = label.column
      for character in text where column < axis {
        let width = DisplayWidth.of(String(character))
        if width == 2 {
          guard column + 1 < axis else { break }
          cells[column] = String(character)
          cells[column + 1] = ""
        } else {
          cells[column] = String(character)
        }
        column += width
      }
    }
    return cells.joined()
  }

  /// The axis rows: the fiscal years (Reiwa), the same years (western)
  /// and the units.
  func axisRows(_ chart: GanttChart) -> (fiscal: String, western: String, units: String) {
    let axis = chart.columnCount
    func axisLine(_ labels: [GanttAxisLabel]) -> String { Self.axisLine(labels, axis: axis) }
    // Narrow fiscal years get short labels (R7, FY25, '25), so that a
    // space always parts one year's label from the next.
    func fits(_ text: String, _ label: GanttAxisLabel) -> Bool {
      DisplayWidth.of(text) < label.width
    }
    let fiscal = axisLine(
      chart.fiscalYears.map { label in
        let year = chart.columnStarts[label.column].fiscalYear
        let full = words.eraRowLabel(label.text, year: year)
        let text = fits(full, label) ? full : year.shortLabel
        return GanttAxisLabel(column: label.column, width: label.width, text: text)
      })
    let western = axisLine(
      chart.fiscalYears.map { label in
        let year = chart.columnStarts[label.column].fiscalYear.startYear
        let short = String(String(year).suffix(2))
        let text =
          [
            "FY\(year)", "FY" + short, "'" + short,
          ].first { fits($0, label) } ?? "'" + short
        return GanttAxisLabel(column: label.column, width: label.width, text: text)
      })
    // Where a label is wider than its unit, only every few units are
    // labelled, each running over the next unlabelled ones.
    // A label needs a space after it (`1011121` reads as nothing).
    var units = chart.units.filter { !$0.text.isEmpty }
    if units.contains(where: { DisplayWidth.of($0.text) >= $0.width }) {
      let stride = chart.scale == .month ? 3 : 2
      units = units.enumerated().filter { $0.offset % stride == 0 }.map(\.element)
    }
    for index in units.indices {
      let next = index + 1 < units.count ? units[index + 1].column : axis
      units[index].width = next - units[index].column
    }
    return (fiscal, western, axisLine(units))
  }

  /// The chart as text lines.
  public func render(_ chart: GanttChart, plan: Plan, ascii: Bool, width: Int = .max) -> String {
    let axis = chart.columnCount
    let (nameWidth, vendorWidth) = Self.labelWidths(width: width)
    let left = nameWidth + 1 + vendorWidth + 1
    var lines: [String] = []

    let title =
      "\(plan.municipality)  \(words.asOf) \(chart.asOf.iso)  \(words.deadline) \(chart.deadline.iso)"
    lines.append(DisplayWidth.pad(title, to: left + axis + 2 + Self.suffixWidth))
    let (fiscal, western, unitRow) = axisRows(chart)
    var markers = Array(repeating: " ", count: axis)
    if let column = chart.asOfColumn { markers[column] = glyphs.marker }
    if let column = chart.deadlineColumn { markers[column] = glyphs.marker }
    let markerLabel = "\(glyphs.marker) \(words.asOf) / \(words.deadline)"

    func line(
      _ name: String, _ vendor: String, _ body: String, _ suffix: String, beyond: Bool = false
    ) -> String {
      DisplayWidth.pad(DisplayWidth.truncate(name, to: nameWidth), to: nameWidth) + " "
        + DisplayWidth.pad(DisplayWidth.truncate(vendor, to: vendorWidth), to: vendorWidth)
        + " " + glyphs.border + body + (beyond ? glyphs.beyond : glyphs.border)
        + DisplayWidth.pad(suffix, to: Self.suffixWidth)
    }
    lines.append(line("", "", fiscal, ""))
    lines.append(line("", "", western, ""))
    lines.append(
      line(
        words.ganttHeader(.system), words.ganttHeader(.vendor), unitRow,
        " " + DisplayWidth.pad(words.ganttHeader(.goLive), to: 12)
          + words.ganttHeader(.status)))
    lines.append(line(markerLabel, "", markers.joined(), ""))
    lines.append(String(repeating: glyphs.rule, count: left + axis + 2 + Self.suffixWidth))

    for row in chart.rows {
      var body = ""
      for (column, cell) in row.cells.enumerated() {
        body += paint(glyph(cell, column: column, row: row, chart: chart), cell)
      }
      var suffix = ""
      if let goLive = row.goLive, let status = row.status {
        suffix = " \(goLive.iso) \(words.status(status))"
      }
      lines.append(
        line(
          row.isGroup ? "  " + row.label : row.label, row.vendor, body, suffix,
          beyond: row.deadlineBeyond != nil))
    }
    var output = lines.map { $0 + "\n" }.joined()
    output += Self.fold(legend(chart), width: width)
    return output
  }

  /// Entries on lines of at most `width` columns, parted by two spaces,
  /// broken between entries only (an entry wider than a line stands alone).
  static func fold(_ entries: [String], width: Int) -> String {
    var output = ""
    var line = ""
    for entry in entries {
      if !line.isEmpty && DisplayWidth.of(line) + 2 + DisplayWidth.of(entry) > width {
        output += line + "\n"
        line = "  "
      }
      line += (line.isEmpty || line == "  " ? "" : line.hasSuffix(":") ? " " : "  ") + entry
    }
    return output + line + "\n"
  }

  private func glyph(_ cell: GanttCell, column: Int, row: GanttRow, chart: GanttChart) -> String {
    switch cell {
    case .done: return glyphs.done
    case .assumed: return glyphs.assumed
    case .inProgress: return glyphs.inProgress
    case .planned: return glyphs.planned
    case .goLive: return glyphs.goLive
    case .baselineGoLive: return glyphs.baselineGoLive
    case .empty:
      if column == row.deadlineColumn || (row.isGroup && column == chart.deadlineColumn) {
        return glyphs.deadline
      }
      if column == chart.asOfColumn { return glyphs.asOf }
      return " "
    }
  }

  private func paint(_ text: String, _ cell: GanttCell) -> String {
    guard color else { return text }
    let code: String
    switch cell {
    case .done: code = "32"
    case .assumed: code = "2;32"
    case .inProgress: code = "33"
    case .planned: code = "36"
    case .goLive(let late): code = late ? "1;31" : "1;35"
    case .baselineGoLive: code = "1;34"
    case .empty: code = "2"
    }
    return "\u{1B}[\(code)m\(text)\u{1B}[0m"
  }

  /// The legend's entries: only what the chart draws.
  private func legend(_ chart: GanttChart) -> [String] {
    let g = glyphs
    let w = words
    let cells = chart.rows.flatMap(\.cells)
    func drawn(_ cell: GanttCell) -> Bool { cells.contains(cell) }
    var entries = ["\(w.legend):"]
    if drawn(.done) { entries.append("\(g.done) \(w.term(.taskStatus(.done)))") }
    if drawn(.assumed) { entries.append("\(g.assumed) \(w.assumedDates)") }
    if drawn(.inProgress) { entries.append("\(g.inProgress) \(w.term(.taskStatus(.inProgress)))") }
    if drawn(.planned) { entries.append("\(g.planned) \(w.term(.taskStatus(.planned)))") }
    if cells.contains(where: { if case .goLive = $0 { true } else { false } }) {
      entries.append("\(g.goLive) \(w.goLive)")
    }
    if let name = chart.baseline {
      // Marks that fall outside the window are counted, not drawn.
      entries.append(
        "\(g.baselineGoLive) " + w.baselineGoLive(name, outside: chart.baselineOutside))
    }
    // The as-of and deadline lines show only where no bar covers them
    // (the marker row above the chart shows them as ▼ in any case).
    var marks = Set<String>()
    for row in chart.rows {
      for (column, cell) in row.cells.enumerated() where cell == .empty {
        marks.insert(glyph(cell, column: column, row: row, chart: chart))
      }
    }
    if marks.contains(g.asOf) { entries.append("\(g.asOf) \(w.asOf) \(chart.asOf.iso)") }
    if marks.contains(g.deadline) { entries.append("\(g.deadline) \(w.deadline)") }
    let beyond = Set(chart.rows.compactMap(\.deadlineBeyond)).sorted()
    if !beyond.isEmpty {
      entries.append("\(g.beyond) " + w.deadlineBeyond(beyond.map(\.iso)))
    }
    entries.append("(\(columnSpan(chart)))")
    return entries
  }

  private func columnSpan(_ chart: GanttChart) -> String {
    let perUnit = max(1, chart.columnCount / max(chart.units.count, 1))
    return words.columnSpan(chart.scale, perUnit: perUnit)
  }
}
