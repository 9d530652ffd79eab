internal import CLibXML2

/// A cell's stored value as the table reads it: shared and inline strings
/// (rich-text runs joined) as text, numbers as written, booleans as
/// TRUE/FALSE, and numbers in a date format as ISO dates (1900 or 1904
/// system). A formula's cached value is used, never evaluated; an error
/// value, or a formula without one, is refused.
struct CellDecoder {
  let strings: [String]
  let dateStyles: Set<Int>
  let date1904: Bool

  /// What a `<c>` element held.
  struct Stored {
    var type = "n"
    var style = 0
    var value: String?
    var inline: String?
    var hasFormula = false
  }

  /// The cell's text, or why it cannot be read.
  func text(of cell: Stored) -> Result<String, CellProblem> {
    switch cell.type {
    case "inlineStr":
      return .success(cell.inline ?? "")
    case "e":
      return .failure(
        .init("the cell holds the error \(cell.value ?? "#VALUE!"); correct it in the workbook"))
    default:
      break
    }
    // A formula's empty value is a cached "" only for a text result
    // (LibreOffice's =IF(…;"";…)); a number cannot be empty: openpyxl
    // writes <v></v> for "not computed".
    // `<v/>` without a formula is a blank cell, whatever its style.
    if cell.value == "" && !cell.hasFormula { return .success("") }
    let uncached = cell.value == nil || cell.value == "" && cell.type != "str"
    guard let value = cell.value, !(cell.hasFormula && uncached) else {
      return cell.hasFormula
        ? .failure(
          .init(
            "a formula without a cached value: open the workbook in Excel or LibreOffice and "
              + "save it (migplan never evaluates formulas)"))
        : .success("")
    }
    switch cell.type {
    case "s":
      guard let index = Int(value), strings.indices.contains(index) else {
        return .failure(.init("the cell points at shared string \(value), which does not exist"))
      }
      return .success(strings[index])
    case "str":
      return .success(value)
    case "b":
      return .success(value == "1" || value == "true" ? "TRUE" : "FALSE")
    case "d":
      guard let day = CivilDate(iso: String(value.prefix(10))) else {
        return .failure(.init("'\(value)' is not a date"))
      }
      return .success(day.iso)
    default:
      guard dateStyles.contains(cell.style) else { return .success(value) }
      return date(serial: value).map(\.iso)
    }
  }

  /// The day of a date serial: whole days from 1899-12-31 (the 1900
  /// system, with its 1900-02-29, serial 60, which never was) or from
  /// 1904-01-01; a time of day is dropped.
  func date(serial text: String) -> Result<CivilDate, CellProblem> {
    guard let serial = Double(text), serial.isFinite, serial >= 0, serial <= 2_958_465 else {
      return .failure(.init("'\(text)' is not a date serial"))
    }
    let days = Int(serial.rounded(.down))
    if date1904 {
      let day = CivilDate.known(year: 1904, month: 1, day: 1).adding(days: days)
      guard day.year <= 9999 else { return .failure(.init("'\(text)' is past the year 9999")) }
      return .success(day)
    }
    switch days {
    case 0:
      return .failure(.init("date serial 0 (1900-01-00) is not a day"))
    case 60:
      return .failure(
        .init("date serial 60 is 1900-02-29, a day that never was (Excel's 1900 leap year)"))
    case 1..<60:
      return .success(CivilDate.known(year: 1899, month: 12, day: 31).adding(days: days))
    default:
      return .success(CivilDate.known(year: 1899, month: 12, day: 30).adding(days: days))
    }
  }
}

/// Why a cell cannot be read.
struct CellProblem: Error {
  var message: String
  init(_ message: String) { self.message = message }
}

/// A sheet's merged ranges (`mergeCells`, which the sheet's XML puts after
/// its rows, so they are read in a first pass, only when the part holds
/// any): a range's value applies to each of its cells.
struct MergedRanges {
  /// One range, 1-based and inclusive.
  struct Range {
    var top: Int
    var left: Int
    var bottom: Int
    var right: Int
  }

  /// A sheet may hold at most this many merged ranges.
  static let maximum = 100_000

  /// Ranges sorted by their top row.
  var ranges: [Range] = []

  /// The merged ranges of `part`; empty, with an error, when it has too many.
  static func read(_ part: ZipPart, sheet: String, diagnostics: DiagnosticCollector)
    -> MergedRanges
  {
    guard part.contains("mergeCell") else { return MergedRanges() }
    let reader = XMLStreamReader(part: part, diagnostics: diagnostics)
    var merged = MergedRanges()
    while let event = reader.next() {
      guard case .start(let tag) = event, tag.name == "mergeCell",
        let reference = tag.attribute("ref")
      else { continue }
      let corners = reference.split(separator: ":").map { CellReference(String($0)) }
      guard corners.count == 2, let first = corners[0], let last = corners[1],
        first.row <= last.row, first.column <= last.column
      else {
        diagnostics.error(
          .workbookUnreadable,
          "the merged range '\(reference.prefix(40))' is not a range "
            + "[\(part.name)]", at: SourceLocation(file: part.file, line: tag.line, column: 1))
        return MergedRanges()
      }
      merged.ranges.append(
        Range(top: first.row, left: first.column, bottom: last.row, right: last.column))
      if merged.ranges.count > maximum {
        diagnostics.error(
          .workbookLimit,
          "the sheet '\(sheet)' has more than \(NumberStyle.count(maximum)) merged ranges "
            + "[\(part.name)]", at: SourceLocation(file: part.file, line: tag.line, column: 1))
        return MergedRanges()
      }
    }
    merged.ranges.sort { ($0.top, $0.left) < ($1.top, $1.left) }
    if let problem = merged.problem() {
      diagnostics.error(
        problem.limit ? .workbookLimit : .workbookUnreadable,
        "the sheet '\(sheet)': " + problem.message + " [\(part.name)]",
        at: SourceLocation(file: part.file, line: 1, column: 1))
      return MergedRanges()
    }
    return merged
  }

  /// The ranges may cover at most this many cells in all (a table's
  /// merges cover a few hundred).
  static let maximumArea = 4_000_000

  /// Why the (sorted) ranges cannot be used: too large in all, or two
  /// that overlap, which no spreadsheet writes. Linear in their area.
  func problem() -> (message: String, limit: Bool)? {
    var area = 0
    for range in ranges {
      area += (range.bottom - range.top + 1) * (range.right - range.left + 1)
      if area > Self.maximumArea {
        return (
          "merged ranges cover more than \(NumberStyle.count(Self.maximumArea)) cells", true
        )
      }
    }
    // The last row each column is merged down to, so far.
    var mergedUntil = [Int](repeating: 0, count: CellReference.maximumColumn + 1)
    for range in ranges {
      for column in range.left...range.right {
        if mergedUntil[column] >= range.top {
          return (
            "two merged ranges overlap at "
              + CSVCell.sheetReference("", row: range.top, column: column).dropFirst(), false
          )
        }
        mergedUntil[column] = range.bottom
      }
    }
    return nil
  }
}

/// A cell reference (`B8`): 1-based row and column, within Excel's limits
/// (1,048,576 rows, 16,384 columns, XFD).
struct CellReference {
  var row: Int
  var column: Int

  static let maximumRow = 1_048_576
  static let maximumColumn = 16_384

  init?(_ text: String) {
    var column = 0
    var row = 0
    var digits = 0
    for scalar in text.unicodeScalars {
      switch scalar {
      case "A"..."Z" where digits == 0:
        column = column * 26 + Int(scalar.value - 64)
      case "a"..."z" where digits == 0:
        column = column * 26 + Int(scalar.value - 96)
      case "$":
        continue
      case "0"..."9" where column > 0:
        row = row * 10 + Int(scalar.value - 48)
        digits += 1
      default:
        return nil
      }
      if column > Self.maximumColumn || row > Self.maximumRow { return nil }
    }
    guard column > 0, row > 0 else { return nil }
    self.row = row
    self.column = column
  }
}

/// The element names a sheet's rows are read by, interned in the reader's
/// dictionary, so a name is compared by pointer first (`xmlStrEqual`).
struct SheetNames {
  let row, col, c, v, f, t, rPh: UnsafePointer<xmlChar>?

  init(_ reader: XMLStreamReader) {
    row = reader.intern("row")
    col = reader.intern("col")
    c = reader.intern("c")
    v = reader.intern("v")
    f = reader.intern("f")
    t = reader.intern("t")
    rPh = reader.intern("rPh")
  }
}

/// A worksheet's rows, streamed from its part as they are iterated: each
/// row a record of cells from column A (blanks where the sheet has none),
/// as `CSVRecords` gives them, so every table reader takes either. Merged
/// ranges give their value to each of their cells (rows a range covers
/// but the sheet leaves out are given too); hidden rows and columns are
/// read, with one `hidden-cells` warning each. Rows and cells must come in
/// order (as every writer puts them); the XML's errors end the rows.
public struct WorksheetRows: Sequence {
  let part: ZipPart
  let sheet: String
  let cells: CellDecoder
  let merges: MergedRanges
  let diagnostics: DiagnosticCollector

  /// Reads the part anew from its first row.
  public func makeIterator() -> Iterator {
    Iterator(
      reader: XMLStreamReader(part: part, diagnostics: diagnostics), file: part.file,
      sheet: sheet, cells: cells, merges: merges.ranges, diagnostics: diagnostics)
  }

  /// Parses rows as they are asked for.
  public struct Iterator: IteratorProtocol {
    let reader: XMLStreamReader
    let file: String
    let sheet: String
    let cells: CellDecoder
    let merges: [MergedRanges.Range]
    let diagnostics: DiagnosticCollector
    let names: SheetNames
    /// Merges not yet reached (index into `merges`) and those open.
    var nextMerge = 0
    var openMerges: [(range: MergedRanges.Range, value: String)] = []
    /// Hidden columns, a bit each (`<cols>` comes before the rows).
    var hiddenColumns = [UInt64](repeating: 0, count: CellReference.maximumColumn / 64 + 1)
    var columnElements = 0
    var warnedRow = false
    var warnedColumn = false
    /// The last row given.
    var lastRow = 0
    /// A row read, held while the rows merged ranges cover before it are
    /// given (`synthesizing`), one per call.
    var held: (number: Int, cells: [(Int, String)], hidden: Bool)?
    var synthesizing = 0..<0
    var finished = false

    init(
      reader: XMLStreamReader, file: String, sheet: String, cells: CellDecoder,
      merges: [MergedRanges.Range], diagnostics: DiagnosticCollector
    ) {
      self.reader = reader
      self.file = file
      self.sheet = sheet
      self.cells = cells
      self.merges = merges
      self.diagnostics = diagnostics
      self.names = SheetNames(reader)
    }

    /// The next row, or nil at the end or after an error in the XML.
    public mutating func next() -> [CSVCell]? {
      while true {
        if let number = nextSynthesized() {
          if let row = mergedOnly(number) { return row }
          continue
        }
        if let row = held {
          held = nil
          lastRow = row.number
          return record(row.number, cells: row.cells, hidden: row.hidden)
        }
        guard !finished else { return nil }
        if let row = readNextRow() {
          held = row
          synthesizing = (lastRow + 1)..<row.number
        } else if !finished {
          // Rows merged ranges cover below the last row the sheet gives
          // (not after an error, which ended the rows).
          finished = true
          let bottom = (merges[nextMerge...].map(\.bottom) + openMerges.map(\.range.bottom)).max()
          synthesizing = (lastRow + 1)..<Swift.max(lastRow + 1, (bottom ?? 0) + 1)
        }
      }
    }

    /// The next row number a merged range may cover before the held row
    /// (or below the last), skipping at once to the next range's top
    /// when none is open.
    mutating func nextSynthesized() -> Int? {
      guard !synthesizing.isEmpty else { return nil }
      var number = synthesizing.lowerBound
      if openMerges.allSatisfy({ $0.range.bottom < number }) {
        let top = nextMerge < merges.count ? merges[nextMerge].top : synthesizing.upperBound
        number = Swift.max(number, Swift.min(top, synthesizing.upperBound))
      }
      guard number < synthesizing.upperBound else {
        synthesizing = synthesizing.upperBound..<synthesizing.upperBound
        return nil
      }
      synthesizing = (number + 1)..<synthesizing.upperBound
      return number
    }

    /// The next `<row>` of the sheet, read to its end; nil at the end of
    /// the sheet or after an error (which ends the rows).
    mutating func readNextRow() -> (number: Int, cells: [(Int, String)], hidden: Bool)? {
      while let node = reader.advance() {
        guard node == .element, let name = reader.currentLocalName else { continue }
        if xmlStrEqual(name, names.col) == 1, let tag = reader.currentStartTag {
          guard hide(tag) else { return stop() }
        } else if xmlStrEqual(name, names.row) == 1, let tag = reader.currentStartTag {
          guard let row = readRow(tag) else { return stop() }
          return (row.number, row.cells, Self.flag(tag.attribute("hidden")))
        }
      }
      return nil
    }

    mutating func stop() -> (number: Int, cells: [(Int, String)], hidden: Bool)? {
      finished = true
      synthesizing = 0..<0
      held = nil
      return nil
    }

    /// `1` or `true`.
    static func flag(_ value: String?) -> Bool { value == "1" || value == "true" }

    /// A `<col>` element: the hidden ones are remembered. False (with an
    /// error) past Excel's count of columns.
    mutating func hide(_ tag: XMLStartTag) -> Bool {
      columnElements += 1
      guard columnElements <= CellReference.maximumColumn else {
        diagnostics.error(
          .workbookLimit,
          "more than \(NumberStyle.count(CellReference.maximumColumn)) column elements "
            + "[\(sheet)]", at: SourceLocation(file: file, line: tag.line, column: 1))
        return false
      }
      guard Self.flag(tag.attribute("hidden")),
        let low = tag.attribute("min").flatMap({ Int($0) }),
        let high = tag.attribute("max").flatMap({ Int($0) }), low >= 1, low <= high,
        low <= CellReference.maximumColumn
      else { return true }
      var column = low
      let last = Swift.min(high, CellReference.maximumColumn)
      while column <= last {
        // A whole word at once where the range covers it.
        if column % 64 == 0 && column + 63 <= last {
          hiddenColumns[column / 64] = ~0
          column += 64
        } else {
          hiddenColumns[column / 64] |= 1 << UInt64(column % 64)
          column += 1
        }
      }
      return true
    }

    func isHidden(column: Int) -> Bool {
      hiddenColumns[column / 64] & (1 << UInt64(column % 64)) != 0
    }

    /// What a row's elements are being read into.
    enum Reading {
      case nothing, value, text
    }

    /// A cell's text stops growing past this many bytes: it is refused as
    /// too long anyway (`CSVReader.maximumCellLength` characters).
    static let textBound = 4 * CSVReader.maximumCellLength + 4

    /// Appends the current text node to `target`, in place, up to `textBound`.
    func append(to target: inout String?) {
      if target == nil { target = "" }
      guard let count = target?.utf8.count, count <= Self.textBound else { return }
      target?.append(reader.currentText)
    }

    /// The row number of `<row r="…">`: after the last, within Excel's.
    func rowNumber(_ tag: XMLStartTag) -> Int? {
      let text = tag.attribute("r")
      let number = text.map { Int($0) ?? 0 } ?? lastRow + 1
      let message: String
      if number < 1 {
        message = "'\(text?.prefix(20) ?? "")' is not a row number"
      } else if number > CellReference.maximumRow {
        message =
          "row \(NumberStyle.count(number)) is past \(NumberStyle.count(CellReference.maximumRow)), "
          + "Excel's last"
      } else if number <= lastRow {
        message = "row \(number) comes after row \(lastRow): rows must be in order"
      } else {
        return number
      }
      diagnostics.error(
        .workbookUnreadable, message + " [\(sheet)]",
        at: SourceLocation(
          file: file, line: Swift.min(Swift.max(number, 1), CellReference.maximumRow + 1),
          column: 1))
      return nil
    }

    // Long: one walk over a row's nodes with the reader's interned names (the hot loop of every workbook); split, it would pass its state between calls.
    /// One row's number and its cells (column, text), read to its end tag.
    mutating func readRow(_ tag: XMLStartTag) -> (number: Int, cells: [(Int, String)])? {
      guard let number = rowNumber(tag) else { return nil }
      var found: [(Int, String)] = []
      guard !tag.isEmpty else { return (number, found) }
      var stored = CellDecoder.Stored()
      var column = 0
      var reading = Reading.nothing
      var phonetic = 0
      var inCell = false
      while let node = reader.advance() {
        switch node {
        case .element:
          guard let name = reader.currentLocalName else { continue }
          let isEmpty = reader.currentIsEmpty
          if xmlStrEqual(name, names.c) == 1, let child = reader.currentStartTag {
            let reference = child.attribute("r").map(CellReference.init)
            let next = reference.map { $0?.column ?? 0 } ?? column + 1
            guard next > column, next <= CellReference.maximumColumn,
              (reference??.row).map({ $0 == number }) ?? true
            else {
              diagnostics.error(
                .workbookUnreadable,
                "the cell '\(child.attribute("r")?.prefix(20) ?? "")' is out of order, out of "
                  + "range or not in row \(number) [\(sheet)]",
                at: SourceLocation(file: file, line: number, column: 1))
              return nil
            }
            column = next
            stored = CellDecoder.Stored(
              type: child.attribute("t") ?? "n",
              style: child.attribute("s").flatMap { Int($0) } ?? 0)
            inCell = !isEmpty
          } else if !inCell {
            continue
          } else if xmlStrEqual(name, names.v) == 1 {
            // `<v/>`, `<v></v>`: a cached value that is empty.
            stored.value = stored.value ?? ""
            if !isEmpty { reading = .value }
          } else if xmlStrEqual(name, names.f) == 1 {
            stored.hasFormula = true
          } else if xmlStrEqual(name, names.rPh) == 1 {
            phonetic += isEmpty ? 0 : 1
          } else if xmlStrEqual(name, names.t) == 1 && phonetic == 0 {
            stored.inline = stored.inline ?? ""
            if !isEmpty { reading = .text }
          }
        case .text:
          switch reading {
          case .value: append(to: &stored.value)
          case .text: append(to: &stored.inline)
          case .nothing: continue
          }
        case .endElement:
          guard let name = reader.currentLocalName else { continue }
          if xmlStrEqual(name, names.v) == 1 || xmlStrEqual(name, names.t) == 1 {
            reading = .nothing
          } else if xmlStrEqual(name, names.rPh) == 1 {
            phonetic -= 1
          } else if xmlStrEqual(name, names.c) == 1 {
            inCell = false
            if stored.value == nil && stored.type != "inlineStr" && !stored.hasFormula
              && stored.type != "e"
            {
              continue
            }
            switch cells.text(of: stored) {
            case .success(let text): found.append((column, text))
            case .failure(let problem): refuse(problem.message, row: number, column: column)
            }
          } else if xmlStrEqual(name, names.row) == 1 {
            return (number, found)
          }
        }
      }
      return nil
    }

    mutating func refuse(_ message: String, row: Int, column: Int) {
      diagnostics.error(
        .cellError, message + " " + tag(row: row, column: column),
        at: SourceLocation(file: file, line: row, column: column))
    }

    func tag(row: Int, column: Int) -> String {
      "[" + CSVCell.sheetReference(sheet, row: row, column: column) + "]"
    }

    /// A row the sheet leaves out, when a merged range with a value
    /// covers it below its top row.
    mutating func mergedOnly(_ number: Int) -> [CSVCell]? {
      openMerges(at: number)
      guard openMerges.contains(where: { $0.range.top < number && !$0.value.isEmpty }) else {
        return nil
      }
      lastRow = number
      return record(number, cells: [], hidden: false)
    }

    /// Opens the ranges that start at row `number`, closes those above it.
    mutating func openMerges(at number: Int) {
      openMerges.removeAll { $0.range.bottom < number }
      while nextMerge < merges.count && merges[nextMerge].top <= number {
        if merges[nextMerge].bottom >= number { openMerges.append((merges[nextMerge], "")) }
        nextMerge += 1
      }
    }

    /// The record of a row: its cells from column A, merged values given.
    mutating func record(_ number: Int, cells found: [(Int, String)], hidden: Bool) -> [CSVCell] {
      openMerges(at: number)
      let width = Swift.max(found.last?.0 ?? 0, openMerges.map(\.range.right).max() ?? 0)
      var record = (0..<width).map { field in
        CSVCell(
          text: "", line: number, column: field + 1, row: number, field: field, sheet: sheet)
      }
      for (column, text) in found {
        if text.count > CSVReader.maximumCellLength {
          diagnostics.error(
            .csvCellTooLong,
            "a cell longer than \(NumberStyle.count(CSVReader.maximumCellLength)) characters; "
              + "cells hold names, vendors and dates " + tag(row: number, column: column),
            at: SourceLocation(file: file, line: number, column: column))
          continue
        }
        record[column - 1].text = text
        if !text.isEmpty { warnHidden(row: number, column: column, hidden: hidden) }
      }
      for index in openMerges.indices {
        let range = openMerges[index].range
        if range.top == number { openMerges[index].value = record[range.left - 1].text }
        for column in range.left...range.right {
          record[column - 1].text = openMerges[index].value
        }
      }
      return record
    }

    /// One warning for the first hidden row, and one for the first hidden
    /// column, that hold a value.
    mutating func warnHidden(row: Int, column: Int, hidden: Bool) {
      if hidden && !warnedRow {
        warnedRow = true
        diagnostics.warning(
          .hiddenCells,
          "row \(row) is hidden; hidden rows are read as the others "
            + tag(row: row, column: column),
          at: SourceLocation(file: file, line: row, column: column))
      }
      if !warnedColumn && isHidden(column: column) {
        warnedColumn = true
        diagnostics.warning(
          .hiddenCells,
          "column \(SheetCell.name(row: 0, column: column - 1).filter(\.isLetter)) is hidden; "
            + "hidden columns are read as the others " + tag(row: row, column: column),
          at: SourceLocation(file: file, line: row, column: column))
      }
    }
  }
}
