/// Renders a Gantt chart as text: label columns aligned by display width,
/// a fiscal-year and month axis, bars, markers and a legend. Every line of
/// the chart (header and rows) has the same display width.
public struct GanttRendering: Sendable {
  /// The characters of one style.
  public struct Glyphs: Sendable {
    var done: String
    var inProgress: String
    var planned: String
    var goLive: String
    var baselineGoLive: String
    var asOf: String
    var deadline: String
    var marker: String
    var border: String
    var rule: String

    /// Box-drawing and block characters.
    public static let unicode = Glyphs(
      done: "█", inProgress: "▓", planned: "░", goLive: "◆", baselineGoLive: "◇", asOf: "┊",
      deadline: "┃",
      marker: "▼", border: "│", rule: "─")
    /// Plain ASCII (`--ascii`).
    public static let ascii = Glyphs(
      done: "#", inProgress: "=", planned: "-", goLive: "*", baselineGoLive: "o", asOf: ":",
      deadline: "!",
      marker: "v", border: "|", rule: "-")
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

  /// Widths of the label columns for a total width.
  public static let nameWidth = 24
  /// Columns kept for the vendor's name.
  public static let vendorWidth = 12
  /// " 2025-09-26 予定通り"
  public static let suffixWidth = 20

  /// Columns left for the time axis in a chart `width` wide.
  public static func axisColumns(width: Int) -> Int {
    width - nameWidth - 1 - vendorWidth - 1 - 2 - suffixWidth
  }

  /// The chart as text lines.
  public func render(_ chart: GanttChart, plan: Plan, ascii: Bool, width: Int = .max) -> String {
    let axis = chart.columnCount
    let left = Self.nameWidth + 1 + Self.vendorWidth + 1
    var lines: [String] = []

    func axisLine(_ labels: [GanttAxisLabel]) -> String {
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

    let title =
      "\(plan.municipality)  \(words.asOf) \(chart.asOf.iso)  \(words.deadline) \(chart.deadline.iso)"
    lines.append(DisplayWidth.pad(title, to: left + axis + 2 + Self.suffixWidth))
    // Narrow fiscal years get short labels: R7 and FY25.
    let fiscal = axisLine(
      chart.fiscalYears.map { label in
        let year = chart.columnStarts[label.column].fiscalYear
        let full = words.language == .ja ? label.text : year.reiwa.map { "R\($0)" } ?? label.text
        let text =
          label.width >= DisplayWidth.of(full) ? full : year.reiwa.map { "R\($0)" } ?? label.text
        return GanttAxisLabel(column: label.column, width: label.width, text: text)
      })
    let western = axisLine(
      chart.fiscalYears.map { label in
        let year = chart.columnStarts[label.column].fiscalYear.startYear
        let text = label.width >= 6 ? "FY\(year)" : "FY" + String(String(year).suffix(2))
        return GanttAxisLabel(column: label.column, width: label.width, text: text)
      })
    // Where a label is wider than its unit, only every few units are
    // labelled, each running over the next unlabelled ones.
    var units = chart.units.filter { !$0.text.isEmpty }
    if units.contains(where: { DisplayWidth.of($0.text) > $0.width }) {
      let stride = chart.scale == .month ? 3 : 2
      units = units.enumerated().filter { $0.offset % stride == 0 }.map(\.element)
    }
    for index in units.indices {
      let next = index + 1 < units.count ? units[index + 1].column : axis
      units[index].width = next - units[index].column
    }
    let unitRow = axisLine(units)
    var markers = Array(repeating: " ", count: axis)
    if let column = chart.asOfColumn { markers[column] = glyphs.marker }
    if let column = chart.deadlineColumn { markers[column] = glyphs.marker }
    let markerLabel = "\(glyphs.marker) \(words.asOf) / \(words.deadline)"

    func line(_ name: String, _ vendor: String, _ body: String, _ suffix: String) -> String {
      DisplayWidth.pad(name, to: Self.nameWidth) + " "
        + DisplayWidth.pad(vendor, to: Self.vendorWidth)
        + " " + glyphs.border + body + glyphs.border
        + DisplayWidth.pad(suffix, to: Self.suffixWidth)
    }
    lines.append(line("", "", fiscal, ""))
    lines.append(line("", "", western, ""))
    lines.append(
      line(
        words.pick("システム", "System"), words.pick("ベンダ", "Vendor"), unitRow,
        " " + DisplayWidth.pad(words.pick("運用開始", "Go-live"), to: 12)
          + words.pick("状態", "Status")))
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
      lines.append(line(row.isGroup ? "  " + row.label : row.label, row.vendor, body, suffix))
    }
    var output = lines.map { $0 + "\n" }.joined()
    output += TextFolding.fold(String(legend(chart).dropLast()), width: width)
    return output
  }

  private func glyph(_ cell: GanttCell, column: Int, row: GanttRow, chart: GanttChart) -> String {
    switch cell {
    case .done: return glyphs.done
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
    case .inProgress: code = "33"
    case .planned: code = "36"
    case .goLive(let late): code = late ? "1;31" : "1;35"
    case .baselineGoLive: code = "1;34"
    case .empty: code = "2"
    }
    return "\u{1B}[\(code)m\(text)\u{1B}[0m"
  }

  private func legend(_ chart: GanttChart) -> String {
    let g = glyphs
    let w = words
    // Marks that fall outside the window are not in the legend.
    let baselineShown = chart.baselineOutside == 0
    let deadlineShown =
      chart.deadlineColumn != nil || chart.rows.contains { $0.deadlineColumn != nil }
    let baseline =
      chart.baseline.map {
        "\(g.baselineGoLive) " + w.pick("基準計画 \($0) の運用開始", "go-live of baseline \($0)")
          + (baselineShown
            ? ""
            : w.pick(
              " (\(chart.baselineOutside)件は範囲外)", " (\(chart.baselineOutside) outside the chart)"))
          + "  "
      } ?? ""
    return "\(w.pick("凡例", "Legend")): \(g.done) \(w.term(.taskStatus(.done)))  "
      + "\(g.inProgress) \(w.term(.taskStatus(.inProgress)))  "
      + "\(g.planned) \(w.term(.taskStatus(.planned)))  \(g.goLive) \(w.goLive)  "
      + baseline + "\(g.asOf) \(w.asOf) \(chart.asOf.iso)  "
      + (deadlineShown ? "\(g.deadline) \(w.deadline)  " : "")
      + "(\(columnSpan(chart)))\n"
  }

  private func columnSpan(_ chart: GanttChart) -> String {
    let perUnit = max(1, chart.columnCount / max(chart.units.count, 1))
    let (unit, english): (String, String)
    switch chart.scale {
    case .week: (unit, english) = ("週", "week")
    case .month: (unit, english) = ("か月", "month")
    case .quarter: (unit, english) = ("四半期", "quarter")
    }
    return perUnit == 1
      ? words.pick("1列 = 1\(unit)", "1 column = 1 \(english)")
      : words.pick("1列 = 1\(unit)の1/\(perUnit)", "1 column = 1/\(perUnit) \(english)")
  }
}
