/// Reads Office Open XML workbooks (.xlsx, .xlsm) as tables: the package's
/// relationships lead to the workbook, its sheets, its styles (which cells
/// are dates) and its shared strings; a sheet is then streamed row by row
/// (`WorksheetRows`), each cell with its place (`FILE.xlsx:8:2`, `[Sheet1!B8]`).
/// Every part goes through the safe XML reader and the ZIP part's limits.
///
/// Diagnostic ids: `workbook-unreadable`, `workbook-limit`,
/// `workbook-unsafe-name`, `worksheet-missing`, `cell-error`,
/// `hidden-cells` (warning), and the XML reader's.
public final class WorkbookReader {
  /// A sheet as the workbook lists it.
  public struct Sheet: Sendable {
    /// Its name on the tab.
    public var name: String
    /// Hidden (or very hidden).
    public var hidden: Bool
    /// Its part (`xl/worksheets/sheet1.xml`); nil for a chart sheet.
    var part: String?
  }

  /// The most shared strings a workbook may hold…
  public static let maximumSharedStrings = 1_000_000
  /// … and their size in all (UTF-8 bytes).
  public static let maximumSharedStringBytes = 256 << 20

  /// The workbook's path, for diagnostics.
  public let path: String
  /// The sheets, in tab order.
  public private(set) var sheets: [Sheet] = []
  /// Dates count from 1904-01-01 (a Mac workbook), not from 1900.
  public private(set) var date1904 = false
  let zip: ZipFile
  /// The cell formats (`s`) whose number format shows a date.
  private(set) var dateStyles: Set<Int> = []
  private var sharedStringsPart: String?
  private var stylesPart: String?

  /// Opens the workbook at `path` and reads its sheet list and styles;
  /// nil with located errors when it is not a readable workbook.
  public init?(path: String, diagnostics: DiagnosticCollector) {
    self.path = path
    guard let zip = ZipFile(path: path, diagnostics: diagnostics) else { return nil }
    self.zip = zip
    let errors = diagnostics.errorCount
    let workbookPart = officeDocument(diagnostics: diagnostics)
    guard diagnostics.errorCount == errors else { return nil }
    guard zip.directory.members[workbookPart] != nil else {
      diagnostics.error(
        .workbookUnreadable,
        "the file is a ZIP but not an .xlsx workbook (it has no \(workbookPart))",
        at: SourceLocation(file: path, line: 1, column: 1))
      return nil
    }
    let targets = relationships(of: workbookPart, diagnostics: diagnostics)
    readWorkbook(workbookPart, targets: targets, diagnostics: diagnostics)
    if let stylesPart { readStyles(stylesPart, diagnostics: diagnostics) }
    guard diagnostics.errorCount == errors else { return nil }
  }

  /// The rows of the sheet named `worksheet`, or of the first visible
  /// sheet; nil with a `worksheet-missing` error (which lists the sheets)
  /// when there is none such, or with the shared strings' errors.
  public func rows(of worksheet: String?, diagnostics: DiagnosticCollector) -> WorksheetRows? {
    let at = SourceLocation(file: path, line: 1, column: 1)
    let listed = sheets.map { "'\($0.name)'" + ($0.hidden ? " (hidden)" : "") }
      .joined(separator: ", ")
    let chosen: Sheet?
    if let worksheet {
      chosen =
        sheets.first { $0.name == worksheet }
        ?? sheets.first { NameKey.normalize($0.name) == NameKey.normalize(worksheet) }
    } else {
      chosen = sheets.first { !$0.hidden && $0.part != nil }
    }
    guard let sheet = chosen else {
      diagnostics.error(
        .worksheetMissing,
        (worksheet.map { "the workbook has no sheet '\($0)'" } ?? "the workbook has no visible "
          + "worksheet") + "; its sheets: " + (listed.isEmpty ? "none" : listed), at: at)
      return nil
    }
    guard let name = sheet.part, let part = zip.part(name) else {
      diagnostics.error(
        .worksheetMissing,
        "the sheet '\(sheet.name)' is not a worksheet (a chart sheet, or its part is missing); "
          + "its sheets: " + listed, at: at)
      return nil
    }
    let errors = diagnostics.errorCount
    let strings = sharedStringsPart.map { readSharedStrings($0, diagnostics: diagnostics) } ?? []
    guard diagnostics.errorCount == errors else { return nil }
    let merges = MergedRanges.read(part, sheet: sheet.name, diagnostics: diagnostics)
    guard diagnostics.errorCount == errors else { return nil }
    return WorksheetRows(
      part: part, sheet: sheet.name,
      cells: CellDecoder(strings: strings, dateStyles: dateStyles, date1904: date1904),
      merges: merges, diagnostics: diagnostics)
  }

  // MARK: - The package

  static let relationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

