import Foundation

// Writes the Swift source of the built-in catalog (run by the
// EmbedCatalogPlugin at build time):
//   EmbedCatalog CATALOG OUTPUT
// Its files are areas.xml, steps.xml, calendar.xml and vendors/*.xml (in
// byte order of their names), each kept byte for byte as base64 in one
// string literal and decoded once, when the binary first needs it.

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 2 else {
  FileHandle.standardError.write(Data("usage: EmbedCatalog CATALOG OUTPUT\n".utf8))
  exit(64)
}
let catalog = arguments[arguments.startIndex]
let output = arguments[arguments.startIndex + 1]
let sheets = ((try? FileManager.default.contentsOfDirectory(atPath: catalog + "/vendors")) ?? [])
  .filter { $0.hasSuffix(".xml") && !$0.hasPrefix(".") }
  .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
var entries = ""
for path in ["areas.xml", "steps.xml", "calendar.xml"] + sheets.map({ "vendors/" + $0 }) {
  guard let data = FileManager.default.contents(atPath: catalog + "/" + path) else {
    FileHandle.standardError.write(Data("\(catalog)/\(path): error: cannot read the file\n".utf8))
    exit(66)
  }
  entries += "    file(\"\(path)\", \"\(data.base64EncodedString())\"),\n"
}
let source = """
  // Generated at build time by the EmbedCatalogPlugin from catalog/: not
  // in the repository, do not edit.
  import Foundation
  import MigrationPlanning

  /// The catalog built into the binary: the last place migplan looks for
  /// one, read in memory.
  enum EmbeddedCatalog {
    /// Every file, by its path inside the catalog, with its bytes.
    static let files: [CatalogFile] = [
  \(entries)  ]

    static func file(_ path: String, _ base64: String) -> CatalogFile {
      CatalogFile(path: path, bytes: Array(Data(base64Encoded: base64) ?? Data()))
    }
  }

  """
let existing = FileManager.default.contents(atPath: output)
if existing != Data(source.utf8) {
  do {
    try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
  } catch {
    FileHandle.standardError.write(Data("\(output): error: \(error)\n".utf8))
    exit(73)
  }
}
