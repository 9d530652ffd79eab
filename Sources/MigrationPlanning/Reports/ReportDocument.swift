/// A report as data, in no format: what every output of a command shows,
/// typed. `ReportRenderer` turns it into text, CSV, JSON, iCalendar or
/// HTML, one renderer per format for every report, so no report builds
/// its JSON, its CSV or its HTML tables by hand.
///
/// A document is a list of blocks. Each format takes the blocks it can
/// show: text the lines, tables and indented sections; JSON the values and
/// tables (as arrays of objects, keyed by the columns' keys); CSV its one
/// table; iCalendar the events; HTML a page of sections, facts, notes,
/// figures and tables. A table or a column can be limited to some formats
/// when they show the same data differently (the schedule's text names a
/// system's areas, its JSON gives their ids).
public struct ReportDocument: Sendable {
  /// The blocks, in output order.
  public var blocks: [ReportBlock]
  /// JSON: an object of the document's values and tables, or, when set,
  /// the array of the table with this key alone.
  public var jsonRoot: String?
  /// HTML: the page's title (`<title>` and its heading).
  public var title: String?
  /// HTML: the page's closing line.
  public var footer: String?

  /// A document of `blocks`; see `jsonRoot`, `title` and `footer`.
  public init(
    _ blocks: [ReportBlock], jsonRoot: String? = nil, title: String? = nil, footer: String? = nil
  ) {
    self.blocks = blocks
    self.jsonRoot = jsonRoot
    self.title = title
    self.footer = footer
  }

  /// What JSON shows of the document (without `jsonRoot`), as one value,
  /// also to nest in another document: its values, and its tables as
  /// lists of records.
  public var jsonValue: ReportValue {
    var members: [(String, ReportValue)] = []
    for block in blocks {
      switch block {
      case .value(let key, let value): members.append((key, value))
      case .table(let table) where table.formats.contains(.json):
        members.append((table.key, table.jsonValue))
      default: break
      }
    }
    return .record(members)
  }
}

/// The output formats of a report.
public enum ReportFormat: String, Sendable, CaseIterable {
  case text, csv, json, ics, html
}

/// One part of a report.
public enum ReportBlock: Sendable {
  /// A line of text output: a title, a summary, a legend (text only).
  case line(String)
  /// A named value: a member of the JSON object (JSON only).
  case value(String, ReportValue)
  /// A table of typed cells.
  case table(ReportTable)
  /// Blocks whose text lines start with `indent` (text only).
  case indented(String, [ReportBlock])
  /// Calendar events (iCalendar only).
  case events(ReportCalendar)
  /// A part of a page under its heading (HTML `<section>` with its `id`);
  /// text shows the heading as a line, then the blocks.
  case section(id: String, heading: String, [ReportBlock])
  /// Labelled facts (HTML `<dl class="facts">`; text `label: value` lines).
  case facts([(String, String)])
  /// A note under a table or a figure (HTML `<p class="note">`; text a line).
  case note(String)
  /// A drawing and its legend: SVG the report made (HTML only).
  case figure([HTMLNode])
}

/// A typed value: a cell of a table or a member of the JSON.
public indirect enum ReportValue: Sendable {
  case null
  case text(String)
  case integer(Int)
  /// A year (2019): a number, never written with separators.
  case year(Int)
  /// A number shown with at most `digits` fraction digits.
  case decimal(Double, digits: Int)
  /// A share (0.825): a fraction in JSON and CSV, `82.5%` in text.
  case percentage(Double)
  case date(CivilDate)
  case flag(Bool)
  case status(MigrationStatus)
  /// A coded word: its code in JSON and machine CSV, its word in text.
  case term(ReportTerm)
  case list([ReportValue])
  /// An object with its members in order (JSON); nested tables are lists
  /// of records.
  case record([(String, ReportValue)])

  /// A text, or null when nil.
  public static func optional(_ text: String?) -> ReportValue { text.map(Self.text) ?? .null }

  /// A date, or null when nil.
  public static func optional(_ date: CivilDate?) -> ReportValue { date.map(Self.date) ?? .null }

  /// A list of texts.
  public static func texts(_ values: [String]) -> ReportValue { .list(values.map(Self.text)) }
}

