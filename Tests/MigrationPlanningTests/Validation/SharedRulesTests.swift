import Foundation
import Testing

@testable import MigrationPlanning

/// The rules that live in more than one language agree: the XSDs state
/// what the Swift enums and the C kernel (SheetKernel.h) implement.
@Suite struct SharedRulesTests {
  static func schema(_ name: String) throws -> String {
    try String(contentsOfFile: Paths.catalog + "/schema/" + name, encoding: .utf8)
  }

  /// The enumeration values of the simple type following `marker`.
  static func enumeration(in text: String, after marker: String) throws -> [String] {
    let start = try #require(text.range(of: marker)).upperBound
    let end = try #require(text.range(of: "</xs:restriction>", range: start..<text.endIndex))
    return text[start..<end.lowerBound].components(separatedBy: "<xs:enumeration value=\"")
      .dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
  }

  @Test func classesAndStatusesMatchTheSheetSchema() throws {
    let text = try Self.schema("vendor-spec-sheet.xsd")
    #expect(
      try Self.enumeration(in: text, after: "name=\"class\"")
        == RequirementClass.allCases.map(\.rawValue))
    #expect(
      try Self.enumeration(in: text, after: "name=\"status\"")
        == RequirementStatus.allCases.map(\.rawValue))
  }

  @Test func everySchemaStatesTheIdentifierRule() throws {
    for name in ["vendor-spec-sheet.xsd", "plan.xsd", "catalog.xsd"] {
      #expect(try Self.schema(name).contains("<xs:pattern value=\"[A-Za-z0-9\\-_.]{1,64}\"/>"))
    }
  }

  @Test(arguments: [
    ("a", true), ("A-z_0.9", true), (String(repeating: "x", count: 64), true),
    ("", false), (String(repeating: "x", count: 65), false), ("a b", false), ("住民", false),
    ("a/b", false), ("a+b", false),
  ])
  func identifierRule(value: String, valid: Bool) {
    #expect(ElementFields.isIdentifier(value) == valid)
  }
}
