#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A CSV cell with where it stands in the file (1-based line and column,
/// the column in characters).
public struct CSVCell: Sendable {
  /// The cell's text, unquoted.
  public var text: String
  /// The file line it starts on (1-based).
  public var line: Int
  /// The column, in characters, it starts at (1-based).
  public var column: Int
  /// The row as a spreadsheet numbers it (1-based): the record's number,
  /// which differs from `line` after a quoted line break.
  public var row: Int = 0
  /// The field's place in its record (0 for column A).
  public var field: Int = 0
  /// The worksheet's name, when read from a workbook (then `line` is the
  /// row and `column` the column, both 1-based).
  public var sheet: String? = nil

  /// The cell as a spreadsheet names it: `E3`, or `Sheet1!E3` in a workbook.
  public var reference: String {
    sheet.map { Self.sheetReference($0, row: row, column: field + 1) }
      ?? SheetCell.name(row: row - 1, column: field)
  }

  /// Where a message says the cell is: `[セル E3]` in CSV, `[Sheet1!E3]`
  /// in a workbook.
  public var tag: String { sheet == nil ? "[セル \(reference)]" : "[\(reference)]" }

  /// The tag of `record`'s cell in `field` (which may lie past its end).
  public static func tag(of record: [CSVCell], field: Int) -> String {
    guard var cell = record.first else { return "" }
    cell.field = field
    return cell.tag
  }

  /// `Sheet1!B8` for row 8, column 2 (1-based); a name with spaces or
  /// punctuation is quoted as Excel quotes it (`'FY 2026'!B8`).
  public static func sheetReference(_ sheet: String, row: Int, column: Int) -> String {
    let plain = sheet.allSatisfy { !$0.isWhitespace && !"'!-()[],;".contains($0) }
    let name = plain ? sheet : "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
    return name + "!" + SheetCell.name(row: row - 1, column: column - 1)
  }
}

/// Text encodings a table may come in.
public enum TableEncoding: String, Sendable, CaseIterable {
  /// Detect: UTF-8 (with or without BOM) when the bytes are valid UTF-8,
  /// else Shift_JIS (CP932).
  case auto
  case utf8 = "utf-8"
  /// Shift_JIS as Windows and Excel in Japan write it (CP932).
  case shiftJIS = "shift_jis"
}

/// Reads RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside
/// quotes; CRLF or LF), decoding UTF-8 or CP932.
public enum CSVReader {
  /// Tables larger than this (32 MB) are refused before decoding.
  public static let maximumSize = 32 << 20

  /// The longest cell a table may hold (characters): a name, a vendor, a
  /// date. A longer one is refused at the cell, before it can make
  /// plan.xml too large.
  public static let maximumCellLength = 4_096

  /// The most cells a table may hold (a 32 MB file of commas would
  /// otherwise be 32 million cells).
  public static let maximumCells = 1_000_000

  /// The most cells of one record: Excel's 16,384 columns.
  public static let maximumColumns = 16_384

  /// Every record of `text`, or nil when it has errors (reported): for
  /// callers that want them all at once (tests, small tables).
  public static func parse(_ text: String, path: String, diagnostics: DiagnosticCollector)
    -> [[CSVCell]]?
  {
    let errors = diagnostics.errorCount
    let records = Array(CSVRecords(text: text, path: path, diagnostics: diagnostics))
    return diagnostics.errorCount == errors ? records : nil
  }

  /// The records of the table file at `path`: read (at most
  /// `maximumSize` bytes), decoded, then parsed one record at a time as
  /// they are consumed. Nil (with diagnostics) when it is too large or
  /// cannot be decoded; a syntax error stops the records (with its
  /// diagnostic), so a consumer checks `diagnostics` after the last one.
  /// In memory: the decoded text (the file's size for UTF-8; for
  /// Shift_JIS, up to three times it while converting) and one record.
  public static func read(path: String, encoding: TableEncoding, diagnostics: DiagnosticCollector)
    throws(InputFailure) -> CSVRecords?
  {
    guard let bytes = try FileCheck.readBounded(path, limit: maximumSize, diagnostics: diagnostics),
      let text = decode(bytes, encoding: encoding, path: path, diagnostics: diagnostics)
    else { return nil }
    return CSVRecords(text: text, path: path, diagnostics: diagnostics)
  }

