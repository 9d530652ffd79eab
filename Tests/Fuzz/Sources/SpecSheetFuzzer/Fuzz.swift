import MigrationPlanning

/// Areas the fuzzed sheets are checked against (the catalog's ids; one with
/// a target version, so the version comparison runs too).
private let reader = SpecSheetReader(
  areaVersions: ["jumin-kiroku": "4.0", "inkan-toroku": nil, "koseki": nil, "kaigo": nil],
  deadline: CivilDate(dayNumber: 20_543))

/// libFuzzer's entry point: any bytes must give a sheet or diagnostics,
/// never a crash, a hang or a leak.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let diagnostics = DiagnosticCollector()
  let sheet = reader.read(bytes: bytes, name: "fuzz.xml", diagnostics: diagnostics)
  // A sheet comes back exactly when no error was raised.
  if (sheet == nil) != diagnostics.hasErrors { fatalError("sheet and diagnostics disagree") }
  for diagnostic in diagnostics.diagnostics where diagnostic.location.file != "fuzz.xml" {
    fatalError("diagnostic about another file: \(diagnostic.description)")
  }
  return 0
}