  /// The workbook's part, from the package's relationships.
  private func officeDocument(diagnostics: DiagnosticCollector) -> String {
    guard zip.directory.members["_rels/.rels"] != nil else { return "xl/workbook.xml" }
    let targets = relationships(of: "", diagnostics: diagnostics)
    return targets.first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
  }

  struct Relationship {
    var id: String
    var type: String
    var target: String
  }

  /// The relationships of `part` (`xl/_rels/workbook.xml.rels`), their
  /// targets resolved against the part's folder.
  private func relationships(of part: String, diagnostics: DiagnosticCollector) -> [Relationship] {
    let folder = part.split(separator: "/").dropLast().joined(separator: "/")
    let file = part.split(separator: "/").last.map(String.init) ?? ""
    let name = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
    guard let zipPart = zip.part(name) else { return [] }
    let reader = XMLStreamReader(part: zipPart, diagnostics: diagnostics)
    var found: [Relationship] = []
    while let event = reader.next() {
      guard case .start(let tag) = event, tag.name == "Relationship",
        let id = tag.attribute("Id"), let target = tag.attribute("Target")
      else { continue }
      guard found.count < ZipDirectory.maximumMembers else {
        diagnostics.error(
          .workbookLimit,
          "more than \(NumberStyle.count(ZipDirectory.maximumMembers)) relationships [\(name)]",
          at: SourceLocation(file: path, line: max(tag.line, 1), column: 1))
        return []
      }
      if tag.attribute("TargetMode") == "External" { continue }
      found.append(
        Relationship(
          id: id, type: tag.attribute("Type") ?? "",
          target: Self.resolve(target, from: folder)))
    }
    return found
  }

  /// A relationship's target as a member name: absolute ones from the
  /// root, relative ones from `folder`, `..` taken out (never above the root).
  static func resolve(_ target: String, from folder: String) -> String {
    var segments: [Substring] =
      target.hasPrefix("/") ? [] : folder.split(separator: "/", omittingEmptySubsequences: true)
    for segment in target.split(separator: "/", omittingEmptySubsequences: true) {
      if segment == ".." {
        _ = segments.popLast()
      } else if segment != "." {
        segments.append(segment)
      }
    }
    return segments.joined(separator: "/")
  }

