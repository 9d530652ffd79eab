import Foundation
import Testing

@testable import MigrationPlanning

/// Paths of the repository and the test fixtures.
enum Paths {
  static let repository: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  static let catalog = repository + "/catalog"
  static let shinagawa = repository + "/plans/shinagawa"
  static let fixtures = repository + "/Tests/MigrationPlanningTests/Fixtures"

  static func fixtures(_ folder: String, ext: String = "xml") -> [String] {
    let directory = fixtures + "/" + folder
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { $0.hasSuffix("." + ext) }.sorted().map { directory + "/" + $0 }
  }
}

/// The shipped catalog, loaded once.
enum Shipped {
  static let catalog: Catalog = {
    let diagnostics = DiagnosticCollector()
    guard let catalog = try? CatalogLoader.load(directory: Paths.catalog, diagnostics: diagnostics)
    else { fatalError("the shipped catalog does not load: \(diagnostics.sorted)") }
    return catalog
  }()

  static let inputs: ValidatedInputs = {
    let diagnostics = DiagnosticCollector()
    guard
      let inputs = try? InputStage.load(
        catalog: .directory(Paths.catalog), planDirectory: Paths.shinagawa, diagnostics: diagnostics
      )
    else { fatalError("the shipped plan does not load: \(diagnostics.sorted)") }
    return inputs
  }()
}

/// What a bad fixture says it must raise: `<!-- expect: id@line id@line -->`
/// in the file, or a sidecar `NAME.expect` with the same words.
enum Expectation {
  static func expected(for path: String) -> [String] {
    let sidecar = String(path.dropLast(4)) + ".expect"
    let text: String
    if let data = FileManager.default.contents(atPath: sidecar) {
      text = "expect: " + String(decoding: data, as: UTF8.self)
    } else {
      let data = FileManager.default.contents(atPath: path) ?? Data()
      text = String(decoding: data, as: UTF8.self)
    }
    guard let range = text.range(of: "expect:") else { return [] }
    let rest = text[range.upperBound...]
    let line = rest.prefix { $0 != "\n" }.replacingOccurrences(of: "-->", with: "")
    return line.split(separator: " ").map(String.init).filter { $0.contains("@") }.sorted()
  }

  static func actual(_ diagnostics: DiagnosticCollector) -> [String] {
    diagnostics.diagnostics.map { "\($0.id)@\($0.location.line)" }.sorted()
  }
}

/// A date that exists (tests only).
func day(_ year: Int, _ month: Int, _ dayOfMonth: Int) -> CivilDate {
  guard let date = CivilDate(year: year, month: month, day: dayOfMonth) else {
    preconditionFailure("no such date")
  }
  return date
}
