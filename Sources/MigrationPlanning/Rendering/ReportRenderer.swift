/// Renders a `ReportDocument` in one format. The one renderer of each
/// format for every report.
public enum ReportRenderer {
  /// The language of CSV.
  public enum Headers: Sendable {
    /// For programs (the default): the columns' keys, codes, `true`/`false`,
    /// shares as fractions.
    case keys
    /// For people reading Japanese: the columns' Japanese headers, the
    /// words of the codes, はい/いいえ, `82.5%`, `1,741`.
    case japanese
  }

  /// Renders `document` as `format`: text and HTML in the language of
  /// `words`. Text fits its tables in `width`; it folds its lines there
  /// too unless `foldsLines` is false (a pipe: lines stay whole for the
  /// programs that read them). CSV renders the document's first table shown in CSV;
  /// iCalendar its events; HTML a page (see `html`).
  public static func render(
    _ document: ReportDocument, as format: ReportFormat, headers: Headers = .keys,
    csv writer: CSVWriter = CSVWriter(), width: Int? = nil, foldsLines: Bool = true,
    words: ReportWords = ReportWords(.ja)
  ) -> String {
    switch format {
    case .text:
      return text(document.blocks, width: width, foldsLines: foldsLines, words: words)
    case .json: return json(document).rendered()
    case .csv:
      return csv(document, headers: headers, writer: writer, vendorNames: words.vendorNames)
    case .ics: return iCalendar(document)
    case .html: return html(document, words: words)
    }
  }

  // MARK: Text

  /// Text within `width` display columns when given: lines folded,
  /// tables fitted (`TextTable.rendered(width:)`).
  /// `indent`: the display columns left of these blocks, for the
  /// `--width` a table's note asks for.
  static func text(
    _ blocks: [ReportBlock], width: Int? = nil, foldsLines: Bool = true, words: ReportWords,
    indent: Int = 0
  ) -> String {
    var output = ""
    for block in blocks {
      switch block {
      case .line(let line):
        output +=
          (foldsLines ? width : nil).map { TextFolding.fold(line, width: $0) } ?? line + "\n"
      case .table(let table) where table.formats.contains(.text):
        if table.rows.isEmpty, let empty = table.empty {
          output += empty + "\n"
        } else {
          output += text(table, width: width, words: words, indent: indent)
        }
      case .indented(let prefix, let inner):
        let innerWidth = width.map { max($0 - DisplayWidth.of(prefix), 20) }
        output += text(
          inner, width: innerWidth, foldsLines: foldsLines, words: words,
          indent: indent + DisplayWidth.of(prefix)
        ).split(
          separator: "\n", omittingEmptySubsequences: false
        )
        .dropLast().map { prefix + $0 + "\n" }.joined()
      case .section(_, let heading, let inner):
        output += text(
          [.line(heading)] + inner, width: width, foldsLines: foldsLines, words: words,
          indent: indent)
      case .facts(let facts):
        output += text(
          facts.map { .line($0.0 + ": " + $0.1) }, width: width, foldsLines: foldsLines,
          words: words, indent: indent)
      case .note(let note):
        output += text(
          [.line(note)], width: width, foldsLines: foldsLines, words: words, indent: indent)
      case .table, .value, .events, .figure: break
      }
    }
    return output
  }

  static func text(
    _ table: ReportTable, width: Int? = nil, words: ReportWords, indent: Int = 0
  ) -> String {
    let shown = table.columns.indices.filter { table.columns[$0].formats.contains(.text) }
    let rows = table.rows.map { row in
      shown.map {
        text(
          row[$0], words: words,
          separator: words.separator(of: table.columns[$0]))
      }
    }
    let right = Set(shown.enumerated().filter { table.columns[$0.element].numeric }.map(\.offset))
    // Dates, numbers and statuses are shown whole or not at all: a column
    // whose cells all are (nulls aside), or one marked whole.
    let whole = Set(
      shown.enumerated().filter { position, column in
        if table.columns[column].whole { return true }
        var typed = false
        for row in table.rows {
          switch row[column] {
          case .null: continue
          case .date, .integer, .year, .decimal, .percentage, .status, .term: typed = true
          default: return false
          }
        }
        return typed
      }.map(\.offset))
    var fitted = TextTable(
      header: shown.map { words.header(table.columns[$0]) }, rows: rows, rightAligned: right)
    fitted.whole = whole
    fitted.importance = shown.map { table.columns[$0].importance }
    fitted.keepingTail = Set(shown.indices.filter { table.columns[shown[$0]].keepsTail })
    fitted.indent = indent
    fitted.words = words
    return fitted.rendered(width: width)
  }

