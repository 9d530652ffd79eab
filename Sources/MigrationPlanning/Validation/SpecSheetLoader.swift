/// Reads every spec sheet of a directory (`catalog/vendors/*.xml`).
public enum SpecSheetLoader {
  /// The sheets that read without errors, in file-name order; the others
  /// are reported.
  public static func load(
    directory: String, catalog: Catalog, deadline: CivilDate, diagnostics: DiagnosticCollector
  ) throws(InputFailure) -> [SpecSheet] {
    guard FileCheck.isDirectory(directory) else { return [] }
    let files = FileCheck.files(in: directory, extension: "xml")
    return try load(files: files, catalog: catalog, deadline: deadline, diagnostics: diagnostics)
  }

  /// The sheets of `files` that read without errors, in order; the others
  /// are reported.
  public static func load(
    files: [String], catalog: Catalog, deadline: CivilDate, diagnostics: DiagnosticCollector
  ) throws(InputFailure) -> [SpecSheet] {
    let reader = SpecSheetReader(catalog: catalog, deadline: deadline)
    var sheets: [SpecSheet] = []
    for file in files {
      if let sheet = try reader.read(path: file, diagnostics: diagnostics) { sheets.append(sheet) }
    }
    return sheets
  }
}
