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
    guard let value = cell.value else {
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
    guard let serial = Double(text), serial.isFinite, serial >= 0, serial < 3_000_000 else {
      return .failure(.init("'\(text)' is not a date serial"))
    }
    let days = Int(serial.rounded(.down))
    if date1904 {
      return .success(CivilDate.known(year: 1904, month: 1, day: 1).adding(days: days))
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
    return merged
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
    /// Merges not yet reached (index into `merges`) and those open.
    var nextMerge = 0
    var openMerges: [(range: MergedRanges.Range, value: String)] = []
    var hiddenColumns: [ClosedRange<Int>] = []
    var warnedRow = false
    var warnedColumn = false
    var lastRow = 0
    var queued: [[CSVCell]] = []
    var finished = false
    let names: SheetNames

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
      if !queued.isEmpty { return queued.removeFirst() }
      guard !finished else { return nil }
      while let node = reader.advance() {
        guard node == .element, let name = reader.currentLocalName else { continue }
        if xmlStrEqual(name, names.col) == 1, let tag = reader.currentStartTag {
          hide(tag)
        } else if xmlStrEqual(name, names.row) == 1, let tag = reader.currentStartTag {
          guard let row = readRow(tag) else { return stop() }
          let hidden = tag.attribute("hidden") == "1" || tag.attribute("hidden") == "true"
          return emit(row, hidden: hidden)
        }
      }
      // Rows merged ranges cover below the last row the sheet gives.
      finished = true
      let bottom = merges[nextMerge...].map(\.bottom).max() ?? 0
      for number in (lastRow + 1)..<Swift.max(lastRow + 1, bottom + 1) {
        if let row = mergedOnly(number) { queued.append(row) }
      }
      return queued.isEmpty ? nil : queued.removeFirst()
    }

    mutating func stop() -> [CSVCell]? {
      finished = true
      queued = []
      return nil
    }

    /// A `<col>` element: the hidden ones are remembered.
    mutating func hide(_ tag: XMLStartTag) {
      guard tag.attribute("hidden") == "1" || tag.attribute("hidden") == "true",
        let low = tag.attribute("min").flatMap({ Int($0) }),
        let high = tag.attribute("max").flatMap({ Int($0) }), low >= 1, low <= high
      else { return }
      hiddenColumns.append(low...Swift.min(high, CellReference.maximumColumn))
    }

    /// What a row's elements are being read into.
    enum Reading {
      case nothing, value, text
    }

    // Long: one walk over a row's nodes with the reader's interned names (the hot loop of every workbook); split, it would pass its state between calls.
    /// One row's number and its cells (column, text), read to its end tag.
    mutating func readRow(_ tag: XMLStartTag) -> (number: Int, cells: [(Int, String)])? {
      let number = tag.attribute("r").flatMap { Int($0) } ?? lastRow + 1
      guard number > lastRow, number <= CellReference.maximumRow else {
        diagnostics.error(
          .workbookUnreadable,
          "row \(number) comes after row \(lastRow): rows must be in order [\(sheet)]",
          at: SourceLocation(file: file, line: Swift.max(number, 1), column: 1))
        return nil
      }
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
            let next = child.attribute("r").map { CellReference($0)?.column ?? 0 } ?? column + 1
            guard next > column, next <= CellReference.maximumColumn else {
              diagnostics.error(
                .workbookUnreadable,
                "a cell out of order or out of range ('\(child.attribute("r") ?? "")') "
                  + "[\(sheet)]", at: SourceLocation(file: file, line: number, column: 1))
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
            if !isEmpty { reading = .value }
          } else if xmlStrEqual(name, names.f) == 1 {
            stored.hasFormula = true
          } else if xmlStrEqual(name, names.rPh) == 1 {
            phonetic += isEmpty ? 0 : 1
          } else if xmlStrEqual(name, names.t) == 1 && phonetic == 0 && !isEmpty {
            reading = .text
          }
        case .text:
          switch reading {
          case .value: stored.value = (stored.value ?? "") + reader.currentText
          case .text: stored.inline = (stored.inline ?? "") + reader.currentText
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

    /// The record of a row: its cells from column A, merged values given,
    /// rows merged ranges cover before it queued first.
    mutating func emit(_ row: (number: Int, cells: [(Int, String)]), hidden: Bool) -> [CSVCell]? {
      for number in (lastRow + 1)..<row.number {
        if let merged = mergedOnly(number) { queued.append(merged) }
      }
      let record = record(row.number, cells: row.cells, hidden: hidden)
      lastRow = row.number
      queued.append(record)
      return queued.removeFirst()
    }

    /// A row the sheet leaves out, when a merged range covers it.
    mutating func mergedOnly(_ number: Int) -> [CSVCell]? {
      openMerges(at: number)
      guard openMerges.contains(where: { $0.range.top < number }) else { return nil }
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

    mutating func record(_ number: Int, cells found: [(Int, String)], hidden: Bool) -> [CSVCell] {
      openMerges(at: number)
      let width = Swift.max(
        found.last?.0 ?? 0, openMerges.map(\.range.right).max() ?? 0)
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
      if !warnedColumn && hiddenColumns.contains(where: { $0.contains(column) }) {
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