  /// The sheet list and the 1904 flag; the styles and shared strings parts.
  private func readWorkbook(
    _ part: String, targets: [Relationship], diagnostics: DiagnosticCollector
  ) {
    guard let zipPart = zip.part(part) else { return }
    let byId = Dictionary(targets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    stylesPart = targets.first { $0.type.hasSuffix("/styles") }?.target
    sharedStringsPart = targets.first { $0.type.hasSuffix("/sharedStrings") }?.target
    let reader = XMLStreamReader(part: zipPart, diagnostics: diagnostics)
    while let event = reader.next() {
      guard case .start(let tag) = event else { continue }
      switch tag.name {
      case "workbookPr":
        let flag = tag.attribute("date1904")
        date1904 = flag == "1" || flag == "true"
      case "sheet":
        guard sheets.count < ZipDirectory.maximumMembers else {
          diagnostics.error(
            .workbookLimit,
            "more than \(NumberStyle.count(ZipDirectory.maximumMembers)) sheets [\(part)]",
            at: SourceLocation(file: path, line: max(tag.line, 1), column: 1))
          return
        }
        let id = tag.attributes.first { $0.name == "id" && $0.namespace != nil }?.value
        let target = id.flatMap { byId[$0] }
        let isWorksheet = target.map { $0.type.hasSuffix("/worksheet") } ?? false
        sheets.append(
          Sheet(
            name: tag.attribute("name") ?? "",
            hidden: (tag.attribute("state") ?? "visible") != "visible",
            part: isWorksheet ? target?.target : nil))
      default:
        continue
      }
    }
  }

  /// Which cell formats show dates: `cellXfs`' formats whose number format
  /// is a built-in date (14–17, 22, 27–36, 50–58) or a custom code with
  /// days, months, years or an era outside quotes and brackets.
  private func readStyles(_ part: String, diagnostics: DiagnosticCollector) {
    guard let zipPart = zip.part(part) else { return }
    let reader = XMLStreamReader(part: zipPart, diagnostics: diagnostics)
    var customDates: Set<Int> = []
    var inCellFormats = false
    var index = 0
    while let event = reader.next() {
      switch event {
      case .start(let tag) where tag.name == "numFmt":
        if let id = tag.attribute("numFmtId").flatMap({ Int($0) }),
          Self.isDateCode(tag.attribute("formatCode") ?? "")
        {
          customDates.insert(id)
        }
      case .start(let tag) where tag.name == "cellXfs":
        inCellFormats = !tag.isEmpty
      case .end(let name, _) where name == "cellXfs":
        inCellFormats = false
      case .start(let tag) where tag.name == "xf" && inCellFormats:
        guard index < Self.maximumCellFormats else {
          diagnostics.error(
            .workbookLimit,
            "more than \(NumberStyle.count(Self.maximumCellFormats)) cell formats [\(part)]",
            at: SourceLocation(file: path, line: max(tag.line, 1), column: 1))
          return
        }
        let format = tag.attribute("numFmtId").flatMap { Int($0) } ?? 0
        if Self.builtInDates.contains(format) || customDates.contains(format) {
          dateStyles.insert(index)
        }
        index += 1
      default:
        continue
      }
    }
  }

  static let builtInDates: Set<Int> = Set(14...17).union([22]).union(27...36).union(50...58)

  /// Excel's own limit on a workbook's cell formats.
  static let maximumCellFormats = 65_536

  /// Whether a custom number format shows a date: a year, a day, an era
  /// (e, g) or a month outside quoted text, escapes and brackets (but
  /// `[h]`, `[m]`, `[s]`, elapsed time). An `m` next to an hour or before
  /// a second is minutes, as Excel reads it; `AM/PM` is no month. A
  /// format with a date and a time is a date.
  static func isDateCode(_ code: String) -> Bool {
    var tokens: [Character] = []
    var quoted = false
    var escaped = false
    var bracket = ""
    var inBracket = false
    let plain = code.lowercased().replacingOccurrences(of: "general", with: "")
      .replacingOccurrences(of: "am/pm", with: "").replacingOccurrences(of: "a/p", with: "")
    let characters = Array(plain)
    for (index, character) in characters.enumerated() {
      if escaped {
        escaped = false
        continue
      }
      if inBracket {
        if character == "]" {
          inBracket = false
          // Elapsed time: [h], [mm], [ss].
          if let first = bracket.first, "hms".contains(first), bracket.allSatisfy({ $0 == first }) {
            tokens.append(first)
          }
        } else {
          bracket.append(character)
        }
        continue
      }
      if character == "\"" {
        quoted.toggle()
        continue
      }
      if quoted { continue }
      switch character {
      case "[":
        inBracket = true
        bracket = ""
      case "\\": escaped = true
      case "e":
        // E+ / E-: scientific notation.
        if index + 1 < characters.count, "+-".contains(characters[index + 1]) { continue }
        tokens.append(character)
      case "y", "d", "g", "m", "h", "s":
        // A run (yyyy, mm) is one token.
        if tokens.last != character || index == 0 || characters[index - 1] != character {
          tokens.append(character)
        }
      default: continue
      }
    }
    for (index, token) in tokens.enumerated() {
      switch token {
      case "y", "d", "e", "g": return true
      case "m":
        let after = index + 1 < tokens.count ? tokens[index + 1] : nil
        let before = index > 0 ? tokens[index - 1] : nil
        if before != "h" && after != "s" { return true }
      default: continue
      }
    }
    return false
  }

  /// The shared strings, their rich-text runs joined, phonetic guides
  /// (`rPh`, ふりがな) left out; refused past the limits.
  private func readSharedStrings(_ part: String, diagnostics: DiagnosticCollector) -> [String] {
    guard let zipPart = zip.part(part) else { return [] }
    let reader = XMLStreamReader(part: zipPart, diagnostics: diagnostics)
    var strings: [String] = []
    var current = ""
    var bytes = 0
    var phonetic = 0
    var inText = false
    func tooMany(line: Int) {
      diagnostics.error(
        .workbookLimit,
        "the workbook's shared strings pass \(NumberStyle.count(Self.maximumSharedStrings)) "
          + "entries or \(Self.maximumSharedStringBytes >> 20) MB [\(part)]",
        at: SourceLocation(file: path, line: max(line, 1), column: 1))
    }
    while let event = reader.next() {
      switch event {
      case .start(let tag):
        switch tag.name {
        case "si" where tag.isEmpty:
          // `<si/>`: an empty string, which still takes its index.
          strings.append("")
          if strings.count > Self.maximumSharedStrings {
            tooMany(line: tag.line)
            return []
          }
        case "si": current = ""
        case "rPh": phonetic += tag.isEmpty ? 0 : 1
        case "t": inText = !tag.isEmpty && phonetic == 0
        default: continue
        }
      case .text(let text, let line) where inText:
        current += text
        if bytes + current.utf8.count > Self.maximumSharedStringBytes {
          tooMany(line: line)
          return []
        }
      case .end(let name, let line):
        switch name {
        case "t": inText = false
        case "rPh": phonetic -= 1
        case "si":
          bytes += current.utf8.count
          strings.append(current)
          if strings.count > Self.maximumSharedStrings || bytes > Self.maximumSharedStringBytes {
            tooMany(line: line)
            return []
          }
        default: continue
        }
      default: continue
      }
    }
    return strings
  }
}
