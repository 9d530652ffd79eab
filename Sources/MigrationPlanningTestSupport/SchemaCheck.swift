import MigrationPlanning

/// Validates a file against one of the XSDs in `catalog/schema/`, streaming
/// it through the same safe reader as every other input.
public enum SchemaCheck {
  /// Every validity problem of `file` against `schema`, as diagnostics.
  public static func validate(file: String, schema: String, diagnostics: DiagnosticCollector)
    throws(InputFailure)
  {
    let reader = try XMLStreamReader(path: file, diagnostics: diagnostics, schema: schema)
    _ = reader.drain()
  }
}