  /// A value as text (and `--lang ja` CSV) shows it: words in the
  /// language of `words`, one decimal in percentages, thousands separated.
  public static func text(
    _ value: ReportValue, words: ReportWords = ReportWords(.ja), separator: String = "・"
  ) -> String {
    switch value {
    case .percentage(let share): return NumberStyle.percent(share)
    case .integer(let number): return NumberStyle.count(number)
    case .decimal(let number, _): return NumberStyle.number(number)
    case .status(let status): return words.status(status)
    case .term(let term): return words.term(term)
    case .flag(let flag): return words.flag(flag)
    case .list(let items):
      return items.map { text($0, words: words, separator: separator) }.joined(
        separator: separator)
    case .record(let members):
      return members.map { $0.0 + "=" + text($0.1, words: words, separator: separator) }.joined(
        separator: separator)
    default: return plain(value)
    }
  }

  /// A value as CSV has it: dates ISO, shares as fractions, flags
  /// `true`/`false`, lists joined with `;`, null empty.
  static func plain(_ value: ReportValue) -> String {
    switch value {
    case .null: return ""
    case .text(let text): return text
    case .integer(let number), .year(let number): return String(number)
    case .decimal(let number, let digits): return JSONValue.decimalText(number, digits: digits)
    case .percentage(let share): return JSONValue.decimalText(share, digits: 4)
    case .date(let date): return date.iso
    case .flag(let flag): return flag ? "true" : "false"
    case .status(let status): return status.rawValue
    case .term(let term): return term.code
    case .list(let items): return items.map(plain).joined(separator: ";")
    case .record(let members):
      return members.map { $0.0 + "=" + plain($0.1) }.joined(separator: ";")
    }
  }

  // MARK: CSV

  static func csv(
    _ document: ReportDocument, headers: Headers, writer: CSVWriter,
    vendorNames: [String: String] = [:]
  ) -> String {
    guard let table = tables(document.blocks).first(where: { $0.formats.contains(.csv) }) else {
      return ""
    }
    let shown = table.columns.indices.filter { table.columns[$0].formats.contains(.csv) }
    // Japanese whatever `--lang` says, with the report's vendor names and
    // the areas' ids.
    var japanese = ReportWords(.ja)
    japanese.vendorNames = vendorNames
    japanese.namesAreas = false
    return writer.render(
      header: shown.map { headers == .keys ? table.columns[$0].key : table.columns[$0].header },
      rows: table.rows.map { row in
        shown.map {
          headers == .keys ? plain(row[$0]) : text(row[$0], words: japanese, separator: ";")
        }
      })
  }

  static func tables(_ blocks: [ReportBlock]) -> [ReportTable] {
    blocks.flatMap { block -> [ReportTable] in
      switch block {
      case .table(let table): return [table]
      case .indented(_, let inner), .section(_, _, let inner): return tables(inner)
      default: return []
      }
    }
  }

  // MARK: JSON

  static func json(_ document: ReportDocument) -> JSONValue {
    if let root = document.jsonRoot,
      let table = tables(document.blocks).first(where: {
        $0.key == root && $0.formats.contains(.json)
      })
    {
      return json(table.jsonValue)
    }
    return json(document.jsonValue)
  }

  /// A value as JSON has it.
  public static func json(_ value: ReportValue) -> JSONValue {
    switch value {
    case .null: return .null
    case .text(let text): return .string(text)
    case .integer(let number), .year(let number): return .int(number)
    case .decimal(let number, let digits): return .decimal(number, digits: digits)
    case .percentage(let share): return .decimal(share, digits: 4)
    case .date(let date): return .string(date.iso)
    case .flag(let flag): return .bool(flag)
    case .status(let status): return .string(status.rawValue)
    case .term(let term): return .string(term.code)
    case .list(let items): return .array(items.map(json))
    case .record(let members): return .object(members.map { ($0.0, json($0.1)) })
    }
  }

  // MARK: iCalendar

  static func iCalendar(_ document: ReportDocument) -> String {
    for block in document.blocks {
      if case .events(let calendar) = block {
        return ICalendarWriter(productId: calendar.productId, stamp: calendar.stamp)
          .render(name: calendar.name, events: calendar.events)
      }
    }
    return ""
  }
}