  /// The text of `bytes`, or nil (with a diagnostic) when it cannot be
  /// decoded as the encoding says. UTF-8 is checked in place; Shift_JIS is
  /// converted in blocks, never through a buffer three times the file.
  public static func decode(
    _ bytes: [UInt8], encoding: TableEncoding, path: String, diagnostics: DiagnosticCollector
  ) -> String? {
    let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
    let body = bytes[(hasBOM ? 3 : 0)...]
    switch encoding {
    case .utf8:
      if let text = validUTF8(body) { return text }
      diagnostics.error(
        .csvEncoding, "the file is not valid UTF-8 (try --encoding shift_jis)",
        at: SourceLocation(file: path, line: 1, column: 1))
      return nil
    case .shiftJIS:
      if let text = convert(body, from: "CP932") { return text }
      diagnostics.error(
        .csvEncoding, "the file is not valid Shift_JIS (CP932)",
        at: SourceLocation(file: path, line: 1, column: 1))
      return nil
    case .auto:
      if let text = validUTF8(body) { return text }
      if !hasBOM, let text = convert(body, from: "CP932") { return text }
      diagnostics.error(
        .csvEncoding, "the file is neither UTF-8 nor Shift_JIS (CP932)",
        at: SourceLocation(file: path, line: 1, column: 1))
      return nil
    }
  }

  static func validUTF8(_ bytes: ArraySlice<UInt8>) -> String? {
    bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }
  }

  /// Converts with the C library's iconv, 64 KiB at a time.
  static func convert(_ bytes: ArraySlice<UInt8>, from encoding: String) -> String? {
    let converter = iconv_open("UTF-8", encoding)
    guard converter != iconv_t(bitPattern: -1) else { return nil }
    defer { iconv_close(converter) }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + bytes.count / 2)
    var block = [CChar](repeating: 0, count: 1 << 16)
    let converted: Bool = bytes.withUnsafeBufferPointer { input in
      var inPointer = UnsafeMutablePointer(
        mutating: UnsafeRawPointer(input.baseAddress)?.assumingMemoryBound(to: CChar.self))
      var inLeft = input.count
      while inLeft > 0 {
        let (status, produced): (Int, Int) = block.withUnsafeMutableBufferPointer { buffer in
          var outPointer = buffer.baseAddress
          var outLeft = buffer.count
          let status = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
          return (status, buffer.count - outLeft)
        }
        output += block[0..<produced].lazy.map { UInt8(bitPattern: $0) }
        // E2BIG: the block is full, go on; anything else is bad input.
        if status == -1 && errno != E2BIG { return false }
      }
      return true
    }
    guard converted else { return nil }
    return validUTF8(output[...])
  }
}

/// The records of a CSV text (RFC 4180: quoted fields, doubled quotes,
/// line breaks inside quotes; CRLF or LF), parsed one at a time as they
/// are iterated. A quote left open, a control character (TAB, and line
/// breaks inside quotes, are text), a cell longer than
/// `CSVReader.maximumCellLength`, a record of more than
/// `CSVReader.maximumColumns` cells or a table of more than
/// `CSVReader.maximumCells` is an error at its position, and ends the
/// records.
public struct CSVRecords: Sequence {
  let text: String
  let path: String
  let diagnostics: DiagnosticCollector

  /// The records of `text`, read from `path`; errors go to `diagnostics`.
  public init(text: String, path: String, diagnostics: DiagnosticCollector) {
    self.text = text
    self.path = path
    self.diagnostics = diagnostics
  }

  /// Parses records as they are asked for.
  public struct Iterator: IteratorProtocol {
    var scalars: String.UnicodeScalarView.Iterator
    var pending: Unicode.Scalar?
    let path: String
    let diagnostics: DiagnosticCollector
    var line = 1
    var column = 1
    var records = 0
    var cells = 0
    var finished = false

    mutating func nextScalar() -> Unicode.Scalar? {
      if let scalar = pending {
        pending = nil
        return scalar
      }
      return scalars.next()
    }

    mutating func peek() -> Unicode.Scalar? {
      if pending == nil { pending = scalars.next() }
      return pending
    }