/// A table: columns, and rows of typed cells in column order.
public struct ReportTable: Sendable {
  /// The JSON member the table is.
  public var key: String
  /// The columns, in order.
  public var columns: [ReportColumn]
  /// Rows of cells, one per column.
  public var rows: [[ReportValue]]
  /// Where the table shows.
  public var formats: Set<ReportFormat>
  /// Whether HTML shows the header row (a table of labelled values has
  /// none).
  public var showsHeader = true
  /// What text and HTML show in place of a table without rows.
  public var empty: String?
  /// HTML: the table's class, for a style or a test to find it by.
  public var htmlClass: String?

  /// A table shown in `formats` (text, CSV and JSON by default).
  public init(
    key: String, columns: [ReportColumn], rows: [[ReportValue]],
    formats: Set<ReportFormat> = [.text, .csv, .json]
  ) {
    self.key = key
    self.columns = columns
    self.rows = rows
    self.formats = formats
  }

}

/// A column: its key (the JSON member and the English CSV header), its
/// Japanese header (text, and CSV under `--lang ja`), and where it shows.
public struct ReportColumn: Sendable {
  /// The JSON member and the English CSV header.
  public var key: String
  /// The header in Japanese (text, and CSV under `--lang ja`).
  public var header: String
  /// The header of English text, when it is not the key made readable.
  public var english: String?
  /// Where the column shows.
  public var formats: Set<ReportFormat>
  /// Right-aligned in text (numbers).
  public var numeric: Bool
  /// How a list is joined in text (CSV always joins with `;`).
  public var separator: String
  /// Shown whole in text or dropped, never cut (a histogram row).
  public var whole: Bool
  /// How much the column matters to its reader: at a narrow width, text
  /// drops the least important columns first (the rightmost of equals).
  public var importance: ColumnImportance
  /// Cut in text before the cell's last parenthesised part, which stays
  /// (a cause's step number).
  public var keepsTail = false

  /// A column shown everywhere unless `formats` says otherwise.
  public init(
    _ key: String, _ header: String, en english: String? = nil,
    formats: Set<ReportFormat> = [.text, .csv, .json, .html], numeric: Bool = false,
    separator: String = "・", whole: Bool = false, importance: ColumnImportance = .normal
  ) {
    self.key = key
    self.header = header
    self.english = english
    self.formats = formats
    self.numeric = numeric
    self.separator = separator
    self.whole = whole
    self.importance = importance
  }
}

extension ReportColumn {
  /// The column, cut in text before its cells' last parenthesised part.
  public func keepingTail() -> ReportColumn {
    var column = self
    column.keepsTail = true
    return column
  }
}

/// How much a column matters when a narrow terminal cannot show them all.
public enum ColumnImportance: Int, Sendable, Comparable {
  /// Dropped first: detail a reader can do without (a spread, a third
  /// quantile).
  case low
  /// The default.
  case normal
  /// Dropped last: what the reader reads the table for (a name, a
  /// go-live, a probability, a cause).
  case high

  /// Less important first.
  public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// Events for a calendar program, one all-day event each.
public struct ReportCalendar: Sendable {
  /// The calendar's name.
  public var name: String
  /// The iCalendar PRODID.
  public var productId: String
  /// DTSTAMP of every event: the report's date, never the clock.
  public var stamp: CivilDate
  /// The events.
  public var events: [ICalendarWriter.Event]

  /// A calendar of `events`.
  public init(name: String, productId: String, stamp: CivilDate, events: [ICalendarWriter.Event]) {
    self.name = name
    self.productId = productId
    self.stamp = stamp
    self.events = events
  }
}

extension ReportValue {
  /// Capacity what-ifs, as `forecast` and `portfolio` give them in JSON:
  /// each vendor, its value, and whether it is relative (`+2`).
  static func capacityChanges(_ changes: [CapacityChange]) -> ReportValue {
    .list(
      changes.map {
        .record([
          ("vendor", .text($0.vendor)), ("value", .integer($0.value)),
          ("relative", .flag($0.relative)),
        ])
      })
  }
}

extension ReportTable {
  /// What JSON shows of the table: a record per row, of the columns JSON
  /// shows.
  public var jsonValue: ReportValue {
    let shown = columns.indices.filter { columns[$0].formats.contains(.json) }
    return .list(rows.map { row in .record(shown.map { (columns[$0].key, row[$0]) }) })
  }

  /// The table for the page alone, with the columns text shows (a table
  /// shared with text and JSON, shown in a page's section).
  public var onPage: ReportTable {
    var table = self
    table.formats = [.html]
    for index in table.columns.indices {
      if table.columns[index].formats.contains(.text) {
        table.columns[index].formats.insert(.html)
      } else {
        table.columns[index].formats.remove(.html)
      }
    }
    return table
  }
}
