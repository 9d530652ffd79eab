import Foundation
import Testing
import ZIPFoundation

@testable import MigrationPlanning

/// Reading workbooks (#27), below the command line: dates as people type
/// them, date serials in both systems, references, part names, a part's
/// limits, and migplan's own workbook read back.
@Suite struct WorkbookReaderTests {
  @Test func datesAsPeopleTypeThem() {
    let day = CivilDate(year: 2026, month: 4, day: 1)
    for text in [
      "2026-04-01", "2026/4/1", "2026/04/01", "2026.4.1", "2026年4月1日", "令和8年4月1日", "R8.4.1",
      "R8/4/1", "r08.04.01", "令和８年４月１日", " 2026-04-01 ",
    ] {
      #expect(TableDate.parse(text) == day, "\(text)")
    }
    #expect(TableDate.parse("令和元年5月1日") == CivilDate(year: 2019, month: 5, day: 1))
    #expect(TableDate.parse("H31.4.30") == CivilDate(year: 2019, month: 4, day: 30))
    #expect(TableDate.parse("平成元年1月8日") == CivilDate(year: 1989, month: 1, day: 8))
    #expect(TableDate.parse("S64.1.7") == CivilDate(year: 1989, month: 1, day: 7))
    // Outside its era, or no day at all.
    for text in [
      "令和1年4月30日", "H31.5.1", "平成元年1月7日", "2026-02-30", "R8.13.1", "R0.4.1", "2026-4",
      "令和8年", "R8", "", "4/1/2026", "2026-04-01T00:00",
    ] {
      #expect(TableDate.parse(text) == nil, "\(text)")
    }
  }

  @Test func dateSerialsInBothSystems() throws {
    let system1900 = CellDecoder(strings: [], dateStyles: [1], date1904: false)
    let system1904 = CellDecoder(strings: [], dateStyles: [1], date1904: true)
    func day(_ decoder: CellDecoder, _ serial: String) -> String? {
      try? decoder.date(serial: serial).get().iso
    }
    #expect(day(system1900, "1") == "1900-01-01")
    #expect(day(system1900, "59") == "1900-02-28")
    #expect(day(system1900, "60") == nil)  // 1900-02-29, which never was
    #expect(day(system1900, "61") == "1900-03-01")
    #expect(day(system1900, "46112") == "2026-03-31")
    #expect(day(system1900, "46112.75") == "2026-03-31")  // a time of day is dropped
    #expect(day(system1900, "0") == nil)
    #expect(day(system1900, "-1") == nil)
    #expect(day(system1900, "abc") == nil)
    #expect(day(system1904, "0") == "1904-01-01")
    #expect(day(system1904, "44650") == "2026-03-31")
    // A number in a date format is a date; in another format, a number.
    var cell = CellDecoder.Stored(type: "n", style: 1, value: "46112")
    #expect(try system1900.text(of: cell).get() == "2026-03-31")
    cell.style = 0
    #expect(try system1900.text(of: cell).get() == "46112")
  }

  @Test func cellsOfEveryType() throws {
    let decoder = CellDecoder(strings: ["住基", "戸籍"], dateStyles: [], date1904: false)
    func text(_ type: String, _ value: String?, formula: Bool = false, inline: String? = nil)
      -> String?
    {
      try? decoder.text(
        of: CellDecoder.Stored(type: type, value: value, inline: inline, hasFormula: formula)
      ).get()
    }
    #expect(text("s", "1") == "戸籍")
    #expect(text("s", "2") == nil)
    #expect(text("s", "-1") == nil)
    #expect(text("inlineStr", nil, inline: "印鑑") == "印鑑")
    #expect(text("b", "1") == "TRUE")
    #expect(text("b", "0") == "FALSE")
    #expect(text("str", "計算結果", formula: true) == "計算結果")
    #expect(text("n", "3", formula: true) == "3")
    #expect(text("n", nil, formula: true) == nil)  // no cached value
    #expect(text("n", "", formula: true) == nil)  // openpyxl's <v></v>: none either
    #expect(text("str", "", formula: true) == "")  // LibreOffice's cached ""
    #expect(text("e", "#N/A") == nil)
    #expect(text("e", "#REF!", formula: true) == nil)
    #expect(text("d", "2026-04-01T00:00:00") == "2026-04-01")
    #expect(text("n", nil) == "")
  }

  @Test func dateFormats() {
    for code in [
      "yyyy/m/d", "[$-ja-JP]ggge\"年\"m\"月\"d\"日\"", "d-mmm-yy", "yyyy-mm-dd hh:mm",
      "m/d/yyyy h:mm", "mmm dd", "[$-411]ge.m.d",
    ] {
      #expect(WorkbookReader.isDateCode(code), "\(code)")
    }
    for code in [
      "0.0%", "#,##0", "\"day\" 0", "[Red]0.00", "\\d0", "General", "@", "0.00E+00",
      // Times: an m next to an hour or before a second is minutes.
      "h:mm", "[h]:mm:ss", "mm:ss", "h\"時\"mm\"分\"", "hh:mm AM/PM", "[$-F400]h:mm:ss AM/PM",
    ] {
      #expect(!WorkbookReader.isDateCode(code), "\(code)")
    }
    #expect(WorkbookReader.builtInDates.contains(14))
    #expect(!WorkbookReader.builtInDates.contains(10))
  }

