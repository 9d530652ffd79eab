import Foundation
import ZIPFoundation

/// An Office Open XML workbook (`.xlsx`) of typed sheets: every part
/// written with libxml2's writer (`XMLDocumentWriter`), packed by
/// ZIPFoundation with a fixed timestamp and a fixed order, so the same
/// sheets give the same bytes.
///
/// Cells are typed from the report's values: dates are date serials with
/// a `yyyy-mm-dd` format, shares numbers formatted `0.0%`, counts numbers
/// formatted `#,##0`, everything else (names, statuses, words) inline
/// string cells, so nothing is ever a formula. The header row is frozen
/// and has a filter; columns are as wide as their content's display width
/// (a Japanese character counts two); statuses carry a fill colour.
public enum XLSXWriter {
  /// The workbook's bytes. `title` and `created` go into its properties
  /// (the plan's municipality and as-of date: never the clock).
  /// Excel's limit on a cell's text, in UTF-16 units.
  public static let maximumCellLength = 32_767

  /// The workbook's bytes. A text longer than Excel takes is cut, ending
  /// in `…`, and `diagnostics` gets an `xlsx-cell-cut` warning at `path`
  /// naming the cell.
  public static func workbook(
    _ sheets: [WorkbookReport.Sheet], words: ReportWords, title: String, created: CivilDate,
    diagnostics: DiagnosticCollector? = nil, path: String = ""
  ) throws -> [UInt8] {
    var parts: [(String, [UInt8])] = [
      ("[Content_Types].xml", contentTypes(sheets.count)),
      ("_rels/.rels", rootRelationships()),
      ("docProps/core.xml", coreProperties(title: title, created: created)),
      ("docProps/app.xml", appProperties(sheets)),
      ("xl/workbook.xml", workbook(sheets)),
      ("xl/_rels/workbook.xml.rels", workbookRelationships(sheets.count)),
      ("xl/styles.xml", styles()),
    ]
    for (index, sheet) in sheets.enumerated() {
      var cut: [String] = []
      parts.append(
        ("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet.table, words: words, cut: &cut)))
      for reference in cut {
        diagnostics?.warning(
          .xlsxCellCut,
          "a text longer than Excel's \(NumberStyle.count(maximumCellLength)) characters is cut "
            + "with … in sheet \(sheet.table.key) cell \(reference); the CSV keeps it whole",
          at: SourceLocation(file: path))
      }
    }
    return try zip(parts)
  }

  // MARK: The zip container

  /// 1980-01-01 00:00 UTC: the zip format's first day, for every entry.
  static let timestamp = Date(timeIntervalSince1970: 315_532_800)

  static func zip(_ parts: [(String, [UInt8])]) throws -> [UInt8] {
    let archive = try Archive(accessMode: .create)
    for (path, bytes) in parts {
      let data = Data(bytes)
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: timestamp,
        permissions: 0o644, compressionMethod: .deflate
      ) { position, size in
        data.subdata(in: Int(position)..<Int(position) + size)
      }
    }
    guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
    return [UInt8](data)
  }

  // MARK: Package parts

  static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

  static func contentTypes(_ count: Int) -> [UInt8] {
    let xml = XMLDocumentWriter()
    xml.start("Types", ["xmlns": "http://schemas.openxmlformats.org/package/2006/content-types"])
    xml.element(
      "Default",
      [
        "Extension": "rels",
        "ContentType": "application/vnd.openxmlformats-package.relationships+xml",
      ])
    xml.element("Default", ["Extension": "xml", "ContentType": "application/xml"])
    let office = "application/vnd.openxmlformats-officedocument"
    xml.element(
      "Override",
      ["PartName": "/xl/workbook.xml", "ContentType": "\(office).spreadsheetml.sheet.main+xml"])
    for index in 1...max(count, 1) where count > 0 {
      xml.element(
        "Override",
        [
          "PartName": "/xl/worksheets/sheet\(index).xml",
          "ContentType": "\(office).spreadsheetml.worksheet+xml",
        ])
    }
    xml.element(
      "Override",
      ["PartName": "/xl/styles.xml", "ContentType": "\(office).spreadsheetml.styles+xml"])
    xml.element(
      "Override",
      [
        "PartName": "/docProps/core.xml",
        "ContentType": "application/vnd.openxmlformats-package.core-properties+xml",
      ])
    xml.element(
      "Override",
      ["PartName": "/docProps/app.xml", "ContentType": "\(office).extended-properties+xml"])
    xml.end()
    return xml.finish()
  }

  static func rootRelationships() -> [UInt8] {
    let xml = XMLDocumentWriter()
    xml.start("Relationships", ["xmlns": packageRelationships])
    xml.element(
      "Relationship",
      [
        "Id": "rId1", "Type": "\(relationships)/officeDocument", "Target": "xl/workbook.xml",
      ])
    xml.element(
      "Relationship",
      [
        "Id": "rId2",
        "Type":
          "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
        "Target": "docProps/core.xml",
      ])
    xml.element(
      "Relationship",
      ["Id": "rId3", "Type": "\(relationships)/extended-properties", "Target": "docProps/app.xml"])
    xml.end()
    return xml.finish()
  }

  static func coreProperties(title: String, created: CivilDate) -> [UInt8] {
    let xml = XMLDocumentWriter()
    xml.start(
      "cp:coreProperties",
      [
        "xmlns:cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
        "xmlns:dc": "http://purl.org/dc/elements/1.1/",
        "xmlns:dcterms": "http://purl.org/dc/terms/",
        "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
      ])
    xml.element("dc:title", text: title)
    xml.element("dc:creator", text: "migplan")
    xml.element("dcterms:created", ["xsi:type": "dcterms:W3CDTF"], text: created.iso + "T00:00:00Z")
    xml.end()
    return xml.finish()
  }

  static func appProperties(_ sheets: [WorkbookReport.Sheet]) -> [UInt8] {
    let xml = XMLDocumentWriter()
    xml.start(
      "Properties",
      ["xmlns": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"])
    xml.element("Application", text: "migplan")
    xml.end()
    return xml.finish()
  }

  static func workbook(_ sheets: [WorkbookReport.Sheet]) -> [UInt8] {
    let xml = XMLDocumentWriter()
    xml.start("workbook", ["xmlns": main, "xmlns:r": relationships])
    xml.start("bookViews")
    xml.element("workbookView", ["activeTab": "0"])
    xml.end()
    xml.start("sheets")
    for (index, sheet) in sheets.enumerated() {
      xml.element(
        "sheet",
        ["name": sheetName(sheet.name), "sheetId": String(index + 1), "r:id": "rId\(index + 1)"])
    }
    xml.end()
    // The filter's range, as Excel records it; the header row printed on
    // every page.
    xml.start("definedNames")
    for (index, sheet) in sheets.enumerated() {
      let quoted = "'\(sheetName(sheet.name).replacingOccurrences(of: "'", with: "''"))'"
      xml.element(
        "definedName",
        ["name": "_xlnm._FilterDatabase", "localSheetId": String(index), "hidden": "1"],
        text: quoted + "!" + absoluteRange(sheet.table))
      xml.element(
        "definedName", ["name": "_xlnm.Print_Titles", "localSheetId": String(index)],
        text: quoted + "!$1:$1")
    }
    xml.end()
    xml.end()
    return xml.finish()
  }

  static func workbookRelationships(_ count: Int) -> [UInt8] {
    let xml = XMLDocumentWriter()
    xml.start("Relationships", ["xmlns": packageRelationships])
    for index in 0..<count {
      xml.element(
        "Relationship",
        [
          "Id": "rId\(index + 1)", "Type": "\(relationships)/worksheet",
          "Target": "worksheets/sheet\(index + 1).xml",
        ])
    }
    xml.element(
      "Relationship",
      ["Id": "rId\(count + 1)", "Type": "\(relationships)/styles", "Target": "styles.xml"])
    xml.end()
    return xml.finish()
  }

  /// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
  static func sheetName(_ name: String) -> String {
    String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
  }

  // MARK: Styles

  /// Cell formats, by their index in `cellXfs`.
  enum Style: Int {
    case plain = 0
    case header, date, percent, count, decimal, done, onTrack, atRisk, late
    /// Four decimals (an exchange rate).
    case fine

    static func of(_ status: MigrationStatus) -> Style {
      switch status {
      case .done: .done
      case .onTrack: .onTrack
      case .atRisk: .atRisk
      case .late: .late
      }
    }
  }

  /// Fill colours (ARGB) of the header and the four statuses.
  static let fills = ["FFD9D9D9", "FFC6EFCE", "FFDDEBF7", "FFFFEB9C", "FFFFC7CE"]

  static func styles() -> [UInt8] {
    let xml = XMLDocumentWriter()
    xml.start("styleSheet", ["xmlns": main])
    xml.start("numFmts", ["count": "3"])
    xml.element("numFmt", ["numFmtId": "164", "formatCode": "yyyy-mm-dd"])
    xml.element("numFmt", ["numFmtId": "165", "formatCode": "0.0%"])
    xml.element("numFmt", ["numFmtId": "166", "formatCode": "#,##0.0000"])
    xml.end()
    xml.start("fonts", ["count": "2"])
    for bold in [false, true] {
      xml.start("font")
      if bold { xml.element("b") }
      xml.element("sz", ["val": "11"])
      xml.element("name", ["val": "Calibri"])
      xml.element("family", ["val": "2"])
      xml.end()
    }
    xml.end()
    xml.start("fills", ["count": String(2 + fills.count)])
    for pattern in ["none", "gray125"] {
      xml.start("fill")
      xml.element("patternFill", ["patternType": pattern])
      xml.end()
    }
    for color in fills {
      xml.start("fill")
      xml.start("patternFill", ["patternType": "solid"])
      xml.element("fgColor", ["rgb": color])
      xml.element("bgColor", ["indexed": "64"])
      xml.end()
      xml.end()
    }
    xml.end()
    xml.start("borders", ["count": "1"])
    xml.start("border")
    for side in ["left", "right", "top", "bottom", "diagonal"] { xml.element(side) }
    xml.end()
    xml.end()
    xml.start("cellStyleXfs", ["count": "1"])
    xml.element("xf", ["numFmtId": "0", "fontId": "0", "fillId": "0", "borderId": "0"])
    xml.end()
    // (numFmtId, fontId, fillId) of each Style, in order.
    let formats: [(Int, Int, Int)] = [
      (0, 0, 0), (0, 1, 2), (164, 0, 0), (165, 0, 0), (3, 0, 0), (4, 0, 0),
      (0, 0, 3), (0, 0, 4), (0, 0, 5), (0, 0, 6), (166, 0, 0),
    ]
    xml.start("cellXfs", ["count": String(formats.count)])
    for (numFmt, font, fill) in formats {
      var attributes: [(String, String)] = [
        ("numFmtId", String(numFmt)), ("fontId", String(font)), ("fillId", String(fill)),
        ("borderId", "0"), ("xfId", "0"),
      ]
      if numFmt != 0 { attributes.append(("applyNumberFormat", "1")) }
      if font != 0 { attributes.append(("applyFont", "1")) }
      if fill != 0 { attributes.append(("applyFill", "1")) }
      xml.start("xf", attributes: attributes)
      xml.end()
    }
    xml.end()
    xml.start("cellStyles", ["count": "1"])
    xml.element("cellStyle", ["name": "Normal", "xfId": "0", "builtinId": "0"])
    xml.end()
    xml.end()
    return xml.finish()
  }

  // MARK: Worksheets

  /// A cell as the workbook holds it.
  enum Cell {
    case empty
    case string(String, Style)
    case number(Double, Style)

    /// What it shows, for the column's width.
    var shown: String {
      switch self {
      case .empty: ""
      case .string(let text, _): text
      case .number(let value, let style):
        switch style {
        case .date: "yyyy-mm-dd"
        case .percent: NumberStyle.percent(value)
        default: NumberStyle.number(value)
        }
      }
    }
  }

  /// Days from Excel's day 0 (1899-12-30) to 1970-01-01.
  static let serialOffset = 25_569

  static func cell(_ value: ReportValue, words: ReportWords, separator: String) -> Cell {
    switch value {
    case .null: return .empty
    case .integer(let number): return .number(Double(number), .count)
    case .year(let number): return .number(Double(number), .plain)
    case .decimal(let number, let digits): return .number(number, digits > 2 ? .fine : .decimal)
    case .percentage(let share): return .number(share, .percent)
    case .date(let date): return .number(Double(date.dayNumber + serialOffset), .date)
    case .status(let status): return .string(words.status(status), Style.of(status))
    case .text, .term, .flag, .list, .record:
      let text = ReportRenderer.text(value, words: words, separator: separator)
      return text.isEmpty ? .empty : .string(text, .plain)
    }
  }

  /// `A`, `B`, … `Z`, `AA`, ….
  static func columnName(_ index: Int) -> String {
    var name = ""
    var number = index + 1
    while number > 0 {
      let remainder = (number - 1) % 26
      name = String(UnicodeScalar(UInt8(65 + remainder))) + name
      number = (number - 1) / 26
    }
    return name
  }

  /// `$A$1:$Q$19`: the header and every row.
  static func absoluteRange(_ table: ReportTable) -> String {
    let last = columnName(max(shownColumns(table).count - 1, 0))
    return "$A$1:$\(last)$\(table.rows.count + 1)"
  }

  /// The columns a workbook shows: those of the CSV.
  static func shownColumns(_ table: ReportTable) -> [Int] {
    table.columns.indices.filter { table.columns[$0].formats.contains(.csv) }
  }

  /// A text within Excel's limit: cut (never inside a character) and
  /// marked with `…`; nil when it fits.
  static func cut(_ text: String) -> String? {
    guard text.utf16.count > maximumCellLength else { return nil }
    var kept = ""
    var units = 0
    for character in text {
      let size = character.utf16.count
      if units + size > maximumCellLength - 1 { break }
      kept.append(character)
      units += size
    }
    return kept + "…"
  }

  /// How a sheet prints: A4 landscape, one page wide (as many pages
  /// down as it takes), the header row on every page (the workbook's
  /// `_xlnm.Print_Titles`), the sheet's name and the page number in the
  /// footer.
  static func pageSetup(_ xml: XMLDocumentWriter) {
    xml.element(
      "pageMargins",
      [
        "left": "0.4", "right": "0.4", "top": "0.5", "bottom": "0.6", "header": "0.3",
        "footer": "0.3",
      ])
    xml.element(
      "pageSetup",
      ["paperSize": "9", "orientation": "landscape", "fitToWidth": "1", "fitToHeight": "0"])
    xml.start("headerFooter")
    xml.element("oddFooter", text: "&L&A&R&P / &N")
    xml.end()
  }

  static func worksheet(_ table: ReportTable, words: ReportWords, cut: inout [String]) -> [UInt8] {
    let shown = shownColumns(table)
    let separator = words.cellSeparator
    let header = shown.map { Cell.string(words.header(table.columns[$0]), .header) }
    var rows: [[Cell]] = []
    for (index, row) in table.rows.enumerated() {
      rows.append(
        shown.enumerated().map { position, column in
          let value = cell(row[column], words: words, separator: separator)
          guard case .string(let text, let style) = value, let shorter = Self.cut(text) else {
            return value
          }
          cut.append(columnName(position) + String(index + 2))
          return .string(shorter, style)
        })
    }
    let xml = XMLDocumentWriter()
    xml.start("worksheet", ["xmlns": main, "xmlns:r": relationships])
    let lastColumn = columnName(max(shown.count - 1, 0))
    // Printed to fit one page wide (see `pageSetup`).
    xml.start("sheetPr")
    xml.element("pageSetUpPr", ["fitToPage": "1"])
    xml.end()
    xml.element("dimension", ["ref": "A1:\(lastColumn)\(rows.count + 1)"])
    xml.start("sheetViews")
    xml.start("sheetView", ["workbookViewId": "0"])
    xml.element(
      "pane", ["ySplit": "1", "topLeftCell": "A2", "activePane": "bottomLeft", "state": "frozen"])
    xml.element("selection", ["pane": "bottomLeft", "activeCell": "A2", "sqref": "A2"])
    xml.end()
    xml.end()
    xml.element("sheetFormatPr", ["defaultRowHeight": "15"])
    if !shown.isEmpty {
      xml.start("cols")
      for position in shown.indices {
        let widest =
          ([header[position]] + rows.map { $0[position] })
          .map { DisplayWidth.of($0.shown) }.max() ?? 0
        // Room for the filter button; long texts wrap at 60.
        let width = min(max(widest, 6) + 3, 60)
        xml.element(
          "col",
          [
            "min": String(position + 1), "max": String(position + 1), "width": String(width),
            "customWidth": "1",
          ])
      }
      xml.end()
    }
    writeSheetData(xml, [header] + rows)
    if !shown.isEmpty {
      xml.element("autoFilter", ["ref": "A1:\(lastColumn)\(rows.count + 1)"])
    }
    pageSetup(xml)
    xml.end()
    return xml.finish()
  }

  /// The sheet's cells, row by row: strings inline, numbers with their
  /// style, empty cells left out.
  static func writeSheetData(_ xml: XMLDocumentWriter, _ rows: [[Cell]]) {
    xml.start("sheetData")
    for (index, cells) in rows.enumerated() {
      let row = index + 1
      xml.start("row", ["r": String(row)])
      for (position, cell) in cells.enumerated() {
        let reference = columnName(position) + String(row)
        switch cell {
        case .empty: continue
        case .string(let text, let style):
          var attributes = [("r", reference), ("t", "inlineStr")]
          if style != .plain { attributes.append(("s", String(style.rawValue))) }
          xml.start("c", attributes: attributes)
          xml.start("is")
          let preserve = text.first == " " || text.last == " " || text.contains("\n")
          xml.start("t", attributes: preserve ? [("xml:space", "preserve")] : [])
          xml.text(text)
          xml.end()
          xml.end()
          xml.end()
        case .number(let value, let style):
          xml.start("c", attributes: [("r", reference), ("s", String(style.rawValue))])
          xml.element("v", text: JSONValue.decimalText(value, digits: 6))
          xml.end()
        }
      }
      xml.end()
    }
    xml.end()
  }
}
