import Foundation
import Testing

@testable import MigrationPlanning

/// Diagnostics have a registry (#23): every id is one `DiagnosticKind`,
/// documented in the section it names, and spelled nowhere else.
@Suite struct DiagnosticKindTests {
  private static let reference = Paths.repository + "/docs/reference/"

  /// A page's sections by their anchor (GitHub's: lower case, punctuation
  /// dropped, spaces as hyphens), each with its text.
  private static func sections(of page: String) throws -> [String: String] {
    let text = try String(contentsOfFile: reference + page, encoding: .utf8)
    var sections: [String: String] = [:]
    var anchor = ""
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("## ") {
        anchor = String(
          line.dropFirst(3).lowercased().unicodeScalars
            .filter { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == " " }
            .map(Character.init)
        ).replacingOccurrences(of: " ", with: "-")
        sections[anchor] = ""
      } else {
        sections[anchor, default: ""] += line + "\n"
      }
    }
    return sections
  }

  @Test func idsAreUniqueAndRoundTrip() {
    let ids = DiagnosticKind.all.map(\.id)
    #expect(Set(ids).count == ids.count)
    #expect(ids == ids.sorted())
    for kind in DiagnosticKind.all {
      #expect(DiagnosticKind(id: kind.id) == kind)
      #expect(!kind.severities.isEmpty)
      #expect(kind.id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(kind)")
    }
    #expect(DiagnosticKind(id: "no-such-id") == nil)
  }

  /// Each kind is listed, in backquotes, in the section its reference
  /// names, and diagnostics.md links to every other page used.
  @Test func everyKindIsDocumentedWhereItSays() throws {
    var pages: [String: [String: String]] = [:]
    var missing: [String] = []
    for kind in DiagnosticKind.all {
      let parts = kind.reference.split(separator: "#").map(String.init)
      try #require(parts.count == 2, "\(kind): \(kind.reference)")
      if pages[parts[0]] == nil { pages[parts[0]] = try Self.sections(of: parts[0]) }
      guard let section = pages[parts[0]]?[parts[1]] else {
        missing.append("\(kind): no section \(kind.reference)")
        continue
      }
      if !section.contains("`\(kind.id)`") { missing.append("\(kind): not in \(kind.reference)") }
    }
    #expect(missing.isEmpty, "\(missing)")
    let index = try String(contentsOfFile: Self.reference + "diagnostics.md", encoding: .utf8)
    for page in pages.keys where page != "diagnostics.md" {
      #expect(index.contains("(\(page)#"), "diagnostics.md does not link \(page)")
    }
  }

  /// Every id the page lists (first column of a table, or a list of
  /// structure or PSPLIB ids) is a registered kind: no doc for an id that
  /// is gone.
  @Test func everyDocumentedIdIsAKind() throws {
    let sections = try Self.sections(of: "diagnostics.md")
    var unknown: [String] = []
    let id = /`([a-z0-9]+(?:-[a-z0-9]+)*)`/
    for (anchor, text) in sections where anchor != "exit-codes" && anchor != "" {
      for line in text.split(separator: "\n") {
        let listed: Substring
        if line.hasPrefix("|") {
          listed = line.split(separator: "|").first ?? ""
        } else if anchor == "structure" || anchor == "psplib" {
          listed = line
        } else {
          continue
        }
        for match in listed.matches(of: id) where match.1 != "id" {
          if DiagnosticKind(id: String(match.1)) == nil { unknown.append(String(match.1)) }
        }
      }
    }
    #expect(unknown.isEmpty, "\(unknown)")
  }

  /// Outside the registry no source spells an id as a string.
  @Test func noSourceSpellsAnId() throws {
    let sources = URL(fileURLWithPath: Paths.repository).appendingPathComponent("Sources")
    let files = try #require(FileManager.default.enumerator(atPath: sources.path))
    let ids = Set(DiagnosticKind.all.map(\.id))
    let literal = /"([a-z0-9]+(?:-[a-z0-9]+)*)"/
    var offenders: [String] = []
    for case let file as String in files
    where file.hasSuffix(".swift") && !file.hasSuffix("DiagnosticKind.swift") {
      let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
      for match in text.matches(of: literal) where ids.contains(String(match.1)) {
        offenders.append("\(file): \(match.1)")
      }
    }
    #expect(offenders.isEmpty, "\(offenders)")
  }

  /// A kind raised with a severity the registry does not give it would
  /// trip the assertion in `Diagnostic.init`; the fixtures' expected ids
  /// are all registered.
  @Test func fixtureExpectationsAreKinds() throws {
    var unknown: Set<String> = []
    let root = Paths.fixtures
    let files = try #require(FileManager.default.enumerator(atPath: root))
    for case let file as String in files where !file.hasSuffix(".expect") {
      let path = root + "/" + file
      for expected in Expectation.expected(for: path) {
        let id = String(expected.split(separator: "@").first ?? "")
        if DiagnosticKind(id: id) == nil { unknown.insert(id) }
      }
    }
    #expect(unknown.isEmpty, "\(unknown.sorted())")
  }
}
