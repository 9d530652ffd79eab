#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way a table is read, whatever people keep it in: an .xlsx
/// workbook (its first visible sheet, or the one named) or CSV, decided by
/// the file's content, never by its name (`TableFileKind`). Either way
/// the rows come as records of cells with their places, so every reader of
/// tables (import, the PMO sheet, the 特定移行支援 list) takes both and
/// gives the same result.
public enum TableFile {
  /// The rows of the table at `path`, or nil when it cannot be read (the
  /// reason reported). `worksheet` names a workbook's sheet; given with a
  /// CSV file, it is an error; without it, a sheet named `preferring`
  /// is read when the workbook has one. `encoding` is CSV's alone.
  public static func read(
    path: String, encoding: TableEncoding = .auto, worksheet: String? = nil,
    preferring: String? = nil, diagnostics: DiagnosticCollector
  ) throws(InputFailure) -> AnySequence<[CSVCell]>? {
    try FileCheck.requireRegularFile(path)
    let at = SourceLocation(file: path, line: 1, column: 1)
    switch TableFileKind.of(path: path) {
    case .workbook:
      guard let workbook = WorkbookReader(path: path, diagnostics: diagnostics),
        let rows = workbook.rows(
          of: worksheet
            ?? preferring.flatMap { name in
              workbook.sheets.contains { $0.name == name } ? name : nil
            }, diagnostics: diagnostics)
      else { return nil }
      return AnySequence(rows)
    case .encryptedWorkbook:
      diagnostics.error(
        .workbookEncrypted,
        "the workbook is protected by a password: save a copy without one (ファイル > 情報 > "
          + "ブックの保護 > パスワードを使用して暗号化, cleared) and read that", at: at)
      return nil
    case .legacyWorkbook:
      diagnostics.error(
        .workbookLegacy,
        "a legacy Excel 97–2003 workbook (.xls): save it as .xlsx (Excel ブック) or CSV, and "
          + "read that", at: at)
      return nil
    case .csv:
      if isWorkbookName(path) && !looksLikeText(path) {
        diagnostics.error(
          .workbookUnreadable,
          "the file is named as a workbook but is neither one (a ZIP file) nor CSV text", at: at)
        return nil
      }
      if let worksheet {
        diagnostics.error(
          .worksheetMissing,
          "--worksheet '\(worksheet)' names a workbook's sheet, but the file is CSV text", at: at)
        return nil
      }
      return try CSVReader.read(path: path, encoding: encoding, diagnostics: diagnostics)
        .map(AnySequence.init)
    }
  }

  /// Whether the name says workbook (.xlsx, .xlsm).
  static func isWorkbookName(_ path: String) -> Bool {
    let lower = path.lowercased()
    return lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm")
  }

  /// Whether the file's first 4 KB hold no NUL byte, as any text does.
  static func looksLikeText(_ path: String) -> Bool {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { return true }
    defer { close(descriptor) }
    return !ZipDirectory.read(descriptor, at: 0, count: 4096).contains(0)
  }
}
