import Foundation
import MigrationPlanning

/// Where the catalog comes from, in the order migplan looks.
struct CatalogLocation {
  enum Source {
    case option, environment, workingDirectory, installed, builtIn
  }

  var path: String
  var source: Source

  /// How `check` names it.
  func description(_ words: ReportWords) -> String {
    switch source {
    case .option, .workingDirectory: path
    case .environment: "\(path) ($MIGPLAN_CATALOG)"
    case .installed: "\(path) (\(words.catalogInstalled))"
    case .builtIn: words.catalogBuiltIn
    }
  }

  nonisolated(unsafe) static var resolved: [String: CatalogLocation] = [:]

  /// `--catalog`, then `MIGPLAN_CATALOG`, then `./catalog`, then
  /// `PREFIX/share/migplan/catalog` beside `PREFIX/bin/migplan`, then the
  /// copy built into the binary (read in memory, never written out).
  static func resolve(_ given: String?) -> CatalogLocation {
    let key = given ?? ""
    if let known = resolved[key] { return known }
    let location = find(given)
    resolved[key] = location
    return location
  }

  static func find(_ given: String?) -> CatalogLocation {
    if let given { return CatalogLocation(path: given, source: .option) }
    if let variable = ProcessInfo.processInfo.environment["MIGPLAN_CATALOG"], !variable.isEmpty {
      return CatalogLocation(path: variable, source: .environment)
    }
    if FileCheck.exists("catalog/areas.xml") {
      return CatalogLocation(path: "catalog", source: .workingDirectory)
    }
    // Beside the binary as invoked (a symbolic link in PREFIX/bin), then
    // beside the file it resolves to.
    let invoked = CommandLine.arguments.first.flatMap { $0.contains("/") ? $0 : nil }
      .map { URL(fileURLWithPath: $0) }
    for binary in [invoked, Bundle.main.executableURL?.resolvingSymlinksInPath()] {
      guard let binary else { continue }
      let installed = binary.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("share/migplan/catalog").path
      if FileCheck.exists(installed + "/areas.xml") {
        return CatalogLocation(path: installed, source: .installed)
      }
    }
    return CatalogLocation(path: builtInName, source: .builtIn)
  }

  /// How diagnostics name the built-in catalog's files
  /// (`migplan:catalog/areas.xml`).
  static let builtInName = "migplan:catalog"

  /// The catalog's files for the core: the directory, or the built-in
  /// files in memory.
  var catalogSource: CatalogSource {
    source == .builtIn
      ? .files(name: path, EmbeddedCatalog.files) : .directory(path)
  }
}
