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

  /// The cell as a spreadsheet names it: `E3`.
  public var reference: String { SheetCell.name(row: row - 1, column: field) }
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

  /// The records of the table file at `path`: read (at most
  /// `maximumSize` bytes), decoded, parsed. Nil (with diagnostics) when it
  /// is too large, cannot be decoded or is not CSV.
  public static func read(path: String, encoding: TableEncoding, diagnostics: DiagnosticCollector)
    throws(InputFailure) -> [[CSVCell]]?
  {
    guard let bytes = try FileCheck.readBounded(path, limit: maximumSize, diagnostics: diagnostics),
      let text = decode(bytes, encoding: encoding, path: path, diagnostics: diagnostics)
    else { return nil }
    return parse(text, path: path, diagnostics: diagnostics)
  }

  /// The text of `bytes`, or nil (with a diagnostic) when it cannot be
  /// decoded as the encoding says.
  public static func decode(
    _ bytes: [UInt8], encoding: TableEncoding, path: String, diagnostics: DiagnosticCollector
  ) -> String? {
    var body = bytes
    let hasBOM = body.starts(with: [0xEF, 0xBB, 0xBF])
    if hasBOM { body.removeFirst(3) }
    switch encoding {
    case .utf8:
      if let text = validUTF8(body) { return text }
      diagnostics.error(
        "csv-encoding", "the file is not valid UTF-8 (try --encoding shift_jis)",
        at: SourceLocation(file: path, line: 1, column: 1))
      return nil
    case .shiftJIS:
      if let text = convert(body, from: "CP932") { return text }
      diagnostics.error(
        "csv-encoding", "the file is not valid Shift_JIS (CP932)",
        at: SourceLocation(file: path, line: 1, column: 1))
      return nil
    case .auto:
      if let text = validUTF8(body) { return text }
      if !hasBOM, let text = convert(body, from: "CP932") { return text }
      diagnostics.error(
        "csv-encoding", "the file is neither UTF-8 nor Shift_JIS (CP932)",
        at: SourceLocation(file: path, line: 1, column: 1))
      return nil
    }
  }

  static func validUTF8(_ bytes: [UInt8]) -> String? {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var scalars = String.UnicodeScalarView()
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): scalars.append(scalar)
      case .emptyInput: return String(scalars)
      case .error: return nil
      }
    }
  }

  /// Converts with the C library's iconv.
  static func convert(_ bytes: [UInt8], from encoding: String) -> String? {
    let converter = iconv_open("UTF-8", encoding)
    guard converter != iconv_t(bitPattern: -1) else { return nil }
    defer { iconv_close(converter) }
    var input = bytes.map { CChar(bitPattern: $0) }
    var output = [CChar](repeating: 0, count: bytes.count * 3 + 16)
    let result: Int = input.withUnsafeMutableBufferPointer { inputBuffer in
      output.withUnsafeMutableBufferPointer { outputBuffer in
        var inPointer = inputBuffer.baseAddress
        var inLeft = inputBuffer.count
        var outPointer = outputBuffer.baseAddress
        var outLeft = outputBuffer.count
        let status = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
        if status == -1 || inLeft != 0 { return -1 }
        return outputBuffer.count - outLeft
      }
    }
    guard result >= 0 else { return nil }
    return validUTF8(output[0..<result].map { UInt8(bitPattern: $0) })
  }

  /// The longest cell a table may hold (characters): a name, a vendor, a
  /// date. A longer one is refused at the cell, before it can make
  /// plan.xml too large.
  public static let maximumCellLength = 4_096

  /// The most cells a table may hold (a 32 MB file of commas would
  /// otherwise be 32 million cells).
  public static let maximumCells = 1_000_000

  /// Records of cells. A quote left open, a control character (TAB, and
  /// line breaks inside quotes, are text), a cell longer than
  /// `maximumCellLength` or more than `maximumCells` cells is an error at
  /// its position; the first such error ends the parse.
  /// - Complexity: O(characters), one pass over the text's scalars.
  public static func parse(_ text: String, path: String, diagnostics: DiagnosticCollector)
    -> [[CSVCell]]?
  {
    var records: [[CSVCell]] = []
    var record: [CSVCell] = []
    var field = ""
    var fieldLength = 0
    var fieldLine = 1
    var fieldColumn = 1
    var line = 1
    var column = 1
    var quoted = false
    var quoteLine = 0
    var quoteColumn = 0
    var atFieldStart = true
    var sawContent = false
    var cells = 0
    var scalars = text.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    func next() -> Unicode.Scalar? {
      if let scalar = pending {
        pending = nil
        return scalar
      }
      return scalars.next()
    }
    func peek() -> Unicode.Scalar? {
      if pending == nil { pending = scalars.next() }
      return pending
    }
    func here() -> String {
      SheetCell.name(row: records.count, column: record.count)
    }
    func refuse(_ id: String, _ message: String) -> [[CSVCell]]? {
      diagnostics.error(
        id, message + " [セル \(here())]",
        at: SourceLocation(file: path, line: fieldLine, column: fieldColumn))
      return nil
    }
    func endField() {
      record.append(
        CSVCell(
          text: field, line: fieldLine, column: fieldColumn, row: records.count + 1,
          field: record.count))
      field = ""
      fieldLength = 0
      atFieldStart = true
      cells += 1
    }
    func append(_ c: Unicode.Scalar) {
      field.unicodeScalars.append(c)
      fieldLength += 1
    }
    while let c = next() {
      if atFieldStart {
        fieldLine = line
        fieldColumn = column
        atFieldStart = false
      }
      if cells >= maximumCells {
        return refuse(
          "csv-too-many-cells",
          "the table has more than \(NumberStyle.count(maximumCells)) cells; a plan's table "
            + "has a row per 業務 and a few columns")
      }
      if fieldLength > maximumCellLength {
        return refuse(
          "csv-cell-too-long",
          "a cell longer than \(NumberStyle.count(maximumCellLength)) characters; cells hold "
            + "names, vendors and dates")
      }
      let control = c.value < 0x20 && c != "\t" && c != "\n" && c != "\r"
      if control || (0x7F...0x9F).contains(c.value) {
        return refuse(
          "csv-control-character",
          "a control character (\\u{\(String(c.value, radix: 16, uppercase: true))}) in a cell: "
            + "remove it (cells hold text; TAB and line breaks inside quotes are text)")
      }
      if quoted {
        if c == "\"" {
          if peek() == "\"" {
            _ = next()
            append("\"")
            column += 1
          } else {
            quoted = false
          }
        } else {
          append(c)
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
        if c == "\r" && peek() == "\n" { _ = next() }
        endField()
        records.append(record)
        record = []
        sawContent = false
        line += 1
        column = 0
      } else {
        append(c)
        sawContent = true
      }
      column += 1
    }
    if quoted {
      diagnostics.error(
        "csv-syntax", "a quoted field is not closed",
        at: SourceLocation(file: path, line: quoteLine, column: quoteColumn))
      return nil
    }
    if sawContent || !field.isEmpty || !record.isEmpty {
      if atFieldStart {
        fieldLine = line
        fieldColumn = column
      }
      endField()
      records.append(record)
    }
    return records
  }
}
