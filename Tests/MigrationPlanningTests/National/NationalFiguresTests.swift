import Foundation
import Testing

@testable import MigrationPlanning

@Suite struct NationalFiguresTests {
  /// A data directory holding `progress` as the PMO file and the fixture's list.
  func directory(progress: String) throws -> String {
    let directory = NSTemporaryDirectory() + "migplan-national-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try progress.write(
      toFile: directory + "/" + NationalFigures.progressFile, atomically: true, encoding: .utf8)
    try FileManager.default.copyItem(
      atPath: Paths.fixtures + "/national/" + NationalFigures.tokuteiFile,
      toPath: directory + "/" + NationalFigures.tokuteiFile)
    return directory
  }

  /// The one diagnostic `progress` is refused with.
  func refusal(_ progress: String) throws -> Diagnostic? {
    let data = try directory(progress: progress)
    defer { try? FileManager.default.removeItem(atPath: data) }
    do {
      _ = try NationalPortfolio.generate(dataDirectory: data, catalog: Shipped.catalog, seed: 1)
      return nil
    } catch {
      return error.diagnostic
    }
  }

  @Test func theFixtureDecodes() throws {
    let progress = try NationalFigures.progress(in: Paths.fixtures + "/national")
    let list = try NationalFigures.tokuteiList(in: Paths.fixtures + "/national")
    #expect(progress.municipalities.first?.city == "札幌市")
    #expect(progress.municipalities.first?.businessRates["住民記録"] == 0.65)
    #expect(list.municipalities.contains { $0.bodyKey == "北海道/札幌市" })
  }

  @Test func aBadFileIsRefusedAtItsJSONPath() throws {
    let row = #"{"prefecture": "北海道", "city": "札幌市", "business_rates": {"戸籍": 0.5}}"#
    let cases: [(String, String)] = [
      (
        #"{"municipalities": [\#(row), {"prefecture": "北海道", "business_rates": {}}]}"#,
        "$.municipalities[1].city: missing"
      ),
      (
        #"{"municipalities": [\#(row), {"prefecture": "北海道", "city": "函館市", "business_rates": {"戸籍": "x"}}]}"#,
        "$.municipalities[1].business_rates.戸籍: not a number"
      ),
      (#"{"municipalities": {"a": 1}}"#, "$.municipalities: not a list"),
      (#"{"summary": {}}"#, "$.municipalities: missing"),
      (#"{"municipalities": ["#, "not JSON"),
    ]
    for (text, message) in cases {
      let diagnostic = try #require(try refusal(text), "\(text)")
      #expect(diagnostic.kind == .dataUnreadable)
      #expect(diagnostic.message == message, "\(text)")
      #expect(diagnostic.location.file.hasSuffix(NationalFigures.progressFile))
    }
  }
}
