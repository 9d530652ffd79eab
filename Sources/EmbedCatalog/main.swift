import Foundation

// Writes the Swift source of the built-in catalog (run by the
// EmbedCatalogPlugin at build time):
//   EmbedCatalog CATALOG OUTPUT
// Its files are areas.xml, steps.xml, calendar.xml and vendors/*.xml (in
// byte order of their names; regular files with plain names only), each
// kept byte for byte as base64 in a string literal of its own and decoded
// once, when the binary first needs it.

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 2 else {
  FileHandle.standardError.write(Data("usage: EmbedCatalog CATALOG OUTPUT\n".utf8))
  exit(64)
}
let catalog = arguments[arguments.startIndex]
let output = arguments[arguments.startIndex + 1]
func fail(_ path: String, _ message: String, _ code: Int32) -> Never {
  FileHandle.standardError.write(Data("\(path): error: \(message)\n".utf8))
  exit(code)
}
let sheets = ((try? FileManager.default.contentsOfDirectory(atPath: catalog + "/vendors")) ?? [])
  .filter { $0.hasSuffix(".xml") && !$0.hasPrefix(".") }
  .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
var entries = ""
for path in ["areas.xml", "steps.xml", "calendar.xml"] + sheets.map({ "vendors/" + $0 }) {
  let file = catalog + "/" + path
  // A name goes into Swift source: letters, digits, '.', '-' and '_' only.
  guard
    path.utf8.allSatisfy({
      $0 < 0x80
        && ($0 == 0x2F || $0 == 0x2E || $0 == 0x2D || $0 == 0x5F
          || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0))
    })
  else { fail(file, "a catalog file's name holds only letters, digits, '.', '-' and '_'", 65) }
  // Regular files only: never a link out of catalog/.
  var info = stat()
  guard lstat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
    fail(file, "not a regular file in the catalog", 66)
  }
  guard let data = FileManager.default.contents(atPath: file) else {
    fail(file, "cannot read the file", 66)
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
      guard let bytes = Data(base64Encoded: base64) else {
        preconditionFailure("the built-in catalog's \\(path) is not base64: rebuild migplan")
      }
      return CatalogFile(path: path, bytes: Array(bytes))
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