  @Test func referencesAndPartNames() {
    #expect(CellReference("B8").map { [$0.row, $0.column] } == [8, 2])
    #expect(CellReference("XFD1048576").map { [$0.row, $0.column] } == [1_048_576, 16_384])
    #expect(CellReference("$AA$10").map { [$0.row, $0.column] } == [10, 27])
    for bad in ["XFE1", "A1048577", "A0", "8B", "", "A", "1"] {
      #expect(CellReference(bad) == nil, "\(bad)")
    }
    #expect(CSVCell.sheetReference("結果一覧", row: 4, column: 2) == "結果一覧!B4")
    #expect(CSVCell.sheetReference("FY 2026", row: 1, column: 1) == "'FY 2026'!A1")
    #expect(CSVCell.sheetReference("it's", row: 1, column: 1) == "'it''s'!A1")
    for safe in ["xl/workbook.xml", "[Content_Types].xml", "xl/worksheets/sheet1.xml"] {
      #expect(ZipDirectory.isSafe(safe), "\(safe)")
    }
    for unsafe in ["../x.xml", "xl/../../x", "/etc/passwd", "\\x.xml", "C:/x.xml", "xl\\..\\x", ""]
    {
      #expect(!ZipDirectory.isSafe(unsafe), "\(unsafe)")
    }
    #expect(
      WorkbookReader.resolve("worksheets/sheet1.xml", from: "xl") == "xl/worksheets/sheet1.xml")
    #expect(WorkbookReader.resolve("/xl/styles.xml", from: "xl") == "xl/styles.xml")
    #expect(WorkbookReader.resolve("../../../etc/passwd", from: "xl") == "etc/passwd")
  }

  /// A part's two limits stop the stream with `workbook-limit`, at the
  /// limits given (the defaults, 1 GB and 100×, work the same way).
  @Test func aPartStopsAtItsLimits() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "migplan-zip-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("limits.zip")
    let archive = try Archive(url: path, accessMode: .create)
    // 4 MiB that compress a few times, and 3 MiB that compress 1000 times.
    var random = SplitMix64(seed: 1)
    let varied =
      "<r>"
      + (0..<1_000_000).map { _ in String(random.next() % 1000, radix: 10) + " " }
      .joined() + "</r>"
    let flat = "<r>" + String(repeating: "<x/>", count: 800_000) + "</r>"
    for (name, text) in [("varied.xml", varied), ("flat.xml", flat)] {
      let data = Data(text.utf8)
      try archive.addEntry(
        with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
        provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
    }
    let diagnostics = DiagnosticCollector()
    let zip = try #require(ZipFile(path: path.path, diagnostics: diagnostics))
    func read(_ name: String, limit: Int64, ratio: Int64) -> [Diagnostic] {
      let collector = DiagnosticCollector()
      let part = zip.part(name, limit: limit, ratio: ratio)!
      _ = XMLStreamReader(part: part, diagnostics: collector).drain()
      return collector.diagnostics
    }
    #expect(read("varied.xml", limit: 1 << 30, ratio: 100).isEmpty)
    #expect(read("flat.xml", limit: 1 << 30, ratio: 2000).isEmpty)
    let tooLarge = read("varied.xml", limit: 1 << 21, ratio: 100)
    #expect(tooLarge.map(\.id) == ["workbook-limit"], "\(tooLarge)")
    #expect(tooLarge.first?.message.contains("past 2 MB") == true)
    let bomb = read("flat.xml", limit: 1 << 30, ratio: 100)
    #expect(bomb.map(\.id) == ["workbook-limit"], "\(bomb)")
    #expect(bomb.first?.message.contains("100 times") == true)
    #expect(bomb.first?.message.hasSuffix("[flat.xml]") == true)
    #expect(diagnostics.diagnostics.isEmpty)
  }

  /// migplan's own workbook read back: every text and date cell of every
  /// sheet is what was written.
  @Test func ownWorkbookReadsBack() throws {
    let inputs = Shipped.inputs
    let diagnostics = DiagnosticCollector()
    let schedule = try #require(
      MigrationScheduler(catalog: inputs.catalog, plan: inputs.plan, vendors: inputs.vendors)
        .schedule(diagnostics: diagnostics))
    let words = ReportWords(.ja)
    let sheets = WorkbookReport.sheets(
      plan: inputs.plan, catalog: inputs.catalog, schedule: schedule, baseline: nil, words: words)
    let bytes = try XLSXWriter.workbook(
      sheets, words: words, title: inputs.plan.municipality, created: schedule.asOf)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "migplan-own-\(UUID().uuidString).xlsx")
    try Data(bytes).write(to: path)
    defer { try? FileManager.default.removeItem(at: path) }
    let workbook = try #require(WorkbookReader(path: path.path, diagnostics: diagnostics))
    #expect(workbook.sheets.map(\.name) == sheets.map(\.name))
    var compared = 0
    for sheet in sheets {
      let rows = try #require(workbook.rows(of: sheet.name, diagnostics: diagnostics))
      let read = Array(rows)
      #expect(read.count == sheet.table.rows.count + 1, "\(sheet.name)")
      for (index, row) in sheet.table.rows.enumerated() where index + 1 < read.count {
        for (column, value) in row.enumerated() {
          let cell = column < read[index + 1].count ? read[index + 1][column].text : ""
          switch value {
          case .text(let text):
            #expect(cell == text, "\(sheet.name) \(index) \(column)")
            compared += 1
          case .date(let day):
            #expect(cell == day.iso, "\(sheet.name) \(index) \(column)")
            compared += 1
          default: continue
          }
        }
      }
    }
    #expect(compared > 100)
    #expect(!diagnostics.hasErrors, "\(diagnostics.sorted)")
  }
}