    // Long: the per-byte loop of the streaming reader, one state machine; calls per field would slow every import.
    /// The next record, or nil at the end or after an error.
    /// - Complexity: O(characters of the record).
    public mutating func next() -> [CSVCell]? {
      guard !finished else { return nil }
      var record: [CSVCell] = []
      var field = ""
      var fieldLength = 0
      var fieldLine = line
      var fieldColumn = column
      var quoted = false
      var quoteLine = 0
      var quoteColumn = 0
      var atFieldStart = true
      var sawContent = false
      func refuse(_ id: DiagnosticKind, _ message: String) -> [CSVCell]? {
        diagnostics.error(
          id, message + " [セル \(SheetCell.name(row: records, column: record.count))]",
          at: SourceLocation(file: path, line: fieldLine, column: fieldColumn))
        finished = true
        return nil
      }
      func endField() {
        record.append(
          CSVCell(
            text: field, line: fieldLine, column: fieldColumn, row: records + 1,
            field: record.count))
        field = ""
        fieldLength = 0
        atFieldStart = true
        cells += 1
      }
      while let c = nextScalar() {
        if atFieldStart {
          fieldLine = line
          fieldColumn = column
          atFieldStart = false
        }
        if cells >= CSVReader.maximumCells {
          return refuse(
            .csvTooManyCells,
            "the table has more than \(NumberStyle.count(CSVReader.maximumCells)) cells; a "
              + "plan's table has a row per 業務 and a few columns")
        }
        if record.count >= CSVReader.maximumColumns {
          return refuse(
            .csvTooManyCells,
            "a row of more than \(NumberStyle.count(CSVReader.maximumColumns)) cells, Excel's "
              + "limit")
        }
        if fieldLength > CSVReader.maximumCellLength {
          return refuse(
            .csvCellTooLong,
            "a cell longer than \(NumberStyle.count(CSVReader.maximumCellLength)) characters; "
              + "cells hold names, vendors and dates")
        }
        let control = c.value < 0x20 && c != "\t" && c != "\n" && c != "\r"
        if control || (0x7F...0x9F).contains(c.value) {
          return refuse(
            .csvControlCharacter,
            "a control character (\\u{\(String(c.value, radix: 16, uppercase: true))}) in a "
              + "cell: remove it (cells hold text; TAB and line breaks inside quotes are text)")
        }
        if quoted {
          if c == "\"" {
            if peek() == "\"" {
              _ = nextScalar()
              field.unicodeScalars.append("\"")
              fieldLength += 1
              column += 1
            } else {
              quoted = false
            }
          } else {
            field.unicodeScalars.append(c)
            fieldLength += 1
            if c == "\n" {
              line += 1
              column = 0
            }
          }
        } else if c == "\"" && field.isEmpty {
          quoted = true
          quoteLine = line
          quoteColumn = column
        } else if c == "," {
          endField()
          sawContent = true
        } else if c == "\r" || c == "\n" {
          if c == "\r" && peek() == "\n" { _ = nextScalar() }
          endField()
          line += 1
          column = 1
          records += 1
          return record
        } else {
          field.unicodeScalars.append(c)
          fieldLength += 1
          sawContent = true
        }
        column += 1
      }
      finished = true
      if quoted {
        diagnostics.error(
          .csvSyntax, "a quoted field is not closed",
          at: SourceLocation(file: path, line: quoteLine, column: quoteColumn))
        return nil
      }
      guard sawContent || !field.isEmpty || !record.isEmpty else { return nil }
      if fieldLength > CSVReader.maximumCellLength {
        return refuse(
          .csvCellTooLong,
          "a cell longer than \(NumberStyle.count(CSVReader.maximumCellLength)) characters; "
            + "cells hold names, vendors and dates")
      }
      if record.count >= CSVReader.maximumColumns {
        return refuse(
          .csvTooManyCells,
          "a row of more than \(NumberStyle.count(CSVReader.maximumColumns)) cells, Excel's limit")
      }
      if atFieldStart {
        fieldLine = line
        fieldColumn = column
      }
      endField()
      records += 1
      return record
    }
  }

  /// An iterator from the first record.
  public func makeIterator() -> Iterator {
    Iterator(
      scalars: text.unicodeScalars.makeIterator(), pending: nil, path: path,
      diagnostics: diagnostics)
  }
}
