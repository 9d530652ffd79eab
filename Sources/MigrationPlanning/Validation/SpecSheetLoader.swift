/// Reads the spec sheets of a catalog (`catalog/vendors/*.xml`), on disk or
/// held in memory.
public enum SpecSheetLoader {
  /// The sheets of `source` that read without errors, in file-name order;
  /// the others are reported.
  public static func load(
    source: CatalogSource, catalog: Catalog, deadline: CivilDate, diagnostics: DiagnosticCollector
  ) throws(InputFailure) -> [SpecSheet] {
    try load(sheets: source.sheets, catalog: catalog, deadline: deadline, diagnostics: diagnostics)
  }

  /// The sheets that read without errors, in order; the others are
  /// reported.
  public static func load(
    sheets: [CatalogSource.Sheet], catalog: Catalog, deadline: CivilDate,
    diagnostics: DiagnosticCollector
  ) throws(InputFailure) -> [SpecSheet] {
    let reader = SpecSheetReader(catalog: catalog, deadline: deadline)
    var read: [SpecSheet] = []
    for sheet in sheets {
      let result =
        if let bytes = sheet.bytes {
          reader.read(bytes: bytes, name: sheet.name, diagnostics: diagnostics)
        } else {
          try reader.read(path: sheet.name, diagnostics: diagnostics)
        }
      if let result { read.append(result) }
    }
    return read
  }
}
